import { z } from 'zod';
import { localDate, moneyText } from './primitives';

/**
 * A PIAWE determination as a case manager records it (POST /claims/:claimId/piawe, the payments
 * service): calculated from the worker's employments and earnings (1987 Act Sch 3, Reg cl 8A–8F), an
 * interim estimate so payments start on time while information is missing (SoP S7), or agreed with
 * the worker (Sch 3 cl 3). Here, in the contracts, because the console's forms are made from it.
 */

const id = z.string().trim().min(1, 'must not be empty').max(100);
const reason = z.string().trim().min(1, 'must say how the amount was arrived at').max(2000);

const calculated = z
  .object({
    basis: z.literal('calculated'),
    reason,
    employments: z
      .array(
        z.object({ id, employer: z.string().trim().min(1), startedOn: localDate, materialChangeOn: localDate.nullable().optional(), expectedWeeklyEarnings: moneyText.nullable().optional() }).strict(),
      )
      .min(1, 'must list every employment at the time of injury'),
    // Each line's kind and amount are checked by the rule book, which names the line (earnings[3].kind).
    earnings: z.array(z.object({ id, employment: id, from: localDate, to: localDate, kind: z.string(), amount: z.string() }).strict()),
    unpaidLeave: z.array(z.object({ employment: id, from: localDate, to: localDate }).strict()).optional(),
  })
  .strict();
const interim = z.object({ basis: z.literal('interim'), amount: moneyText, reason }).strict();
const agreement = z.object({ basis: z.literal('agreement'), amount: moneyText, agreedOn: localDate, document: z.string().trim().min(1).optional(), reason }).strict();

export const piaweRequestSchema = z.discriminatedUnion('basis', [calculated, interim, agreement]);
export type PiaweRequest = z.infer<typeof piaweRequestSchema>;

export const piaweReviewSchema = z.object({ decision: z.enum(['approve', 'reject']), note: z.string().trim().min(1, 'must record what was checked').max(2000) }).strict();
export type PiaweReview = z.infer<typeof piaweReviewSchema>;
