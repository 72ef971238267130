import { Calendar } from '../calendar';

/** Every obligation type of docs/rules.md §4. */
export const OBLIGATION_TYPES = [
  'notification.information-request',
  'initial-contact.worker',
  'initial-contact.employer',
  'initial-contact.doctor',
  'liability.initial',
  'liability.determination',
  'liability.after-excuse',
  'imp.initial',
  'imp.revision',
  'rtw-goal.review',
  'certificate.renewal',
  'ime.notice',
  'review.internal',
  'complaint.acknowledgement',
  'complaint.resolution',
  'case-conference.agenda',
  'case-conference.summary',
  'case-conference.required',
  'wca.78-weeks',
  'wca.biennial',
  // docs/rules.md §8
  'treatment.acknowledgement',
  'treatment.decision',
  's48a.compliance',
  's39.notice',
] as const;

/**
 * The payment clocks (issue 5; program 4.6): weekly compensation paid within 5 business days of
 * receiving the certificate or earnings information, and an employer paying through payroll
 * reimbursed within 10 business days of its schedule arriving. The payments service starts and
 * meets them; the claim's workflow tracks and escalates them like any other obligation. They are
 * not in docs/rules.md §4, so the simulate-shaped timeline leaves them out; the work and escalation
 * queues show them.
 */
export const PAYMENT_OBLIGATION_TYPES = ['payment.weekly', 'payment.reimbursement'] as const;
export type PaymentObligationType = (typeof PAYMENT_OBLIGATION_TYPES)[number];

/**
 * The s59A notice (1987 Act s59A; SIRA Standard of Practice S19; docs/sources.md T23): written notice
 * to the worker and the nominated treating doctor at least 13 weeks before medical compensation
 * ends. Built like the rule book's obligations but not (yet) in docs/rules.md, so the simulate-shaped
 * timeline leaves it out.
 */
export const MEDICAL_OBLIGATION_TYPES = ['s59a.notice'] as const;
export type MedicalObligationType = (typeof MEDICAL_OBLIGATION_TYPES)[number];
export type ObligationType = (typeof OBLIGATION_TYPES)[number] | PaymentObligationType | MedicalObligationType;

/** The date a due rule counts from. */
export type DueBase =
  | 'trigger' // the day the obligation opened (the event or the passing of time that triggered it)
  | 'notification-date'
  | 'significance-date'
  | 'date-of-injury'
  | 'appointment' // the IME appointment
  | 'conference' // the case conference date
  | 'certificate-to' // the last day of the certificate
  | 'suspend-from' // the s48A suspension date named in the warning
  | 'medical-cessation'; // the first day medical compensation is no longer payable (s59A)

export type DueRule =
  | { kind: 'business-days-after'; n: number; base: DueBase }
  | { kind: 'business-days-before'; n: number; base: DueBase }
  /** N calendar days before the base, never rolled (s48A: the day before the suspension date). */
  | { kind: 'days-before'; n: number; base: DueBase }
  /** N weeks before the base, moved back to a business day: "at least N weeks before" is never late by rolling forward. */
  | { kind: 'weeks-before'; n: number; base: DueBase }
  | { kind: 'days-after'; n: number; base: DueBase }
  | { kind: 'weeks-after'; n: number; base: DueBase }
  | { kind: 'years-after'; n: number; base: DueBase }
  | { kind: 'on'; base: DueBase }
  /** liability.determination: the later of two dates (WIMWCA s274 with provisional extension). */
  | { kind: 'later-of'; rules: DueRule[] }
  /** complaint.resolution: a default that a `complaint.extended` event replaces. */
  | { kind: 'extendable'; rule: DueRule };

export interface ObligationDefinition {
  type: ObligationType;
  /** What opens it, in the words of docs/rules.md §4. */
  opensWhen: string;
  due: DueRule;
  /** The calendar its period is counted in (for staff and audit). */
  calendar: Calendar;
  /** Event types that complete it (docs/rules.md §4 "completed by"). */
  completedBy: string[];
  /** Event types that cancel it. */
  cancelledBy: string[];
  /** May open after the event that completes or cancels it (on reclassification; docs/rules.md §4 exception). */
  canOpenLate: boolean;
  /** Legislation or program section. */
  source: string;
}

const bd = (n: number, base: DueBase = 'trigger'): DueRule => ({ kind: 'business-days-after', n, base });
const days = (n: number, base: DueBase = 'trigger'): DueRule => ({ kind: 'days-after', n, base });

/** The catalogue, in the order of docs/rules.md §4. */
const RULE_BOOK_OBLIGATIONS: Record<(typeof OBLIGATION_TYPES)[number], ObligationDefinition> = {
  'notification.information-request': {
    type: 'notification.information-request',
    opensWhen: 'notification received incomplete',
    due: bd(3),
    calendar: 'business-days',
    completedBy: ['notice:information-request'],
    cancelledBy: [],
    canOpenLate: false,
    source: 'SIRA GN 3.1; program 3.3.1',
  },
  'initial-contact.worker': initialContact('worker'),
  'initial-contact.employer': initialContact('employer'),
  'initial-contact.doctor': initialContact('doctor'),
  'liability.initial': {
    type: 'liability.initial',
    opensWhen: 'complete notification (any classification)',
    due: days(7),
    calendar: 'calendar-days',
    completedBy: ['liability.provisional', 'liability.reasonable-excuse', 'liability.accepted', 'liability.disputed'],
    cancelledBy: [],
    canOpenLate: false,
    source: 'WIMWCA s267, s268; program 4.2, 4.4',
  },
  'liability.determination': {
    type: 'liability.determination',
    opensWhen: 'liability.provisional',
    due: { kind: 'later-of', rules: [days(21, 'notification-date'), { kind: 'weeks-after', n: 12, base: 'trigger' }] },
    calendar: 'calendar-days',
    completedBy: ['liability.accepted', 'liability.disputed'],
    cancelledBy: [],
    canOpenLate: false,
    source: 'WIMWCA s274; program 4.4',
  },
  'liability.after-excuse': {
    type: 'liability.after-excuse',
    opensWhen: 'information.received after a reasonable excuse, while no other liability decision has been made',
    due: days(7),
    calendar: 'calendar-days',
    completedBy: ['liability.provisional', 'liability.accepted', 'liability.disputed'],
    cancelledBy: [],
    canOpenLate: false,
    source: 'program 4.4',
  },
  'imp.initial': {
    type: 'imp.initial',
    opensWhen: 'claim is significant',
    due: bd(20, 'significance-date'),
    calendar: 'business-days',
    completedBy: ['imp.issued'],
    cancelledBy: ['rtw.pre-injury-duties'],
    canOpenLate: true,
    source: 'program 4.7; SIRA SoP 12',
  },
  'imp.revision': {
    type: 'imp.revision',
    opensWhen: 'imp.change-notified',
    due: bd(10),
    calendar: 'business-days',
    completedBy: ['imp.issued'],
    cancelledBy: [],
    canOpenLate: false,
    source: 'program 4.7',
  },
  'rtw-goal.review': {
    type: 'rtw-goal.review',
    opensWhen: 'claim is significant',
    due: { kind: 'weeks-after', n: 13, base: 'date-of-injury' },
    calendar: 'calendar-days',
    completedBy: ['rtw-goal.set'],
    cancelledBy: ['rtw.pre-injury-duties'],
    canOpenLate: true,
    source: 'program 5.5',
  },
  'certificate.renewal': {
    type: 'certificate.renewal',
    opensWhen:
      'a certificate of capacity none or some has been received and liability is provisional or accepted, unless its next certificate has arrived, the worker is back on pre-injury duties or the claim is finalised',
    due: { kind: 'on', base: 'certificate-to' },
    calendar: 'calendar-days',
    completedBy: ['certificate.received'],
    cancelledBy: ['rtw.pre-injury-duties', 'claim.finalised'],
    canOpenLate: false,
    source: 'program 2.4, 4.6; Workers Compensation Act 1987 s44B',
  },
  'ime.notice': {
    type: 'ime.notice',
    opensWhen: 'ime.booked',
    due: { kind: 'business-days-before', n: 10, base: 'appointment' },
    calendar: 'business-days',
    completedBy: ['notice:ime-notice'],
    cancelledBy: [],
    canOpenLate: false,
    source: 'program 4.9',
  },
  'review.internal': {
    type: 'review.internal',
    opensWhen: 'review.requested',
    due: days(14),
    calendar: 'calendar-days',
    completedBy: ['review.completed'],
    cancelledBy: [],
    canOpenLate: false,
    source: 'WIMWCA s287A(3); program 9',
  },
  'complaint.acknowledgement': {
    type: 'complaint.acknowledgement',
    opensWhen: 'complaint.received',
    due: bd(2),
    calendar: 'business-days',
    completedBy: ['complaint.acknowledged'],
    cancelledBy: [],
    canOpenLate: false,
    source: 'program 8',
  },
  'complaint.resolution': {
    type: 'complaint.resolution',
    opensWhen: 'complaint.received',
    due: { kind: 'extendable', rule: bd(2) },
    calendar: 'business-days',
    completedBy: ['complaint.resolved'],
    cancelledBy: [],
    canOpenLate: false,
    source: 'program 8',
  },
  'case-conference.agenda': {
    type: 'case-conference.agenda',
    opensWhen: 'case-conference.scheduled',
    due: { kind: 'business-days-before', n: 3, base: 'conference' },
    calendar: 'business-days',
    completedBy: ['case-conference.agenda-sent'],
    cancelledBy: ['case-conference.cancelled'],
    canOpenLate: false,
    source: 'case conference guide',
  },
  'case-conference.summary': {
    type: 'case-conference.summary',
    opensWhen: 'case-conference.held',
    due: bd(2),
    calendar: 'business-days',
    completedBy: ['case-conference.summary-sent'],
    cancelledBy: [],
    canOpenLate: false,
    source: 'case conference guide',
  },
  'case-conference.required': {
    type: 'case-conference.required',
    opensWhen: 'employment.no-suitable-duties from the pre-injury employer',
    due: bd(10),
    calendar: 'business-days',
    completedBy: ['case-conference.held'],
    cancelledBy: [],
    canOpenLate: false,
    source: 'case conference guide',
  },
  'wca.78-weeks': {
    type: 'wca.78-weeks',
    opensWhen: 'the first day of entitlement week 74',
    due: days(34),
    calendar: 'calendar-days',
    completedBy: ['wca.completed'],
    cancelledBy: ['claim.finalised'],
    canOpenLate: false,
    source: 'program 5.6; Workers Compensation Act 1987 s44A',
  },
  'wca.biennial': {
    type: 'wca.biennial',
    opensWhen: 'the first day of entitlement week 131, and again on each wca.completed after that',
    due: { kind: 'years-after', n: 2, base: 'trigger' },
    calendar: 'calendar-days',
    completedBy: ['wca.completed'],
    cancelledBy: ['wpi.assessed:>30', 'claim.finalised'],
    canOpenLate: false,
    source: 'program 5.6',
  },
  'treatment.acknowledgement': {
    type: 'treatment.acknowledgement',
    opensWhen: 'treatment.requested',
    due: bd(10),
    calendar: 'business-days',
    completedBy: ['treatment.acknowledged', 'treatment.approved', 'treatment.declined'],
    cancelledBy: ['claim.finalised'],
    canOpenLate: false,
    source: 'SIRA Standard of Practice S4; GN 3.4, 6.1; rules.md §8.1',
  },
  'treatment.decision': {
    type: 'treatment.decision',
    opensWhen: 'treatment.requested',
    due: days(21),
    calendar: 'calendar-days',
    completedBy: ['treatment.approved', 'treatment.declined'],
    cancelledBy: ['claim.finalised'],
    canOpenLate: false,
    source: 'Workplace Injury Management and Workers Compensation Act 1998 s279; SIRA GN 6.1; rules.md §8.1',
  },
  's48a.compliance': {
    type: 's48a.compliance',
    opensWhen: 's48a.warning-issued',
    due: { kind: 'days-before', n: 1, base: 'suspend-from' },
    calendar: 'calendar-days',
    completedBy: ['s48a.complied'],
    cancelledBy: ['claim.finalised'],
    canOpenLate: false,
    source: 'Workplace Injury Management and Workers Compensation Act 1998 s48A(2), (3); rules.md §8.2',
  },
  's39.notice': {
    type: 's39.notice',
    opensWhen: 'the first day of entitlement week 235, unless the latest WPI assessed before then is more than 20%',
    due: { kind: 'weeks-after', n: 12, base: 'trigger' },
    calendar: 'calendar-days',
    completedBy: ['s39.notice-issued'],
    cancelledBy: ['wpi.assessed:>20', 'claim.finalised'],
    canOpenLate: true,
    source: 'Workers Compensation Act 1987 s39; SIRA Standard of Practice S17; rules.md §8.4',
  },
};

/** The payment clocks' definitions (see PAYMENT_OBLIGATION_TYPES). */
const PAYMENT_OBLIGATIONS: Record<PaymentObligationType, ObligationDefinition> = {
  'payment.weekly': {
    type: 'payment.weekly',
    opensWhen: 'payment-clock.started (weekly-payment): a certificate or earnings information received while liability is provisional or accepted and the insurer pays the worker',
    due: bd(5),
    calendar: 'business-days',
    completedBy: ['payment-clock.met'],
    cancelledBy: ['payment-clock.stopped', 'claim.finalised'],
    canOpenLate: false,
    source: 'program 4.6 ("within five business days of the receipt of a certificate of capacity and/or earning information")',
  },
  'payment.reimbursement': {
    type: 'payment.reimbursement',
    opensWhen: "payment-clock.started (reimbursement): an employer's wage reimbursement schedule line received",
    due: bd(10),
    calendar: 'business-days',
    completedBy: ['payment-clock.met'],
    cancelledBy: ['payment-clock.stopped', 'claim.finalised'],
    canOpenLate: false,
    source: 'program 4.6 ("within 10 business days of receipt" of the schedule)',
  },
};
/** The medical obligations' definitions (see MEDICAL_OBLIGATION_TYPES). */
const MEDICAL_OBLIGATIONS: Record<MedicalObligationType, ObligationDefinition> = {
  's59a.notice': {
    type: 's59a.notice',
    opensWhen:
      'medical compensation has an end date (weekly payments ceased by a decision, or never payable) and that date is less than 21 weeks away (the platform opens the notice 8 weeks before it is due)',
    due: { kind: 'weeks-before', n: 13, base: 'medical-cessation' },
    calendar: 'calendar-days',
    completedBy: ['s59a.notice-issued'],
    cancelledBy: ['wpi.assessed:>20', 'weekly payments payable again (s59A(3))', 'claim.finalised'],
    canOpenLate: false,
    source: 'Workers Compensation Act 1987 s59A; SIRA Standard of Practice S19; nsw-facts.md T23',
  },
};

/** Every obligation the platform tracks: docs/rules.md §4 and §8, the payment clocks, the s59A notice. */
export const OBLIGATIONS: Record<ObligationType, ObligationDefinition> = { ...RULE_BOOK_OBLIGATIONS, ...PAYMENT_OBLIGATIONS, ...MEDICAL_OBLIGATIONS };

function initialContact(party: 'worker' | 'employer' | 'doctor'): ObligationDefinition {
  return {
    type: `initial-contact.${party}`,
    opensWhen: 'claim is significant',
    due: bd(3, 'significance-date'),
    calendar: 'business-days',
    completedBy: [`contact.made:${party}`],
    cancelledBy: ['obligation.waived'],
    canOpenLate: true,
    source: 'program 4.1; WIMWCA s43(3)',
  };
}

export function isObligationType(t: unknown): t is ObligationType {
  return typeof t === 'string' && (Object.keys(OBLIGATIONS) as string[]).includes(t);
}
