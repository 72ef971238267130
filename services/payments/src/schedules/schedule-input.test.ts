import fs from 'node:fs';
import { checkWageSchedule } from '@wc/payment-files';
import { caseFiles, expectedFile } from '../../../../tools/test-cases/src';
import { checkScheduleJson, checkScheduleText, jsonToCsv } from './schedule-input';

// The invalid schedules among the payment examples (docs/payment-files.md), found as
// libs/payment-files finds them: the repository's own always, the shared ones when ../shared exists.
const invalidSchedules = caseFiles('payments')
  .filter((c) => c.file.endsWith('.csv'))
  .map((c) => ({ ...c, expected: JSON.parse(fs.readFileSync(expectedFile(c.file)!, 'utf8')) as { ok: boolean; problems: unknown[] } }))
  .filter((c) => !c.expected.ok);
const read = (file: string) => fs.readFileSync(file, 'utf8');
/** `[line, column]` of an expected problem, given as `[line, column]` or `{ line, column, message }`. */
const lineAndColumn = (p: unknown) => (Array.isArray(p) ? p.slice(0, 2) : [(p as { line: number }).line, (p as { column: string }).column]);
/** Line numbers of the data lines (not the header, not blank) of a schedule without multi-line records. */
const dataLines = (text: string) => text.split(/\r?\n/).flatMap((l, i) => (i > 0 && l.trim() !== '' ? [i + 1] : []));

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

  test("the repository's own invalid schedule is among the examples", () => {
    expect(invalidSchedules.filter((c) => c.source === 'own').length).toBeGreaterThan(0);
  });

  test.each(invalidSchedules.map((c) => [c.name, c] as const))('every problem of the invalid example %s, in line and column order', (_name, c) => {
    const r = checkScheduleText(read(c.file));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.line, p.column])).toEqual(c.expected.problems.map(lineAndColumn));
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

  test.each(invalidSchedules.map((c) => [c.name, c] as const))('partial, %s: the good lines on their own line numbers, the bad ones reported', (_name, c) => {
    const text = read(c.file);
    const bad = [...new Set(c.expected.problems.map((p) => lineAndColumn(p)[0] as number))];
    const good = dataLines(text).filter((l) => !bad.includes(l));
    const r = checkScheduleText(text, { partial: true });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.lines.map((l) => l.line)).toEqual(good);
    // The good lines alone sum exactly as the library sums them.
    const lines = text.split(/\r?\n/);
    const alone = checkWageSchedule([lines[0], ...good.map((l) => lines[l - 1])].join('\n'));
    if (!alone.ok) throw new Error(`the good lines of ${c.name} are not valid on their own: ${JSON.stringify(alone.problems)}`);
    expect(r.summary).toEqual(alone.summary);
    expect([...new Set(r.rejected.map((p) => p.line))]).toEqual(bad);
  });

  test("partial, the repository's own invalid example: lines 2 and 8 are good (worked by hand)", () => {
    const own = invalidSchedules.find((c) => c.source === 'own' && c.file.endsWith('wrs-invalid.csv'))!;
    const r = checkScheduleText(read(own.file), { partial: true });
    // 610.00 + 375.00, 950.00 + 760.00, 130.00 + 88.00 (docs/examples/payments/README.md).
    expect(r.ok && r.summary).toEqual({ lines: 2, claims: 2, grossEarnings: '985.00', compensationPaid: '1710.00', paygWithheld: '218.00' });
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
    const r = checkScheduleJson(
      {
        lines: [
          { ...good, periodEnd: '2026-07-01' },
          { ...good, claimNumber: 'CLM2' },
        ],
      },
      { partial: true },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.lines.map((l) => l.line)).toEqual([2]);
    expect(r.rejected).toEqual([{ line: 1, column: 'period_end', field: 'lines[0].periodEnd', message: 'before period_start' }]);
  });
});
