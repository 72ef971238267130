import { z } from 'zod';
import { localDate, nonEmpty, typeError, uuidOf } from '@wc/contracts';

/**
 * An approval of treatment (1987 Act s60(2A): no liability without the insurer's prior approval):
 * which provider, which fee order items, how many units in all, between which dates; given for a
 * treatment request the claim approved (docs/rules.md §8.1).
 */
export const approvalSchema = z
  .object({
    treatmentRef: nonEmpty,
    providerId: uuidOf('must be a provider id (uuid)'),
    items: z
      .array(z.string().regex(/^[A-Z0-9]{1,12}$/, 'must be a fee order item code: 1 to 12 capital letters and digits'))
      .min(1, 'must name at least one item')
      .max(20, 'must name at most 20 items'),
    units: z.number(typeError('must be a whole number from 1 to 200')).refine((n) => Number.isInteger(n) && n >= 1 && n <= 200, 'must be a whole number from 1 to 200'),
    from: localDate,
    to: localDate,
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.to < a.from) ctx.addIssue({ code: 'custom', path: ['to'], message: `is before from (${a.from})` });
    if (new Set(a.items).size !== a.items.length) ctx.addIssue({ code: 'custom', path: ['items'], message: 'names an item twice' });
  });
export type ApprovalInput = z.infer<typeof approvalSchema>;
