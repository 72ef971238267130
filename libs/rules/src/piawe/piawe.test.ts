import fc from 'fast-check';
import { addDays } from '../calendar';
import { determinePiawe, EarningsKind, EarningsLine, Employment, piaweRegime, PiaweInput, PiaweInputError, PiaweProblem } from './piawe';

// A Monday, so weekly pay periods Monday–Sunday line up with the 52 weeks 2023-07-03 to 2024-06-30.
const DOI = '2024-07-01';
const job = (id: string, startedOn = '2015-01-05', more: Partial<Employment> = {}): Employment => ({ id, employer: `${id} Pty Ltd`, startedOn, ...more });

/** `count` consecutive pay periods of `length` days, the first starting on `first`. */
function periods(
  employment: string,
  first: string,
  count: number,
  length: number,
  amount: string | ((k: number) => string),
  kind: EarningsKind = 'ordinary',
  prefix = `${employment}-${kind}`,
): EarningsLine[] {
  return Array.from({ length: count }, (_, k) => ({
    id: `${prefix}-${k}`,
    employment,
    from: addDays(first, length * k),
    to: addDays(first, length * k + length - 1),
    kind,
    amount: typeof amount === 'string' ? amount : amount(k),
  }));
}
/** The 52 weekly pay periods ending the day before `doi`. */
const weeks52 = (employment: string, amount: string | ((k: number) => string), kind: EarningsKind = 'ordinary', doi = DOI) => periods(employment, addDays(doi, -364), 52, 7, amount, kind);

const problemsOf = (input: PiaweInput): PiaweProblem[] => {
  try {
    determinePiawe(input);
  } catch (e) {
    if (e instanceof PiaweInputError) return e.problems;
    throw e;
  }
  throw new Error('expected a PiaweInputError');
};

describe('regime (nsw-facts §1.4 "build a flag")', () => {
  it.each([
    ['2018-10-25', 'before-2018-10-26'],
    ['2018-10-26', '2018-10-26-to-2019-10-20'],
    ['2019-10-20', '2018-10-26-to-2019-10-20'],
    ['2019-10-21', 'from-2019-10-21'],
  ])('injury on %s → %s', (doi, regime) => expect(piaweRegime(doi)).toBe(regime));

  it('rejects a date that is not YYYY-MM-DD', () => expect(() => piaweRegime('2019-10-32')).toThrow(RangeError));
});

describe('injuries from 21 Oct 2019 (1987 Act Sch 3; Reg cl 8A–8F)', () => {
  it('52 weeks × $1,000 → 1000.00', () => {
    // 52 × 1,000 = 52,000 over 364 days = 52 weeks → 52,000 ÷ 52 = 1,000.00
    const r = determinePiawe({ dateOfInjury: DOI, employments: [job('E1')], earnings: weeks52('E1', '1000.00') });
    expect(r).toMatchObject({ regime: 'from-2019-10-21', amount: '1000.00', amountAfter52Weeks: null, complete: true, missing: [] });
    expect(r.employments[0].period).toEqual({ from: '2023-07-03', to: '2024-06-30', days: 364, weeks: '52' });
    expect(r.employments[0].adjustments).toEqual([]);
    expect(r.employments[0].linesUsed).toHaveLength(52);
  });

  it('adds the weekly averages of concurrent jobs (Sch 3 cl 2(1) "any employment")', () => {
    // E1: 52 × 1,000 ÷ 52 = 1,000.00; E2: 52 × 250.50 ÷ 52 = 250.50; PIAWE 1,000.00 + 250.50 = 1,250.50
    const r = determinePiawe({ dateOfInjury: DOI, employments: [job('E1'), job('E2')], earnings: [...weeks52('E1', '1000.00'), ...weeks52('E2', '250.50')] });
    expect(r.amount).toBe('1250.50');
    expect(r.employments.map((e) => e.weeklyAverage)).toEqual(['1000.00', '250.50']);
    expect(r.employmentsExcluded).toEqual([]);
  });

  it('rounds each employment, then adds the rounded averages (our choice)', () => {
    // Each job: 51 × 100.00 + 100.21 = 5,200.21 ÷ 52 = 100.00404 → 100.00; PIAWE 100.00 + 100.00 = 200.00
    // (adding first would give 10,400.42 ÷ 52 = 200.00808 → 200.01).
    const lines = (id: string) => weeks52(id, (k) => (k === 0 ? '100.21' : '100.00'));
    const r = determinePiawe({ dateOfInjury: DOI, employments: [job('E1'), job('E2')], earnings: [...lines('E1'), ...lines('E2')] });
    expect(r.employments.map((e) => e.weeklyAverage)).toEqual(['100.00', '100.00']);
    expect(r.amount).toBe('200.00');
  });

  it('Reg cl 8B: employed for only 20 weeks → the period starts when the job started', () => {
    // Started 2024-02-12 (DOI − 140 days); 20 × 900 = 18,000 over 140 days = 20 weeks → 900.00
    const started = addDays(DOI, -140);
    const r = determinePiawe({ dateOfInjury: DOI, employments: [job('E1', started)], earnings: periods('E1', started, 20, 7, '900.00') });
    expect(r.amount).toBe('900.00');
    expect(r.employments[0].period).toEqual({ from: '2024-02-12', to: '2024-06-30', days: 140, weeks: '20' });
    expect(r.employments[0].adjustments.map((a) => a.clause)).toEqual(['Reg cl 8B']);
  });

  it('Reg cl 8C: full-time to part-time 10 weeks before the injury → only the 10 weeks since count', () => {
    // 42 weeks × 1,200 then 10 weeks × 600 from 2024-04-22 (DOI − 70).
    // Without 8C: (42 × 1,200 + 10 × 600) ÷ 52 = 56,400 ÷ 52 = 1,084.62. With 8C: 6,000 ÷ 10 = 600.00.
    const r = determinePiawe({
      dateOfInjury: DOI,
      employments: [job('E1', '2015-01-05', { materialChangeOn: '2024-04-22' })],
      earnings: weeks52('E1', (k) => (k < 42 ? '1200.00' : '600.00')),
    });
    expect(r.amount).toBe('600.00');
    expect(r.employments[0].period).toEqual({ from: '2024-04-22', to: '2024-06-30', days: 70, weeks: '10' });
    expect(r.employments[0].adjustments.map((a) => a.clause)).toEqual(['Reg cl 8C']);
    expect(r.employments[0].linesUsed).toHaveLength(10);
    expect(r.employments[0].linesExcluded).toHaveLength(42);
    expect(r.employments[0].linesExcluded[0].reason).toMatch(/ends before the relevant earning period starts on 2024-04-22/);
  });

  it('Reg cl 8C after cl 8B: a change before the job started changes nothing', () => {
    const started = addDays(DOI, -140);
    const r = determinePiawe({ dateOfInjury: DOI, employments: [job('E1', started, { materialChangeOn: '2023-01-01' })], earnings: periods('E1', started, 20, 7, '900.00') });
    expect(r.employments[0].adjustments.map((a) => a.clause)).toEqual(['Reg cl 8B']);
    expect(r.amount).toBe('900.00');
  });

  it('Reg cl 8E: 14 days of unpaid leave come out of the period; 5 days do not', () => {
    // 14 days 2024-01-08..21 (weeks 27 and 28, paid 0.00): 50 × 1,000 = 50,000 over 364 − 14 = 350 days = 50 weeks → 1,000.00
    const long = determinePiawe({
      dateOfInjury: DOI,
      employments: [job('E1')],
      earnings: weeks52('E1', (k) => (k === 27 || k === 28 ? '0.00' : '1000.00')),
      unpaidLeave: [{ employment: 'E1', from: '2024-01-08', to: '2024-01-21' }],
    });
    expect(long.amount).toBe('1000.00');
    expect(long.employments[0].period).toMatchObject({ days: 350, weeks: '50' });
    expect(long.employments[0].adjustments).toEqual([{ clause: 'Reg cl 8E', effect: expect.stringContaining('14 days taken out') }]);
    expect(long.employments[0].linesExcluded.map((l) => l.id)).toEqual(['E1-ordinary-27', 'E1-ordinary-28']);

    // 5 days 2024-01-08..12: stays in; week 27 paid 400. 51 × 1,000 + 400 = 51,400 ÷ 52 = 988.4615… → 988.46
    const short = determinePiawe({
      dateOfInjury: DOI,
      employments: [job('E1')],
      earnings: weeks52('E1', (k) => (k === 27 ? '400.00' : '1000.00')),
      unpaidLeave: [{ employment: 'E1', from: '2024-01-08', to: '2024-01-12' }],
    });
    expect(short.amount).toBe('988.46');
    expect(short.employments[0].period.days).toBe(364);
    expect(short.employments[0].adjustments).toEqual([]);
    expect(short.explanation.join('\n')).toMatch(/2024-01-08 to 2024-01-12 is 5 days, under 7 consecutive days, so it stays in the period/);
  });

  it('Reg cl 8D: fortnightly pay periods — the one straddling the start counts and moves the start back; the one spanning the injury does not', () => {
    // Fortnights from 2023-06-26. The 52 weeks are 2023-07-03..2024-06-30. Pay periods ENDING within them:
    // 2023-06-26..07-09 (straddles the start, $2,100) through 2024-06-10..06-23 → 26 fortnights.
    // Period 2023-06-26..2024-06-23 = 364 days; (2,100 + 25 × 2,000) × 7 ÷ 364 = 52,100 ÷ 52 = 1,001.923… → 1,001.92
    const earnings = periods('E1', '2023-06-12', 28, 14, (k) => (k === 1 ? '2100.00' : '2000.00'), 'ordinary', 'F');
    const r = determinePiawe({ dateOfInjury: DOI, employments: [job('E1')], earnings });
    expect(r.amount).toBe('1001.92');
    expect(r.employments[0].period).toEqual({ from: '2023-06-26', to: '2024-06-23', days: 364, weeks: '52' });
    expect(r.employments[0].adjustments.map((a) => a.clause)).toEqual(['Reg cl 8D']);
    expect(r.employments[0].linesUsed).toHaveLength(26);
    expect(r.employments[0].linesExcluded).toEqual([
      { id: 'F-0', reason: expect.stringContaining('ends before the relevant earning period') }, // 2023-06-12..06-25
      { id: 'F-27', reason: expect.stringContaining('does not end before the injury') }, // 2024-06-24..07-07
    ]);
  });

  it('Reg cl 8D after cl 8B: a pay period straddling the start date is left out and the period starts with the next one', () => {
    // Started Wed 2024-02-21; fortnight 2024-02-19..03-03 ($1,400) straddles it → excluded.
    // 2024-03-04..06-23 = 112 days = 16 weeks; 8 × 2,000 = 16,000 ÷ 16 = 1,000.00
    const earnings = periods('E1', '2024-02-19', 10, 14, (k) => (k === 0 ? '1400.00' : '2000.00'), 'ordinary', 'F');
    const r = determinePiawe({ dateOfInjury: DOI, employments: [job('E1', '2024-02-21')], earnings });
    expect(r.amount).toBe('1000.00');
    expect(r.employments[0].period).toEqual({ from: '2024-03-04', to: '2024-06-23', days: 112, weeks: '16' });
    expect(r.employments[0].adjustments.map((a) => a.clause)).toEqual(['Reg cl 8B', 'Reg cl 8D']);
    expect(r.employments[0].linesExcluded).toEqual([
      { id: 'F-0', reason: expect.stringMatching(/straddles 2024-02-21, where Reg cl 8B starts the period/) },
      { id: 'F-9', reason: expect.stringContaining('does not end before the injury') },
    ]);
  });

  it('leaves out employer super, workers compensation and a discretionary bonus, each with its reason', () => {
    // Counted: 52 × 1,000 = 52,000 ÷ 52 = 1,000.00 — super (52 × 115), a $5,000 bonus and compensation paid in do not count.
    const r = determinePiawe({
      dateOfInjury: DOI,
      employments: [job('E1')],
      earnings: [
        ...weeks52('E1', '1000.00'),
        ...weeks52('E1', '115.00', 'employer-super'),
        { id: 'bonus', employment: 'E1', from: '2023-12-18', to: '2023-12-24', kind: 'discretionary-bonus', amount: '5000.00' },
        { id: 'wc', employment: 'E1', from: '2024-03-04', to: '2024-03-10', kind: 'workers-compensation', amount: '700.00' },
      ],
    });
    expect(r.amount).toBe('1000.00');
    const reasons = new Map(r.employments[0].linesExcluded.map((l) => [l.id, l.reason]));
    expect(reasons.size).toBe(54);
    expect(reasons.get('E1-employer-super-0')).toMatch(/superannuation.*Sch 3/);
    expect(reasons.get('bonus')).toMatch(/without obligation.*Regulation 2019/);
    expect(reasons.get('wc')).toMatch(/compensation for lost earnings/);
  });

  it('counts overtime, allowances, paid leave, commission, piece rates and non-monetary benefits', () => {
    // 52 × (800 + 100 + 50 + 20 + 10 + 15 + 5) = 52 × 1,000 → 1,000.00 ; ordinary 52 × 870 = 45,240; overtime+shift 52 × 130 = 6,760
    const r = determinePiawe({
      dateOfInjury: DOI,
      employments: [job('E1')],
      earnings: [
        ...weeks52('E1', '800.00'),
        ...weeks52('E1', '100.00', 'overtime'),
        ...weeks52('E1', '30.00', 'shift-allowance'),
        ...weeks52('E1', '20.00', 'allowance'),
        ...weeks52('E1', '10.00', 'commission'),
        ...weeks52('E1', '15.00', 'piece-rate'),
        ...weeks52('E1', '5.00', 'non-monetary-benefit'),
        ...weeks52('E1', '20.00', 'paid-leave'),
      ],
    });
    expect(r.amount).toBe('1000.00');
    expect(r.employments[0]).toMatchObject({ ordinary: '45240.00', overtimeAndShift: '6760.00' });
  });

  it('Reg cl 8F: two weeks in the job without expected earnings → interim from what there is, incomplete', () => {
    // Started DOI − 14; 2 × 800 = 1,600 over 14 days = 2 weeks → 800.00 (interim)
    const started = addDays(DOI, -14);
    const input: PiaweInput = { dateOfInjury: DOI, employments: [job('E1', started)], earnings: periods('E1', started, 2, 7, '800.00') };
    const r = determinePiawe(input);
    expect(r).toMatchObject({ amount: '800.00', complete: false });
    expect(r.missing).toEqual([expect.stringMatching(/only 14 days.*Reg cl 8F.*expectedWeeklyEarnings.*interim PIAWE of 800\.00/)]);

    // With the contract's expected $950 a week: 950.00, complete.
    const withExpected = determinePiawe({ ...input, employments: [job('E1', started, { expectedWeeklyEarnings: '950.00' })] });
    expect(withExpected).toMatchObject({ amount: '950.00', complete: true, missing: [] });
    expect(withExpected.employments[0].adjustments.map((a) => a.clause)).toEqual(['Reg cl 8B', 'Reg cl 8F']);
  });

  it('Reg cl 8F: injured on the first day with expected earnings given → the expected earnings, complete', () => {
    const r = determinePiawe({ dateOfInjury: DOI, employments: [job('E1', DOI, { expectedWeeklyEarnings: '1100.00' })], earnings: [] });
    expect(r).toMatchObject({ amount: '1100.00', complete: true });
    expect(r.employments[0].period.days).toBe(0);
  });

  it('no earnings in the period → 0.00 and an interim PIAWE is needed (SoP S7)', () => {
    const r = determinePiawe({ dateOfInjury: DOI, employments: [job('E1'), job('E2')], earnings: weeks52('E1', '1000.00') });
    expect(r).toMatchObject({ amount: '1000.00', complete: false });
    expect(r.employments[1].weeklyAverage).toBe('0.00');
    expect(r.missing).toEqual([expect.stringMatching(/^Employment E2 .*no earnings.*interim PIAWE.*SoP S7/)]);
  });
});

describe('injuries before 21 Oct 2019 (former s44C)', () => {
  // docs/sources.md §9.1 W12: 1,987.40 for the first 52 weeks → 1,482.81 after (SIRA merit review WC075/18).
  // Each week: ordinary 1,400.00 + allowance 82.81 = 1,482.81; overtime 404.59 + shift allowance 100.00 = 504.59.
  const w12 = (doi: string): PiaweInput => ({
    dateOfInjury: doi,
    employments: [job('E1'), job('E2')],
    earnings: [
      ...weeks52('E1', '1400.00', 'ordinary', doi),
      ...weeks52('E1', '82.81', 'allowance', doi),
      ...weeks52('E1', '404.59', 'overtime', doi),
      ...weeks52('E1', '100.00', 'shift-allowance', doi),
      ...weeks52('E1', '9.50', 'employer-super', doi),
      ...weeks52('E2', '300.00', 'ordinary', doi),
    ],
  });

  it('injury 2018-06-01 (before 26 Oct 2018): 1,987.40, stepping down to 1,482.81 after 52 weeks; only the injuring job counts', () => {
    // ordinary 52 × 1,482.81 ÷ 52 = 1,482.81; overtime and shift 52 × 504.59 ÷ 52 = 504.59; PIAWE 1,987.40
    const r = determinePiawe(w12('2018-06-01'));
    expect(r).toMatchObject({ regime: 'before-2018-10-26', amount: '1987.40', amountAfter52Weeks: '1482.81', complete: true });
    expect(r.employments).toHaveLength(1);
    expect(r.employments[0]).toMatchObject({ employment: 'E1', ordinary: '77106.12', overtimeAndShift: '26238.68', period: { from: '2017-06-02', to: '2018-05-31', days: 364 } });
    expect(r.employments[0].linesExcluded).toHaveLength(52); // the super
    expect(r.employmentsExcluded).toEqual([{ employment: 'E2', reason: expect.stringMatching(/employment in which the worker was injured/), lines: expect.arrayContaining(['E2-ordinary-0']) }]);
    expect(r.employmentsExcluded[0].lines).toHaveLength(52);
  });

  it('injury 2019-03-01 (26 Oct 2018 – 20 Oct 2019): the same 1,987.40 with no step-down', () => {
    const r = determinePiawe(w12('2019-03-01'));
    expect(r).toMatchObject({ regime: '2018-10-26-to-2019-10-20', amount: '1987.40', amountAfter52Weeks: null });
  });

  it('the same facts from 21 Oct 2019 count the second job too', () => {
    // 1,987.40 + 300.00 = 2,287.40
    expect(determinePiawe(w12('2019-10-21')).amount).toBe('2287.40');
    expect(determinePiawe(w12('2019-10-20')).amount).toBe('1987.40');
  });

  it('shortens the period to the start of the job and takes out unpaid leave of a week or more', () => {
    // Started 2018-03-02 (DOI 2018-06-01 − 91 = 13 weeks); 13 weekly lines of 1,000 and one week 2018-04-06..12 unpaid (0.00).
    // 12 × 1,000 = 12,000 over 91 − 7 = 84 days = 12 weeks → 1,000.00
    const r = determinePiawe({
      dateOfInjury: '2018-06-01',
      employments: [job('E1', '2018-03-02')],
      earnings: periods('E1', '2018-03-02', 13, 7, (k) => (k === 5 ? '0.00' : '1000.00')),
      unpaidLeave: [{ employment: 'E1', from: '2018-04-06', to: '2018-04-12' }],
    });
    expect(r).toMatchObject({ amount: '1000.00', amountAfter52Weeks: '1000.00' });
    expect(r.employments[0].period).toEqual({ from: '2018-03-02', to: '2018-05-31', days: 84, weeks: '12' });
    expect(r.employments[0].adjustments.map((a) => a.clause)).toEqual(['former s44C', 'former s44C']);
  });

  it('counts only the days of a pay period that fall inside the period', () => {
    // Period 2017-06-02..2018-05-31. Fortnight 2017-05-26..06-08 ($2,000) has 7 of its 14 days inside → 1,000 counted;
    // then 51 weekly lines of 1,000 from 2017-06-09. (1,000 + 51,000) ÷ 52 = 1,000.00
    const r = determinePiawe({
      dateOfInjury: '2018-06-01',
      employments: [job('E1')],
      earnings: [{ id: 'F', employment: 'E1', from: '2017-05-26', to: '2017-06-08', kind: 'ordinary', amount: '2000.00' }, ...periods('E1', '2017-06-09', 51, 7, '1000.00')],
    });
    expect(r.amount).toBe('1000.00');
    expect(r.employments[0].linesUsed).toContain('F');
  });
});

describe('validation', () => {
  it('lists every problem with its path', () => {
    const problems = problemsOf({
      dateOfInjury: DOI,
      employments: [job('E1', '2024-07-02', { materialChangeOn: '2024-08-01' }), job('E2', '2024-13-01')],
      earnings: [
        { id: 'a', employment: 'E1', from: '2024-06-03', to: '2024-06-09', kind: 'ordinary', amount: '1000.00' },
        { id: 'a', employment: 'E9', from: '2024-06-10', to: '2024-06-09', kind: 'ordinary', amount: '1,000' },
        { id: 'c', employment: 'E1', from: '3 June', to: '2024-06-09', kind: 'ordinary', amount: '-5.00' },
        { id: 'd', employment: 'E1', from: '2024-06-03', to: '2024-06-09', kind: 'ordinary', amount: '10.005' },
      ],
      unpaidLeave: [{ employment: 'E1', from: '2024-05-10', to: '2024-05-01' }],
    });
    expect(problems.map((p) => p.path)).toEqual([
      'employments[0].startedOn',
      'employments[0].materialChangeOn',
      'employments[1].startedOn',
      'earnings[1].id',
      'earnings[1].employment',
      'earnings[1].to',
      'earnings[1].amount',
      'earnings[2].from',
      'earnings[2].amount',
      'earnings[3].amount',
      'unpaidLeave[0].to',
    ]);
    expect(problems[0].message).toMatch(/after the date of injury/);
    expect(problems[3].message).toMatch(/duplicate line id "a"/);
    expect(problems[4].message).toMatch(/unknown employment "E9"/);
  });

  it('needs at least one employment and a date of injury', () => {
    expect(problemsOf({ dateOfInjury: '2024-7-1', employments: [], earnings: [] })).toEqual([
      { path: 'dateOfInjury', message: expect.stringContaining('YYYY-MM-DD') },
      { path: 'employments', message: 'at least one employment is needed' },
    ]);
  });

  it('the error message names the paths', () => {
    expect(() => determinePiawe({ dateOfInjury: DOI, employments: [], earnings: [] })).toThrow(/employments: at least one employment/);
  });
});

describe('properties', () => {
  // Any injury date 2015–2030 covers all three regimes.
  const doiArb = fc.integer({ min: 0, max: 5800 }).map((n) => addDays('2015-01-01', n));
  const centsArb = fc.integer({ min: 0, max: 1_000_000 }).map((c) => (c / 100).toFixed(2));
  const kindArb = fc.constantFrom<EarningsKind>('ordinary', 'overtime', 'shift-allowance', 'allowance', 'paid-leave', 'commission', 'piece-rate', 'non-monetary-benefit');
  const excludedKindArb = fc.constantFrom<EarningsKind>('employer-super', 'workers-compensation', 'discretionary-bonus');

  /** A messy but valid case: two jobs, pay periods of assorted lengths around the 52 weeks, maybe a change, maybe leave. */
  const caseArb = fc
    .record({
      doi: doiArb,
      startedBack: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 2, maxLength: 2 }),
      changeBack: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
      lines: fc.array(fc.record({ job: fc.constantFrom('E1', 'E2'), back: fc.integer({ min: -20, max: 420 }), length: fc.constantFrom(1, 7, 14, 30), kind: kindArb, amount: centsArb }), {
        maxLength: 40,
      }),
      leave: fc.array(fc.record({ job: fc.constantFrom('E1', 'E2'), back: fc.integer({ min: 1, max: 380 }), length: fc.integer({ min: 1, max: 30 }) }), { maxLength: 3 }),
    })
    .map(({ doi, startedBack, changeBack, lines, leave }): PiaweInput => ({
      dateOfInjury: doi,
      employments: [job('E1', addDays(doi, -startedBack[0]), { materialChangeOn: changeBack === null ? null : addDays(doi, -changeBack) }), job('E2', addDays(doi, -startedBack[1]))],
      earnings: lines.map((l, i) => ({ id: `L${i}`, employment: l.job, from: addDays(doi, -l.back), to: addDays(doi, -l.back + l.length - 1), kind: l.kind, amount: l.amount })),
      unpaidLeave: leave.map((u) => ({ employment: u.job, from: addDays(doi, -u.back), to: addDays(doi, -u.back + u.length - 1) })),
    }));

  it('paid the same every week for all 52 weeks → PIAWE is that amount, in every regime', () => {
    fc.assert(
      fc.property(doiArb, centsArb, (doi, amount) => {
        const r = determinePiawe({ dateOfInjury: doi, employments: [job('E1', addDays(doi, -400))], earnings: weeks52('E1', amount, 'ordinary', doi) });
        expect(r.amount).toBe(amount);
        expect(r.complete).toBe(true);
      }),
    );
  });

  it('the result never depends on the order of the earnings lines', () => {
    fc.assert(
      fc.property(
        caseArb.chain((input) => fc.tuple(fc.constant(input), fc.shuffledSubarray(input.earnings, { minLength: input.earnings.length, maxLength: input.earnings.length }))),
        ([input, shuffled]) => {
          expect(determinePiawe({ ...input, earnings: shuffled })).toEqual(determinePiawe(input));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('adding an excluded-kind line never changes the amount', () => {
    fc.assert(
      fc.property(
        caseArb,
        excludedKindArb,
        fc.integer({ min: -20, max: 420 }),
        fc.constantFrom(1, 7, 14, 30, 400),
        centsArb,
        fc.constantFrom('E1', 'E2'),
        (input, kind, back, length, amount, employment) => {
          const extra: EarningsLine = { id: 'extra', employment, from: addDays(input.dateOfInjury, -back), to: addDays(input.dateOfInjury, -back + length - 1), kind, amount };
          const before = determinePiawe(input);
          const after = determinePiawe({ ...input, earnings: [...input.earnings, extra] });
          expect(after.amount).toBe(before.amount);
          expect(after.amountAfter52Weeks).toBe(before.amountAfter52Weeks);
          expect(after.employments.map((e) => e.period)).toEqual(before.employments.map((e) => e.period));
        },
      ),
      { numRuns: 200 },
    );
  });
});
