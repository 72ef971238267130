import { z } from 'zod';
import { isValidAbn } from '@wc/rules';
import { phone, email } from './fields';
import { describe, unprintable } from './fonts';

/**
 * Who the letters come from: the insurer that deploys the platform. Its details are configuration
 * (the documents service's INSURER_* settings, required outside local use), printed in every
 * letter's letterhead and sign-off; a template reads them, never a literal. The ABN is checked
 * with the ATO's check digits, the phone and email as contacts.
 */
export const insurerSchema = z
  .object({
    /** The insurer's legal name, as on its licence (the sign-off and the PDF's author). */
    legalName: z.string().trim().min(2, 'must be the insurer legal name').max(120, 'must be at most 120 characters'),
    /** The name staff and workers know it by (the letterhead's title). */
    name: z.string().trim().min(2, 'must be the name letters are sent under').max(80, 'must be at most 80 characters'),
    abn: z
      .string()
      .trim()
      .transform((s) => s.replace(/\s+/g, ''))
      .refine(isValidAbn, 'must be an ABN of 11 digits with valid check digits'),
    /** Street address (the letterhead). */
    address: z.string().trim().min(5, 'must be a street address').max(200, 'must be at most 200 characters'),
    /** Where workers and others send post (the contact sections). */
    replyAddress: z.string().trim().min(5, 'must be a postal address').max(200, 'must be at most 200 characters'),
    phone,
    email,
    web: z
      .string()
      .trim()
      .regex(/^[a-z0-9.-]+\.[a-z]{2,}(\/\S*)?$/i, 'must be a web address without https://, e.g. "www.insurer.example"'),
  })
  .strict()
  .superRefine((insurer, ctx) => {
    // Printed on every letter: a character the fonts lack stops the service at start, not a letter later.
    for (const [field, value] of Object.entries(insurer)) {
      const ch = unprintable(value);
      if (ch !== null) ctx.addIssue({ code: 'custom', path: [field], message: `contains ${describe(ch)}, which the letters' fonts cannot print` });
    }
  });
export type Insurer = z.infer<typeof insurerSchema>;

/**
 * The development identity: what `npm start` and the tests print. Every line says it is not an
 * insurer, so a letter made with it cannot pass for one (the ABN only has valid check digits).
 */
export const LOCAL_INSURER: Insurer = {
  legalName: 'Example Workers Insurance Pty Ltd (development, not a licensed insurer)',
  name: 'Workers Compensation Claims',
  abn: '53100015838',
  address: 'Level 1, 1 Example Street, Sydney NSW 2000',
  replyAddress: 'Locked Bag 1, Sydney NSW 2001',
  phone: '02 9000 0000',
  email: 'claims@insurer.example',
  web: 'www.insurer.example',
};

/** `53100015838` → `53 100 015 838`, as an ABN is printed. */
export const formatAbn = (abn: string) => `${abn.slice(0, 2)} ${abn.slice(2, 5)} ${abn.slice(5, 8)} ${abn.slice(8, 11)}`;
