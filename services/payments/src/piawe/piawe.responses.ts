import { z } from 'zod';
import { localDate, moneyText, piaweRequestSchema } from '@wc/contracts';
import type { PiaweResult } from '@wc/rules';
import type { Assert, SameKeys } from '@wc/service-kit';
import type { PiaweView } from './piawe.service';

const [calculatedRequest] = piaweRequestSchema.options;

/** What determinePiawe worked out (PiaweResult of @wc/rules), kept as the evidence of a calculated PIAWE. */
const piaweResult = z
  .object({
    regime: z.enum(['before-2018-10-26', '2018-10-26-to-2019-10-20', 'from-2019-10-21']),
    amount: moneyText,
    amountAfter52Weeks: moneyText.nullable(),
    complete: z.boolean(),
    missing: z.array(z.string()),
    employments: z.array(
      z
        .object({
          employment: z.string(),
          /** weeks is days ÷ 7 to at most 6 places, for display. */
          period: z.object({ from: localDate, to: localDate, days: z.number().int(), weeks: z.string() }).strict(),
          ordinary: moneyText,
          overtimeAndShift: moneyText,
          weeklyAverage: moneyText,
          adjustments: z.array(z.object({ clause: z.string(), effect: z.string() }).strict()),
          linesUsed: z.array(z.string()),
          linesExcluded: z.array(z.object({ id: z.string(), reason: z.string() }).strict()),
        })
        .strict(),
    ),
    employmentsExcluded: z.array(z.object({ employment: z.string(), reason: z.string(), lines: z.array(z.string()) }).strict()),
    explanation: z.array(z.string()),
  })
  .strict();
export type PiaweResultChecked = Assert<SameKeys<PiaweResult, z.output<typeof piaweResult>>>;

const determination = {
  id: z.guid(),
  claimId: z.guid(),
  /**
   * awaiting-review until a second person reviews it; then final (calculated, agreement) or interim
   * (an interim one, in force until replaced), or rejected; superseded once another replaces it.
   */
  status: z.enum(['interim', 'awaiting-review', 'final', 'rejected', 'superseded']),
  amount: moneyText,
  /** Injuries before 26 Oct 2018 (calculated only): PIAWE after 52 weeks, without overtime and shift allowance. */
  amountAfter52Weeks: moneyText.nullable(),
  regime: z.enum(['before-2018-10-26', '2018-10-26-to-2019-10-20', 'from-2019-10-21']),
  reason: z.string(),
  determinedBy: z.string(),
  determinedAt: z.iso.datetime(),
  /** Null until a second person reviews it (every basis, interim ones too: issue 14). */
  reviewedBy: z.string().nullable(),
  reviewedAt: z.iso.datetime().nullable(),
  reviewNote: z.string().nullable(),
};

/** A PIAWE determination (PiaweService.view); its evidence is what PiaweService.determine stored for its basis. */
export const piaweView = z.discriminatedUnion('basis', [
  z
    .object({
      ...determination,
      basis: z.literal('calculated'),
      // The request's evidence as it was checked, and what the rule book made of it.
      evidence: z
        .object({
          input: calculatedRequest.pick({ employments: true, earnings: true }).extend({ unpaidLeave: calculatedRequest.shape.unpaidLeave.unwrap() }).strict(),
          result: piaweResult,
        })
        .strict(),
    })
    .strict(),
  z.object({ ...determination, basis: z.literal('agreement'), evidence: z.object({ agreedOn: localDate, document: z.string().nullable() }).strict() }).strict(),
  z.object({ ...determination, basis: z.literal('interim'), evidence: z.object({ basisOfEstimate: z.string() }).strict() }).strict(),
]);
// Keys only: the service types basis and status as any text and the evidence as unknown (a jsonb column).
export type PiaweViewChecked = Assert<SameKeys<PiaweView, z.output<typeof piaweView>>>;
