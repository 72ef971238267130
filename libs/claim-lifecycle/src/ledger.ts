import { BusinessCalendar, DueContext, LocalDate, OBLIGATIONS, ObligationType, dueDate } from '@wc/rules';
import type { ClaimState, Effect, ObligationRecord } from './state';

/**
 * Opening, completing and cancelling obligations (docs/rules.md §4). Everything that changes an
 * obligation goes through here so each change is also reported as an effect.
 */
export class ObligationLedger {
  constructor(
    private readonly state: ClaimState,
    private readonly cal: BusinessCalendar,
    private readonly emit: (e: Effect) => void,
  ) {}

  open(
    type: ObligationType,
    openedOn: LocalDate,
    ctx: Omit<DueContext, 'trigger'> & { trigger?: LocalDate },
    extra: Partial<Pick<ObligationRecord, 'ref' | 'certificateId'>> = {},
  ): ObligationRecord | null {
    if (this.state.finalisedOn) return null; // docs/rules.md §4: nothing opens after claim.finalised
    const due = dueDate(type, { ...ctx, trigger: ctx.trigger ?? openedOn }, this.cal);
    const o: ObligationRecord = {
      id: `${type}#${++this.state.seq}`,
      type,
      openedOn,
      dueOn: due.dueOn,
      due,
      completedOn: null,
      completedBy: null,
      cancelledOn: null,
      cancelledBy: null,
      escalatedOn: null,
      remindedOn: null,
      overdueNotifiedOn: null,
      ...extra,
    };
    this.state.obligations.push(o);
    this.emit({ kind: 'obligation-opened', obligation: o });
    return o;
  }

  isOpen(o: ObligationRecord): boolean {
    return o.completedOn === null && o.cancelledOn === null;
  }

  openOf(type: ObligationType, ref?: string): ObligationRecord[] {
    return this.state.obligations.filter((o) => o.type === type && this.isOpen(o) && (ref === undefined || o.ref === ref));
  }

  complete(o: ObligationRecord, on: LocalDate, by: string): void {
    if (!this.isOpen(o)) return;
    // An action recorded with an earlier date than the obligation itself counts from its opening day.
    o.completedOn = on < o.openedOn ? o.openedOn : on;
    o.completedBy = by;
    this.emit({ kind: 'obligation-closed', obligation: o });
  }

  cancel(o: ObligationRecord, on: LocalDate, by: string): void {
    if (!this.isOpen(o)) return;
    o.cancelledOn = on;
    o.cancelledBy = by;
    this.emit({ kind: 'obligation-closed', obligation: o });
  }

  completeAll(type: ObligationType, on: LocalDate, by: string, ref?: string): number {
    const open = this.openOf(type, ref);
    open.forEach((o) => this.complete(o, on, by));
    return open.length;
  }

  cancelAll(type: ObligationType, on: LocalDate, by: string): void {
    this.openOf(type).forEach((o) => this.cancel(o, on, by));
  }

  /** Whether `type` is cancelled by an event of this type (catalogue data). */
  static cancels(type: ObligationType, eventType: string): boolean {
    return OBLIGATIONS[type].cancelledBy.includes(eventType);
  }
}
