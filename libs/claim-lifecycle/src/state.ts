import type { ClaimEvent, Notification, Party } from '@wc/contracts';
import type { EntitlementFacts } from './entitlement-facts';
export type { ReceivedCertificate } from './entitlement-facts';
import type { Classification, DeclaredDay, DueExplanation, EscalationPolicy, LocalDate, ObligationType, ParameterTables, Segment, SydneyDateTime } from '@wc/rules';

/** Notices of docs/rules.md §5. */
export type NoticeType =
  | 'information-request'
  | 'contact-request'
  | 'provisional-liability'
  | 'reasonable-excuse'
  | 'liability-accepted'
  | 'decision-notice'
  | 'imp'
  | 'ime-notice'
  | 'review-outcome'
  | 'complaint-acknowledgement'
  | 'case-conference-agenda'
  | 'case-conference-summary'
  // docs/rules.md §8
  | 'treatment-decision'
  | 's48a-warning'
  | 's48a-suspension'
  | 's39-notice'
  // 1987 Act s59A; SoP S19 (beyond docs/rules.md)
  | 's59a-notice';

export type Recipient = Party | 'notifier' | 'complainant' | 'participants' | 'provider';

/** What a notice states that the platform decided (a suspension's dates, when a decision takes effect). */
export type NoticeFacts = Record<string, string | number | null>;

export interface NoticeRecord {
  type: NoticeType;
  on: LocalDate;
  to: Recipient[];
  /** What caused it: an event type, or `escalation:<obligation id>`. */
  cause: string;
  ref?: string;
  facts?: NoticeFacts;
}

export interface ObligationRecord {
  id: string;
  type: ObligationType;
  openedOn: LocalDate;
  dueOn: LocalDate;
  due: DueExplanation;
  completedOn: LocalDate | null;
  completedBy: string | null;
  cancelledOn: LocalDate | null;
  cancelledBy: string | null;
  /** Day of the 09:00 escalation to the team leader (docs/rules.md §4). */
  escalatedOn: LocalDate | null;
  /** Day the case manager was reminded. */
  remindedOn: LocalDate | null;
  /** Day the team leader was told again that an escalated obligation is overdue. */
  overdueNotifiedOn: LocalDate | null;
  /** The complaint, review, IME or case conference it belongs to. */
  ref?: string;
  /** certificate.renewal: the certificate it renews. */
  certificateId?: string;
}

export interface RecordedEvent {
  seq: number;
  at: SydneyDateTime;
  event: ClaimEvent;
}

/** Several complaints, reviews, IMEs, case conferences or treatment requests may be open at once. */
export type InstanceKind = 'complaint' | 'review' | 'ime' | 'case-conference' | 'treatment';
export interface InstanceRecord {
  kind: InstanceKind;
  ref: string;
  openedOn: LocalDate;
  closed: boolean;
  /** case-conference: the date it is scheduled for; ime: the appointment. */
  on?: LocalDate;
  /** treatment: what was asked for, by whom, at what cost (docs/rules.md §8.1). */
  request?: { treatment: string; provider: string; cost: string };
  /** treatment: the decision and its day. */
  decision?: { outcome: 'approved' | 'declined'; on: LocalDate };
}

/** What the workflow must do in the outside world because of a step (activities). */
export type Effect =
  | { kind: 'classified'; on: LocalDate; classification: Classification; segment: Segment; reasons: { classification: string; segment: string } }
  | { kind: 'notice'; notice: NoticeRecord }
  | { kind: 'obligation-opened'; obligation: ObligationRecord }
  | { kind: 'obligation-closed'; obligation: ObligationRecord }
  /** A new due date (complaint.extended): escalation against the old one no longer stands. */
  | { kind: 'obligation-rescheduled'; obligation: ObligationRecord; on: LocalDate }
  | { kind: 'reminder'; obligation: ObligationRecord; on: LocalDate }
  | { kind: 'escalated'; obligation: ObligationRecord; on: LocalDate }
  | { kind: 'overdue'; obligation: ObligationRecord; on: LocalDate };

/** Everything the lifecycle knows; plain JSON so continueAsNew can carry it. */
export interface ClaimState extends EntitlementFacts {
  schemaVersion: 1;
  claim: Notification;
  policy: EscalationPolicy;
  tables: ParameterTables;
  declaredHolidays: DeclaredDay[];
  /** The last moment processed. */
  clock: SydneyDateTime;
  firstReceivedOn: LocalDate;
  notificationComplete: boolean;
  notificationDate: LocalDate;
  significanceDate: LocalDate | null;
  classification: Classification;
  segment: Segment;
  triageReasons: { classification: string; segment: string };
  significantObligationsOpened: boolean;
  obligations: ObligationRecord[];
  notices: NoticeRecord[];
  events: RecordedEvent[];
  excuseGiven: boolean;
  rtwPreInjuryOn: LocalDate | null;
  instances: InstanceRecord[];
  /** Entitlement weeks whose first day opens an obligation (74, 131; 235 and 260 for docs/rules.md §8) and the day each was found to start. */
  weekTriggers: { week: number; startedOn: LocalDate | null; nextCheck: LocalDate | null }[];
  /** s59A: the next day the medical compensation period must be looked at again (absent on claims started before docs/rules.md §8). */
  s59aCheck?: LocalDate | null;
}
