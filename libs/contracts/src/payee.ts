import { z } from 'zod';
import { localDate } from './primitives';

/**
 * Who is paid, and the bodies of the payments officer's actions on a claim's payments (the payments
 * service's PUT /claims/:claimId/payee, POST /claims/:claimId/weekly-payments/generate, POST
 * /payments/:id/cancel). Here, in the contracts, because the console's forms are made from them.
 */

/** Bank details as the ABA detail record needs them (docs/payment-files.md; docs/sources.md §7.2). */
const printable = z.string().regex(/^[\x20-\x7E]*$/, 'must be printable ASCII (a bank file is plain ASCII)');
export const bankAccount = z
  .object({
    bsb: z.string().regex(/^\d{3}-\d{3}$/, 'must be NNN-NNN'),
    account: z
      .string()
      .regex(/^[0-9 -]{1,9}$/, 'must be 1-9 digits, hyphens or spaces')
      .refine((a) => /\d/.test(a), 'must contain a digit'),
    accountTitle: printable.pipe(z.string().trim().min(1, 'must not be empty').max(32, 'must be at most 32 characters (the ABA field width)')),
  })
  .strict();

/** ATO Schedule 1 scales (docs/sources.md §8) the worker's TFN declaration puts them on. */
export const TAX_SCALES = ['tax-free-threshold', 'no-tax-free-threshold', 'no-tfn-resident', 'no-tfn-foreign-resident'] as const;

/** The worker's account, with the PAYG scale their TFN declaration puts them on. */
export const workerAccount = bankAccount.extend({ taxScale: z.enum(TAX_SCALES) }).strict();

/**
 * Who pays weekly compensation (docs/sources.md §7.1): usually the employer through payroll, reimbursed
 * by the insurer (program 4.6); or the insurer directly, to the worker's account, withholding PAYG.
 */
export const payeeSchema = z
  .object({
    paidBy: z.enum(['insurer', 'employer']),
    worker: workerAccount.optional(),
    employer: bankAccount.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.paidBy === 'insurer' && !v.worker) ctx.addIssue({ code: 'custom', path: ['worker'], message: "is required when the insurer pays the worker: the worker's account and tax scale" });
    if (v.paidBy === 'employer' && !v.employer)
      ctx.addIssue({ code: 'custom', path: ['employer'], message: "is required when the employer pays through payroll: the employer's account for reimbursements" });
  });
export type Payee = z.infer<typeof payeeSchema>;

/** Generate the weeks ended by `through` (the service adds that it is not in the future, by Sydney's clock). */
export const weeklyGenerateSchema = z.object({ through: localDate }).strict();

/** Cancel a payment not yet in a bank file, with the reason (kept in its audit trail). */
export const paymentCancelSchema = z.object({ reason: z.string().trim().min(1, 'must say why the payment is cancelled').max(500, 'must be at most 500 characters') }).strict();
