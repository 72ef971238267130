/**
 * The payments service's contracts. To move into libs/contracts (events.ts: add the data schema to
 * EVENT_DATA under WAGE_SCHEDULE_RECEIVED, so newEnvelope/enqueue check it and consumers can narrow
 * to it; the request schema next to notification.ts). Until then the service checks its event data
 * itself before enqueueing it.
 */
import { z } from 'zod';
import { moneyText, nonEmpty, typeError } from '@wc/contracts';

export const WAGE_SCHEDULE_RECEIVED = 'wage-reimbursement-schedule.received' as const;

/** `wage-reimbursement-schedule.received` on TOPICS.payments; subject = the schedule id. */
export const wageScheduleReceivedData = z
  .object({
    scheduleId: z.guid(),
    employer: z.object({ policyNumber: nonEmpty }).strict(),
    /** How the employer sent it. */
    format: z.enum(['csv', 'json']),
    /** True when imported with ?partial=true: only the good lines were kept. */
    partial: z.boolean(),
    /** Lines stored, distinct claims among them, and lines left out (partial imports only). */
    lines: z.number().int().positive(),
    claims: z.number().int().positive(),
    rejectedLines: z.number().int().nonnegative(),
    /** Exact sums of the stored lines. */
    grossEarnings: moneyText,
    compensationPaid: moneyText,
    paygWithheld: moneyText,
    receivedAt: z.string().datetime({ offset: true }),
  })
  .strict();
export type WageScheduleReceivedData = z.infer<typeof wageScheduleReceivedData>;

/** One line of text: a newline would split a CSV record and shift every later line number. */
const oneLine = z.string().regex(/^[^\r\n]*$/, 'must not contain line breaks');
/** Money is a string, never a JSON number (it would already have been through binary floating point). */
const amountText = z.string(typeError('must be a string such as "950.00" (a JSON number has been through binary floating point)')).pipe(oneLine);

/**
 * `POST /wage-reimbursement-schedules` as application/json: the CSV's columns as fields. Only the
 * shape is checked here; the values go through exactly the same checks as a CSV (@wc/payment-files).
 */
export const wageScheduleLineJson = z
  .object({
    claimNumber: oneLine,
    periodStart: oneLine,
    periodEnd: oneLine,
    hoursWorked: z.union([oneLine, z.number().finite()], { error: 'must be a number of hours, e.g. "37.5" or 37.5' }),
    grossEarnings: amountText,
    compensationPaid: amountText,
    paygWithheld: amountText,
  })
  .strict();
export const wageScheduleJson = z
  .object({
    employer: z.object({ policyNumber: nonEmpty }).strict(),
    lines: z.array(wageScheduleLineJson).min(1, 'must have at least one line'),
  })
  .strict();
export type WageScheduleJson = z.infer<typeof wageScheduleJson>;
