import { isLocalDate } from '../calendar';
import { isMoneyText } from '../money';
import { KINDS } from './earnings-kinds';
import { PiaweInput, PiaweInputError, PiaweProblem } from './types';

/** Every problem with a PIAWE input at once, each with its path (e.g. `earnings[3].to`), or nothing. */
export function validate(input: PiaweInput): void {
  const problems: PiaweProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  const doiOk = isLocalDate(input.dateOfInjury);
  if (!doiOk) problem('dateOfInjury', `must be a date YYYY-MM-DD, got ${JSON.stringify(input.dateOfInjury)}`);

  const employmentIds = new Set<string>();
  if (!Array.isArray(input.employments) || input.employments.length === 0) problem('employments', 'at least one employment is needed');
  (input.employments ?? []).forEach((e, i) => {
    const at = `employments[${i}]`;
    if (typeof e.id !== 'string' || e.id === '') problem(`${at}.id`, 'must be a non-empty text');
    else if (employmentIds.has(e.id)) problem(`${at}.id`, `duplicate employment id ${JSON.stringify(e.id)}`);
    else employmentIds.add(e.id);
    if (!isLocalDate(e.startedOn)) problem(`${at}.startedOn`, `must be a date YYYY-MM-DD, got ${JSON.stringify(e.startedOn)}`);
    else if (doiOk && e.startedOn > input.dateOfInjury) problem(`${at}.startedOn`, `${e.startedOn} is after the date of injury ${input.dateOfInjury}`);
    if (e.materialChangeOn != null) {
      if (!isLocalDate(e.materialChangeOn)) problem(`${at}.materialChangeOn`, `must be a date YYYY-MM-DD, got ${JSON.stringify(e.materialChangeOn)}`);
      else if (doiOk && e.materialChangeOn > input.dateOfInjury) problem(`${at}.materialChangeOn`, `${e.materialChangeOn} is after the date of injury ${input.dateOfInjury}`);
    }
    if (e.expectedWeeklyEarnings != null && !isMoneyText(e.expectedWeeklyEarnings)) {
      problem(`${at}.expectedWeeklyEarnings`, `must be a non-negative amount with at most 2 decimal places, got ${JSON.stringify(e.expectedWeeklyEarnings)}`);
    }
  });

  const lineIds = new Set<string>();
  (input.earnings ?? []).forEach((l, i) => {
    const at = `earnings[${i}]`;
    if (typeof l.id !== 'string' || l.id === '') problem(`${at}.id`, 'must be a non-empty text');
    else if (lineIds.has(l.id)) problem(`${at}.id`, `duplicate line id ${JSON.stringify(l.id)}`);
    else lineIds.add(l.id);
    if (!employmentIds.has(l.employment)) problem(`${at}.employment`, `unknown employment ${JSON.stringify(l.employment)}`);
    if (!KINDS.has(l.kind)) problem(`${at}.kind`, `unknown kind ${JSON.stringify(l.kind)}`);
    checkRange(at, l.from, l.to, problem);
    if (typeof l.amount !== 'string' || !isMoneyText(l.amount)) problem(`${at}.amount`, `must be a non-negative amount with at most 2 decimal places, got ${JSON.stringify(l.amount)}`);
  });

  (input.unpaidLeave ?? []).forEach((u, i) => {
    const at = `unpaidLeave[${i}]`;
    if (!employmentIds.has(u.employment)) problem(`${at}.employment`, `unknown employment ${JSON.stringify(u.employment)}`);
    checkRange(at, u.from, u.to, problem);
  });

  if (problems.length > 0) throw new PiaweInputError(problems);
}

function checkRange(at: string, from: unknown, to: unknown, problem: (path: string, message: string) => void): void {
  const fromOk = isLocalDate(from);
  const toOk = isLocalDate(to);
  if (!fromOk) problem(`${at}.from`, `must be a date YYYY-MM-DD, got ${JSON.stringify(from)}`);
  if (!toOk) problem(`${at}.to`, `must be a date YYYY-MM-DD, got ${JSON.stringify(to)}`);
  if (fromOk && toOk && to < from) problem(`${at}.to`, `${to} is before from ${from}`);
}
