import { z } from 'zod';
import type { Same } from '@wc/service-kit';
import { approvalSchema, localDate, moneyText } from '@wc/contracts';
import type { LineReason, LineStatus } from '@wc/rules';
import type { ApprovalsService } from './approvals/approvals.service';
import type { Estimate } from './estimates/estimate';
import type { FeeOrderService } from './fee-order/fee-order.service';

/**
 * What the medical routes answer (MedicalController), as the JSON on the wire: money is the text
 * PostgreSQL gives for numeric columns (never a JSON number), dates are YYYY-MM-DD (date columns are
 * read as text), timestamps are ISO text.
 */

const uuid = z.guid();
const timestamp = z.iso.datetime();
const count = z.number().int().nonnegative();

/** payments.payments' statuses: how far the payment for a line got. */
const PAYMENT_STATUSES = ['generated', 'authorised', 'in-run', 'released', 'cancelled'] as const;

/** A line's outcome (docs/medical-assessment.md). */
export const LINE_STATUSES = ['pay', 'reduce', 'hold', 'refuse'] as const;
/** Why a line is not paid as charged: the assessment's reasons, and payments' own `no-liability-decision` (held before any decision). */
export const LINE_REASONS = [
  'unknown-provider',
  'provider-not-eligible',
  'unknown-item',
  'before-injury',
  'liability-disputed',
  'outside-entitlement-period',
  'duplicate',
  'no-approval',
  'approval-exhausted',
  'over-fee-order',
  'provisional-cap',
  'no-liability-decision',
] as const;

/** A treatment request as the claim recorded it (claim.action-recorded), with its decision once made. */
export const treatmentRequestView = z
  .object({
    ref: z.string(),
    treatment: z.string(),
    provider: z.string(),
    cost: moneyText,
    requestedOn: localDate,
    decision: z.enum(['approved', 'declined']).nullable(),
    decidedOn: localDate.nullable(),
  })
  .strict();

/** An approval of treatment for payment, with the units that paid or reduced lines have used. */
export const approvalView = z
  .object({
    id: uuid,
    treatmentRef: z.string(),
    providerId: uuid,
    providerName: z.string(),
    items: z.array(z.string()).min(1),
    units: z.number().int().min(1),
    from: localDate,
    to: localDate,
    createdBy: z.string(),
    createdAt: timestamp,
    unitsUsed: count,
  })
  .strict();

/** An approval just given: what was asked for, and how many held lines were assessed again because of it. */
export const approvalCreated = approvalSchema.safeExtend({ id: uuid, claimId: uuid, createdBy: z.string(), heldLinesAssessedAgain: count }).strict();

/** One invoice line as last assessed, with the payment that pays it once there is one. */
export const invoiceLineView = z
  .object({
    line: z.number().int().min(1),
    serviceDate: localDate,
    item: z.string(),
    units: z.number().int().min(1),
    charged: moneyText,
    status: z.enum(LINE_STATUSES),
    reason: z.enum(LINE_REASONS).nullable(),
    payable: moneyText,
    approvalId: uuid.nullable(),
    assessments: z.number().int().min(1),
    paymentId: uuid.nullable(),
    paymentStatus: z.enum(PAYMENT_STATUSES).nullable(),
  })
  .strict();

/** An invoice (or a worker's receipts), every line as assessed, and its totals. */
export const invoiceView = z
  .object({
    id: uuid,
    claimId: uuid,
    providerId: uuid,
    providerName: z.string(),
    invoiceNumber: z.string(),
    payee: z.enum(['provider', 'worker']),
    importId: uuid.nullable(),
    receivedBy: z.string(),
    receivedAt: timestamp,
    lines: z.array(invoiceLineView),
    totals: z.object({ charged: moneyText, payable: moneyText }).strict(),
  })
  .strict();

/** A bulk file of invoice lines once imported: its lines by outcome and the invoices it made. */
export const invoiceImportView = z
  .object({
    id: uuid,
    lines: count,
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    receivedBy: z.string(),
    receivedAt: timestamp,
    byStatus: z.array(z.object({ status: z.enum(LINE_STATUSES), n: z.number().int().min(1), charged: moneyText, payable: moneyText }).strict()),
    invoices: z.array(uuid),
  })
  .strict();
/** The import's answer to the file: the import, and whether this request made it (false: the same file again). */
export const invoiceImportAnswer = invoiceImportView.extend({ created: z.boolean() }).strict();

/** A fee order file loaded: the version its rows carry and how many there were. */
export const feeOrderLoaded = z.object({ version: z.number().int().min(1), rows: z.number().int().min(1) }).strict();

/** The fee order's rows, every date of every item (or of the one asked for). */
export const feeOrderRows = z
  .object({
    rows: z.array(z.object({ item: z.string(), from: localDate, description: z.string(), maxFee: moneyText, exemptFromApproval: z.boolean(), version: z.number().int().min(1) }).strict()),
  })
  .strict();

const estimatePart = z.object({ amount: moneyText, method: z.string(), counted: z.string() }).strict();
/** A claim's estimate of what it will still cost (estimate.ts): each part with its method and what it counted. */
export const estimateView = z.object({ asAt: localDate, weekly: estimatePart, medical: estimatePart, other: estimatePart, total: moneyText }).strict();

/** The claim's estimate now and every estimate recorded when it moved, newest first. */
export const claimEstimateView = z
  .object({
    current: estimateView,
    history: z.array(z.object({ asAt: localDate, weekly: moneyText, medical: moneyText, other: moneyText, total: moneyText, reason: z.string(), recordedAt: timestamp }).strict()),
  })
  .strict();

/** The portfolio: the latest estimate of every claim, summed ("0" when no claim has one yet). */
export const portfolioView = z.object({ claims: count, weekly: moneyText, medical: moneyText, other: moneyText, total: moneyText, method: z.string() }).strict();

/** A claim's medical side at a glance. */
export const claimMedicalView = z.object({ treatmentRequests: z.array(treatmentRequestView), approvals: z.array(approvalView), invoices: z.array(invoiceView), estimate: estimateView }).strict();

// Types for the services that read these rows; none carries a timestamp (in process a timestamp is a Date, not the ISO text above).
export type TreatmentRequestView = z.output<typeof treatmentRequestView>;
export type FeeOrderRowView = z.output<typeof feeOrderRows>['rows'][number];
export type PortfolioView = z.output<typeof portfolioView>;

const _mirrors: [
  Same<z.output<typeof estimateView>, Estimate>,
  Same<z.output<typeof feeOrderLoaded>, Awaited<ReturnType<FeeOrderService['load']>>>,
  // Less its id: randomUUID's type is narrower than a string.
  Same<Omit<z.output<typeof approvalCreated>, 'id'>, Omit<Awaited<ReturnType<ApprovalsService['create']>>, 'id'>>,
  Same<(typeof LINE_STATUSES)[number], LineStatus>,
  Same<(typeof LINE_REASONS)[number], LineReason | 'no-liability-decision'>,
] = [true, true, true, true, true];
void _mirrors;
