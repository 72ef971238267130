import { DeclaredDay, Holiday, builtInDeclaredDays, standardHolidays, validateDeclared } from './nsw-holidays';
import { LocalDate, addDays, addYearsClamped, isWeekend, parts } from './local-date';

/**
 * How a period is counted: `business-days` counts only business days (the trigger day excluded);
 * `calendar-days` counts every day and rolls a last day that is not a business day forward.
 */
export type Calendar = 'business-days' | 'calendar-days';

/**
 * NSW business days (docs/rules.md §1): Monday to Friday, not a public holiday, additional holiday or
 * the Bank Holiday (Interpretation Act 1987 s21 "business day", s36(2) excluded days).
 */
export class BusinessCalendar {
  private readonly byYear = new Map<number, Map<LocalDate, Holiday>>();
  private readonly declared: DeclaredDay[];

  constructor(declared: DeclaredDay[] = builtInDeclaredDays()) {
    this.declared = declared.map(validateDeclared);
  }

  holidaysIn(year: number): Holiday[] {
    return [...this.yearMap(year).values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  holiday(date: LocalDate): Holiday | undefined {
    return this.yearMap(parts(date).year).get(date);
  }

  isBusinessDay(date: LocalDate): boolean {
    return !isWeekend(date) && !this.yearMap(parts(date).year).has(date);
  }

  /** The Nth business day strictly after `date` (docs/rules.md §1). */
  businessDaysAfter(date: LocalDate, n: number): LocalDate {
    return this.stepBusinessDays(date, n, 1);
  }

  /** The Nth business day strictly before `date` (docs/rules.md §1). */
  businessDaysBefore(date: LocalDate, n: number): LocalDate {
    return this.stepBusinessDays(date, n, -1);
  }

  /** `date` itself if it is a business day, else the next one (Interpretation Act 1987 s36(2)). */
  rollForward(date: LocalDate): LocalDate {
    let d = date;
    while (!this.isBusinessDay(d)) d = addDays(d, 1);
    return d;
  }

  /** "N days after D": D + N, rolled forward to a business day (Interpretation Act 1987 s36). */
  daysAfter(date: LocalDate, n: number): LocalDate {
    return this.rollForward(addDays(date, n));
  }

  /** "N weeks after D" = 7N days, rolled forward. */
  weeksAfter(date: LocalDate, n: number): LocalDate {
    return this.daysAfter(date, 7 * n);
  }

  /** "N years after D": same day and month (29 Feb → 28 Feb), rolled forward. */
  yearsAfter(date: LocalDate, n: number): LocalDate {
    return this.rollForward(addYearsClamped(date, n));
  }

  /** Business days strictly between two dates. */
  businessDaysBetween(from: LocalDate, to: LocalDate): number {
    let count = 0;
    for (let d = addDays(from, 1); d < to; d = addDays(d, 1)) if (this.isBusinessDay(d)) count++;
    return count;
  }

  private stepBusinessDays(date: LocalDate, n: number, step: 1 | -1): LocalDate {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`business-day count must be a whole number ≥ 1, got ${n}`);
    let d = date;
    let left = n;
    while (left > 0) {
      d = addDays(d, step);
      if (this.isBusinessDay(d)) left--;
    }
    return d;
  }

  private yearMap(year: number): Map<LocalDate, Holiday> {
    let map = this.byYear.get(year);
    if (!map) {
      map = new Map(standardHolidays(year).map((h) => [h.date, h]));
      for (const d of this.declared) {
        if (d.replaces && parts(d.replaces).year === year) map.delete(d.replaces);
      }
      for (const d of this.declared) {
        if (parts(d.date).year === year) map.set(d.date, { date: d.date, name: d.name, kind: d.kind, source: d.source });
      }
      this.byYear.set(year, map);
    }
    return map;
  }
}
