import { z } from 'zod';
import { CLASSIFICATIONS, OBLIGATION_TYPES } from '@wc/rules';
import { eventTime, localDate, moneyText, nonEmpty } from './primitives';

/**
 * What staff (and the platform's integrations) do on a claim: docs/simulate.md's event types. Each is a
 * staff action on the claims API and a workflow update. `ref` picks one of several complaints, treatment requests,
 * reviews, IMEs or case conferences; without it the oldest open one is meant.
 */
const base = { at: eventTime, ref: nonEmpty.optional() };
const ev = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z
    .object({ type: z.literal(type), ...base })
    .extend(shape)
    .strict();
const bare = <T extends string>(type: T) => ev(type, {});
/** A decision's reasons: one text, or a list of them. */
const reasons = z.union([nonEmpty, z.array(nonEmpty).min(1)]);

export const PARTIES = ['worker', 'employer', 'doctor'] as const;
export const EXCUSE_REASONS = [
  'insufficient-medical-information',
  'unable-to-contact-worker',
  'late-notification',
  'not-a-worker',
  'refused-access-to-information',
  'not-work-related',
  'no-weekly-payments-required',
] as const;
/** weekly-payment: 5 business days from a certificate or earnings; reimbursement: 10 from a schedule (program 4.6). */
export const PAYMENT_CLOCKS = ['weekly-payment', 'reimbursement'] as const;
/** docs/rules.md §8.3: a discontinuance based on a work capacity decision has 3 months' notice (s80(3)). */
export const DISCONTINUANCE_BASES = ['work-capacity-decision', 'other'] as const;
export const RTW_GOALS = ['same-job-same-employer', 'different-job-same-employer', 'same-job-different-employer', 'different-job-different-employer'] as const;

export const claimEventSchema = z.discriminatedUnion('type', [
  bare('notification.completed'),
  ev('contact.made', { party: z.enum(PARTIES) }),
  ev('obligation.waived', { obligation: z.enum(OBLIGATION_TYPES), reason: nonEmpty }),
  ev('triage.reclassified', { to: z.enum(CLASSIFICATIONS) }),
  bare('liability.provisional'),
  ev('liability.reasonable-excuse', { reason: z.enum(EXCUSE_REASONS) }),
  bare('information.received'),
  bare('liability.accepted'),
  ev('liability.disputed', { reasons }),
  ev('certificate.received', { capacity: z.enum(['none', 'some', 'fit']), from: localDate, to: localDate }),
  ev('earnings.reported', { weekStarting: localDate, amount: moneyText, hours: z.number().min(0).max(168) }),
  bare('rtw.pre-injury-duties'),
  ev('rtw-goal.set', { goal: z.enum(RTW_GOALS) }),
  bare('imp.issued'),
  bare('imp.change-notified'),
  ev('ime.booked', { appointmentOn: localDate }),
  bare('ime.cancelled'),
  // decisionId: the action id of the decision under review (its POST answered it); the staff API
  // requires it, so that who made the decision is known for certain (program 9; issue 14).
  ev('review.requested', { decision: nonEmpty, decisionId: z.guid().optional() }),
  bare('review.completed'),
  bare('complaint.received'),
  bare('complaint.acknowledged'),
  bare('complaint.resolved'),
  ev('complaint.extended', { newDate: localDate }),
  ev('case-conference.scheduled', { on: localDate }),
  bare('case-conference.agenda-sent'),
  bare('case-conference.held'),
  bare('case-conference.summary-sent'),
  bare('case-conference.cancelled'),
  bare('employment.no-suitable-duties'),
  bare('wca.completed'),
  ev('wpi.assessed', { percent: z.number().min(0).max(100) }),
  bare('s38.approved'),
  // docs/rules.md §8: treatment requests (s279), s48A, discontinuing weekly payments (s80), the s39 notice.
  ev('treatment.requested', { treatment: nonEmpty, provider: nonEmpty, cost: moneyText }),
  bare('treatment.acknowledged'),
  bare('treatment.approved'),
  ev('treatment.declined', { reasons }),
  ev('s48a.warning-issued', { suspendFrom: localDate }),
  bare('s48a.complied'),
  ev('weekly.discontinued', { basis: z.enum(DISCONTINUANCE_BASES), reasons }),
  bare('s39.notice-issued'),
  // Beyond docs/simulate.md (docs/rules.md §9 lists them as still to be specified): terminating weekly payments
  // after an s48A suspension ran its 28 days without compliance (s48A(1)(b), (6)), and the s59A notice.
  ev('s48a.terminated', { reasons }),
  bare('s59a.notice-issued'),
  ev('claim.finalised', { reason: nonEmpty }),
  // The payment clocks (program 4.6), started and met by the payments service, not by staff.
  ev('payment-clock.started', { clock: z.enum(PAYMENT_CLOCKS), ref: nonEmpty, receivedOn: localDate }),
  ev('payment-clock.met', { ref: nonEmpty }),
  ev('payment-clock.stopped', { ref: nonEmpty, reason: nonEmpty }),
]);

export type ClaimEvent = z.infer<typeof claimEventSchema>;
export type ClaimEventType = ClaimEvent['type'];
export type Party = (typeof PARTIES)[number];
export const CLAIM_EVENT_TYPES = claimEventSchema.options.map((o) => o.shape.type.value) as ClaimEventType[];

/** Money in an event is a string; re-exported so callers validating amounts use the same rule. */
export { moneyText };
