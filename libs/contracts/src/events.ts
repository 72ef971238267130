import { z } from 'zod';
import { DISCONTINUANCE_BASES, PAYMENT_CLOCKS, claimEventSchema } from './claim-events';
import { CHANNELS, consentInputSchema, partySchema } from './parties';
import { localDate, moneyText, nameOrder, nonEmpty } from './primitives';

/**
 * Events between services: CloudEvents 1.0 style envelopes (id, type, source, subject = claim id,
 * time, data), keyed by claim id on Kafka so one claim's events stay in order.
 */
export const envelopeSchema = z
  .object({
    specversion: z.literal('1.0'),
    id: z.guid(),
    type: nonEmpty,
    source: nonEmpty,
    subject: nonEmpty,
    time: z.string().datetime({ offset: true }),
    datacontenttype: z.literal('application/json'),
    data: z.unknown(),
  })
  .strict();
export type Envelope<T = unknown> = Omit<z.infer<typeof envelopeSchema>, 'data'> & { data: T };

/** Topics: one per producing service; the envelope's `type` says what happened. */
export const TOPICS = {
  claims: 'wc.claims.events',
  documents: 'wc.documents.events',
  notifications: 'wc.notifications.events',
  payments: 'wc.payments.events',
} as const;

export const claimNotifiedData = z
  .object({
    claimId: z.guid(),
    claimNumber: nonEmpty,
    worker: z.object({ givenName: nonEmpty, familyName: nonEmpty, nameOrder: nameOrder.optional() }).strict(),
    employer: z.object({ name: nonEmpty, policyNumber: nonEmpty }).strict(),
    dateOfInjury: localDate,
    notificationDate: localDate,
    notificationComplete: z.boolean(),
    /** Who handles the claim from the start (absent in events published before it was added). */
    assignment: z.object({ caseManager: nonEmpty.nullable(), teamLeader: nonEmpty.nullable() }).strict().optional(),
  })
  .strict();
export type ClaimNotifiedData = z.infer<typeof claimNotifiedData>;

export const documentCreatedData = z
  .object({
    documentId: z.guid(),
    claimId: z.guid(),
    kind: nonEmpty,
    template: nonEmpty,
    templateVersion: z.number().int().positive(),
    version: z.number().int().positive(),
    contentHash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
    mediaType: z.literal('application/pdf'),
    bytes: z.number().int().positive(),
  })
  .strict();
export type DocumentCreatedData = z.infer<typeof documentCreatedData>;

/** A notice the claim's workflow decided to send (docs/rules.md §5); notifications delivers it. */
export const noticeRequestedData = z
  .object({
    claimId: z.guid(),
    claimNumber: nonEmpty,
    noticeId: z.guid(),
    type: nonEmpty,
    on: localDate,
    to: z.array(nonEmpty).min(1),
    cause: nonEmpty,
    ref: nonEmpty.optional(),
    /** What the platform decided that the notice states (a suspension's dates, when a decision takes effect: docs/rules.md §8). */
    facts: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).optional(),
  })
  .strict();
export type NoticeRequestedData = z.infer<typeof noticeRequestedData>;

/** What every event about one obligation carries: which claim, which obligation, when it is due, the day it happened. */
const obligationEventFields = z.object({
  claimId: z.guid(),
  claimNumber: nonEmpty,
  obligationId: nonEmpty,
  type: nonEmpty,
  dueOn: localDate,
  on: localDate,
  caseManager: nonEmpty.nullable(),
});

/** An obligation went to a team leader at the 09:00 sweep, or was reported again as overdue (docs/rules.md §4). */
export const obligationEscalatedData = obligationEventFields.extend({ kind: z.enum(['escalated', 'overdue']), teamLeader: nonEmpty.nullable() }).strict();
export type ObligationEscalatedData = z.infer<typeof obligationEscalatedData>;

/** The case manager is reminded at 09:00 one business day before an obligation is due (docs/rules.md §4). */
export const obligationReminderData = obligationEventFields.strict();
export type ObligationReminderData = z.infer<typeof obligationReminderData>;

/** When weekly payments stop after notice (docs/rules.md §8.3): decided by the claim's lifecycle when it accepted the action. */
export const discontinuanceSchema = z
  .object({
    noticeOn: localDate,
    basis: z.enum(DISCONTINUANCE_BASES),
    continuousDays: z.number().int().nonnegative(),
    period: z.enum(['none', '2 weeks', '6 weeks', '3 months']),
    lastPayableDay: localDate,
    firstDayNotPayable: localDate,
    rule: nonEmpty,
    by: z.enum(['weekly.discontinued', 's48a.terminated']),
  })
  .strict();
/** What the claim decided with an accepted action, beyond the action itself. */
export const actionOutcomeSchema = z.object({ ref: nonEmpty.optional(), discontinuance: discontinuanceSchema.optional() }).strict();
export type ActionOutcomeData = z.infer<typeof actionOutcomeSchema>;

/**
 * A staff action the claim's workflow accepted (docs/simulate.md's event shapes). Published so other
 * services can keep the facts they need (payments: certificates, liability, earnings) without
 * calling the claims service. `actionId` is stable across redelivery.
 */
export const claimActionRecordedData = z
  .object({
    claimId: z.guid(),
    claimNumber: nonEmpty,
    actionId: z.guid(),
    action: claimEventSchema,
    /** What the claim decided with it (a discontinuance's dates, an instance's ref); absent before docs/rules.md §8. */
    outcome: actionOutcomeSchema.optional(),
    by: z.object({ user: nonEmpty, role: nonEmpty }).strict(),
    recordedAt: z.string().datetime({ offset: true }),
  })
  .strict();
export type ClaimActionRecordedData = z.infer<typeof claimActionRecordedData>;

/**
 * Payments counted entitlement weeks for a claim up to `through` (docs/rules.md §6; 1987 Act s32A),
 * valued with the rules library: the same count the claim's workflow keeps for weeks 13, 78, 130
 * and 260. `newWeeks` are those it generated payments for this time.
 */
export const entitlementWeeksCountedData = z
  .object({
    claimId: z.guid(),
    claimNumber: nonEmpty,
    through: localDate,
    weeksCounted: z.number().int().nonnegative(),
    newWeeks: z.array(z.object({ week: z.number().int().positive(), from: localDate, to: localDate, amount: moneyText }).strict()),
  })
  .strict();

/** A PIAWE became final after its peer review (1987 Act Sch 3; a work capacity decision, s43(1)(d)). */
export const piaweDeterminedData = z
  .object({
    claimId: z.guid(),
    claimNumber: nonEmpty,
    determinationId: z.guid(),
    basis: z.enum(['calculated', 'interim', 'agreement']),
    amount: moneyText,
    amountAfter52Weeks: moneyText.nullable(),
    determinedBy: nonEmpty,
    reviewedBy: nonEmpty,
  })
  .strict();

/** A payment run's bank file is complete; subject = the run id. */
export const paymentRunCompletedData = z
  .object({ runId: z.guid(), processingDate: localDate, payments: z.number().int().nonnegative(), total: moneyText, abaSha256: z.string().regex(/^[0-9a-f]{64}$/) })
  .strict();

/**
 * The payment clocks (program 4.6), kept by payments and tracked by the claim's workflow:
 * started when a certificate, earnings or a schedule line is received; met when the payment or
 * reimbursement is released in a bank file; stopped when it no longer applies.
 */
const paymentClockFields = { claimId: z.guid(), claimNumber: nonEmpty, ref: nonEmpty };
export const paymentClockStartedData = z.object({ ...paymentClockFields, clock: z.enum(PAYMENT_CLOCKS), receivedOn: localDate }).strict();
/** Every clock of the claim a bank file met, in one event (a run can meet thousands). */
export const paymentClockMetData = z.object({ claimId: z.guid(), claimNumber: nonEmpty, refs: z.array(nonEmpty).min(1), on: localDate }).strict();
export const paymentClockStoppedData = z.object({ ...paymentClockFields, reason: nonEmpty }).strict();

/**
 * The claim's parties and consents after a change, whole (a consumer keeps the highest version).
 * Also carries who handles the claim, so a delivery that fails can become that person's task.
 */
export const claimPartiesRecordedData = z
  .object({
    claimId: z.guid(),
    claimNumber: nonEmpty,
    version: z.number().int().positive(),
    caseManager: nonEmpty.nullable(),
    teamLeader: nonEmpty.nullable(),
    parties: z.array(partySchema),
    consents: z.array(consentInputSchema.safeExtend({ recordedBy: nonEmpty })),
  })
  .strict();
export type ClaimPartiesRecordedData = z.infer<typeof claimPartiesRecordedData>;

/**
 * How far one copy of a notice got, on one channel to one party: published on every change, so the
 * claim's record can prove what was sent, when, and what became of it.
 *   refused: not sent, on purpose (no consent for health information, no contact details);
 *   sent: handed to the mail server, the SMS provider or the printer; delivered: the provider
 *   confirmed it; bounced: the recipient's server refused it for good; failed: retries gave up.
 */
export const DELIVERY_STATUSES = ['refused', 'sent', 'delivered', 'bounced', 'failed'] as const;
export const noticeDeliveryUpdatedData = z
  .object({
    claimId: z.guid(),
    claimNumber: nonEmpty,
    noticeId: z.guid(),
    noticeType: nonEmpty,
    deliveryId: z.guid(),
    partyId: z.guid().nullable(),
    recipient: nonEmpty,
    channel: z.enum(CHANNELS).nullable(),
    status: z.enum(DELIVERY_STATUSES),
    attempt: z.number().int().nonnegative(),
    documentId: z.guid().nullable(),
    detail: z.string().max(1000).nullable(),
    at: z.string().datetime({ offset: true }),
  })
  .strict();
export type NoticeDeliveryUpdatedData = z.infer<typeof noticeDeliveryUpdatedData>;

/**
 * Medical invoice lines were assessed (docs/medical-assessment.md; issue 17), when received or again after a fact
 * that could lift a hold: the lines held go to the case manager as a task (notifications).
 */
export const medicalInvoiceAssessedData = z
  .object({
    claimId: z.guid(),
    claimNumber: nonEmpty,
    why: nonEmpty,
    lines: z.number().int().nonnegative(),
    payable: moneyText,
    held: z.array(z.object({ lineId: z.guid(), invoiceNumber: nonEmpty, line: z.number().int().positive(), reason: nonEmpty }).strict()),
    /** Every line this assessment looked at (a line no longer held closes its task). */
    assessedLineIds: z.array(z.guid()),
    refused: z.number().int().nonnegative(),
  })
  .strict();
export type MedicalInvoiceAssessedData = z.infer<typeof medicalInvoiceAssessedData>;

/**
 * Who works on a claim (issue 14, per-claim access): its case manager and team leader and the
 * reviewers with a review of it assigned to them. Published by the claims service on every change;
 * every service keeps it (with the covers below) to decide who may see the claim's data.
 */
export const claimStaffingRecordedData = z
  .object({
    claimId: z.guid(),
    claimNumber: nonEmpty,
    caseManager: nonEmpty.nullable(),
    teamLeader: nonEmpty.nullable(),
    reviewers: z.array(nonEmpty).max(100),
    by: nonEmpty,
  })
  .strict();
export type ClaimStaffingRecordedData = z.infer<typeof claimStaffingRecordedData>;

/** A case manager covers for another over a period (leave), recorded by their team leader; `cancelled` ends it. */
export const staffCoverRecordedData = z
  .object({
    coverId: z.guid(),
    caseManager: nonEmpty,
    coveredBy: nonEmpty,
    from: localDate,
    to: localDate,
    reason: nonEmpty,
    recordedBy: nonEmpty,
    cancelled: z.boolean(),
  })
  .strict();
export type StaffCoverRecordedData = z.infer<typeof staffCoverRecordedData>;

/**
 * A member of staff was shown a claim's health information (issue 14; program 11, privacy): who,
 * when, what, on whose claim, and on what footing. Published by the service that showed it; the
 * claims service keeps them all for the privacy officer (GET /audit/health-reads).
 */
export const healthInformationReadData = z
  .object({
    claimId: z.guid(),
    user: nonEmpty,
    role: nonEmpty,
    basis: nonEmpty,
    service: nonEmpty,
    what: nonEmpty,
    at: z.string().datetime({ offset: true }),
  })
  .strict();
export type HealthInformationReadData = z.infer<typeof healthInformationReadData>;

/** Every event type the platform publishes, with its data schema. */
export const EVENT_DATA = {
  'claim.notified': claimNotifiedData,
  'claim.action-recorded': claimActionRecordedData,
  'entitlement-weeks.counted': entitlementWeeksCountedData,
  'piawe.determined': piaweDeterminedData,
  'payment-run.completed': paymentRunCompletedData,
  'payment-clock.started': paymentClockStartedData,
  'payment-clock.met': paymentClockMetData,
  'payment-clock.stopped': paymentClockStoppedData,
  'document.created': documentCreatedData,
  'notice.requested': noticeRequestedData,
  'notice.delivery-updated': noticeDeliveryUpdatedData,
  'claim.parties-recorded': claimPartiesRecordedData,
  'obligation.escalated': obligationEscalatedData,
  'obligation.reminder': obligationReminderData,
  'medical-invoice.assessed': medicalInvoiceAssessedData,
  'claim.staffing-recorded': claimStaffingRecordedData,
  'staff.cover-recorded': staffCoverRecordedData,
  'health-information.read': healthInformationReadData,
} as const;
export type EventType = keyof typeof EVENT_DATA;
