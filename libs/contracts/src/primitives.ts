import { z } from 'zod';
import { isEventTime, isLocalDate, isMoneyText } from '@wc/rules';

/** `YYYY-MM-DD`, a real date. */
export const localDate = z.string().refine(isLocalDate, { message: 'must be a date YYYY-MM-DD' });
/** A date (12:00 Sydney) or an ISO timestamp with an offset. */
export const eventTime = z.string().refine(isEventTime, { message: 'must be a date YYYY-MM-DD or an ISO timestamp with an offset' });
/** Money as a decimal string with at most two places; never a JSON number (it would have been a float). */
export const moneyText = z.string().refine(isMoneyText, { message: 'must be an amount as a string with at most 2 decimal places, e.g. "1200.00"' });
export const decimalText = z.string().regex(/^(0|[1-9]\d*)(\.\d+)?$/, 'must be a positive decimal as a string, e.g. "1.0150"');
export const nonEmpty = z.string().trim().min(1, 'must not be empty');

/**
 * The order a person writes their own name in: given name first (Mia Okafor) or family name first
 * (李小龙, Nguyễn Thị Ánh). Letters print a name in the order and script the worker gives it (issue 16).
 */
export const NAME_ORDERS = ['given-first', 'family-first'] as const;
export const nameOrder = z.enum(NAME_ORDERS, { errorMap: () => ({ message: `must be one of ${NAME_ORDERS.join(', ')}` }) });
export type NameOrder = z.infer<typeof nameOrder>;
