import { z } from 'zod';

/**
 * The field types notices share, so every template refuses bad data with the same words (the API
 * returns these messages, naming the field, with a 400).
 */
export const text = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
export const longText = z.string().trim().min(1, 'must not be empty').max(1000, 'must be at most 1000 characters');
export const phone = z.string().trim().regex(/^\+?[0-9][0-9 ()-]{5,19}$/, 'must be a phone number, e.g. "02 9000 1234"');
export const email = z.string().trim().email('must be an email address').max(200, 'must be at most 200 characters');
/** Money is text with exactly two decimal places, never a JSON number (it would have been through binary floating point). */
export const money = z.string().regex(/^(0|[1-9]\d*)(\.\d{2})$/, 'must be an amount in dollars and cents as a string with 2 decimal places, e.g. "1200.00"');

/** A person's name as every notice prints it (the worker's, mostly). */
export const personName = z.object({ givenName: text, familyName: text }).strict();

/** Who the worker or employer deals with, and where claims and requests are sent. */
export const claimContact = z.object({ caseManager: text, phone: text, email, postalAddress: text }).strict();

/** Who a copy is addressed to: one of the parties this notice goes to, named in the error, and their name. */
export const recipientOf = <P extends readonly [string, ...string[]]>(parties: P) =>
  z.object({ party: z.enum(parties, { errorMap: () => ({ message: `must be one of ${parties.join(', ')}` }) }), name: text }).strict();
