/**
 * Calendar dates as ISO `YYYY-MM-DD` strings. Arithmetic goes through a day count so it is exact
 * and independent of the host's time zone (workflow code must be deterministic).
 */
export type LocalDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isLocalDate(text: unknown): text is LocalDate {
  if (typeof text !== 'string') return false;
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function assertLocalDate(text: string, what = 'date'): LocalDate {
  if (!isLocalDate(text)) throw new RangeError(`${what} must be a date YYYY-MM-DD, got ${JSON.stringify(text)}`);
  return text;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Days since 1970-01-01. */
export function toDayNumber(date: LocalDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a date YYYY-MM-DD: ${JSON.stringify(date)}`);
  const d = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Math.round(d.getTime() / MS_PER_DAY);
}

export function fromDayNumber(day: number): LocalDate {
  const d = new Date(day * MS_PER_DAY);
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function ymd(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function parts(date: LocalDate): { year: number; month: number; day: number } {
  const n = toDayNumber(date);
  const d = new Date(n * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Signed number of days from `a` to `b`. */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export function isWeekend(date: LocalDate): boolean {
  return isoWeekday(date) >= 6;
}

/** The same day and month `years` later; 29 February becomes 28 February in a common year. */
export function addYearsClamped(date: LocalDate, years: number): LocalDate {
  const { year, month, day } = parts(date);
  const y = year + years;
  return ymd(y, month, Math.min(day, daysInMonth(y, month)));
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a >= b ? a : b;
}

export function minDate(a: LocalDate, b: LocalDate): LocalDate {
  return a <= b ? a : b;
}

/** The `nth` (1-based) given ISO weekday of a month. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, nth: number): LocalDate {
  const first = ymd(year, month, 1);
  const offset = (weekday - isoWeekday(first) + 7) % 7;
  return addDays(first, offset + 7 * (nth - 1));
}
