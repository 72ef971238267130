import { z } from 'zod';
import { isEventTime, isLocalDate, isMoneyText } from '@wc/rules';

/** `YYYY-MM-DD`, a real date. */
export const localDate = z.string().refine(isLocalDate, { message: 'must be a date YYYY-MM-DD' }).meta({ format: 'date', example: '2026-07-01' });
/** A date (12:00 Sydney) or an ISO timestamp with an offset. */
export const eventTime = z
  .string()
  .refine(isEventTime, { message: 'must be a date YYYY-MM-DD or an ISO timestamp with an offset' })
  .meta({ description: 'a date YYYY-MM-DD (12:00 Sydney) or an ISO timestamp with an offset', example: '2026-07-01T09:30:00+10:00' });
/** The narrowest money column is numeric(12,2): an amount must fit it (issue 14: money has an upper bound). */
const MONEY_MAX = '9999999999.99';
const fitsMoneyColumn = (t: string) => t.split('.')[0].replace('-', '').length <= MONEY_MAX.indexOf('.');
/** Money as a decimal string with at most two places; never a JSON number (it would have been a float). */
export const moneyText = z
  .string()
  .refine(isMoneyText, { message: 'must be an amount as a string with at most 2 decimal places, e.g. "1200.00"', abort: true })
  .refine(fitsMoneyColumn, { message: `must be at most ${MONEY_MAX}` })
  .meta({ description: 'dollars as a decimal string, at most 2 places (never a JSON number)', example: '1200.00' });
/** Money that can be below zero (a difference, e.g. an overpayment), as exact text with 2 places: pg numeric(…,2)::text or formatMoney. */
export const signedMoneyText = z
  .string()
  .regex(/^-?(0|[1-9]\d*)\.\d{2}$/, { error: 'must be an amount with 2 decimal places, e.g. "-60.00"', abort: true })
  .refine(fitsMoneyColumn, { message: `must be between -${MONEY_MAX} and ${MONEY_MAX}` })
  .meta({ description: 'dollars as a decimal string with 2 places, negative when less (never a JSON number)', example: '-60.00' });
export const decimalText = z.string().regex(/^(0|[1-9]\d*)(\.\d+)?$/, 'must be a positive decimal as a string, e.g. "1.0150"');
export const nonEmpty = z.string().trim().min(1, 'must not be empty');
/** A schema's own words for a value of the wrong type; a missing value stays "is required" (the platform's wording, problems.ts). */
export const typeError = (message: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? undefined : message) });
/** A uuid, with the caller's words for a wrong one (a missing one is still "is required"). */
export const uuidOf = (message: string) => z.guid({ error: (issue) => (issue.input === undefined ? undefined : message) });

/**
 * The order a person writes their own name in: given name first (Mia Okafor) or family name first
 * (李小龙, Nguyễn Thị Ánh). Letters print a name in the order and script the worker gives it (issue 16).
 */
export const NAME_ORDERS = ['given-first', 'family-first'] as const;
export const nameOrder = z.enum(NAME_ORDERS, { error: `must be one of ${NAME_ORDERS.join(', ')}` });
export type NameOrder = z.infer<typeof nameOrder>;
