import type { ClaimEvent } from '@wc/contracts';
import type { LocalDate, ObligationType } from '@wc/rules';
import type { ObligationLedger } from './ledger';
import type { ClaimState, Effect, InstanceKind, InstanceRecord, NoticeType, Recipient } from './state';

/**
 * The parts of a claim that come several at a time, each with its own obligations: IME referrals
 * (program 4.9), internal reviews (s287A; program 9), complaints (program 8) and case conferences
 * (case conference guide). Events carry `ref`; without it they mean the oldest open one.
 */
export interface InstanceContext {
  state: ClaimState;
  ledger: ObligationLedger;
  notice(type: NoticeType, on: LocalDate, cause: string, to?: Recipient[], ref?: string): void;
  emit(effect: Effect): void;
}

export function newInstance(state: ClaimState, kind: InstanceKind, ref: string | undefined, openedOn: LocalDate, on?: LocalDate): InstanceRecord {
  const r = ref ?? `${kind}-${state.instances.filter((i) => i.kind === kind).length + 1}`;
  const inst: InstanceRecord = { kind, ref: r, openedOn, closed: false, ...(on ? { on } : {}) };
  state.instances.push(inst);
  return inst;
}

/** By ref, or the oldest open one with the obligation still pending, or else the oldest open one. */
export function findInstance(ctx: Pick<InstanceContext, 'state' | 'ledger'>, kind: InstanceKind, ref: string | undefined, pending?: ObligationType): InstanceRecord | undefined {
  const open = ctx.state.instances.filter((i) => i.kind === kind && !i.closed);
  if (ref !== undefined) return open.find((i) => i.ref === ref);
  return (pending && open.find((i) => ctx.ledger.openOf(pending, i.ref).length > 0)) || open[0];
}

type InstanceEvent = Extract<ClaimEvent, { type: `ime.${string}` | `review.${string}` | `complaint.${string}` | `case-conference.${string}` }>;

/** Refusals (no such open instance) were checked before this runs. */
export function handleInstanceEvent(ctx: InstanceContext, event: InstanceEvent, date: LocalDate): void {
  const l = ctx.ledger;
  switch (event.type) {
    case 'ime.booked': {
      const inst = newInstance(ctx.state, 'ime', event.ref, date, event.appointmentOn);
      const o = l.open('ime.notice', date, { appointment: event.appointmentOn }, { ref: inst.ref });
      // program 4.9: the notice goes out at once on booking, so the obligation is met or late right away.
      ctx.notice('ime-notice', date, event.type, undefined, inst.ref);
      if (o) l.complete(o, date, 'notice:ime-notice');
      return;
    }
    case 'ime.cancelled':
      findInstance(ctx, 'ime', event.ref)!.closed = true;
      return;
    case 'review.requested': {
      const inst = newInstance(ctx.state, 'review', event.ref, date);
      l.open('review.internal', date, {}, { ref: inst.ref });
      return;
    }
    case 'review.completed': {
      const inst = findInstance(ctx, 'review', event.ref, 'review.internal')!;
      l.completeAll('review.internal', date, event.type, inst.ref);
      inst.closed = true;
      ctx.notice('review-outcome', date, event.type, undefined, inst.ref);
      return;
    }
    case 'complaint.received': {
      const inst = newInstance(ctx.state, 'complaint', event.ref, date);
      l.open('complaint.acknowledgement', date, {}, { ref: inst.ref });
      l.open('complaint.resolution', date, {}, { ref: inst.ref });
      return;
    }
    case 'complaint.acknowledged': {
      const inst = findInstance(ctx, 'complaint', event.ref, 'complaint.acknowledgement')!;
      l.completeAll('complaint.acknowledgement', date, event.type, inst.ref);
      ctx.notice('complaint-acknowledgement', date, event.type, undefined, inst.ref);
      if (!l.openOf('complaint.resolution', inst.ref).length) inst.closed = true;
      return;
    }
    case 'complaint.extended': {
      const inst = findInstance(ctx, 'complaint', event.ref, 'complaint.resolution')!;
      for (const o of l.openOf('complaint.resolution', inst.ref)) {
        o.dueOn = event.newDate;
        o.due = { ...o.due, dueOn: event.newDate, rule: `extended to ${event.newDate} (complaint.extended)` };
        // A new deadline starts its reminder and escalation afresh.
        o.escalatedOn = null;
        o.remindedOn = null;
        o.overdueNotifiedOn = null;
        ctx.emit({ kind: 'obligation-rescheduled', obligation: o, on: date });
      }
      return;
    }
    case 'complaint.resolved': {
      const inst = findInstance(ctx, 'complaint', event.ref, 'complaint.resolution')!;
      l.completeAll('complaint.resolution', date, event.type, inst.ref);
      if (!l.openOf('complaint.acknowledgement', inst.ref).length) inst.closed = true;
      return;
    }
    case 'case-conference.scheduled': {
      const inst = newInstance(ctx.state, 'case-conference', event.ref, date, event.on);
      l.open('case-conference.agenda', date, { conference: event.on }, { ref: inst.ref });
      return;
    }
    case 'case-conference.agenda-sent': {
      const inst = findInstance(ctx, 'case-conference', event.ref, 'case-conference.agenda')!;
      l.completeAll('case-conference.agenda', date, event.type, inst.ref);
      ctx.notice('case-conference-agenda', date, event.type, undefined, inst.ref);
      return;
    }
    case 'case-conference.held': {
      const inst = findInstance(ctx, 'case-conference', event.ref) ?? newInstance(ctx.state, 'case-conference', undefined, date, date);
      l.open('case-conference.summary', date, {}, { ref: inst.ref });
      l.completeAll('case-conference.required', date, event.type);
      return;
    }
    case 'case-conference.summary-sent': {
      const inst = findInstance(ctx, 'case-conference', event.ref, 'case-conference.summary')!;
      l.completeAll('case-conference.summary', date, event.type, inst.ref);
      inst.closed = true;
      ctx.notice('case-conference-summary', date, event.type, undefined, inst.ref);
      return;
    }
    case 'case-conference.cancelled': {
      const inst = findInstance(ctx, 'case-conference', event.ref)!;
      for (const o of l.openOf('case-conference.agenda', inst.ref)) l.cancel(o, date, event.type);
      inst.closed = true;
      return;
    }
  }
}
