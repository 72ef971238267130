import { z } from 'zod';
import { INJURY_NATURES } from '@wc/rules';
import { isEventTime, parseEventTime } from '@wc/rules';
import { eventTime, localDate, moneyText, nameOrder, nonEmpty } from './primitives';

/** Names and short texts that go onto letters: bounded, so every notice can be rendered. */
const name = nonEmpty.pipe(z.string().max(200, 'must be at most 200 characters'));

/** The injury notification staff (or an employer's system) lodge: docs/simulate.md's `claim` object. */
export const injurySchema = z
  .object({
    dateOfInjury: localDate,
    employerAwareOn: localDate,
    nature: z.enum(INJURY_NATURES),
    bodyLocation: name,
    likelySurgery: z.boolean(),
    expectedIncapacityDays: z.number().int().min(0).max(3653, 'must be at most 3653 (ten years)').nullable(),
    redFlags: z.array(nonEmpty).max(50, 'must have at most 50 entries'),
    yellowFlags: z.array(nonEmpty).max(50, 'must have at most 50 entries'),
  })
  .strict();

/** The notification's fields, without the cross-field checks (so other contracts can extend it). */
export const notificationFields = z
  .object({
    worker: z.object({ givenName: name, familyName: name, nameOrder: nameOrder.optional(), dateOfBirth: localDate }).strict(),
    employer: z.object({ name: name, policyNumber: name }).strict(),
    injury: injurySchema,
    notifiedAt: eventTime,
    notificationComplete: z.boolean(),
    /** Not always known at notification (an interim PIAWE is set later); simulate requires it. */
    piawe: moneyText.optional(),
  })
  .strict();

export function notificationChecks(n: z.infer<typeof notificationFields>, ctx: z.RefinementCtx): void {
  if (n.injury.employerAwareOn < n.injury.dateOfInjury) ctx.addIssue({ code: 'custom', path: ['injury', 'employerAwareOn'], message: 'is before dateOfInjury' });
  if (n.worker.dateOfBirth >= n.injury.dateOfInjury) ctx.addIssue({ code: 'custom', path: ['worker', 'dateOfBirth'], message: 'must be before dateOfInjury' });
  // Nobody can be told of an injury before it happens (and every notice dated from it would be wrong).
  if (isEventTime(n.notifiedAt) && parseEventTime(n.notifiedAt).date < n.injury.dateOfInjury) ctx.addIssue({ code: 'custom', path: ['notifiedAt'], message: 'is before dateOfInjury' });
}

export const notificationSchema = notificationFields.superRefine(notificationChecks);

/** What staff send to lodge a claim: the notification and, optionally, who handles it from the start. */
export const lodgeClaimSchema = notificationFields
  .extend({ assignment: z.object({ caseManager: nonEmpty, teamLeader: nonEmpty }).strict().optional() })
  .strict()
  .superRefine(notificationChecks);
export type LodgeClaim = z.infer<typeof lodgeClaimSchema>;

export type Notification = z.infer<typeof notificationSchema>;
export type Injury = z.infer<typeof injurySchema>;
