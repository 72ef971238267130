import { z } from 'zod';
import { localDate, nonEmpty, typeError, uuidOf } from './primitives';

/**
 * A medical invoice as a payments officer records it (the payments service's POST
 * /claims/:claimId/invoices) and an approval of treatment for payment (POST /claims/:claimId/approvals).
 * Here, in the contracts, because the console's forms are made from them.
 */

const money2 = z
  .string()
  .regex(/^(0|[1-9]\d*)\.\d{2}$/, 'must be an amount with two decimal places, e.g. "95.00"')
  .refine((v) => v.length <= 8, 'must be at most 99999.99');
/** One invoice as JSON: the same rules as a line of the bulk file (docs/medical-invoices.md). */
export const invoiceSchema = z
  .object({
    providerId: uuidOf('must be a provider id (uuid)'),
    invoiceNumber: z.string().regex(/^[A-Za-z0-9\-/._]{1,30}$/, 'must be 1 to 30 letters, digits or - / . _'),
    payee: z.enum(['provider', 'worker']).default('provider'),
    lines: z
      .array(
        z
          .object({
            serviceDate: localDate,
            item: z.string().regex(/^[A-Z0-9]{1,12}$/, 'must be a fee order item code: 1 to 12 capital letters and digits'),
            units: z.number(typeError('must be a whole number from 1 to 99')).refine((n) => Number.isInteger(n) && n >= 1 && n <= 99, 'must be a whole number from 1 to 99'),
            charged: money2,
          })
          .strict(),
      )
      .min(1, 'must have at least one line')
      .max(200, 'must have at most 200 lines'),
  })
  .strict();

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
