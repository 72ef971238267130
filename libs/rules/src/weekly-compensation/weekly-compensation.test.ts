import fc from 'fast-check';
import { Dec, formatMoney, money } from '../money';
import { FactorTable, ParameterTables } from '../parameters';
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
  indexation: [{ on: '2026-04-01', factor: '1.0150' }, { on: '2026-10-01', factor: '1.0120' }],
  employerExcessCap: [{ from: '2024-07-01', amount: '1999.30' }],
};

const fracture: WeeklyCompensationInput = {
  piawe: '1200.00',
  certificates: [
    { capacity: 'none', from: '2026-03-02', to: '2026-03-29', receivedOn: '2026-03-05' },
    { capacity: 'none', from: '2026-03-30', to: '2026-04-26', receivedOn: '2026-03-28' },
    { capacity: 'some', from: '2026-04-27', to: '2026-05-24', receivedOn: '2026-04-26' },
  ],
  liability: [{ on: '2026-03-05', decision: 'provisional' }, { on: '2026-04-28', decision: 'accepted' }],
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
    const disputed = computeWeeklyCompensation({ ...fracture, liability: [{ on: '2026-03-05', decision: 'provisional' }, { on: '2026-03-12', decision: 'disputed' }] });
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
    expect(r.weeks.map((w) => [w.week, w.from])).toEqual([[1, '2026-03-02'], [2, '2026-03-16']]);
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

  it('property: a week is never above MAX nor below 0, and a block of alike days equals the weekly formula', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 600000 }),
        fc.constantFrom<'none' | 'some'>('none', 'some'),
        fc.integer({ min: 0, max: 300000 }),
        fc.integer({ min: 0, max: 60 }),
        (piaweCents, capacity, cweCents, hours) => {
          const piawe = formatMoney(new Dec(piaweCents).dividedBy(100));
          const amount = formatMoney(new Dec(cweCents).dividedBy(100));
          const r = computeWeeklyCompensation({
            piawe,
            certificates: [{ capacity, from: '2026-05-04', to: '2026-05-31', receivedOn: '2026-05-04' }],
            liability: [{ on: '2026-05-04', decision: 'accepted' }],
            earnings: [{ weekStarting: '2026-05-04', amount, hours }],
            through: '2026-05-10',
            tables,
          });
          const block = r.blocks[0];
          const expected = weeklyRateForDay({ ...base, week: 1, capacity, p: new Dec(piawe), max: new Dec('2630.00'), cwe: new Dec(amount), hoursWorked: new Dec(hours) }).weekly;
          const paid = new Dec(block.amount);
          return paid.greaterThanOrEqualTo(0) && paid.lessThanOrEqualTo('2630.00') && paid.equals(expected.toDecimalPlaces(2));
        },
      ),
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
