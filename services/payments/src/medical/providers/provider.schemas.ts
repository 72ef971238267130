import { z } from 'zod';
import { localDate } from '@wc/contracts';
import { bankAccount } from '@wc/contracts';
import { isValidAbn } from '@wc/payment-files';

/** The kinds of provider a claim pays (docs/medical-assessment.md's providers; SIRA's provider types). */
export const PROVIDER_KINDS = [
  'medical-practitioner',
  'physiotherapist',
  'psychologist',
  'exercise-physiologist',
  'chiropractor',
  'osteopath',
  'hospital',
  'rehabilitation-provider',
  'other-allied-health',
] as const;
/** docs/medical-assessment.md: `disciplinary-conditions` are conditions imposed after a disciplinary process; other conditions are `current`. */
export const REGISTRATION_STATUSES = ['current', 'suspended', 'disqualified', 'disciplinary-conditions'] as const;

const text = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
/** An ABN whose check digits match (ATO, "Format of the ABN"): a mistyped one is refused, never stored. */
export const abn = z
  .string()
  .regex(/^\d{11}$/, 'must be an ABN: 11 digits, no spaces')
  .refine(isValidAbn, 'is not a valid ABN (its check digits do not match)');

/** One change of registration status from a date (AHPRA's register: suspended, conditions, ...). */
export const registrationChangeSchema = z.object({ status: z.enum(REGISTRATION_STATUSES), from: localDate, note: z.string().trim().max(500, 'must be at most 500 characters').optional() }).strict();

export const providerSchema = z
  .object({
    name: text,
    abn,
    kind: z.enum(PROVIDER_KINDS),
    /** AHPRA registration number: three letters of the profession, ten digits (e.g. PHY0001234567). Hospitals and rehabilitation providers have none. */
    ahpraNumber: z
      .string()
      .regex(/^[A-Z]{3}\d{10}$/, 'must be an AHPRA registration number: 3 capital letters and 10 digits, e.g. PHY0001234567')
      .optional(),
    registration: z.array(registrationChangeSchema).min(1, 'must give at least the status in force and the date it applies from'),
    bank: bankAccount.optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.registration.forEach((r, i) => {
      if (seen.has(r.from)) ctx.addIssue({ code: 'custom', path: ['registration', i, 'from'], message: `repeats ${r.from}: one status per day` });
      seen.add(r.from);
    });
  });
export type ProviderInput = z.infer<typeof providerSchema>;

/** A change to a provider: what changed and why (kept in its history). */
export const providerUpdateSchema = z.object({ reason: text, provider: providerSchema }).strict();
export const registrationUpdateSchema = registrationChangeSchema.extend({ reason: text }).strict();
