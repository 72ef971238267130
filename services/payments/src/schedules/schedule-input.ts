/**
 * One validator for both ways a wage reimbursement schedule arrives. JSON is turned into the CSV the
 * contract describes (docs/payment-files.md) and everything goes through `checkWageSchedule` of
 * @wc/payment-files, so the API, the CLI (`claimctl wrs check`) and the CSV upload agree on every
 * rule. On top of it: the amounts must fit the database's numeric(12,2), and ?partial=true keeps the
 * good lines of a schedule with bad ones.
 */
import { Dec, isMoneyText } from '@wc/rules';
import { WRS_COLUMNS, checkWageSchedule, readCsv } from '@wc/payment-files';
import type { WrsColumn, WrsLine, WrsProblem, WrsSummary } from '@wc/payment-files';
import type { WageScheduleJson } from '../contracts';

/** numeric(12,2): the largest amount one line may carry. */
export const MAX_LINE_AMOUNT = '9999999999.99';
const MAX_AMOUNT = new Dec(MAX_LINE_AMOUNT);
const MONEY_COLUMNS: WrsColumn[] = ['gross_earnings', 'compensation_paid', 'payg_withheld'];

export interface ScheduleProblem {
  /** CSV: the line in the file (the header is line 1). JSON: the position in `lines`, from 1. */
  line: number;
  /** The CSV column at fault, or `header` / `fields` for the whole line (docs/payment-files.md). */
  column: WrsColumn | 'header' | 'fields';
  message: string;
  /** JSON only: the field at fault, e.g. `lines[2].grossEarnings`. */
  field?: string;
}

export interface AcceptedSchedule {
  ok: true;
  summary: WrsSummary;
  /** Each line's `line` is what problems use: the file line (CSV) or the position in `lines` (JSON). */
  lines: WrsLine[];
  /** Partial imports: the problems of the lines left out (empty otherwise). */
  rejected: ScheduleProblem[];
}
export interface RefusedSchedule {
  ok: false;
  /** `nothing-valid`: a partial import in which no line is good. */
  reason: 'invalid' | 'nothing-valid';
  problems: ScheduleProblem[];
}
export type ScheduleCheck = AcceptedSchedule | RefusedSchedule;

export interface CheckOptions {
  /** Keep the good lines when some are bad (never when the header is wrong or no line is good). */
  partial?: boolean;
}

const columnOrder = (c: ScheduleProblem['column']) => (c === 'header' ? -2 : c === 'fields' ? -1 : WRS_COLUMNS.indexOf(c));
const byLineAndColumn = (a: ScheduleProblem, b: ScheduleProblem) => a.line - b.line || columnOrder(a.column) - columnOrder(b.column);

/** Amounts the contract accepts but numeric(12,2) cannot hold (checked on the raw records). */
function amountLimitProblems(text: string): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  for (const record of readCsv(text).slice(1)) {
    if ('error' in record || record.fields.length !== WRS_COLUMNS.length) continue;
    for (const column of MONEY_COLUMNS) {
      const value = record.fields[WRS_COLUMNS.indexOf(column)];
      if (isMoneyText(value) && new Dec(value).greaterThan(MAX_AMOUNT)) problems.push({ line: record.line, column, message: `must be at most ${MAX_LINE_AMOUNT}` });
    }
  }
  return problems;
}

const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;

/**
 * The same schedule without the given records, every remaining record on its original line (blank
 * lines are skipped but counted), so a second check reports and numbers lines exactly as the first.
 */
function withoutRecords(text: string, drop: Set<number>): string {
  const [header, ...rows] = readCsv(text);
  if (!header || 'error' in header) return '';
  let out = header.fields.join(',');
  let line = header.line;
  for (const row of rows) {
    if ('error' in row || drop.has(row.line)) continue;
    out += '\n'.repeat(row.line - line);
    const record = row.fields.map(quote).join(',');
    out += record;
    line = row.line + (record.match(/\n/g)?.length ?? 0);
  }
  return `${out}\n`;
}

/** Checks a schedule in the CSV of docs/payment-files.md (as uploaded, or as made from JSON by `jsonToCsv`). */
export function checkScheduleText(text: string, options: CheckOptions = {}): ScheduleCheck {
  const first = checkWageSchedule(text);
  const problems = [...(first.ok ? [] : first.problems), ...amountLimitProblems(text)].sort(byLineAndColumn);
  if (problems.length === 0 && first.ok) return { ok: true, summary: first.summary, lines: first.lines, rejected: [] };
  if (!options.partial || problems.some((p) => p.column === 'header')) return { ok: false, reason: 'invalid', problems };

  // Leaving lines out can only remove problems (an overlap needs both lines), never add one.
  const second = checkWageSchedule(withoutRecords(text, new Set(problems.map((p) => p.line))));
  if (!second.ok) {
    const more = second.problems.map((p: WrsProblem) => ({ ...p, message: `(once the bad lines are left out) ${p.message}` }));
    return { ok: false, reason: 'invalid', problems: [...problems, ...more].sort(byLineAndColumn) };
  }
  if (second.lines.length === 0) return { ok: false, reason: 'nothing-valid', problems };
  return { ok: true, summary: second.summary, lines: second.lines, rejected: problems };
}

/** The JSON request as docs/payment-files.md CSV: `lines[i]` becomes file line i + 2. */
export function jsonToCsv(schedule: Pick<WageScheduleJson, 'lines'>): string {
  const rows = schedule.lines.map((l) =>
    [l.claimNumber, l.periodStart, l.periodEnd, typeof l.hoursWorked === 'number' ? String(l.hoursWorked) : l.hoursWorked, l.grossEarnings, l.compensationPaid, l.paygWithheld].map(quote).join(','),
  );
  return `${WRS_COLUMNS.join(',')}\n${rows.join('\n')}\n`;
}

const JSON_FIELDS: Record<WrsColumn, string> = {
  claim_number: 'claimNumber',
  period_start: 'periodStart',
  period_end: 'periodEnd',
  hours_worked: 'hoursWorked',
  gross_earnings: 'grossEarnings',
  compensation_paid: 'compensationPaid',
  payg_withheld: 'paygWithheld',
};

/** A problem found in `jsonToCsv` output, told in the JSON request's terms. */
function jsonProblem(p: ScheduleProblem): ScheduleProblem {
  const index = p.line - 2;
  const column = p.column === 'header' || p.column === 'fields' ? undefined : JSON_FIELDS[p.column];
  return {
    ...p,
    line: index + 1,
    field: column ? `lines[${index}].${column}` : `lines[${index}]`,
    message: p.message.replace(/on line (\d+)/g, (_, n: string) => `in lines[${Number(n) - 2}]`),
  };
}

/** Checks a JSON schedule with exactly the CSV rules; line numbers become positions in `lines`. */
export function checkScheduleJson(schedule: Pick<WageScheduleJson, 'lines'>, options: CheckOptions = {}): ScheduleCheck {
  const r = checkScheduleText(jsonToCsv(schedule), options);
  if (!r.ok) return { ...r, problems: r.problems.map(jsonProblem) };
  return { ...r, lines: r.lines.map((l) => ({ ...l, line: l.line - 1 })), rejected: r.rejected.map(jsonProblem) };
}
