import { z } from 'zod';
import { localDate, moneyText } from '@wc/contracts';
import type { Assert, Fits } from '@wc/service-kit';
import type { PaymentRunView } from './payment-runs.service';

/** A payment run and its progress (PaymentRunsService.view): total is the sum of its payments' net, numeric(16,2)::text. */
export const paymentRunView = z
  .object({
    id: z.guid(),
    processingDate: localDate,
    status: z.enum(['building', 'complete']),
    payments: z.number().int().nonnegative(),
    done: z.number().int().nonnegative(),
    total: moneyText,
    /** Null while the file is being built. */
    abaSha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .nullable(),
    createdBy: z.string(),
    createdAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
  })
  .strict();
export type PaymentRunViewChecked = Assert<Fits<PaymentRunView, z.output<typeof paymentRunView>>>;

/** A page of runs, newest first (PaymentRunsService.list): `next` is the `before` of the next page, null on the last. */
export const paymentRunList = z.object({ runs: z.array(paymentRunView), next: z.guid().nullable() }).strict();

/** The remittance advice of one provider and claim paid in a run (RemittancesService.ofRun): the document once it is stored. */
const remittance = z
  .object({
    providerId: z.guid(),
    providerName: z.string(),
    claimId: z.guid(),
    claimNumber: z.string(),
    status: z.enum(['pending', 'stored']),
    documentId: z.guid().nullable(),
    attempts: z.number().int().nonnegative(),
    lastError: z.string().nullable(),
  })
  .strict();
/** GET /payment-runs/:id/remittances. */
export const remittancesOfRun = z.object({ remittances: z.array(remittance) }).strict();
