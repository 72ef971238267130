// A wage reimbursement schedule refused (422) lists its problems by line and column
// (services/payments/README.md: `problems: [{ line, column, message }]`, JSON also `field`), not by
// field as the other refusals do: read here so that each is shown at its line.

export interface ScheduleProblem {
  /** The schedule's line (the CSV's line number, the header being line 1). */
  line: number;
  /** The CSV column, or `header` / `fields`. */
  column: string;
  message: string;
}

const isProblem = (p: unknown): p is ScheduleProblem =>
  typeof p === 'object' && p !== null && typeof (p as ScheduleProblem).line === 'number' && typeof (p as ScheduleProblem).column === 'string' && typeof (p as ScheduleProblem).message === 'string';

/** The line problems of a refused schedule's answer, by line then column; none when it has no such list. */
export function scheduleProblemsOf(body: unknown): ScheduleProblem[] {
  const problems = typeof body === 'object' && body !== null ? (body as { problems?: unknown }).problems : undefined;
  if (!Array.isArray(problems)) return [];
  return problems
    .filter(isProblem)
    .map((p) => ({ line: p.line, column: p.column, message: p.message }))
    .sort((a, b) => a.line - b.line || a.column.localeCompare(b.column));
}

/** "gross_earnings" → "gross earnings": a column as the page names it. */
export const columnName = (column: string): string => column.replace(/_/g, ' ');
