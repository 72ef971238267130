import { Dec, formatMoney, money, sum } from '@wc/rules';
import { readCsv } from './csv';
import type { CsvRecord } from './csv';
import { isLocalDate as isIsoDate, toDayNumber as dayNumber } from '@wc/rules';
import { moneyTextProblem } from './fields';

/** Wage reimbursement schedule: the CSV an employer sends for weekly compensation it paid (docs/payment-files.md). */

export const WRS_COLUMNS = ['claim_number', 'period_start', 'period_end', 'hours_worked', 'gross_earnings', 'compensation_paid', 'payg_withheld'] as const;
export type WrsColumn = (typeof WRS_COLUMNS)[number];

/** `column` names the column at fault, or `header` / `fields` for the whole line (docs/payment-files.md). */
export interface WrsProblem {
  line: number;
  column: WrsColumn | 'header' | 'fields';
  message: string;
}

export interface WrsLine {
  line: number;
  claimNumber: string;
  periodStart: string;
  periodEnd: string;
  hoursWorked: Dec;
  grossEarnings: Dec;
  compensationPaid: Dec;
  paygWithheld: Dec;
}

export interface WrsSummary {
  lines: number;
  claims: number;
  grossEarnings: string;
  compensationPaid: string;
  paygWithheld: string;
}

export type WrsResult = { ok: true; summary: WrsSummary; lines: WrsLine[] } | { ok: false; problems: WrsProblem[] };

// docs/payment-files.md: a period is at most 14 days inclusive, with at most 24 hours worked per day of it.
const MAX_PERIOD_DAYS = 14;
const MAX_HOURS_PER_DAY = 24;

interface Period {
  line: number;
  start: number;
  end: number;
}

/** What is known about one data line while it is checked, column by column. */
class LineCheck {
  readonly problems: WrsProblem[] = [];
  constructor(
    readonly line: number,
    readonly fields: readonly string[],
  ) {}
  value(column: WrsColumn): string {
    return this.fields[WRS_COLUMNS.indexOf(column)];
  }
  fail(column: WrsColumn, message: string): undefined {
    this.problems.push({ line: this.line, column, message });
    return undefined;
  }
}

function date(c: LineCheck, column: 'period_start' | 'period_end'): number | undefined {
  const text = c.value(column);
  return isIsoDate(text) ? dayNumber(text) : c.fail(column, 'must be a date YYYY-MM-DD');
}

function amount(c: LineCheck, column: WrsColumn): Dec | undefined {
  const text = c.value(column);
  const problem = moneyTextProblem(text);
  return problem ? c.fail(column, problem) : money(text);
}

/**
 * Hours are a plain non-negative decimal. The per-day limit needs a well-formed period, so a line whose
 * dates are already wrong is not also blamed for its hours (wrs-invalid example, line 4).
 */
function hours(c: LineCheck, days: number | undefined): Dec | undefined {
  const text = c.value('hours_worked');
  if (/^-/.test(text.trim())) return c.fail('hours_worked', 'must not be negative');
  if (!/^\d+(\.\d+)?$/.test(text)) return c.fail('hours_worked', 'must be a number of hours such as 37.5');
  const value = new Dec(text);
  if (days !== undefined && value.greaterThan(MAX_HOURS_PER_DAY * days)) {
    return c.fail('hours_worked', `more than ${MAX_HOURS_PER_DAY} hours a day (at most ${MAX_HOURS_PER_DAY * days} for ${days} day${days === 1 ? '' : 's'})`);
  }
  return value;
}

/**
 * One data line, problems in column order. `periods` holds every earlier well-formed period by claim;
 * an overlap is blamed on this (the later) line's period_start, whatever else is wrong with either line.
 */
function checkLine(line: number, fields: string[], periods: Map<string, Period[]>): { problems: WrsProblem[]; parsed?: WrsLine } {
  const c = new LineCheck(line, fields);
  const claim = c.value('claim_number').trim();
  if (claim === '') c.fail('claim_number', 'must not be empty');

  const start = date(c, 'period_start');
  const end = date(c, 'period_end');
  let period: Period | undefined;
  if (start !== undefined && end !== undefined) {
    if (end < start) c.fail('period_end', 'before period_start');
    else period = { line, start, end };
  }
  const earlier = claim === '' ? [] : (periods.get(claim) ?? []);
  const clash = period && earlier.find((p) => p.start <= period.end && period.start <= p.end);
  if (clash) c.fail('period_start', `overlaps the period on line ${clash.line} for the same claim`);
  const days = period && period.end - period.start + 1;
  if (days !== undefined && days > MAX_PERIOD_DAYS) c.fail('period_end', `period is ${days} days; at most ${MAX_PERIOD_DAYS} days inclusive`);
  if (period && claim !== '') periods.set(claim, [...earlier, period]);

  const hoursWorked = hours(c, days);
  const grossEarnings = amount(c, 'gross_earnings');
  const compensationPaid = amount(c, 'compensation_paid');
  const paygWithheld = amount(c, 'payg_withheld');

  // Overlap is found after both dates but belongs to period_start, so restore column order.
  const problems = c.problems.sort((a, b) => WRS_COLUMNS.indexOf(a.column as WrsColumn) - WRS_COLUMNS.indexOf(b.column as WrsColumn));
  if (problems.length > 0 || !hoursWorked || !grossEarnings || !compensationPaid || !paygWithheld) return { problems };
  const [periodStart, periodEnd] = [c.value('period_start'), c.value('period_end')];
  return { problems, parsed: { line, claimNumber: claim, periodStart, periodEnd, hoursWorked, grossEarnings, compensationPaid, paygWithheld } };
}

function checkHeader(record: CsvRecord | undefined): WrsProblem[] {
  const expected = WRS_COLUMNS.join(',');
  if (!record) return [{ line: 1, column: 'header', message: `missing; expected ${expected}` }];
  if ('error' in record) return [{ line: record.line, column: 'header', message: record.error }];
  if (record.fields.join(',') === expected && record.fields.length === WRS_COLUMNS.length) return [];
  return [{ line: record.line, column: 'header', message: `must be exactly ${expected}` }];
}

function summarise(lines: WrsLine[]): WrsSummary {
  const total = (pick: (l: WrsLine) => Dec) => formatMoney(sum(lines.map(pick)));
  return {
    lines: lines.length,
    claims: new Set(lines.map((l) => l.claimNumber)).size,
    grossEarnings: total((l) => l.grossEarnings),
    compensationPaid: total((l) => l.compensationPaid),
    paygWithheld: total((l) => l.paygWithheld),
  };
}

/**
 * Checks a whole schedule and reports every problem in line order. Data lines are still checked under
 * a wrong header, because the contract fixes the column order and the rows may be fine.
 */
export function checkWageSchedule(text: string): WrsResult {
  const [header, ...rows] = readCsv(text);
  const problems = checkHeader(header);
  const lines: WrsLine[] = [];
  const periods = new Map<string, Period[]>();
  for (const row of rows) {
    if ('error' in row) {
      problems.push({ line: row.line, column: 'fields', message: row.error });
    } else if (row.fields.length !== WRS_COLUMNS.length) {
      problems.push({ line: row.line, column: 'fields', message: `expected ${WRS_COLUMNS.length} fields, found ${row.fields.length}` });
    } else {
      const checked = checkLine(row.line, row.fields, periods);
      problems.push(...checked.problems);
      if (checked.parsed) lines.push(checked.parsed);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, summary: summarise(lines), lines };
}
