import fc from 'fast-check';
import { Dec, formatMoney, money } from '../money';
import { FactorTable, ParameterTables, builtInTables } from '../parameters';
import { computeWeeklyCompensation, WeeklyCompensationInput } from './entitlement';
import { DayFacts, weeklyRateForDay } from './formula';
import { IndexedPiawe, roundIndexed } from './indexation';

const base: DayFacts = { week: 5, capacity: 'none', p: new Dec(1000), max: new Dec('2523.00'), cwe: new Dec(0), hoursWorked: new Dec(0), s38Approved: false, wpiAbove20: false };
const rate = (f: Partial<DayFacts>) => formatMoney(weeklyRateForDay({ ...base, ...f }).weekly);

describe('weekly rate (nsw-facts §9.1 vectors W1–W10)', () => {
  it.each<[string, Partial<DayFacts>, string]>([
    ['W1 s36(1) NCWC', {}, '950.00'],
    ['W2 s36(2) CWC', { capacity: 'some', cwe: new Dec(400) }, '550.00'],
    ['W3 s37(1) NCWC', { week: 20 }, '800.00'],
    ['W4 s37(2) CWC ≥ 15 h', { week: 20, capacity: 'some', cwe: new Dec(500), hoursWorked: new Dec(20) }, '450.00'],
    ['W5 s37(3) CWC < 15 h', { week: 20, capacity: 'some', cwe: new Dec(200), hoursWorked: new Dec(10) }, '600.00'],
    ['W6 capped at MAX', { p: new Dec(3000) }, '2523.00'],
    ['W7 CWC capped at MAX − CWE', { p: new Dec(3000), capacity: 'some', cwe: new Dec(1000) }, '1523.00'],
    ['W8 s38 approved', { week: 140, capacity: 'some', cwe: new Dec(300), s38Approved: true }, '500.00'],
    ['W9 s39 without WPI > 20%', { week: 261 }, '0.00'],
    ['W10 s39 with WPI > 20%', { week: 261, wpiAbove20: true }, '800.00'],
  ])('%s', (_name, facts, expected) => expect(rate(facts)).toBe(expected));

  it('exactly 15 hours keeps the 95% rate (s37(2) "at least 15 hours")', () => {
    expect(rate({ week: 14, capacity: 'some', cwe: new Dec(100), hoursWorked: new Dec(15) })).toBe('850.00');
    expect(rate({ week: 14, capacity: 'some', cwe: new Dec(100), hoursWorked: new Dec('14.5') })).toBe('700.00');
  });

  it('week boundaries: 13 → s36, 14 → s37, 130 → s37, 131 → s38, 260 → s38', () => {
    expect(weeklyRateForDay({ ...base, week: 13 }).section).toBe('s36');
    expect(weeklyRateForDay({ ...base, week: 14 }).section).toBe('s37');
    expect(weeklyRateForDay({ ...base, week: 130 }).section).toBe('s37');
    expect(weeklyRateForDay({ ...base, week: 131 }).section).toBe('s38');
    expect(formatMoney(weeklyRateForDay({ ...base, week: 260, capacity: 'some' }).weekly)).toBe('0.00');
  });

  it('earnings above the rate give 0, never a negative amount', () => {
    expect(rate({ capacity: 'some', cwe: new Dec(1200) })).toBe('0.00');
  });
});

describe('indexation (s82A, s82D; nsw-facts §9.2)', () => {
  it('rounds below $1,000 to $1 and from $1,000 to $10, half up', () => {
    expect(roundIndexed(new Dec('1006.20')).toString()).toBe('1010');
    expect(roundIndexed(new Dec('905.58')).toString()).toBe('906');
    expect(roundIndexed(new Dec('1005')).toString()).toBe('1010');
    expect(roundIndexed(new Dec('1004.99')).toString()).toBe('1000');
    expect(roundIndexed(new Dec('999.50')).toString()).toBe('1000');
    expect(roundIndexed(new Dec('998.49')).toString()).toBe('998');
  });

  it('applies factors on review dates strictly after the first day of incapacity, compounding; a factor below 1 changes nothing', () => {
    const factors = new FactorTable([
      { on: '2018-04-01', factor: '1.0143' },
      { on: '2018-10-01', factor: '1.0062' },
      { on: '2019-04-01', factor: '0.9990' },
      { on: '2019-10-01', factor: '1.0100' },
    ]);
    const p = new IndexedPiawe(money('900.00'), '2018-04-01', '2019-12-31', factors);
    expect(p.on('2018-09-30').toString()).toBe('900');
    expect(p.on('2018-10-01').toString()).toBe('906'); // 905.58 → $906
    expect(p.on('2019-04-01').toString()).toBe('906'); // factor < 1
    expect(p.on('2019-10-01').toString()).toBe('915'); // 915.06 → $915
    expect(p.steps.map((s) => s.note)).toEqual(['applied', 'factor-below-one', 'applied']);
  });

  it('rounding never takes P below its previous value (no-reduction rule)', () => {
    const p = new IndexedPiawe(money('1231.00'), '2026-01-05', '2026-04-30', new FactorTable([{ on: '2026-04-01', factor: '1.003' }]));
    expect(p.on('2026-04-01').toString()).toBe('1231');
    expect(p.steps[0].note).toBe('rounding-would-reduce');
  });

  it('a missing factor is loud, not silently 1', () => {
    const p = new IndexedPiawe(money('1000.00'), '2026-01-05', '2026-12-31', new FactorTable([{ on: '2026-04-01', factor: '1.01' }]));
    expect(p.missingFactorsThrough('2026-12-31')).toEqual(['2026-10-01']);
  });

  it('property: indexation never lowers P', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10000, max: 500000 }), fc.array(fc.integer({ min: 9500, max: 10500 }), { minLength: 1, maxLength: 12 }), (cents, factors) => {
        const rows = factors.map((f, i) => ({ on: `${2020 + Math.floor(i / 2)}-${i % 2 === 0 ? '04' : '10'}-01`, factor: new Dec(f).dividedBy(10000).toString() }));
        const p = new IndexedPiawe(new Dec(cents).dividedBy(100), '2020-01-01', '2026-12-31', new FactorTable(rows));
        let prev = p.piawe;
        for (const s of p.steps) {
          if (new Dec(s.after).lessThan(prev)) return false;
          prev = new Dec(s.after);
        }
        return true;
      }),
    );
  });
});

const tables: ParameterTables = {
  maxWeeklyCompensation: [
    { from: '2025-10-01', amount: '2590.00' },
    { from: '2026-04-01', amount: '2630.00' },
    { from: '2026-10-01', amount: '2670.00' },
  ],
  indexation: [
    { on: '2026-04-01', factor: '1.0150' },
    { on: '2026-10-01', factor: '1.0120' },
  ],
  employerExcessCap: [{ from: '2024-07-01', amount: '1999.30' }],
};

const fracture: WeeklyCompensationInput = {
  piawe: '1200.00',
  certificates: [
    { capacity: 'none', from: '2026-03-02', to: '2026-03-29', receivedOn: '2026-03-05' },
    { capacity: 'none', from: '2026-03-30', to: '2026-04-26', receivedOn: '2026-03-28' },
    { capacity: 'some', from: '2026-04-27', to: '2026-05-24', receivedOn: '2026-04-26' },
  ],
  liability: [
    { on: '2026-03-05', decision: 'provisional' },
    { on: '2026-04-28', decision: 'accepted' },
  ],
  earnings: [
    { weekStarting: '2026-04-27', amount: '480.00', hours: 16 },
    { weekStarting: '2026-05-04', amount: '600.00', hours: 20 },
  ],
  through: '2026-05-31',
  tables,
};

describe('entitlement weeks (rules.md §6; scenario significant-fracture)', () => {
  it('blends a block across the 1 April indexation day by day and deducts CWE from the certificate of capacity "some"', () => {
    const r = computeWeeklyCompensation(fracture);
    expect(r.firstDayOfIncapacity).toBe('2026-03-02');
    expect(r.weeks.map((w) => [w.week, w.from, w.to, w.amount])).toEqual([
      [1, '2026-03-02', '2026-03-08', '1140.00'],
      [2, '2026-03-09', '2026-03-15', '1140.00'],
      [3, '2026-03-16', '2026-03-22', '1140.00'],
      [4, '2026-03-23', '2026-03-29', '1140.00'],
      [5, '2026-03-30', '2026-04-05', '1153.57'], // (2 × 1140 + 5 × 0.95 × 1220) / 7
      [6, '2026-04-06', '2026-04-12', '1159.00'],
      [7, '2026-04-13', '2026-04-19', '1159.00'],
      [8, '2026-04-20', '2026-04-26', '1159.00'],
      [9, '2026-04-27', '2026-05-03', '679.00'],
      [10, '2026-05-04', '2026-05-10', '559.00'],
      [11, '2026-05-11', '2026-05-17', '1159.00'],
      [12, '2026-05-18', '2026-05-24', '1159.00'],
    ]);
    expect(r.blocks).toHaveLength(13);
    expect(r.blocks[12].days[0].notPayable).toBe('no-certificate');
    expect(r.warnings).toEqual([]);
  });

  it('pays part of a week: 3 days of no capacity then fit (scenario non-significant-sprain)', () => {
    const r = computeWeeklyCompensation({
      piawe: '980.00',
      certificates: [
        { capacity: 'none', from: '2026-07-13', to: '2026-07-15', receivedOn: '2026-07-15' },
        { capacity: 'fit', from: '2026-07-16', to: '2026-07-31', receivedOn: '2026-07-16' },
      ],
      liability: [{ on: '2026-07-20', decision: 'accepted' }],
      earnings: [],
      through: '2026-08-31',
      tables,
    });
    expect(r.weeks.map((w) => [w.week, w.amount])).toEqual([[1, '399.00']]);
  });

  it('nothing is payable before liability is provisional or accepted; then back to the first day', () => {
    const r = computeWeeklyCompensation({ ...fracture, liability: [], through: '2026-03-20' });
    expect(r.weeks).toEqual([]);
    expect(r.blocks[0].days[0].notPayable).toBe('liability-not-provisional-or-accepted');
  });

  it('days on or after a dispute and after finalisation are not payable', () => {
    const disputed = computeWeeklyCompensation({
      ...fracture,
      liability: [
        { on: '2026-03-05', decision: 'provisional' },
        { on: '2026-03-12', decision: 'disputed' },
      ],
    });
    expect(disputed.weeks.map((w) => w.amount)).toEqual(['1140.00', '488.57']); // 3 days of week 2
    const finalised = computeWeeklyCompensation({ ...fracture, finalisedOn: '2026-03-09' });
    expect(finalised.weeks.map((w) => w.amount)).toEqual(['1140.00']);
  });

  it('the certificate received last decides a day covered twice', () => {
    const r = computeWeeklyCompensation({
      ...fracture,
      certificates: [...fracture.certificates, { capacity: 'fit', from: '2026-03-09', to: '2026-03-15', receivedOn: '2026-03-10' }],
      through: '2026-03-22',
    });
    // the fit week is worth 0 so it is not counted: the next paid block is week 2
    expect(r.weeks.map((w) => [w.week, w.from])).toEqual([
      [1, '2026-03-02'],
      [2, '2026-03-16'],
    ]);
  });

  it('after week 13 the 80% rate applies; zero weeks do not advance the count (s32A)', () => {
    const r = computeWeeklyCompensation({
      piawe: '1000.00',
      certificates: [
        { capacity: 'none', from: '2026-01-05', to: '2026-02-01', receivedOn: '2026-01-05' },
        { capacity: 'none', from: '2026-02-09', to: '2026-05-31', receivedOn: '2026-02-09' },
      ],
      liability: [{ on: '2026-01-06', decision: 'accepted' }],
      earnings: [],
      through: '2026-05-31',
      tables: { ...tables, indexation: [{ on: '2026-04-01', factor: '1.0000' }] },
    });
    expect(r.blocks[4].amount).toBe('0.00');
    expect(r.weeks[12]).toMatchObject({ week: 13, from: '2026-04-06', amount: '950.00' });
    expect(r.weeks[13]).toMatchObject({ week: 14, from: '2026-04-13', amount: '800.00' });
  });

  it('says loudly when MAX or indexation is not current, instead of silently reusing the old row', () => {
    const r = computeWeeklyCompensation({ ...fracture, tables: { ...tables, maxWeeklyCompensation: [{ from: '2025-10-01', amount: '2590.00' }], indexation: [] } });
    expect(r.notCurrentFrom).toBe('2026-04-01');
    expect(r.warnings).toEqual(expect.arrayContaining(['maxWeeklyCompensation not current from 2026-04-01', 'indexation (no factor for 2026-04-01) not current from 2026-04-01']));
  });

  it('can value the block in progress, for "has week N started?" questions', () => {
    const r = computeWeeklyCompensation({ ...fracture, through: '2026-03-16', includeBlockInProgress: true });
    expect(r.weeks.map((w) => [w.week, w.from, w.inProgress, w.amount])).toEqual([
      [1, '2026-03-02', false, '1140.00'],
      [2, '2026-03-09', false, '1140.00'],
      [3, '2026-03-16', true, '162.86'], // one day of seven
    ]);
    expect(r.blocks[2].days[1].notPayable).toBe('not-yet');
  });

  it('flags earnings reported for a week that does not start an entitlement week', () => {
    const r = computeWeeklyCompensation({ ...fracture, earnings: [{ weekStarting: '2026-04-28', amount: '100.00', hours: 5 }] });
    expect(r.warnings[0]).toMatch(/2026-04-28.*not the first day/);
  });

  it('property: a week is never above MAX nor below 0, and a block of alike days equals the weekly formula worked in whole cents', () => {
    // The oracle is docs/rules.md §6 in integer arithmetic (see weeklyInCents below), not weeklyRateForDay:
    // comparing the function with the function it calls could not catch a wrong formula.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 600000 }),
        fc.constantFrom<'none' | 'some'>('none', 'some'),
        fc.integer({ min: 0, max: 300000 }),
        fc.integer({ min: 0, max: 60 }),
        (piaweCents, capacity, cweCents, hours) => {
          const r = computeWeeklyCompensation({
            piawe: centsText(BigInt(piaweCents)),
            certificates: [{ capacity, from: '2026-05-04', to: '2026-05-31', receivedOn: '2026-05-04' }],
            liability: [{ on: '2026-05-04', decision: 'accepted' }],
            earnings: [{ weekStarting: '2026-05-04', amount: centsText(BigInt(cweCents)), hours }],
            through: '2026-05-10',
            tables,
          });
          // MAX in force on 4-10 May 2026 is the 1 April 2026 row: $2,630.00.
          const expected = weeklyInCents({ week: 1, capacity, pCents: BigInt(piaweCents), maxCents: 263000n, cweCents: BigInt(cweCents), hoursTenths: hours * 10 });
          const paid = new Dec(r.blocks[0].amount);
          return paid.greaterThanOrEqualTo(0) && paid.lessThanOrEqualTo('2630.00') && r.blocks[0].amount === centsText(expected);
        },
      ),
      { seed: 20260419, numRuns: 300 },
    );
  });
});

/**
 * docs/rules.md §6 for one week whose days are all alike, worked in integers (no Dec, no float, no code
 * under test): amounts are in units of 1/100 of a cent, so 0.95·P is exactly 95 × P-in-cents and
 * MAX is 100 × MAX-in-cents; a negative value counts as 0; the week is rounded half up to cents.
 */
function weeklyInCents(f: { week: number; capacity: 'none' | 'some'; pCents: bigint; maxCents: bigint; cweCents: bigint; hoursTenths: number }): bigint {
  const min = (a: bigint, b: bigint) => (a < b ? a : b);
  let percent: bigint;
  if (f.week <= 13)
    percent = 95n; // s36
  else if (f.capacity === 'some' && f.hoursTenths >= 150)
    percent = 95n; // s37(2): worked at least 15 hours
  else percent = 80n; // s37(1), s37(3)
  const p = percent * f.pCents;
  const max = 100n * f.maxCents;
  const cwe = 100n * f.cweCents;
  const weekly = f.capacity === 'none' ? min(p, max) : min(p - cwe, max - cwe);
  const nonNegative = weekly < 0n ? 0n : weekly;
  return (nonNegative + 50n) / 100n; // half up: non-negative, so integer division floors
}

/** Whole cents as money text: 123456n → "1234.56". */
function centsText(cents: bigint): string {
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
}

/** Hours in tenths as the decimal text an earnings report carries: 149 → "14.9". */
const hoursText = (tenths: number) => `${Math.floor(tenths / 10)}.${tenths % 10}`;

/**
 * Week n of a claim: one certificate of `capacity` from Monday 5 Jan 2026 to the end of week n,
 * liability accepted on day one, earnings reported for week n only (earlier weeks have CWE 0 and
 * so are all paid, which makes the block of week n the nth block). No indexation (an empty factor
 * table: P stays the PIAWE) and one MAX row for the whole period.
 */
function weekN(n: number, capacity: 'none' | 'some', pCents: bigint, maxCents: bigint, cweCents: bigint, hoursTenths: number) {
  const dayMs = 86_400_000;
  const first = Date.parse('2026-01-05T00:00:00Z');
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const from = iso(first + 7 * (n - 1) * dayMs);
  const to = iso(first + (7 * n - 1) * dayMs);
  return computeWeeklyCompensation({
    piawe: centsText(pCents),
    certificates: [{ capacity, from: '2026-01-05', to, receivedOn: '2026-01-05' }],
    liability: [{ on: '2026-01-05', decision: 'accepted' }],
    earnings: cweCents > 0n || hoursTenths > 0 ? [{ weekStarting: from, amount: centsText(cweCents), hours: hoursText(hoursTenths) }] : [],
    through: to,
    tables: { maxWeeklyCompensation: [{ from: '2020-01-01', amount: centsText(maxCents) }], indexation: [], employerExcessCap: [] },
  });
}

describe('entitlement weeks 1-130 against rules.md §6 worked in whole cents (independent oracle)', () => {
  it.each<[string, number, 'none' | 'some', bigint, bigint, bigint, number, string]>([
    // name, week, capacity, P, MAX, CWE (cents), hours (tenths), expected amount worked by hand
    ['NCWC week 1: 0.95 × 1234.57 = 1172.8415 → 1172.84', 1, 'none', 123457n, 300000n, 0n, 0, '1172.84'],
    ['NCWC week 13 still s36: 0.95 × 1000.01 = 950.0095 → 950.01', 13, 'none', 100001n, 300000n, 0n, 0, '950.01'],
    ['NCWC week 14 is s37: 0.80 × 1000.01 = 800.008 → 800.01', 14, 'none', 100001n, 300000n, 0n, 0, '800.01'],
    ['NCWC week 130 is still s37: 0.80 × 1000.00', 130, 'none', 100000n, 300000n, 0n, 0, '800.00'],
    ['NCWC capped at MAX: min(0.95 × 3000, 2523.00)', 2, 'none', 300000n, 252300n, 0n, 0, '2523.00'],
    ['CWC week 13, 10 h: 0.95 × 1000 − 300 = 650 (hours do not matter before week 14)', 13, 'some', 100000n, 300000n, 30000n, 100, '650.00'],
    ['CWC week 14, 14.9 h: 0.80 × 1000 − 300 = 500', 14, 'some', 100000n, 300000n, 30000n, 149, '500.00'],
    ['CWC week 14, exactly 15 h: 0.95 × 1000 − 300 = 650', 14, 'some', 100000n, 300000n, 30000n, 150, '650.00'],
    ['CWC week 130, 20 h: 0.95 × 1000 − 300 = 650', 130, 'some', 100000n, 300000n, 30000n, 200, '650.00'],
    ['CWC capped at MAX − CWE: min(0.95 × 3000 − 1000, 2523 − 1000)', 3, 'some', 300000n, 252300n, 100000n, 0, '1523.00'],
    ['CWC half a cent rounds up, not to even: 0.95 × 1000.30 − 0.00 = 950.285 → 950.29', 5, 'some', 100030n, 300000n, 0n, 0, '950.29'],
    ['CWC earnings above the rate: 0, never negative', 20, 'some', 100000n, 300000n, 90000n, 100, '0.00'],
  ])('%s', (_name, week, capacity, p, max, cwe, hours, amount) => {
    expect(centsText(weeklyInCents({ week, capacity, pCents: p, maxCents: max, cweCents: cwe, hoursTenths: hours }))).toBe(amount); // the oracle agrees with the hand
    const r = weekN(week, capacity, p, max, cwe, hours);
    expect(r.blocks).toHaveLength(week);
    expect(r.blocks[week - 1]).toMatchObject({ week: amount === '0.00' ? null : week, amount });
  });

  it('property: the block of week n (1-130) is exactly the integer-cent formula, for NCWC and CWC with hours either side of 15', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(1, 13, 14, 130), fc.integer({ min: 1, max: 130 })),
        fc.constantFrom<'none' | 'some'>('none', 'some'),
        fc.integer({ min: 100, max: 600000 }), // P ≥ $1, so every earlier week (CWE 0) is paid
        fc.integer({ min: 1, max: 400000 }),
        fc.integer({ min: 0, max: 300000 }),
        fc.oneof(fc.constantFrom(0, 149, 150), fc.integer({ min: 0, max: 600 })),
        (week, capacity, p, max, cwe, hoursTenths) => {
          const r = weekN(week, capacity, BigInt(p), BigInt(max), BigInt(cwe), hoursTenths);
          const expected = centsText(weeklyInCents({ week, capacity, pCents: BigInt(p), maxCents: BigInt(max), cweCents: BigInt(cwe), hoursTenths }));
          expect(r.blocks).toHaveLength(week);
          expect(r.weeks).toHaveLength(expected === '0.00' ? week - 1 : week);
          expect([week, r.blocks[week - 1].amount]).toEqual([week, expected]);
        },
      ),
      { seed: 20260420, numRuns: 150 },
    );
  });
});

describe('gaps in the tables', () => {
  it('a day before the first MAX row is not valued, loudly, and nothing throws', () => {
    const r = computeWeeklyCompensation({ ...fracture, tables: { ...tables, maxWeeklyCompensation: [{ from: '2026-03-05', amount: '2590.00' }] }, through: '2026-03-08' });
    expect(r.weeks[0].amount).toBe('651.43'); // 4 of 7 days at 1140
    expect(r.blocks[0].days[0].notPayable).toBe('no-rate-in-force');
    expect(r.warnings[0]).toMatch(/no row in force on 2026-03-02/);
  });
});

describe('the step-down after 52 weeks (former s44C(1): injuries before 26 Oct 2018)', () => {
  const tables: ParameterTables = { maxWeeklyCompensation: [{ from: '2018-04-01', amount: '2000.00' }], indexation: [], employerExcessCap: [] };
  const input: WeeklyCompensationInput = {
    piawe: '1000.00',
    piaweAfter52Weeks: '700.00',
    certificates: [{ capacity: 'none', from: '2018-05-07', to: '2019-12-31', receivedOn: '2018-05-07' }],
    liability: [{ on: '2018-05-07', decision: 'accepted' }],
    earnings: [],
    through: '2019-06-30',
    tables,
  };

  it('values weeks 1–52 with the PIAWE and later weeks with the stepped-down PIAWE, in one pass', () => {
    const r = computeWeeklyCompensation(input);
    const week = (n: number) => r.weeks.find((w) => w.week === n)!;
    expect([week(13).amount, week(14).amount, week(52).amount, week(53).amount]).toEqual(['950.00', '800.00', '800.00', '560.00']);
    expect([week(52).piawe, week(53).piawe]).toEqual(['1000.00', '700.00']);
    expect(week(53).days[0].p).toBe('700');
  });

  it('without a stepped-down PIAWE every week is valued with the PIAWE', () => {
    const r = computeWeeklyCompensation({ ...input, piaweAfter52Weeks: null });
    expect(r.weeks.find((w) => w.week === 53)!.amount).toBe('800.00');
  });

  it('a valuation resumed from a checkpoint after week 52 keeps stepping down', () => {
    const upTo = computeWeeklyCompensation({ ...input, through: '2019-05-12' });
    expect(upTo.checkpoint!.weeksCounted).toBe(53);
    const resumed = computeWeeklyCompensation({ ...input, resume: upTo.checkpoint });
    expect(resumed.weeks[0].week).toBe(54);
    expect(resumed.weeks.map((w) => w.amount)).toEqual(
      computeWeeklyCompensation(input)
        .weeks.slice(53)
        .map((w) => w.amount),
    );
    expect(resumed.weeks[0].amount).toBe('560.00');
  });
});

describe('integer and decimal sums of a block (issue 15: the hot path in integers, with the same results)', () => {
  const day = (n: number) => {
    const d = new Date(Date.UTC(2023, 0, 2) + n * 86_400_000);
    return d.toISOString().slice(0, 10);
  };
  const cents = (lo: number, hi: number) => fc.integer({ min: lo * 100, max: hi * 100 }).map((c) => (c / 100).toFixed(2));
  const inputArb = fc.record({
    piawe: cents(100, 4000),
    after52: fc.option(cents(100, 3000), { nil: null }),
    certificates: fc.array(fc.record({ capacity: fc.constantFrom('none', 'some', 'fit'), from: fc.integer({ min: 0, max: 600 }), length: fc.integer({ min: 0, max: 300 }) }), {
      minLength: 1,
      maxLength: 6,
    }),
    earnings: fc.array(fc.record({ week: fc.integer({ min: 0, max: 120 }), amount: cents(0, 2500), hours: fc.integer({ min: 0, max: 45 }) }), { maxLength: 10 }),
    s38: fc.option(fc.integer({ min: 0, max: 900 }), { nil: null }),
    wpi: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
    through: fc.integer({ min: 0, max: 1000 }),
  });
  it('every block, day and week is the same either way on random claims', () => {
    fc.assert(
      fc.property(inputArb, (c) => {
        const input: WeeklyCompensationInput = {
          piawe: c.piawe,
          piaweAfter52Weeks: c.after52,
          certificates: c.certificates.map((x, i) => ({ capacity: x.capacity as 'none', from: day(x.from), to: day(x.from + x.length), receivedOn: day(x.from + i) })),
          liability: [{ on: day(0), decision: 'accepted' }],
          earnings: c.earnings.map((e) => ({ weekStarting: day(e.week * 7), amount: e.amount, hours: e.hours })),
          s38ApprovedOn: c.s38 === null ? null : day(c.s38),
          wpiAssessments: c.wpi === null ? [] : [{ on: day(10), percent: c.wpi }],
          through: day(c.through),
          tables: builtInTables(),
        };
        expect(computeWeeklyCompensation({ ...input, arithmetic: 'integer' })).toEqual(computeWeeklyCompensation({ ...input, arithmetic: 'decimal' }));
      }),
      { seed: 1515, numRuns: 200 },
    );
  });
});
