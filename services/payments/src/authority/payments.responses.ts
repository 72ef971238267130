import { z } from 'zod';
import { decimalText, localDate, moneyText } from '@wc/contracts';
import type { Assert, Fits, SameKeys } from '@wc/service-kit';
import type { explainWeek } from '@wc/claim-lifecycle';
import type { AuthorityLimit } from './authority.service';

export const PAYMENT_STATUSES = ['generated', 'authorised', 'in-run', 'released', 'cancelled'] as const;
/** A payment's state (payments.payments.status). */
export const paymentStatus = z.enum(PAYMENT_STATUSES);

/** A payment as GET /payments lists it (PAYMENT_COLUMNS): amounts are numeric(12,2)::text. */
export const paymentRow = z
  .object({
    id: z.guid(),
    claimId: z.guid(),
    kind: z.enum(['weekly', 'reimbursement', 'arrears', 'medical']),
    payee: z.enum(['worker', 'employer', 'provider']),
    /** The entitlement week (s32A) of a weekly payment; null for the other kinds. */
    week: z.number().int().positive().nullable(),
    from: localDate,
    to: localDate,
    gross: moneyText,
    payg: moneyText,
    net: moneyText,
    status: paymentStatus,
    reference: z.string(),
    generatedBy: z.string(),
    generatedAt: z.iso.datetime(),
    authorisedBy: z.string().nullable(),
    authorisedAt: z.iso.datetime().nullable(),
    runId: z.guid().nullable(),
    remediationId: z.guid().nullable(),
  })
  .strict();

/** A page of GET /payments, and the cursor of the next (the last payment's id; null on the last page). */
export const paymentList = z.object({ payments: z.array(paymentRow), next: z.guid().nullable().meta({ description: 'pass as `after` for the next page; null on the last' }) }).strict();

/** One change of a payment's state (payments.payment_audit): from is null when it was generated. */
const auditEntry = z.object({ at: z.iso.datetime(), actor: z.string(), role: z.string(), from: paymentStatus.nullable(), to: paymentStatus, reason: z.string() }).strict();

/** How a weekly payment's week was valued (explainWeek), as stored with the payment. */
const weekValuation = z
  .object({
    week: z.number().int().positive(),
    from: localDate,
    to: localDate,
    amount: moneyText,
    piawe: moneyText,
    cwe: moneyText,
    hoursWorked: decimalText,
    sections: z.array(z.enum(['s36', 's37', 's38', 's39'])),
    p: z.array(moneyText),
    max: z.array(moneyText),
    formulas: z.array(z.string()),
    daysPayable: z.number().int().nonnegative(),
  })
  .strict();
export type WeekValuationChecked = Assert<SameKeys<ReturnType<typeof explainWeek>, z.output<typeof weekValuation>>>;

/** A weekly payment's explanation (WeeklyPaymentsService.generateBatch): the week's valuation, the PIAWE and tables used, and the PAYG worked out. */
const weeklyExplanation = weekValuation
  .extend({
    piaweDetermination: z.guid(),
    piaweBasis: z.enum(['calculated', 'interim', 'agreement']),
    parameterVersion: z.number().int().nonnegative(),
    payg: z
      .object({ amount: moneyText, scale: z.enum(['tax-free-threshold', 'no-tax-free-threshold', 'no-tfn-resident', 'no-tfn-foreign-resident']), formula: z.string(), tableFrom: localDate })
      .strict(),
    warnings: z.array(z.string()),
  })
  .strict();

/** A reimbursement's explanation (reconcileSchedule): the schedule line it reimburses, what the employer paid and the entitlement. */
const reimbursementExplanation = z.object({ scheduleId: z.guid(), line: z.number().int().positive(), employerPaid: moneyText, entitlement: moneyText, notes: z.array(z.string()) }).strict();

/** An arrears payment's explanation (RemediationService.remediateBatch): the remediation and each underpaid week's explanation. */
const arrearsExplanation = z.object({ remediationId: z.guid(), weeks: z.array(z.string()) }).strict();

/** A medical payment's explanation (InvoicesService.generatePayments): the assessed invoice line it pays. */
const medicalExplanation = z
  .object({
    invoice: z.string(),
    line: z.number().int().positive(),
    item: z.string(),
    units: z.number().int().positive(),
    charged: moneyText,
    payable: moneyText,
    status: z.enum(['pay', 'reduce']),
    reason: z.string().nullable(),
  })
  .strict();

const detail = { audit: z.array(auditEntry) };
/** GET /payments/:id: the payment, how it was calculated (its shape depends on its kind) and every change to it, oldest first. */
export const paymentDetail = z.discriminatedUnion('kind', [
  paymentRow.extend({ kind: z.literal('weekly'), explanation: weeklyExplanation, ...detail }).strict(),
  paymentRow.extend({ kind: z.literal('reimbursement'), explanation: reimbursementExplanation, ...detail }).strict(),
  paymentRow.extend({ kind: z.literal('arrears'), explanation: arrearsExplanation, ...detail }).strict(),
  paymentRow.extend({ kind: z.literal('medical'), explanation: medicalExplanation, ...detail }).strict(),
]);

/** POST /payments/:id/authorise. */
export const paymentAuthorised = z.object({ id: z.guid(), status: z.literal('authorised') }).strict();
/** POST /payments/:id/cancel. */
export const paymentCancelled = z.object({ id: z.guid(), status: z.literal('cancelled') }).strict();
/** POST /payments/authorise: how many were authorised (all that were named: it is all or none). */
export const paymentsAuthorised = z.object({ authorised: z.number().int().positive() }).strict();

/** An authority limit of a role or a user (AuthorityService.limits). */
export const authorityLimit = z.object({ subject: z.string().regex(/^(role|user):.+$/), maxAmount: moneyText, setBy: z.string(), setAt: z.iso.datetime() }).strict();
export type AuthorityLimitChecked = Assert<Fits<AuthorityLimit, z.output<typeof authorityLimit>>>;
