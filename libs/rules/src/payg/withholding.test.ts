import fc from 'fast-check';
import { Dec, formatMoney } from '../money';
import { PaygScale, PaygTable, PaygTableError, PaygTables, builtInPaygTables, weeklyWithholding } from './withholding';

const PAID = '2024-09-01';
const withhold = (weeklyAmount: string, scale: PaygScale = 'tax-free-threshold', paidOn = PAID) => weeklyWithholding({ weeklyAmount, scale, paidOn });

/** A table with one open-ended scale 2 row, for rules that do not depend on the ATO's numbers. */
const oneRow = (a: string, b: string, from = '2024-07-01'): PaygTables => [{ from, coefficients: { 'tax-free-threshold': [{ lessThan: null, a, b }] }, noTfnRates: {} }];

describe('PAYG weekly withholding, scale 2 (nsw-facts §9.5, 2024–25 coefficients)', () => {
  it.each([
    ['1000.00', '143.00', '0.3227 × 1000.99 − 180.0385 = 142.98 → 143'],
    ['1200.00', '208.00', '0.3227 × 1200.99 − 180.0385 = 207.52 → 208'],
    ['1500.00', '304.00', '0.3200 × 1500.99 − 176.5769 = 303.74 → 304'],
    ['450.00', '14.00', '0.1600 × 450.99 − 57.8462 = 14.31 → 14'],
  ])('$%s → %s', (weekly, amount, formula) => {
    const r = withhold(weekly);
    expect(r.amount).toBe(amount);
    expect(r.formula).toBe(formula);
    expect(r).toMatchObject({ scale: 'tax-free-threshold', tableFrom: '2024-07-01', notCurrentFrom: null, warnings: [] });
  });

  it('cents in the payment do not change x: $1,000.75 is taxed as $1,000.99 like $1,000.00', () => {
    expect(withhold('1000.75')).toMatchObject({ x: '1000.99', a: '0.3227', b: '180.0385', amount: '143.00' });
  });

  it('nothing is withheld below the tax-free threshold', () => {
    expect(withhold('0.00').amount).toBe('0.00');
    expect(withhold('300.00').amount).toBe('0.00');
    // x = 360.99 is "less than 361": the zero row.
    expect(withhold('360.99')).toMatchObject({ amount: '0.00', a: '0', b: '0' });
    // x = 361.99: 0.16 × 361.99 − 57.8462 = 0.0722 → 0.
    expect(withhold('361.00')).toMatchObject({ amount: '0.00', a: '0.1600' });
  });

  it('picks the row by x, 99 cents included: $499.99 is in "x < 500", $500.00 in "x < 625"', () => {
    // 0.16 × 499.99 − 57.8462 = 22.1522 → 22; 0.26 × 500.99 − 107.8462 = 22.4112 → 22.
    expect(withhold('499.99')).toMatchObject({ x: '499.99', a: '0.1600', amount: '22.00' });
    expect(withhold('500.00')).toMatchObject({ x: '500.99', a: '0.2600', amount: '22.00' });
  });
});

describe('ATO worked answer (2020–24 coefficients, S113)', () => {
  // Only the bracket holding $1,250 is known for 2020–24 (data file gaps), so the replacement
  // table has that bracket alone; it is not a usable 2020–24 table.
  const table2020: PaygTable = { from: '2020-10-13', coefficients: { 'tax-free-threshold': [{ lessThan: null, a: '0.3477', b: '186.2119' }] }, noTfnRates: {} };

  it('$1,250 weekly, scale 2 → 0.3477 × 1,250.99 − 186.2119 = 248.757 → $249', () => {
    const r = weeklyWithholding({ weeklyAmount: '1250.00', scale: 'tax-free-threshold', paidOn: '2021-03-01', tables: [table2020] });
    expect(r).toMatchObject({ amount: '249.00', x: '1250.99', tableFrom: '2020-10-13', notCurrentFrom: null });
    expect(r.formula).toBe('0.3477 × 1250.99 − 186.2119 = 248.76 → 249');
  });

  it('with both tables loaded, the date decides which applies', () => {
    const tables = [table2020, ...builtInPaygTables()];
    expect(weeklyWithholding({ weeklyAmount: '1250.00', scale: 'tax-free-threshold', paidOn: '2021-03-01', tables }).amount).toBe('249.00');
    // 0.3227 × 1250.99 − 180.0385 = 223.6560 → 224.
    expect(weeklyWithholding({ weeklyAmount: '1250.00', scale: 'tax-free-threshold', paidOn: '2024-07-01', tables }).amount).toBe('224.00');
  });
});

describe('scale 1 (no tax-free threshold), worked by hand from the 1 July 2024 coefficients', () => {
  it.each([
    // 0.16 × 100.99 − 0.16 = 15.9984 → 16
    ['100.00', '16.00'],
    // b is negative in "x < 515", so it adds: 0.189 × 400.99 + 0.6702 = 76.4573 → 76
    ['400.00', '76.00'],
    // 0.32 × 1000.99 − 65.7202 = 254.5966 → 255
    ['1000.00', '255.00'],
    // 0.47 × 4000.99 − 487.2587 = 1393.2066 → 1393
    ['4000.00', '1393.00'],
  ])('$%s → %s', (weekly, amount) => expect(withhold(weekly, 'no-tax-free-threshold').amount).toBe(amount));

  it('shows a negative b as an addition', () => {
    expect(withhold('400.00', 'no-tax-free-threshold').formula).toBe('0.1890 × 400.99 + 0.6702 = 76.46 → 76');
  });

  it('a formula result below zero withholds nothing', () => {
    // 0.16 × 0.99 − 0.16 = −0.0016
    expect(withhold('0.00', 'no-tax-free-threshold')).toMatchObject({ amount: '0.00', formula: '0.1600 × 0.99 − 0.1600 = -0.0016 → 0 (below zero)' });
  });
});

describe('scale 4 (no TFN): cents ignored in the earnings and in the result', () => {
  it('resident 47%: $1,002.75 → 1002 × 0.47 = 470.94 → $470 (nearest-dollar rounding would give 471)', () => {
    expect(withhold('1002.75', 'no-tfn-resident')).toMatchObject({ amount: '470.00', x: '1002', a: '0.47', b: '0', formula: '0.47 × 1002 = 470.94 → 470 (no TFN: cents ignored)' });
  });

  it('foreign resident 45%: $1,000.99 → 1000 × 0.45 = 450.00 → $450', () => {
    expect(withhold('1000.99', 'no-tfn-foreign-resident').amount).toBe('450.00');
  });

  it('less than a dollar → nothing', () => {
    expect(withhold('0.99', 'no-tfn-resident').amount).toBe('0.00');
  });
});

describe('rounding (NAT 1004: nearest dollar, 50 cents up, no rounding to cents first)', () => {
  it('exactly 50 cents rounds up', () => {
    // 1 × 10.99 − 0.49 = 10.50
    expect(weeklyWithholding({ weeklyAmount: '10.00', scale: 'tax-free-threshold', paidOn: PAID, tables: oneRow('1', '0.49') }).amount).toBe('11.00');
  });

  it('49.99 cents rounds down, and the formula shows the exact value rather than a misleading 10.50', () => {
    const r = weeklyWithholding({ weeklyAmount: '10.00', scale: 'tax-free-threshold', paidOn: PAID, tables: oneRow('1', '0.4901') });
    expect(r.amount).toBe('10.00');
    expect(r.formula).toBe('1 × 10.99 − 0.4901 = 10.4999 → 10');
  });
});

describe('table currency and dates', () => {
  it('a payment after 1 July 2025 uses the 2024 table but says loudly it is not current', () => {
    const r = withhold('1000.00', 'tax-free-threshold', '2025-08-04');
    expect(r.amount).toBe('143.00');
    expect(r.tableFrom).toBe('2024-07-01');
    expect(r.notCurrentFrom).toBe('2025-07-01');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/NOT CURRENT from 2025-07-01.*2025-08-04.*2024-07-01/);
  });

  it('30 June 2025 is still current; 1 July 2025 is not', () => {
    expect(withhold('1000.00', 'tax-free-threshold', '2025-06-30').notCurrentFrom).toBeNull();
    expect(withhold('1000.00', 'tax-free-threshold', '2025-07-01').notCurrentFrom).toBe('2025-07-01');
  });

  it('a payment before the earliest table is an error naming the date', () => {
    expect(() => withhold('1000.00', 'tax-free-threshold', '2024-06-30')).toThrow(/2024-06-30.*earliest loaded table is from 2024-07-01/);
  });

  it('rejects a bad date, amount or scale', () => {
    expect(() => withhold('1000.00', 'tax-free-threshold', '2024-02-30')).toThrow(/paidOn/);
    expect(() => withhold('1,000.00')).toThrow(RangeError);
    expect(() => withhold('-5.00')).toThrow(RangeError);
    expect(() => withhold('1000.00', 'scale-2' as PaygScale)).toThrow(/unknown PAYG scale/);
  });
});

describe('replacement tables are validated', () => {
  const call =
    (tables: PaygTables, scale: PaygScale = 'tax-free-threshold') =>
    () =>
      weeklyWithholding({ weeklyAmount: '1000.00', scale, paidOn: PAID, tables });
  const rows = (...r: [string | null, string, string][]) => [{ from: '2024-07-01', coefficients: { 'tax-free-threshold': r.map(([lessThan, a, b]) => ({ lessThan, a, b })) }, noTfnRates: {} }];

  it('rows must ascend', () => {
    expect(call(rows(['500', '0.1', '0'], ['400', '0.2', '0'], [null, '0.3', '0']))).toThrow(/row 1: lessThan 400 must be above the previous row's 500/);
    expect(call(rows(['500', '0.1', '0'], ['500', '0.2', '0'], [null, '0.3', '0']))).toThrow(PaygTableError);
  });

  it('the last row, and only the last, is open-ended', () => {
    expect(call(rows(['500', '0.1', '0'], ['900', '0.2', '0']))).toThrow(/last row must be open-ended/);
    expect(call(rows([null, '0.1', '0'], [null, '0.2', '0']))).toThrow(/row 0: only the last row may be open-ended/);
  });

  it('numbers must be exact decimals', () => {
    expect(call(rows([null, '0.1e1', '0']))).toThrow(/a is not a decimal number/);
    expect(call(rows(['0', '0.1', '0'], [null, '0.1', '0']))).toThrow(/lessThan must be above 0/);
    expect(call([{ from: '2024-07-01', coefficients: {}, noTfnRates: { 'no-tfn-resident': '47' } }], 'no-tfn-resident')).toThrow(/rate must be above 0 and at most 1/);
  });

  it('tables need distinct valid dates, known scales, and the scale asked for', () => {
    expect(call([...oneRow('0.1', '0'), ...oneRow('0.2', '0')])).toThrow(/two tables from 2024-07-01/);
    expect(call(oneRow('0.1', '0', '2024-7-1'))).toThrow(/from must be YYYY-MM-DD/);
    expect(call([])).toThrow(/no tables/);
    expect(call([{ from: '2024-07-01', coefficients: { 'scale-2': [] } as PaygTable['coefficients'], noTfnRates: {} }])).toThrow(/unknown coefficient scale "scale-2"/);
    expect(call(oneRow('0.1', '0'), 'no-tax-free-threshold')).toThrow(/table from 2024-07-01 has no coefficients for scale no-tax-free-threshold/);
  });

  it('a bad table fails even when a later one would be used', () => {
    const bad: PaygTable = { from: '2020-10-13', coefficients: { 'tax-free-threshold': [{ lessThan: '500', a: '0.1', b: '0' }] }, noTfnRates: {} };
    expect(call([bad, ...builtInPaygTables()])).toThrow(/table from 2020-10-13, tax-free-threshold: the last row must be open-ended/);
  });

  it('builtInPaygTables returns copies, so editing one does not change the built-in tables', () => {
    const copy = builtInPaygTables();
    copy[0].coefficients['tax-free-threshold']![5].a = '0.9';
    expect(withhold('1000.00').amount).toBe('143.00');
    expect(builtInPaygTables()[0].coefficients['tax-free-threshold']![5].a).toBe('0.3227');
  });
});

describe('properties', () => {
  const SCALES: PaygScale[] = ['tax-free-threshold', 'no-tax-free-threshold', 'no-tfn-resident', 'no-tfn-foreign-resident'];
  const amountOf = (cents: number) => formatMoney(new Dec(cents).div(100));

  it('property: whole dollars, never negative, never more than the payment', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000 }), fc.constantFrom(...SCALES), (cents, scale) => {
        const weekly = amountOf(cents);
        const r = withhold(weekly, scale);
        expect(r.amount).toMatch(/^\d+\.00$/);
        const amount = new Dec(r.amount);
        expect(amount.isNegative()).toBe(false);
        expect(amount.lessThanOrEqualTo(new Dec(weekly))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it.each<PaygScale>(['tax-free-threshold', 'no-tax-free-threshold'])('property: monotone non-decreasing in the weekly amount (%s)', (scale) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (c1, c2) => {
        const [lo, hi] = c1 <= c2 ? [c1, c2] : [c2, c1];
        expect(new Dec(withhold(amountOf(lo), scale).amount).lessThanOrEqualTo(new Dec(withhold(amountOf(hi), scale).amount))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it.each<PaygScale>(['tax-free-threshold', 'no-tax-free-threshold'])('monotone at every whole dollar to $5,000, every bracket edge included (%s)', (scale) => {
    // Cents never change x, so consecutive whole dollars cover every step the formula can take.
    let previous = new Dec(0);
    for (let dollars = 0; dollars <= 5000; dollars++) {
      const amount = new Dec(withhold(`${dollars}.00`, scale).amount);
      if (amount.lessThan(previous)) throw new Error(`${scale}: $${dollars} withholds ${amount}, less than ${previous} at $${dollars - 1}`);
      previous = amount;
    }
  });
});
