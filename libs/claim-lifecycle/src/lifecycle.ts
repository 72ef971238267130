import type { ClaimEvent, FieldProblem, Notification, Party } from '@wc/contracts';
import {
  BusinessCalendar,
  DEFAULT_ESCALATION_POLICY,
  DeclaredDay,
  EscalationPolicy,
  LocalDate,
  OBLIGATIONS,
  PAYMENT_OBLIGATION_TYPES,
  ObligationType,
  ParameterTables,
  SydneyDateTime,
  addDays,
  builtInDeclaredDays,
  compareMoments,
  parseEventTime,
  reclassify,
  tablesWith,
  triage,
} from '@wc/rules';
import { ObligationLedger } from './ledger';
import { handleInstanceEvent } from './instances';
import { checkWeekTriggers, initialWeekTriggers, scheduleWeekTriggers } from './week-triggers';
import { refusal } from './refusals';
import type { ClaimState, Effect, NoticeRecord, NoticeType, ObligationRecord, Recipient } from './state';

export interface StartOptions {
  claim: Notification;
  policy?: EscalationPolicy;
  /** Tables that replace the built-in ones (simulate's `parameters`). */
  tables?: Partial<ParameterTables>;
  declaredHolidays?: DeclaredDay[];
}

export type ApplyResult = { ok: true } | { ok: false; problems: FieldProblem[] };

const SIGNIFICANT_TYPES: ObligationType[] = ['initial-contact.worker', 'initial-contact.employer', 'initial-contact.doctor', 'imp.initial', 'rtw-goal.review'];
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
};

/**
 * One claim's life as a deterministic state machine (rules.md §2–§5). Events (staff actions) and the
 * passing of time (00:00 day starts, the 09:00 sweep) go in; obligations, escalations and notices come
 * out as effects for the workflow to carry out. No I/O and no clock of its own, so the Temporal
 * workflow can host it and replay it.
 */
/** Behaviour that changed after claims were already running; the workflow sets these from patched(). */
export interface LifecycleFeatures {
  /** Emit `obligation-rescheduled` when a due date moves (2026-11-22). */
  rescheduledEffect: boolean;
}

export class ClaimLifecycle {
  readonly features: LifecycleFeatures = { rescheduledEffect: true };
  private effects: Effect[] = [];
  private readonly cal: BusinessCalendar;
  private readonly ledger: ObligationLedger;

  private constructor(readonly state: ClaimState) {
    this.cal = new BusinessCalendar(state.declaredHolidays);
    this.ledger = new ObligationLedger(state, this.cal, (e) => this.effects.push(e));
  }

  static restore(state: ClaimState): ClaimLifecycle {
    if (state.schemaVersion !== 1) throw new Error(`unknown claim state version ${state.schemaVersion}`);
    return new ClaimLifecycle(state);
  }

  /** The notification arrives (rules.md §3): triage, and the first obligations. */
  static start(options: StartOptions): ClaimLifecycle {
    const { claim } = options;
    const at = parseEventTime(claim.notifiedAt);
    const t = triage(claim.injury);
    const lc = new ClaimLifecycle({
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
      weekTriggers: initialWeekTriggers(),
      seq: 0,
    });
    lc.effects.push({ kind: 'classified', on: at.date, classification: t.classification, segment: t.segment, reasons: t.reasons });
    if (claim.notificationComplete) lc.notificationCompleted(at.date);
    else {
      // SIRA GN 3.1: ask for what is missing at once; nothing else opens until it arrives.
      const o = lc.ledger.open('notification.information-request', at.date, {});
      lc.notice('information-request', at.date, 'notification.incomplete');
      if (o) lc.ledger.complete(o, at.date, 'notice:information-request');
    }
    return lc;
  }

  /** Effects produced since the last call, for the workflow to carry out. */
  drainEffects(): Effect[] {
    const out = this.effects;
    this.effects = [];
    return out;
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
    this.handle(event, stated.date);
    return { ok: true };
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
    for (const t of this.state.weekTriggers) if (!t.startedOn && t.nextCheck) consider({ date: t.nextCheck, minuteOfDay: 0 });
    return candidates.reduce<SydneyDateTime | null>((a, b) => (a === null || compareMoments(b, a) < 0 ? b : a), null);
  }

  // ---- time --------------------------------------------------------------------------------

  private dayStart(day: LocalDate): void {
    for (const o of this.state.obligations) {
      // The team leader is told again when an escalated obligation becomes overdue (rules.md §4).
      if (this.ledger.isOpen(o) && o.escalatedOn && !o.overdueNotifiedOn && o.dueOn < day) {
        o.overdueNotifiedOn = day;
        this.effects.push({ kind: 'overdue', obligation: o, on: day });
      }
    }
    checkWeekTriggers(this.weekContext(), day);
  }

  private remind(day: LocalDate): void {
    for (const o of this.state.obligations) {
      if (this.ledger.isOpen(o) && !o.remindedOn && this.reminderDay(o) === day && o.openedOn < day) {
        o.remindedOn = day;
        this.effects.push({ kind: 'reminder', obligation: o, on: day });
      }
    }
  }

  /** rules.md §4: at 09:00 every open obligation due that day or earlier goes to the team leader. */
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

  // ---- events ------------------------------------------------------------------------------

  private handle(event: ClaimEvent, date: LocalDate): void {
    const l = this.ledger;
    switch (event.type) {
      case 'notification.completed':
        this.state.notificationDate = date;
        this.notificationCompleted(date);
        return;
      case 'contact.made':
        l.completeAll(`initial-contact.${event.party}`, date, event.type);
        return;
      case 'obligation.waived':
        l.cancelAll(event.obligation, date, `${event.type}: ${event.reason}`);
        return;
      case 'triage.reclassified': {
        const r = reclassify(this.state.claim.injury, event.to);
        Object.assign(this.state, { classification: r.classification, segment: r.segment, triageReasons: r.reasons });
        this.effects.push({ kind: 'classified', on: date, ...r });
        if (event.to === 'significant' && this.state.notificationComplete) this.becameSignificant(date);
        return;
      }
      case 'liability.provisional':
        this.state.liability.push({ on: date, decision: 'provisional' });
        for (const t of ['liability.initial', 'liability.after-excuse'] as const) l.completeAll(t, date, event.type);
        l.open('liability.determination', date, { 'notification-date': this.state.notificationDate });
        this.notice('provisional-liability', date, event.type);
        this.openCertificateRenewals(date);
        scheduleWeekTriggers(this.weekContext());
        return;
      case 'liability.reasonable-excuse':
        this.state.excuseGiven = true;
        l.completeAll('liability.initial', date, event.type);
        this.notice('reasonable-excuse', date, event.type);
        return;
      case 'information.received':
        // program 4.4: once the information arrives, liability is decided within 7 days.
        if (this.state.excuseGiven && this.state.liability.length === 0 && l.openOf('liability.after-excuse').length === 0) l.open('liability.after-excuse', date, {});
        return;
      case 'liability.accepted':
        this.state.liability.push({ on: date, decision: 'accepted' });
        for (const t of ['liability.initial', 'liability.determination', 'liability.after-excuse'] as const) l.completeAll(t, date, event.type);
        this.notice('liability-accepted', date, event.type);
        this.openCertificateRenewals(date);
        scheduleWeekTriggers(this.weekContext());
        return;
      case 'liability.disputed':
        this.state.liability.push({ on: date, decision: 'disputed' });
        for (const t of ['liability.initial', 'liability.determination', 'liability.after-excuse'] as const) l.completeAll(t, date, event.type);
        this.notice('decision-notice', date, event.type);
        return;
      case 'certificate.received':
        this.certificateReceived(event, date);
        return;
      case 'earnings.reported':
        this.state.earnings.push({ weekStarting: event.weekStarting, amount: event.amount, hours: event.hours });
        return;
      case 'rtw.pre-injury-duties':
        this.state.rtwPreInjuryOn ??= date;
        for (const t of ['imp.initial', 'rtw-goal.review', 'certificate.renewal'] as const) l.cancelAll(t, date, event.type);
        return;
      case 'rtw-goal.set':
        l.completeAll('rtw-goal.review', date, event.type);
        return;
      case 'imp.issued':
        l.completeAll('imp.initial', date, event.type);
        l.completeAll('imp.revision', date, event.type);
        this.notice('imp', date, event.type);
        return;
      case 'imp.change-notified':
        l.open('imp.revision', date, {});
        return;
      case 'ime.booked':
      case 'ime.cancelled':
      case 'review.requested':
      case 'review.completed':
      case 'complaint.received':
      case 'complaint.acknowledged':
      case 'complaint.extended':
      case 'complaint.resolved':
      case 'case-conference.scheduled':
      case 'case-conference.agenda-sent':
      case 'case-conference.held':
      case 'case-conference.summary-sent':
      case 'case-conference.cancelled':
        handleInstanceEvent({ state: this.state, ledger: l, notice: (...a) => this.notice(...a), emit: (e) => this.features.rescheduledEffect && this.effects.push(e) }, event, date);
        return;
      case 'employment.no-suitable-duties':
        l.open('case-conference.required', date, {});
        return;
      case 'wca.completed': {
        l.completeAll('wca.78-weeks', date, event.type);
        l.completeAll('wca.biennial', date, event.type);
        // program 5.6: after week 131 starts, each assessment opens the next one two years on.
        const t131 = this.state.weekTriggers.find((t) => t.week === 131);
        if (t131?.startedOn && t131.startedOn <= date && !this.highestNeeds()) l.open('wca.biennial', date, {});
        return;
      }
      case 'wpi.assessed':
        this.state.wpi.push({ on: date, percent: event.percent });
        if (this.highestNeeds()) l.cancelAll('wca.biennial', date, `${event.type}: ${event.percent}%`);
        return;
      case 's38.approved':
        this.state.s38ApprovedOn ??= date;
        return;
      case 'claim.finalised':
        for (const o of this.state.obligations) l.cancel(o, date, `${event.type}: ${event.reason}`);
        this.state.finalisedOn = date;
        return;
      // program 4.6: the payments service's clocks, counted from when the certificate, earnings or
      // schedule was received and escalated like any obligation.
      case 'payment-clock.started':
        l.open(event.clock === 'weekly-payment' ? 'payment.weekly' : 'payment.reimbursement', date, { trigger: event.receivedOn }, { ref: event.ref });
        return;
      case 'payment-clock.met':
        for (const t of PAYMENT_OBLIGATION_TYPES) l.completeAll(t, date, event.type, event.ref);
        return;
      case 'payment-clock.stopped':
        for (const t of PAYMENT_OBLIGATION_TYPES) for (const o of l.openOf(t, event.ref)) l.cancel(o, date, `${event.type}: ${event.reason}`);
        return;
    }
  }

  /** Complete notification (rules.md §3): the liability clock starts; significant claims open their obligations. */
  private notificationCompleted(date: LocalDate): void {
    this.state.notificationComplete = true;
    this.ledger.open('liability.initial', date, {});
    if (this.state.classification === 'significant') this.becameSignificant(date);
  }

  private becameSignificant(date: LocalDate): void {
    if (this.state.significantObligationsOpened) return;
    this.state.significantObligationsOpened = true;
    this.state.significanceDate = date;
    const ctx = { 'significance-date': date, 'date-of-injury': this.state.claim.injury.dateOfInjury };
    for (const type of SIGNIFICANT_TYPES) {
      const o = this.ledger.open(type, date, ctx);
      if (o) this.settleFromEarlierEvents(o);
    }
  }

  /**
   * rules.md §4 exception: an obligation that opens late (on reclassification) is completed or
   * cancelled on its opening date by an earlier event that would have done so.
   */
  private settleFromEarlierEvents(o: ObligationRecord): void {
    const def = OBLIGATIONS[o.type];
    for (const { event } of this.state.events) {
      if (event.type === 'triage.reclassified') continue;
      const key = event.type === 'contact.made' ? `contact.made:${event.party}` : event.type;
      if (def.completedBy.includes(key)) return this.ledger.complete(o, o.openedOn, event.type);
      if (def.cancelledBy.includes(event.type) && (event.type !== 'obligation.waived' || event.obligation === o.type)) return this.ledger.cancel(o, o.openedOn, event.type);
    }
  }

  private certificateReceived(event: Extract<ClaimEvent, { type: 'certificate.received' }>, date: LocalDate): void {
    const cert = { id: `certificate#${++this.state.seq}`, seq: this.state.seq, capacity: event.capacity, from: event.from, to: event.to, receivedOn: date };
    // program 2.4, 4.6: the next certificate (any capacity) continuing the last one renews it.
    for (const o of this.ledger.openOf('certificate.renewal')) {
      const renewed = this.state.certificates.find((c) => c.id === o.certificateId);
      if (renewed && event.from <= addDays(renewed.to, 1)) this.ledger.complete(o, date, event.type);
    }
    this.state.certificates.push(cert);
    this.openCertificateRenewals(date);
    if (cert.capacity !== 'fit') scheduleWeekTriggers(this.weekContext());
  }

  /** rules.md §4 certificate.renewal: open for each none/some certificate once liability is provisional or accepted. */
  private openCertificateRenewals(date: LocalDate): void {
    const last = this.state.liability[this.state.liability.length - 1]?.decision;
    if (last !== 'provisional' && last !== 'accepted') return;
    if (this.state.rtwPreInjuryOn || this.state.finalisedOn) return;
    const opened = new Set(this.state.obligations.filter((o) => o.type === 'certificate.renewal').map((o) => o.certificateId));
    for (const c of this.state.certificates) {
      if (c.capacity === 'fit' || opened.has(c.id)) continue;
      const continued = this.state.certificates.some((n) => n.seq > c.seq && n.from <= addDays(c.to, 1));
      if (continued) continue;
      this.ledger.open('certificate.renewal', date, { 'certificate-to': c.to }, { certificateId: c.id });
    }
  }

  private weekContext() {
    return { state: this.state, ledger: this.ledger, entitlementInput: (d: LocalDate) => this.entitlementInput(d), highestNeeds: () => this.highestNeeds() };
  }

  private highestNeeds(): boolean {
    const w = this.state.wpi[this.state.wpi.length - 1];
    return !!w && w.percent > 30;
  }

  // ---- notices and instances -----------------------------------------------------------------

  private notice(type: NoticeType, on: LocalDate, cause: string, to: Recipient[] = RECIPIENTS[type], ref?: string): void {
    const n: NoticeRecord = { type, on, to: [...to].sort(), cause, ...(ref !== undefined ? { ref } : {}) };
    this.state.notices.push(n);
    this.effects.push({ kind: 'notice', notice: n });
  }

  /** Facts for the weekly compensation rules as known now. */
  entitlementInput(through: LocalDate) {
    const s = this.state;
    return {
      piawe: s.claim.piawe ?? '0.00',
      certificates: s.certificates,
      liability: s.liability,
      finalisedOn: s.finalisedOn,
      earnings: s.earnings,
      s38ApprovedOn: s.s38ApprovedOn,
      wpiAssessments: s.wpi,
      through,
      tables: s.tables,
    };
  }
}
