import type { ClaimEvent, Notification, Party } from '@wc/contracts';
import type {
  CertificateFact,
  Classification,
  DeclaredDay,
  DueExplanation,
  EarningsFact,
  EscalationPolicy,
  LiabilityFact,
  LocalDate,
  ObligationType,
  ParameterTables,
  Segment,
  SydneyDateTime,
} from '@wc/rules';

/** Notices of rules.md §5. */
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
  | 'case-conference-summary';

export type Recipient = Party | 'notifier' | 'complainant' | 'participants';

export interface NoticeRecord {
  type: NoticeType;
  on: LocalDate;
  to: Recipient[];
  /** What caused it: an event type, or `escalation:<obligation id>`. */
  cause: string;
  ref?: string;
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
  /** Day of the 09:00 escalation to the team leader (rules.md §4). */
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

/** Several complaints, reviews, IMEs or case conferences may be open at once. */
export type InstanceKind = 'complaint' | 'review' | 'ime' | 'case-conference';
export interface InstanceRecord {
  kind: InstanceKind;
  ref: string;
  openedOn: LocalDate;
  closed: boolean;
  /** case-conference: the date it is scheduled for; ime: the appointment. */
  on?: LocalDate;
}

export interface ReceivedCertificate extends CertificateFact {
  id: string;
  seq: number;
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
export interface ClaimState {
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
  liability: LiabilityFact[];
  excuseGiven: boolean;
  certificates: ReceivedCertificate[];
  earnings: EarningsFact[];
  rtwPreInjuryOn: LocalDate | null;
  s38ApprovedOn: LocalDate | null;
  wpi: { on: LocalDate; percent: number }[];
  finalisedOn: LocalDate | null;
  instances: InstanceRecord[];
  /** Entitlement weeks whose first day opens an obligation (74, 131) and the day each was found to start. */
  weekTriggers: { week: number; startedOn: LocalDate | null; nextCheck: LocalDate | null }[];
  seq: number;
}
