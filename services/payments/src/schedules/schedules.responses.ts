import { z } from 'zod';
import { decimalText, localDate, moneyText, signedMoneyText } from '@wc/contracts';
import { WRS_COLUMNS } from '@wc/payment-files';
import type { Assert, Fits } from '@wc/service-kit';
import { RECONCILIATION_STATUSES } from './reconciliation';
import type { ScheduleProblem } from './schedule-input';
import type { SchedulesService } from './schedules.service';

/** A problem of a line left out of a partial import (ScheduleProblem); `field` only when the schedule came as JSON. */
const scheduleProblem = z.object({ line: z.number().int().positive(), column: z.enum([...WRS_COLUMNS, 'header', 'fields']), message: z.string(), field: z.string().optional() }).strict();
export type ScheduleProblemChecked = Assert<Fits<ScheduleProblem, z.output<typeof scheduleProblem>>>;

/** Each schedule line against the platform's entitlement (payments.reconciliations): entitlement and difference are null when it could not be computed. */
const reconciliationLine = z
  .object({
    line: z.number().int().positive(),
    claimNumber: z.string(),
    /** Null when payments knows no claim of that number. */
    claimId: z.guid().nullable(),
    periodStart: localDate,
    periodEnd: localDate,
    employerPaid: moneyText,
    entitlement: moneyText.nullable(),
    /** What the employer paid less the entitlement: negative when it paid less. */
    difference: signedMoneyText.nullable(),
    status: z.enum(RECONCILIATION_STATUSES),
    note: z.string(),
    /** The reimbursement generated for the line, if any. */
    paymentId: z.guid().nullable(),
  })
  .strict();

/** A stored schedule (SchedulesService.view): amounts are numeric(…,2) and hours numeric, as the pg driver gives them (text). */
export const scheduleView = z
  .object({
    id: z.guid(),
    employer: z.object({ policyNumber: z.string() }).strict(),
    format: z.enum(['csv', 'json']),
    partial: z.boolean(),
    totals: z.object({ lines: z.number().int().positive(), claims: z.number().int().positive(), grossEarnings: moneyText, compensationPaid: moneyText, paygWithheld: moneyText }).strict(),
    /** Partial imports: the problems of the lines left out (empty otherwise). */
    rejected: z.array(scheduleProblem),
    lines: z.array(
      z
        .object({
          line: z.number().int().positive(),
          claimNumber: z.string(),
          periodStart: localDate,
          periodEnd: localDate,
          hoursWorked: decimalText,
          grossEarnings: moneyText,
          compensationPaid: moneyText,
          paygWithheld: moneyText,
        })
        .strict(),
    ),
    receivedAt: z.iso.datetime(),
    receivedBy: z.string(),
    reconciliation: z.array(reconciliationLine),
  })
  .strict();
export type ScheduleViewChecked = Assert<Fits<Awaited<ReturnType<SchedulesService['view']>>, z.output<typeof scheduleView>>>;

/** GET /wage-reimbursement-schedules/discrepancies: the lines not matched, each with its schedule (the query leaves out the reimbursement's payment id). */
export const discrepancyList = z
  .object({
    lines: z.array(
      reconciliationLine
        .omit({ paymentId: true })
        .extend({ scheduleId: z.guid(), status: z.enum(RECONCILIATION_STATUSES).exclude(['matched']) })
        .strict(),
    ),
    next: z.string().nullable().meta({ description: 'the last line (`<scheduleId>:<line>`), passed as `after` for the next page; null on the last' }),
  })
  .strict();
