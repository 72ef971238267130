/**
 * Fixed-width fields for bank records (docs/payment-files.md, ABA layout). Text is cut to the field width;
 * numbers are never cut, because a silently shortened amount would pay the wrong money.
 */

export function blank(width: number): string {
  return ' '.repeat(width);
}

/** Left-justified, blank-filled, cut to width. */
export function left(text: string, width: number): string {
  return text.slice(0, width).padEnd(width, ' ');
}

/** Right-justified, blank-filled, cut to width (keeping the left part, as for left fields). */
export function rightBlank(text: string, width: number): string {
  return text.slice(0, width).padStart(width, ' ');
}

/** Right-justified, zero-filled digits; throws rather than cut, since validation keeps numbers in range. */
export function rightZero(digits: string, width: number): string {
  if (!/^\d+$/.test(digits) || digits.length > width) {
    throw new RangeError(`${JSON.stringify(digits)} does not fit a ${width}-digit field`);
  }
  return digits.padStart(width, '0');
}

/** Joins fields into one record and insists on the exact record length. */
export function record(fields: string[], length: number): string {
  const text = fields.join('');
  if (text.length !== length) throw new RangeError(`record is ${text.length} characters, not ${length}`);
  return text;
}
