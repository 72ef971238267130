import fc from 'fast-check';
import { addDays, daysBetween, fromDayNumber, toDayNumber } from '../calendar';
import { tablesWith } from '../parameters';
import { computeWeeklyCompensation } from './entitlement';
import { suspendFromProblem, suspendedDays, warningOpenOn } from './s48a-suspension';
import { continuousPaidDaysEndingOn, s80Discontinuance } from './s80-notice-period';

/** The same day of the month `months` later, worked with the platform's own date code left out. */
function sameDayMonthsLater(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}
const plusDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('the s80 notice period (rules.md §8.3), worked by hand', () => {
  it.each<[string, 'work-capacity-decision' | 'other', number, string, string]>([
    // fewer than 84 days (12 weeks) of continuous payment: no notice period, F = N + 1
    ['2026-03-16', 'other', 83, 'none', '2026-03-17'],
    ['2026-03-16', 'work-capacity-decision', 83, 'none', '2026-03-17'],
    // 84 days or more, less than 364: 2 weeks, F = N + 15
    ['2026-03-16', 'other', 84, '2 weeks', '2026-03-31'],
    ['2026-12-20', 'other', 363, '2 weeks', '2027-01-04'],
    // 364 days or more: 6 weeks, F = N + 43
    ['2027-01-03', 'other', 364, '6 weeks', '2027-02-15'],
    // a work capacity decision: 3 months, F = the day after the same day 3 months on
    ['2027-05-17', 'work-capacity-decision', 490, '3 months', '2027-08-18'],
    ['2026-03-31', 'work-capacity-decision', 86, '3 months', '2026-07-01'], // 30 June has no 31st
    ['2026-11-30', 'work-capacity-decision', 100, '3 months', '2027-03-01'], // 28 Feb 2027
    ['2027-11-30', 'work-capacity-decision', 100, '3 months', '2028-03-01'], // 29 Feb 2028
  ])('notice on %s, basis %s, %i days continuous: %s, first day not payable %s', (n, basis, c, period, f) => {
    const d = s80Discontinuance(n, basis, c);
    expect([d.period, d.firstDayNotPayable, d.lastPayableDay]).toEqual([period, f, plusDays(f, -1)]);
    expect(d.rule).toMatch(/s80/);
  });

  const dates = fc.integer({ min: toDayNumber('2020-01-01'), max: toDayNumber('2040-12-31') }).map(fromDayNumber);
  const days = fc.integer({ min: 0, max: 2000 });
  const basis = fc.constantFrom<'work-capacity-decision' | 'other'>('work-capacity-decision', 'other');

  it('F follows from C and the basis exactly as §8.3 words it (an independent month count)', () => {
    fc.assert(
      fc.property(dates, basis, days, (n, b, c) => {
        const expected = c < 84 ? plusDays(n, 1) : b === 'work-capacity-decision' ? plusDays(sameDayMonthsLater(n, 3), 1) : c < 364 ? plusDays(n, 15) : plusDays(n, 43);
        expect(s80Discontinuance(n, b, c).firstDayNotPayable).toBe(expected);
      }),
    );
  });

  it('payments never stop before the day after notice, and a longer continuous period never gives a shorter notice', () => {
    fc.assert(
      fc.property(dates, basis, days, days, (n, b, c1, c2) => {
        const [lo, hi] = c1 <= c2 ? [c1, c2] : [c2, c1];
        const a = s80Discontinuance(n, b, lo);
        const z = s80Discontinuance(n, b, hi);
        expect(a.firstDayNotPayable > n).toBe(true);
        expect(a.firstDayNotPayable <= z.firstDayNotPayable).toBe(true);
        // A work capacity decision never gives less notice than any other basis.
        expect(s80Discontinuance(n, 'work-capacity-decision', hi).firstDayNotPayable >= s80Discontinuance(n, 'other', hi).firstDayNotPayable).toBe(true);
      }),
    );
  });
});

describe('C: consecutive days ending on N with an amount above 0', () => {
  const tables = tablesWith({ maxWeeklyCompensation: [{ from: '2025-10-01', amount: '2600.00' }], indexation: [] });
  const valued = (certificates: { capacity: 'none' | 'some' | 'fit'; from: string; to: string }[], through: string, earnings: { weekStarting: string; amount: string; hours: number }[] = []) =>
    computeWeeklyCompensation({
      piawe: '1000.00',
      certificates: certificates.map((c) => ({ ...c, receivedOn: c.from })),
      liability: [{ on: '2026-01-05', decision: 'accepted' }],
      earnings,
      through,
      includeBlockInProgress: true,
      tables,
    });

  it('counts every day from the first day of incapacity when all are paid, and 0 when N is not payable', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), (k) => {
        const n = addDays('2026-01-05', k);
        const v = valued([{ capacity: 'none', from: '2026-01-05', to: '2027-12-31' }], n);
        expect(continuousPaidDaysEndingOn(v, n)).toBe(k + 1);
      }),
      { numRuns: 40 },
    );
    const gap = valued(
      [
        { capacity: 'none', from: '2026-01-05', to: '2026-02-01' },
        { capacity: 'none', from: '2026-02-04', to: '2026-06-30' },
      ],
      '2026-03-01',
    );
    expect(continuousPaidDaysEndingOn(gap, '2026-03-01')).toBe(daysBetween('2026-02-04', '2026-03-01') + 1); // the gap of 2-3 Feb breaks it
    expect(continuousPaidDaysEndingOn(gap, '2026-02-02')).toBe(0);
    const fit = valued(
      [
        { capacity: 'none', from: '2026-01-05', to: '2026-02-01' },
        { capacity: 'fit', from: '2026-02-02', to: '2026-02-08' },
      ],
      '2026-02-05',
    );
    expect(continuousPaidDaysEndingOn(fit, '2026-02-05')).toBe(0);
  });

  it('a payable day worth nothing (earnings above P) breaks the continuity', () => {
    // Week of 12 Jan: some capacity with CWE 1,000 → 0.95 × 1000 − 1000 < 0 → 0 for every day of that block.
    const v = valued(
      [
        { capacity: 'none', from: '2026-01-05', to: '2026-01-11' },
        { capacity: 'some', from: '2026-01-12', to: '2026-01-18' },
        { capacity: 'none', from: '2026-01-19', to: '2026-03-01' },
      ],
      '2026-01-25',
      [{ weekStarting: '2026-01-12', amount: '1000.00', hours: 38 }],
    );
    expect(continuousPaidDaysEndingOn(v, '2026-01-25')).toBe(7);
  });
});

describe('s48A (rules.md §8.2)', () => {
  it('a suspension date 14 to 60 days after the warning, no nearer and no further', () => {
    expect(suspendFromProblem('2026-07-06', '2026-07-19')).toMatch(/at least 14 and at most 60 days.*13 days after/);
    expect(suspendFromProblem('2026-07-06', '2026-07-20')).toBeNull();
    expect(suspendFromProblem('2026-07-06', '2026-09-04')).toBeNull();
    expect(suspendFromProblem('2026-07-06', '2026-09-05')).toMatch(/61 days after/);
  });

  it.each<[string, string | null, { from: string; to: string } | null]>([
    // not complied: the whole 28 days
    ['2026-07-27', null, { from: '2026-07-27', to: '2026-08-23' }],
    // complied the day before: nothing suspended
    ['2026-07-27', '2026-07-26', null],
    // complied on the suspension date: that day is payable again, nothing lost
    ['2026-07-27', '2026-07-27', null],
    // complied during it: up to the day before compliance
    ['2026-07-27', '2026-08-03', { from: '2026-07-27', to: '2026-08-02' }],
    // complied after it ended: the full 28 days
    ['2026-07-27', '2026-09-01', { from: '2026-07-27', to: '2026-08-23' }],
  ])('suspension from %s, complied %s → %j', (suspendFrom, compliedOn, expected) => {
    expect(suspendedDays({ issuedOn: '2026-07-06', suspendFrom, compliedOn })).toEqual(expected);
  });

  it('a warning is open from its day until compliance or the end of its suspension', () => {
    const w = { issuedOn: '2026-07-06', suspendFrom: '2026-07-27', compliedOn: null };
    expect([warningOpenOn(w, '2026-07-05'), warningOpenOn(w, '2026-07-06'), warningOpenOn(w, '2026-08-23'), warningOpenOn(w, '2026-08-24')]).toEqual([false, true, true, false]);
    expect(warningOpenOn({ ...w, compliedOn: '2026-07-20' }, '2026-07-20')).toBe(false);
  });
});
