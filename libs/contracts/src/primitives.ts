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
