import { LocalDate, addDays, daysBetween } from '../calendar';
import { s48aPeriods } from '../parameters';

/**
 * s48A of the Workplace Injury Management and Workers Compensation Act 1998 (docs/rules.md §8.2;
 * docs/sources.md T21): a written warning names a suspension date at least 14 and at most 60 days
 * after it (s48A(2)(b)); a worker who has not complied by the end of the day before that date has
 * weekly payments suspended for 28 days from it (s48A(3)); compliance on a day C during the
 * suspension ends it and C is payable again (s48A(4)).
 */
export interface S48aWarning {
  issuedOn: LocalDate;
  suspendFrom: LocalDate;
  /** The day the worker complied, if they have. */
  compliedOn: LocalDate | null;
}

/** Why a suspension date cannot be given with a warning of this day, or null (s48A(2)(b)). */
export function suspendFromProblem(issuedOn: LocalDate, suspendFrom: LocalDate): string | null {
  const p = s48aPeriods(issuedOn);
  const days = daysBetween(issuedOn, suspendFrom);
  if (days < p.suspendFromAtLeastDays || days > p.suspendFromAtMostDays) {
    return `must be at least ${p.suspendFromAtLeastDays} and at most ${p.suspendFromAtMostDays} days after the warning (${addDays(issuedOn, p.suspendFromAtLeastDays)} to ${addDays(issuedOn, p.suspendFromAtMostDays)}; s48A(2)(b)); ${suspendFrom} is ${days} days after ${issuedOn}`;
  }
  return null;
}

/** The last day of the full 28-day suspension (s48A(3)). */
export function suspensionEnds(w: Pick<S48aWarning, 'issuedOn' | 'suspendFrom'>): LocalDate {
  return addDays(w.suspendFrom, s48aPeriods(w.issuedOn).suspensionDays - 1);
}

/** The days suspended by a warning, or null when none are: complied with in time, or not yet known. */
export function suspendedDays(w: S48aWarning): { from: LocalDate; to: LocalDate } | null {
  if (w.compliedOn && w.compliedOn < w.suspendFrom) return null;
  const end = suspensionEnds(w);
  const to = w.compliedOn && w.compliedOn <= end ? addDays(w.compliedOn, -1) : end;
  return to < w.suspendFrom ? null : { from: w.suspendFrom, to };
}

/** Whether the warning is still open on `day`: not complied with, its suspension not over (docs/rules.md §8.2). */
export function warningOpenOn(w: S48aWarning, day: LocalDate): boolean {
  return day >= w.issuedOn && (!w.compliedOn || w.compliedOn > day) && day <= suspensionEnds(w);
}
