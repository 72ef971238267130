import fs from 'node:fs';
import path from 'node:path';
import { checkWageSchedule } from '@wc/payment-files';
import { checkScheduleJson, checkScheduleText, jsonToCsv } from './schedule-input';

// The shared payment examples, found as libs/payment-files finds them (WC_SHARED_DIR, else ../shared).
const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const examples = path.join(process.env.WC_SHARED_DIR ?? path.resolve(repoRoot, '..', 'shared'), 'examples', 'payments');
const read = (name: string) => fs.readFileSync(path.join(examples, name), 'utf8');

const HEADER = 'claim_number,period_start,period_end,hours_worked,gross_earnings,compensation_paid,payg_withheld';
const line = (claim: string, start = '2026-07-06', end = '2026-07-12', gross = '480.00') => `${claim},${start},${end},16,${gross},679.00,98.00`;

describe('checkScheduleText', () => {
  test('a valid schedule: totals worked by hand, lines keep their file line numbers', () => {
    const text = `${HEADER}\n${line('CLM1')}\n\n${line('CLM2')}\n`;
    const r = checkScheduleText(text);
    expect(r).toMatchObject({ ok: true, rejected: [] });
    if (!r.ok) return;
    // Two lines of 480.00 / 679.00 / 98.00: 960.00, 1,358.00, 196.00.
    expect(r.summary).toEqual({ lines: 2, claims: 2, grossEarnings: '960.00', compensationPaid: '1358.00', paygWithheld: '196.00' });
    expect(r.lines.map((l) => l.line)).toEqual([2, 4]);
  });

  test('every problem of the invalid example, in line and column order', () => {
    const r = checkScheduleText(read('wrs-invalid.csv'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'period_start'],
      [4, 'claim_number'],
      [4, 'period_end'],
      [4, 'gross_earnings'],
      [4, 'compensation_paid'],
    ]);
  });

  test('amounts that numeric(12,2) cannot hold are problems too, with the library ones', () => {
    const r = checkScheduleText(`${HEADER}\n${line('CLM1', '2026-07-06', '2026-07-12', '10000000000.00')}\n${line('', '2026-07-06')}\n`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.line, p.column])).toEqual([
      [2, 'gross_earnings'],
      [3, 'claim_number'],
    ]);
  });

  test('partial: the good lines on their own line numbers, the bad ones reported', () => {
    const r = checkScheduleText(read('wrs-invalid.csv'), { partial: true });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.lines.map((l) => l.line)).toEqual([2]);
    expect(r.summary).toEqual({ lines: 1, claims: 1, grossEarnings: '480.00', compensationPaid: '679.00', paygWithheld: '98.00' });
    expect([...new Set(r.rejected.map((p) => p.line))]).toEqual([3, 4]);
  });

  test('partial keeps quoted values and multi-line records in place', () => {
    const text = `${HEADER}\n"CLM ""A""",2026-07-06,2026-07-12,16,480.00,679.00,98.00\nbad,line\n"CLM\nB",2026-07-06,2026-07-12,16,1.10,2.20,0.30\n${line('CLM9', '2026-07-06', '2026-07-06', '$1')}\n${line('CLM3')}\n`;
    const r = checkScheduleText(text, { partial: true });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.lines.map((l) => [l.line, l.claimNumber])).toEqual([
      [2, 'CLM "A"'],
      [4, 'CLM\nB'],
      [7, 'CLM3'],
    ]);
    expect(r.rejected.map((p) => [p.line, p.column])).toEqual([
      [3, 'fields'],
      [6, 'gross_earnings'],
    ]);
  });

  test('partial is refused when the header is wrong or no line is good', () => {
    expect(checkScheduleText(`claim,period\n${line('CLM1')}\n`, { partial: true })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(checkScheduleText(`${HEADER}\n,2026-07-06,2026-07-12,1,1.00,1.00,1.00\n`, { partial: true })).toMatchObject({ ok: false, reason: 'nothing-valid' });
    expect(checkScheduleText('', { partial: true })).toMatchObject({ ok: false, problems: [{ line: 1, column: 'header' }] });
  });
});

describe('checkScheduleJson', () => {
  const good = { claimNumber: 'CLM1', periodStart: '2026-07-06', periodEnd: '2026-07-12', hoursWorked: 37.5, grossEarnings: '480.00', compensationPaid: '679.00', paygWithheld: '98.00' };

  test('the same rules as the CSV, told as positions and fields of `lines`', () => {
    const r = checkScheduleJson({ lines: [good, { ...good, periodStart: '2026-07-10', periodEnd: '2026-07-16' }, { ...good, claimNumber: 'CLM2', grossEarnings: '1,000.00' }] });
    expect(r).toEqual({
      ok: false,
      reason: 'invalid',
      problems: [
        { line: 2, column: 'period_start', field: 'lines[1].periodStart', message: 'overlaps the period in lines[0] for the same claim' },
        { line: 3, column: 'gross_earnings', field: 'lines[2].grossEarnings', message: 'must be a plain number (no $ sign or thousands separators)' },
      ],
    });
  });

  test('a valid JSON schedule sums exactly like its CSV', () => {
    const lines = [good, { ...good, claimNumber: 'CLM2', grossEarnings: '0.10', compensationPaid: '0.20', paygWithheld: '0.00' }];
    const r = checkScheduleJson({ lines });
    // 480.00 + 0.10 = 480.10; 679.00 + 0.20 = 679.20; 98.00 + 0.00 = 98.00 (exact: no 0.1 + 0.2 drift).
    expect(r.ok && r.summary).toEqual({ lines: 2, claims: 2, grossEarnings: '480.10', compensationPaid: '679.20', paygWithheld: '98.00' });
    // The JSON's CSV form sums the same through the library.
    expect((checkWageSchedule(jsonToCsv({ lines })) as { summary: unknown }).summary).toEqual({ lines: 2, claims: 2, grossEarnings: '480.10', compensationPaid: '679.20', paygWithheld: '98.00' });
    expect(r.ok && r.lines.map((l) => [l.line, l.hoursWorked.toString()])).toEqual([
      [1, '37.5'],
      [2, '37.5'],
    ]);
  });

  test('partial: rejected lines by position', () => {
    const r = checkScheduleJson({ lines: [{ ...good, periodEnd: '2026-07-01' }, { ...good, claimNumber: 'CLM2' }] }, { partial: true });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.lines.map((l) => l.line)).toEqual([2]);
    expect(r.rejected).toEqual([{ line: 1, column: 'period_end', field: 'lines[0].periodEnd', message: 'before period_start' }]);
  });
});
