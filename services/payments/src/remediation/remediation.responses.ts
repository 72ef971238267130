import { z } from 'zod';
import { localDate, moneyText, signedMoneyText } from '@wc/contracts';
import type { Assert, Fits } from '@wc/service-kit';
import type { RemediationView } from './remediation.service';

/** A remediation's progress and totals (RemediationView): the totals are numeric(16,2)::text, overpaid as a positive amount. */
export const remediationView = z
  .object({
    id: z.guid(),
    reason: z.string(),
    status: z.enum(['running', 'complete']),
    /** The parameter version it made; null when only claims were named (a PIAWE changed) or a fact took days away. */
    parameterVersion: z.number().int().positive().nullable(),
    claimsTotal: z.number().int().nonnegative(),
    claimsDone: z.number().int().nonnegative(),
    arrearsTotal: moneyText,
    overpaidTotal: moneyText,
    createdBy: z.string(),
    createdAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
  })
  .strict();
export type RemediationViewChecked = Assert<Fits<RemediationView, z.output<typeof remediationView>>>;

/** GET /remediations?claimId=: the claim's remediations, newest first. */
export const remediationsOfClaim = z.object({ remediations: z.array(remediationView) }).strict();

/** GET /remediations/:id/weeks: each corrected week (payments.remediation_weeks), by claim and week; paymentId is the arrears payment of an underpaid week. */
export const remediationWeeks = z.array(
  z
    .object({
      claimId: z.guid(),
      week: z.number().int().positive().nullable(),
      from: localDate,
      to: localDate,
      oldAmount: moneyText,
      newAmount: moneyText,
      /** New less old: negative for an overpaid week (recorded, never recovered automatically). */
      difference: signedMoneyText,
      changed: z.array(z.enum(['piawe', 'indexation', 'max', 'facts', 'paid'])),
      explanation: z.string(),
      paymentId: z.guid().nullable(),
    })
    .strict(),
);
