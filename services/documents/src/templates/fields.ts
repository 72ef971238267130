import { z } from 'zod';
import { nameOrder } from '@wc/contracts';

/**
 * The field types notices share, so every template refuses bad data with the same words (the API
 * returns these messages, naming the field, with a 400).
 */
export const text = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
export const longText = z.string().trim().min(1, 'must not be empty').max(1000, 'must be at most 1000 characters');
export const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{5,19}$/, 'must be a phone number, e.g. "02 9000 1234"');
export const email = z.string().trim().email('must be an email address').max(200, 'must be at most 200 characters');
/** Money is text with exactly two decimal places, never a JSON number (it would have been through binary floating point). */
export const money = z.string().regex(/^(0|[1-9]\d*)(\.\d{2})$/, 'must be an amount in dollars and cents as a string with 2 decimal places, e.g. "1200.00"');

/** A person's name as every notice prints it (the worker's, mostly), in the order they write it (format.ts fullName). */
export const personName = z.object({ givenName: text, familyName: text, nameOrder: nameOrder.optional() }).strict();

/**
 * A postal address as the claim records it (RecordedParty.postalAddress): 2 to 6 lines, the street
 * first, printed under the addressee's name.
 */
export const postalAddress = z.array(text).min(2, 'must have at least 2 lines (street, then suburb, state and postcode)').max(6, 'must have at most 6 lines');

/** The worker when the letter is addressed to them: their name, and where it is posted if the claim records it. */
export const workerAddressee = personName.extend({ address: postalAddress.optional() }).strict();

/**
 * The claim's case manager: the name and direct contact (the staff directory) that every notice's
 * "Who to contact" section gives (contact.ts). Where to write is the insurer's reply address, not
 * a field: it is configuration (letterhead.ts Insurer).
 */
export const claimContact = z.object({ caseManager: text, phone, email }).strict();

/**
 * Who signs a letter: a decision is signed by the person who made it, as the staff directory names
 * them (issue 16: no letter is signed by "the claims team").
 */
export const signatory = z.object({ name: text, role: text }).strict();

/**
 * Who a copy is addressed to: one of the parties this notice goes to (named in the error), their
 * name, and their postal address when the claim records one.
 */
export const recipientOf = <P extends readonly [string, ...string[]]>(parties: P) =>
  z
    .object({
      party: z.enum(parties, { error: `must be one of ${parties.join(', ')}` }),
      name: text,
      address: postalAddress.optional(),
    })
    .strict();
