// Money arithmetic the console needs (the total of the payments a person has selected), done
// exactly: the API's decimal strings are read as whole cents (BigInt), never as binary fractions.

const AMOUNT = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/** "1235.5" → 123550n cents; anything that is not an amount of at most two places is refused. */
export function toCents(amount: string): bigint {
  const m = AMOUNT.exec(amount);
  if (!m) throw new RangeError(`not an amount: ${amount}`);
  const cents = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -cents : cents;
}

/** 123550n → "1235.50": the API's form, for formatMoney. */
export function fromCents(cents: bigint): string {
  const negative = cents < 0n;
  const a = negative ? -cents : cents;
  return `${negative ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
}

/** The exact sum of amounts, "0.00" for none. */
export function sumMoney(amounts: readonly string[]): string {
  return fromCents(amounts.reduce((sum, a) => sum + toCents(a), 0n));
}

/** Negative, zero or positive as `a` is less than, equal to or more than `b`. */
export function compareMoney(a: string, b: string): number {
  const d = toCents(a) - toCents(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}
