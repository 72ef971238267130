import fc from 'fast-check';
import { abaFile } from './aba';

// Properties of every valid batch (docs/payment-files.md): fixed record width, one detail per payment, exact totals.
// Amounts are built from integer cents with BigInt so the test itself never uses floating point money.

const MAX_CENTS = 9_999_999_999n;
const printable = (max: number) => fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: max });
const named = (max: number) => printable(max).filter((s) => s.trim() !== '');
const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const bsb = fc.tuple(digits(3, 3), digits(3, 3)).map(([a, b]) => `${a}-${b}`);
const account = fc.string({ unit: fc.constantFrom(...'0123456789- '), minLength: 1, maxLength: 9 }).filter((s) => /\d/.test(s));
const moneyText = (cents: bigint) => `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;

const paymentsArb = fc.array(
  fc.record({
    bsb,
    account,
    accountTitle: named(40),
    reference: printable(25),
    cents: fc.bigInt({ min: 1n, max: MAX_CENTS / 40n }),
    withholding: fc.bigInt({ min: 0n, max: 99_999_999n }),
  }),
  { minLength: 1, maxLength: 40 },
);

const batchArb = fc.record({
  processingDate: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z') }).map((d) => d.toISOString().slice(0, 10)),
  financialInstitution: fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 3, maxLength: 3 }),
  userName: named(40),
  userId: digits(1, 6),
  description: named(20),
  remitter: fc.record({ bsb, account, name: named(20) }),
  balancingRecord: fc.boolean(),
  payments: paymentsArb,
});

type Batch = typeof batchArb extends fc.Arbitrary<infer T> ? T : never;

const toInput = (b: Batch) => ({
  ...b,
  payments: b.payments.map(({ cents, withholding, ...p }) => ({ ...p, amount: moneyText(cents), withholding: moneyText(withholding) })),
});

function render(b: Batch): string[] {
  const result = abaFile(toInput(b));
  if (!result.ok) throw new Error(`valid batch refused: ${JSON.stringify(result.problems)}`);
  expect(result.file.endsWith('\r\n')).toBe(true);
  return result.file.slice(0, -2).split('\r\n');
}

describe('ABA properties', () => {
  it('renders every record of any valid batch as exactly 120 printable characters', () => {
    fc.assert(
      fc.property(batchArb, (b) => {
        for (const r of render(b)) expect(r).toMatch(/^[\x20-\x7e]{120}$/);
      }),
    );
  });

  it('writes one detail record per payment, plus the balancing one, and counts them in the total record', () => {
    fc.assert(
      fc.property(batchArb, (b) => {
        const records = render(b);
        const details = records.filter((r) => r[0] === '1');
        expect(details).toHaveLength(b.payments.length + (b.balancingRecord ? 1 : 0));
        expect(records[0][0]).toBe('0');
        expect(records[records.length - 1].slice(0, 1)).toBe('7');
        expect(Number(records[records.length - 1].slice(74, 80))).toBe(details.length);
      }),
    );
  });

  it('puts the exact sum of the amounts, in cents, in the credit total', () => {
    fc.assert(
      fc.property(batchArb, (b) => {
        const records = render(b);
        const total = records[records.length - 1];
        const credits = b.payments.reduce((acc, p) => acc + p.cents, 0n);
        expect(BigInt(total.slice(30, 40))).toBe(credits);
        expect(BigInt(total.slice(40, 50))).toBe(b.balancingRecord ? credits : 0n);
        expect(BigInt(total.slice(20, 30))).toBe(b.balancingRecord ? 0n : credits);
      }),
    );
  });
});
