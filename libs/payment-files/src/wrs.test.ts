import fc from 'fast-check';
import { checkWageSchedule, WRS_COLUMNS } from './wrs';

const HEADER = WRS_COLUMNS.join(',');
const GOOD = 'CLM004512,2026-08-03,2026-08-09,16,480.00,679.00,98.00';

/** A schedule of the header and `rows`; a row is a line of text or changes to GOOD by column name. */
function schedule(...rows: (string | Partial<Record<(typeof WRS_COLUMNS)[number], string>>)[]): string {
  const lines = rows.map((row) => {
    if (typeof row === 'string') return row;
    const fields = GOOD.split(',');
    for (const [column, value] of Object.entries(row)) fields[WRS_COLUMNS.indexOf(column as never)] = value;
    return fields.join(',');
  });
  return [HEADER, ...lines].join('\n') + '\n';
}

function problems(text: string): [number, string, string][] {
  const result = checkWageSchedule(text);
  if (result.ok) throw new Error('expected the schedule to be refused');
  return result.problems.map((p) => [p.line, p.column, p.message]);
}

const columns = (text: string) => problems(text).map(([line, column]) => [line, column]);

describe('wage reimbursement schedule: valid files', () => {
  it('sums money exactly and counts lines and distinct claims', () => {
    const result = checkWageSchedule(
      schedule(
        { gross_earnings: '0.10', compensation_paid: '0.20', payg_withheld: '0' },
        { period_start: '2026-08-10', period_end: '2026-08-16', gross_earnings: '0.20', compensation_paid: '0.10', payg_withheld: '0.3' },
        { claim_number: 'CLM004530', gross_earnings: '1000000.05', compensation_paid: '0', payg_withheld: '0.00' },
      ),
    );
    expect(result).toMatchObject({
      ok: true,
      summary: { lines: 3, claims: 2, grossEarnings: '1000000.35', compensationPaid: '0.30', paygWithheld: '0.30' },
    });
  });

  it('returns the parsed lines with their line numbers', () => {
    const result = checkWageSchedule(schedule(GOOD));
    if (!result.ok) throw new Error('refused');
    const [line] = result.lines;
    expect(line).toMatchObject({ line: 2, claimNumber: 'CLM004512', periodStart: '2026-08-03', periodEnd: '2026-08-09' });
    expect(line.hoursWorked.toString()).toBe('16');
    expect(line.compensationPaid.toString()).toBe('679');
  });

  it('ignores blank lines and accepts CRLF, a byte-order mark and quoted fields', () => {
    const text = `\uFEFF${HEADER}\r\n\r\n"CLM004512","2026-08-03",2026-08-09,"16",480.00,679.00,98.00\r\n   \r\n`;
    expect(checkWageSchedule(text)).toMatchObject({ ok: true, summary: { lines: 1, claims: 1 } });
  });

  it('accepts a header alone as an empty schedule', () => {
    expect(checkWageSchedule(`${HEADER}\n`)).toMatchObject({ ok: true, summary: { lines: 0, claims: 0, grossEarnings: '0.00' } });
  });

  it('accepts a 14-day period and 24 hours on every day of it', () => {
    expect(checkWageSchedule(schedule({ period_end: '2026-08-16', hours_worked: '336' })).ok).toBe(true);
  });

  it('accepts periods of one claim that touch without overlapping, and overlapping periods of different claims', () => {
    const text = schedule(GOOD, { period_start: '2026-08-10', period_end: '2026-08-10' }, { claim_number: 'CLM000001' });
    expect(checkWageSchedule(text).ok).toBe(true);
  });
});

describe('wage reimbursement schedule: refusals (payments.md)', () => {
  it('refuses a header that is not exactly the columns in order', () => {
    const swapped = `claim_number,period_end,period_start,hours_worked,gross_earnings,compensation_paid,payg_withheld\n${GOOD}\n`;
    expect(columns(swapped)).toEqual([[1, 'header']]);
    expect(columns(`${HEADER},notes\n${GOOD}\n`)).toEqual([[1, 'header']]);
    expect(columns(`${HEADER.toUpperCase()}\n`)).toEqual([[1, 'header']]);
  });

  it('refuses an empty file for want of a header', () => {
    expect(columns('')).toEqual([[1, 'header']]);
  });

  it('refuses a line with the wrong number of fields', () => {
    expect(problems(schedule(`${GOOD},extra`, 'CLM004512,2026-08-10'))).toEqual([
      [2, 'fields', 'expected 7 fields, found 8'],
      [3, 'fields', 'expected 7 fields, found 2'],
    ]);
  });

  it('refuses an empty claim number', () => {
    expect(problems(schedule({ claim_number: '' }))).toEqual([[2, 'claim_number', 'must not be empty']]);
  });

  it.each(['2026-8-3', '03/08/2026', '2026-02-29', ''])('refuses period_start %j', (start) => {
    expect(columns(schedule({ period_start: start }))).toEqual([[2, 'period_start']]);
  });

  it('refuses a period_end that is not a date', () => {
    expect(columns(schedule({ period_end: '2026-08-32' }))).toEqual([[2, 'period_end']]);
  });

  it('refuses a period_end before period_start', () => {
    expect(problems(schedule({ period_end: '2026-08-02' }))).toEqual([[2, 'period_end', 'before period_start']]);
  });

  it('refuses a period longer than 14 days inclusive', () => {
    expect(columns(schedule({ period_end: '2026-08-17' }))).toEqual([[2, 'period_end']]);
  });

  it.each(['-1', 'sixteen', '16h', ''])('refuses hours_worked %j', (hours) => {
    expect(columns(schedule({ hours_worked: hours }))).toEqual([[2, 'hours_worked']]);
  });

  it('refuses more than 24 hours per day of the period', () => {
    expect(columns(schedule({ period_end: '2026-08-03', hours_worked: '24.01' }))).toEqual([[2, 'hours_worked']]);
    expect(columns(schedule({ hours_worked: '168.5' }))).toEqual([[2, 'hours_worked']]);
  });

  it('does not judge hours per day when the dates are already wrong', () => {
    expect(columns(schedule({ period_end: '2026-08-01', hours_worked: '500' }))).toEqual([[2, 'period_end']]);
    expect(columns(schedule({ period_start: 'soon', hours_worked: '500' }))).toEqual([[2, 'period_start']]);
  });

  describe.each(['gross_earnings', 'compensation_paid', 'payg_withheld'] as const)('money column %s', (column) => {
    it.each([
      ['a $ sign', '$480.00'],
      ['a thousands separator', '"1,480.00"'],
      ['more than 2 places', '480.001'],
      ['a minus sign', '-480.00'],
      ['nothing', ''],
      ['a word', 'nil'],
    ])('is refused with %s', (_, value) => {
      expect(columns(schedule({ [column]: value }))).toEqual([[2, column]]);
    });
  });

  it('refuses a period that overlaps an earlier one of the same claim, on the later line against period_start', () => {
    expect(problems(schedule(GOOD, { period_start: '2026-08-09', period_end: '2026-08-15' }))).toEqual([[3, 'period_start', 'overlaps the period on line 2 for the same claim']]);
  });

  it('still finds an overlap when the earlier line has other problems but valid dates', () => {
    const text = schedule({ hours_worked: 'x', gross_earnings: '$1' }, '', GOOD);
    expect(columns(text)).toEqual([
      [2, 'hours_worked'],
      [2, 'gross_earnings'],
      [4, 'period_start'],
    ]);
  });

  it('does not compare with an earlier line whose dates are invalid', () => {
    expect(columns(schedule({ period_end: '2026-13-01' }, GOOD))).toEqual([[2, 'period_end']]);
    expect(columns(schedule({ period_end: '2026-08-01' }, GOOD))).toEqual([[2, 'period_end']]);
  });

  it('reports an overlap and a too-long period of the same line in column order', () => {
    const text = schedule(GOOD, { period_start: '2026-08-05', period_end: '2026-08-20', claim_number: 'CLM004512' });
    expect(columns(text)).toEqual([
      [3, 'period_start'],
      [3, 'period_end'],
    ]);
  });

  it('reports unreadable quoting against fields', () => {
    expect(columns(schedule('CLM"4512,2026-08-03,2026-08-09,16,480.00,679.00,98.00'))).toEqual([[2, 'fields']]);
    expect(columns(schedule('"CLM4512"x,2026-08-03,2026-08-09,16,480.00,679.00,98.00'))).toEqual([[2, 'fields']]);
    expect(columns(schedule(GOOD, '"CLM4512,2026-08-03'))).toEqual([[3, 'fields']]);
  });

  it('reports every problem in line order, columns in order within a line, counting blank lines', () => {
    const text = schedule({ claim_number: '', period_end: '2026-08-01', gross_earnings: '$1', compensation_paid: '1.001' }, '', { payg_withheld: '-1', hours_worked: '-2', claim_number: 'CLM000777' });
    expect(columns(text)).toEqual([
      [2, 'claim_number'],
      [2, 'period_end'],
      [2, 'gross_earnings'],
      [2, 'compensation_paid'],
      [4, 'hours_worked'],
      [4, 'payg_withheld'],
    ]);
  });

  it('numbers lines by where a record starts when a quoted field holds a line break', () => {
    const text = schedule('"CLM\n4512",2026-08-03,2026-08-09,16,480.00,679.00,98.00', { claim_number: '' });
    const result = checkWageSchedule(text);
    expect(result).toMatchObject({ ok: false, problems: [{ line: 4, column: 'claim_number' }] });
  });
});

/**
 * Totals worked by hand (or by integer cents in the test), never by the library's own summary: a
 * test whose expected answer is checkWageSchedule's summary could not catch a column summed wrongly.
 */
describe('wage reimbursement schedule: totals worked by hand', () => {
  it('the shared wrs-valid example, inlined: totals as in wrs-valid.expected.json, added up by hand', () => {
    const text =
      [HEADER, 'CLM000123,2026-07-06,2026-07-12,16,480.00,679.00,98.00', 'CLM000123,2026-07-13,2026-07-19,20,600.00,559.00,61.00', '', 'CLM000987,2026-07-06,2026-07-19,0,0,2304.00,410.00'].join(
        '\n',
      ) + '\n';
    // gross 480.00 + 600.00 + 0 = 1080.00; compensation 679.00 + 559.00 + 2304.00 = 3542.00;
    // PAYG 98.00 + 61.00 + 410.00 = 569.00; 3 lines, 2 claims (CLM000123, CLM000987).
    expect(checkWageSchedule(text)).toMatchObject({
      ok: true,
      summary: { lines: 3, claims: 2, grossEarnings: '1080.00', compensationPaid: '3542.00', paygWithheld: '569.00' },
    });
  });

  it('two claims with the same line (as the payments service test has them): each column doubled', () => {
    const text = `${HEADER}\nCLM1,2026-07-06,2026-07-12,16,480.00,679.00,98.00\n\nCLM2,2026-07-06,2026-07-12,16,480.00,679.00,98.00\n`;
    // 2 × 480.00 = 960.00; 2 × 679.00 = 1358.00; 2 × 98.00 = 196.00.
    expect(checkWageSchedule(text)).toEqual({
      ok: true,
      summary: { lines: 2, claims: 2, grossEarnings: '960.00', compensationPaid: '1358.00', paygWithheld: '196.00' },
      lines: [expect.objectContaining({ line: 2, claimNumber: 'CLM1' }), expect.objectContaining({ line: 4, claimNumber: 'CLM2' })],
    });
  });

  it('cents add exactly across columns that differ (so a swapped or mis-picked column shows)', () => {
    const text = schedule(
      { claim_number: 'CLM1', gross_earnings: '480.00', compensation_paid: '679.00', payg_withheld: '98.00' },
      { claim_number: 'CLM2', gross_earnings: '0.10', compensation_paid: '0.20', payg_withheld: '0.00' },
      { claim_number: 'CLM3', gross_earnings: '1.01', compensation_paid: '10.10', payg_withheld: '100.01' },
    );
    // gross 480.00 + 0.10 + 1.01 = 481.11; compensation 679.00 + 0.20 + 10.10 = 689.30; PAYG 98.00 + 0.00 + 100.01 = 198.01.
    expect(checkWageSchedule(text)).toMatchObject({
      ok: true,
      summary: { lines: 3, claims: 3, grossEarnings: '481.11', compensationPaid: '689.30', paygWithheld: '198.01' },
    });
  });

  it('amounts past binary floating point precision still add to the cent (money is exact decimal)', () => {
    const text = schedule(
      { claim_number: 'CLM1', gross_earnings: '9007199254740993.01', compensation_paid: '0.10', payg_withheld: '0.01' },
      { claim_number: 'CLM2', gross_earnings: '0.02', compensation_paid: '0.20', payg_withheld: '0.02' },
    );
    // 9007199254740993.01 + 0.02 = 9007199254740993.03 (2^53 + 1 dollars: not a binary double).
    expect(checkWageSchedule(text)).toMatchObject({ ok: true, summary: { grossEarnings: '9007199254740993.03', compensationPaid: '0.30', paygWithheld: '0.03' } });
  });

  it('property: each total is the sum of its column in integer cents (BigInt), lines and distinct claims counted', () => {
    const cents = fc.bigInt({ min: 0n, max: 99_999_999_99n });
    const text = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;
    const day = (n: number) => new Date(Date.UTC(2026, 0, 5) + n * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(fc.array(fc.record({ claim: fc.constantFrom('CLM1', 'CLM2', 'CLM3'), gross: cents, paid: cents, payg: cents }), { maxLength: 40 }), (rows) => {
        // Each row its own week, so no two periods of a claim overlap.
        const csv = [HEADER, ...rows.map((r, i) => `${r.claim},${day(7 * i)},${day(7 * i + 6)},38,${text(r.gross)},${text(r.paid)},${text(r.payg)}`)].join('\n') + '\n';
        const add = (pick: (r: (typeof rows)[number]) => bigint) => text(rows.reduce((s, r) => s + pick(r), 0n));
        expect(checkWageSchedule(csv)).toMatchObject({
          ok: true,
          summary: {
            lines: rows.length,
            claims: new Set(rows.map((r) => r.claim)).size,
            grossEarnings: add((r) => r.gross),
            compensationPaid: add((r) => r.paid),
            paygWithheld: add((r) => r.payg),
          },
        });
      }),
      { seed: 20260421, numRuns: 200 },
    );
  });
});
