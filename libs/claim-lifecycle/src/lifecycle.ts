import type { ClaimEvent, FieldProblem, Notification, Party } from '@wc/contracts';
import {
  BusinessCalendar,
  DEFAULT_ESCALATION_POLICY,
  DeclaredDay,
  EscalationPolicy,
  LocalDate,
  ParameterTables,
  SydneyDateTime,
  addDays,
  builtInDeclaredDays,
  compareMoments,
  parseEventTime,
  tablesWith,
  triage,
} from '@wc/rules';
import { CHAPTERS, ChapterContext, LifecycleFeatures, chapterOf } from './chapters';
import { notificationCompleted } from './chapters/intake';
import { reviewMedicalPeriod } from './chapters/treatment';
import { ActionOutcome, Valuation } from './entitlement-facts';
import { ValuationOptions, valueEntitlement } from './valuation';
import { ObligationLedger } from './ledger';
import { refusal } from './refusals';
import type { ClaimState, Effect, NoticeFacts, NoticeRecord, NoticeType, ObligationRecord, Recipient } from './state';
import { addMissingWeekTriggers, initialWeekTriggers } from './week-triggers';

export type { LifecycleFeatures } from './chapters';

export interface StartOptions {
  claim: Notification;
  policy?: EscalationPolicy;
  /** Tables that replace the built-in ones (simulate's `parameters`). */
  tables?: Partial<ParameterTables>;
  declaredHolidays?: DeclaredDay[];
  features?: Partial<LifecycleFeatures>;
}

export type ApplyResult = { ok: true; outcome: ActionOutcome } | { ok: false; problems: FieldProblem[] };

/** The recipients of each notice of docs/rules.md §5 when an event does not name them. */
const RECIPIENTS: Record<NoticeType, Recipient[]> = {
  'information-request': ['notifier'],
  'contact-request': [],
  'provisional-liability': ['employer', 'worker'],
  'reasonable-excuse': ['worker'],
  'liability-accepted': ['employer', 'worker'],
  'decision-notice': ['employer', 'worker'],
  imp: ['doctor', 'employer', 'worker'],
  'ime-notice': ['doctor', 'employer', 'worker'],
  'review-outcome': ['worker'],
  'complaint-acknowledgement': ['complainant'],
  'case-conference-agenda': ['participants'],
  'case-conference-summary': ['participants'],
  'treatment-decision': ['provider', 'worker'],
  's48a-warning': ['worker'],
  's48a-suspension': ['worker'],
  's39-notice': ['worker'],
  's59a-notice': ['doctor', 'worker'],
};

const ALL_FEATURES: LifecycleFeatures = { rescheduledEffect: true, rules8Clocks: true, quietAfterFinalisation: true };

/**
 * One claim's life as a deterministic state machine (docs/rules.md §2-§8). Events (staff actions) and
 * the passing of time (00:00 day starts, the 09:00 sweep) go in; obligations, escalations and
 * notices come out as effects for the workflow to carry out. No I/O and no clock of its own, so the
 * Temporal workflow can host it and replay it. What each event does is in its chapter
 * (chapters/); this keeps the clock, the dispatch, the reminders and the 09:00 sweep.
 */
export class ClaimLifecycle {
  readonly features: LifecycleFeatures;
  private effects: Effect[] = [];
  private cal: BusinessCalendar;
  private ledger: ObligationLedger;

  private constructor(
    readonly state: ClaimState,
    features: Partial<LifecycleFeatures> = {},
  ) {
    this.features = { ...ALL_FEATURES, ...features };
    this.cal = new BusinessCalendar(state.declaredHolidays);
    this.ledger = new ObligationLedger(state, this.cal, (e) => this.effects.push(e));
  }

  /**
   * A claim carried across continueAsNew. Features the claim's workflow has taken since it started
   * bring what they need into the state (docs/rules.md §8's week triggers, looked at from the next day).
   */
  static restore(state: ClaimState, features: Partial<LifecycleFeatures> = {}): ClaimLifecycle {
    if (state.schemaVersion !== 1) throw new Error(`unknown claim state version ${state.schemaVersion}`);
    const lc = new ClaimLifecycle(state, features);
    if (lc.features.rules8Clocks) {
      addMissingWeekTriggers(state, lc.features);
      if (state.s59aCheck === undefined) state.s59aCheck = state.clock.date;
    }
    return lc;
  }

  /** The notification arrives (docs/rules.md §3): triage, and the first obligations. */
  static start(options: StartOptions): ClaimLifecycle {
    const { claim } = options;
    const at = parseEventTime(claim.notifiedAt);
    const t = triage(claim.injury);
    const features = { ...ALL_FEATURES, ...options.features };
    const lc = new ClaimLifecycle(
      {
        schemaVersion: 1,
        claim,
        policy: options.policy ?? DEFAULT_ESCALATION_POLICY,
        tables: tablesWith(options.tables),
        declaredHolidays: options.declaredHolidays ?? builtInDeclaredDays(),
        clock: at,
        firstReceivedOn: at.date,
        notificationComplete: false,
        notificationDate: at.date,
        significanceDate: null,
        classification: t.classification,
        segment: t.segment,
        triageReasons: t.reasons,
        significantObligationsOpened: false,
        obligations: [],
        notices: [],
        events: [],
        liability: [],
        excuseGiven: false,
        certificates: [],
        earnings: [],
        rtwPreInjuryOn: null,
        s38ApprovedOn: null,
        wpi: [],
        finalisedOn: null,
        instances: [],
        weekTriggers: initialWeekTriggers(features),
        seq: 0,
        ...(features.rules8Clocks ? { s48aWarnings: [], discontinuance: null, s59aCheck: null } : {}),
      },
      features,
    );
    lc.effects.push({ kind: 'classified', on: at.date, classification: t.classification, segment: t.segment, reasons: t.reasons });
    const ctx = lc.context({});
    if (claim.notificationComplete) notificationCompleted(ctx, at.date);
    else {
      // SIRA GN 3.1: ask for what is missing at once; nothing else opens until it arrives.
      const o = lc.ledger.open('notification.information-request', at.date, {});
      lc.notice('information-request', at.date, 'notification.incomplete');
      if (o) lc.ledger.complete(o, at.date, 'notice:information-request');
    }
    // s59A: a claim never paid weekly has medical compensation for a period from the day it was made.
    reviewMedicalPeriod(ctx, at.date);
    return lc;
  }

  /** Effects produced since the last call, for the workflow to carry out. */
  /** Effects decided but not yet drained (an action applied while the workflow carried out earlier ones). */
  hasPendingEffects(): boolean {
    return this.effects.length > 0;
  }

  drainEffects(): Effect[] {
    const out = this.effects;
    this.effects = [];
    return out;
  }

  /** Adds declared holidays the claim did not know (a newer list): due dates counted from now on use them. */
  declareHolidays(days: DeclaredDay[]): void {
    const known = new Set(this.state.declaredHolidays.map((d) => d.date));
    const added = days.filter((d) => !known.has(d.date));
    if (!added.length) return;
    this.state.declaredHolidays = [...this.state.declaredHolidays, ...added];
    this.cal = new BusinessCalendar(this.state.declaredHolidays);
    this.ledger = new ObligationLedger(this.state, this.cal, (e) => this.effects.push(e));
  }

  /** Applies one staff action at its moment; a refused action changes nothing. */
  apply(event: ClaimEvent): ApplyResult {
    const stated = parseEventTime(event.at);
    // An action recorded late keeps its own date for completion, but time never runs backwards.
    const at = compareMoments(stated, this.state.clock) < 0 ? this.state.clock : stated;
    const refused = refusal(this.state, event, stated);
    if (refused) return { ok: false, problems: [refused] };
    this.advanceTo(at);
    this.state.events.push({ seq: ++this.state.seq, at: stated, event });
    const outcome: ActionOutcome = {};
    chapterOf(event.type).handle(this.context(outcome), event as never, stated.date);
    return { ok: true, outcome };
  }

  /** Processes the passing of time up to and including `moment`. */
  advanceTo(moment: SydneyDateTime): void {
    const { policy } = this.state;
    const clock = this.state.clock;
    if (compareMoments(moment, clock) <= 0) return;
    for (let day = clock.date; day <= moment.date; day = addDays(day, 1)) {
      const ticks: [number, (d: LocalDate) => void][] = [
        [0, (d) => this.dayStart(d)],
        [policy.reminderMinute, (d) => this.remind(d)],
        [policy.sweepMinute, (d) => this.sweep(d)],
      ];
      // Reminders before escalations when they share a minute; a tick at exactly `moment` runs before the event.
      ticks.sort((a, b) => a[0] - b[0]);
      for (const [minute, run] of ticks) {
        const tick = { date: day, minuteOfDay: minute };
        if (compareMoments(tick, clock) > 0 && compareMoments(tick, moment) <= 0) run(day);
      }
    }
    this.state.clock = moment;
  }

  /** The next moment at which time alone would change something, or null. */
  nextWakeUp(): SydneyDateTime | null {
    const { clock, policy } = this.state;
    // docs/rules.md §4: claim.finalised cancels every open obligation and nothing opens after it; §8.2: an
    // s48A warning is open until the claim is finalised. A finalised claim has no timers.
    if (this.features.quietAfterFinalisation && this.state.finalisedOn) return null;
    const candidates: SydneyDateTime[] = [];
    const consider = (m: SydneyDateTime) => compareMoments(m, clock) > 0 && candidates.push(m);
    const firstSweepOnOrAfter = (d: LocalDate): SydneyDateTime => {
      const today = { date: clock.date, minuteOfDay: policy.sweepMinute };
      const at = { date: d, minuteOfDay: policy.sweepMinute };
      if (compareMoments(at, clock) > 0) return at;
      return compareMoments(today, clock) > 0 ? today : { date: addDays(clock.date, 1), minuteOfDay: policy.sweepMinute };
    };
    for (const o of this.state.obligations) {
      if (!this.ledger.isOpen(o)) continue;
      if (!o.remindedOn) consider({ date: this.reminderDay(o), minuteOfDay: policy.reminderMinute });
      if (!o.escalatedOn) consider(firstSweepOnOrAfter(o.dueOn));
      if (!o.overdueNotifiedOn) consider({ date: addDays(o.dueOn, 1), minuteOfDay: 0 });
    }
    for (const c of CHAPTERS) for (const day of c.wakeUps?.(this.state, this.features) ?? []) consider({ date: day, minuteOfDay: 0 });
    return candidates.reduce<SydneyDateTime | null>((a, b) => (a === null || compareMoments(b, a) < 0 ? b : a), null);
  }

  // ---- time --------------------------------------------------------------------------------

  private dayStart(day: LocalDate): void {
    // A finalised claim has nothing open and nothing starts by time alone (docs/rules.md §4, §8.2).
    if (this.features.quietAfterFinalisation && this.state.finalisedOn) return;
    for (const o of this.state.obligations) {
      // The team leader is told again when an escalated obligation becomes overdue (docs/rules.md §4).
      if (this.ledger.isOpen(o) && o.escalatedOn && !o.overdueNotifiedOn && o.dueOn < day) {
        o.overdueNotifiedOn = day;
        this.effects.push({ kind: 'overdue', obligation: o, on: day });
      }
    }
    const ctx = this.context({});
    for (const c of CHAPTERS) c.dayStart?.(ctx, day);
  }

  private remind(day: LocalDate): void {
    for (const o of this.state.obligations) {
      if (this.ledger.isOpen(o) && !o.remindedOn && this.reminderDay(o) === day && o.openedOn < day) {
        o.remindedOn = day;
        this.effects.push({ kind: 'reminder', obligation: o, on: day });
      }
    }
  }

  /** docs/rules.md §4: at 09:00 every open obligation due that day or earlier goes to the team leader. */
  private sweep(day: LocalDate): void {
    for (const o of this.state.obligations) {
      if (this.ledger.isOpen(o) && !o.escalatedOn && o.dueOn <= day) {
        o.escalatedOn = day;
        this.effects.push({ kind: 'escalated', obligation: o, on: day });
        // program 4.1: a party not reached in time gets written correspondence the same day.
        const party = o.type.startsWith('initial-contact.') ? (o.type.slice('initial-contact.'.length) as Party) : null;
        if (party) this.notice('contact-request', day, `escalation:${o.id}`, [party]);
      }
    }
  }

  private reminderDay(o: ObligationRecord): LocalDate {
    return this.cal.businessDaysBefore(o.dueOn, this.state.policy.reminderBusinessDaysBefore);
  }

  // ---- what chapters use -------------------------------------------------------------------

  private context(outcome: ActionOutcome): ChapterContext {
    return {
      state: this.state,
      ledger: this.ledger,
      cal: this.cal,
      features: this.features,
      outcome,
      notice: (...a) => this.notice(...a),
      emit: (e) => this.effects.push(e),
      valuation: () => this.valuation(),
      valueEntitlement: (through, opts) => this.valueEntitlement(through, opts),
    };
  }

  private notice(type: NoticeType, on: LocalDate, cause: string, to: Recipient[] = RECIPIENTS[type], ref?: string, facts?: NoticeFacts): void {
    const n: NoticeRecord = { type, on, to: [...to].sort(), cause, ...(ref !== undefined ? { ref } : {}), ...(facts ? { facts } : {}) };
    this.state.notices.push(n);
    this.effects.push({ kind: 'notice', notice: n });
  }

  private valuation(): Valuation {
    return { piawe: this.state.claim.piawe ?? '0.00', tables: this.state.tables };
  }

  /** The claim's weekly compensation as its facts stand now (the one valuation, valuation.ts). */
  valueEntitlement(through: LocalDate, opts?: ValuationOptions) {
    return valueEntitlement(this.state, this.valuation(), through, opts);
  }
}
