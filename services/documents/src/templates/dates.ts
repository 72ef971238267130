import { localDate } from '@wc/contracts';

/**
 * Calendar-day arithmetic on `YYYY-MM-DD` dates, for the notices whose dates the law ties together
 * (s48A's 14 to 60 days and 28-day suspension, the 13 weeks' notice before s39 and s59A cessation).
 * Worked in UTC, so no daylight-saving change can move a date.
 */

/** A real `YYYY-MM-DD` date. A schema's cross-field checks use it to skip a field that already has its own issue. */
export const isDate = (s: unknown): s is string => localDate.safeParse(s).success;

const dayNumber = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;

/** `date` plus `days` calendar days (negative to go back). */
export function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00.000Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to`: 1 for the next day, negative when `to` is earlier. */
export const daysBetween = (from: string, to: string) => dayNumber(to) - dayNumber(from);

/** The same day `years` years later; 29 February becomes 28 February in a year without it. */
export function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}
