import Decimal from 'decimal.js';

/**
 * Exact decimal arithmetic for every amount the platform computes or reads.
 * A private clone so no other module's global Decimal settings can change our rounding.
 * Rounding happens only where a rule says so (e.g. a week's total to cents, s82D for PIAWE).
 */
export const Dec = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 30 });
export type Dec = Decimal;

const MONEY = /^(0|[1-9]\d*)(\.\d{1,2})?$/;
const DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** True when `text` is a non-negative decimal with at most two places, no sign, `$` or separators. */
export function isMoneyText(text: string): boolean {
  return MONEY.test(text);
}

/** Reads a non-negative amount of money; throws RangeError naming the problem otherwise. */
export function money(text: string): Dec {
  if (!MONEY.test(text)) throw new RangeError(`not an amount of money (digits with at most 2 decimal places): ${JSON.stringify(text)}`);
  return new Dec(text);
}

/** Reads any exact decimal (factors, percentages); never goes through a binary float. */
export function decimal(text: string): Dec {
  if (!DECIMAL.test(text)) throw new RangeError(`not a decimal number: ${JSON.stringify(text)}`);
  return new Dec(text);
}

/** Rounds half-up to cents. */
export function roundCents(value: Dec): Dec {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Two-place text, the form every API and file uses for money (decimal.js's toFixed: exact, no binary float). */
export function formatMoney(value: Dec): string {
  const rounded = roundCents(value);
  return rounded.toFixed(2);
}

/** Whole cents as a bigint-safe integer string, for fixed-width bank records. */
export function toCents(value: Dec): string {
  const whole = roundCents(value).times(100);
  return whole.toFixed(0);
}

export const ZERO = new Dec(0);

export function sum(values: Iterable<Dec>): Dec {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

export function min(a: Dec, b: Dec): Dec {
  return a.lessThan(b) ? a : b;
}

export function max(a: Dec, b: Dec): Dec {
  return a.greaterThan(b) ? a : b;
}
