import { z } from 'zod';
import { bankAccount, eventTime, localDate, workerAccount } from '@wc/contracts';
import type { Assert, Fits, SameKeys } from '@wc/service-kit';

import type { PaymentClaim, PaymentFact } from './payment-claims.service';

/** Payments' view of a claim (PaymentClaim): the accounts are null until PUT /claims/:claimId/payee records them (always through payeeSchema). */
export const paymentClaim = z
  .object({
    claimId: z.guid(),
    claimNumber: z.string(),
    workerName: z.string(),
    employerName: z.string(),
    employerPolicyNumber: z.string(),
    dateOfInjury: localDate,
    paidBy: z.enum(['insurer', 'employer']),
    worker: workerAccount.nullable(),
    employer: bankAccount.nullable(),
  })
  .strict();
// Keys only: the service types taxScale as any text, the column it reads.
export type PaymentClaimChecked = Assert<SameKeys<PaymentClaim, z.output<typeof paymentClaim>>>;

/** GET /claims?number=: the claim of that number, or none. */
export const paymentClaimList = z.object({ claims: z.array(paymentClaim) }).strict();

/** A staff action payments has received (PaymentFact): when it happened (the action's own time) and when the claims service recorded it. */
const paymentFact = z.object({ type: z.string(), at: eventTime, recordedAt: z.iso.datetime() }).strict();
export type PaymentFactChecked = Assert<Fits<PaymentFact, z.output<typeof paymentFact>>>;

/** GET /claims/:claimId: the claim and the facts payments holds, in the order published. */
export const paymentClaimWithFacts = paymentClaim.extend({ facts: z.array(paymentFact) }).strict();
