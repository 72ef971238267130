// How the console writes dates and money. The platform is NSW's: "today", a due date and the time
// something happened are Sydney's, whatever the browser's own time zone is.

export const SYDNEY = 'Australia/Sydney';

const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: SYDNEY, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Sydney, YYYY-MM-DD (the form the API's dates take). */
export function sydneyToday(now: Date = new Date()): string {
  return isoDay.format(now);
}

const clock = new Intl.DateTimeFormat('en-GB', { timeZone: SYDNEY, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Now on Sydney's calendar and clock: its date (YYYY-MM-DD) and time (HH:MM). */
export function sydneyNow(now: Date = new Date()): { date: string; time: string } {
  return { date: sydneyToday(now), time: clock.format(now) };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// A due date from the API is already a Sydney calendar day (the rules count Sydney's business days),
// not an instant: it is written as that day, so it is set at UTC midnight and formatted in UTC,
// where no time zone can move it to the day before or after.
const calendarDay = new Intl.DateTimeFormat('en-AU', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

function utcMidnight(day: string): number | undefined {
  const m = DATE.exec(day);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : undefined;
}

/** "Tue, 17 Nov 2026" for 2026-11-17; anything else as it came. */
export function formatDate(day: string): string {
  const t = utcMidnight(day);
  return t === undefined ? day : calendarDay.format(t);
}

const instant = new Intl.DateTimeFormat('en-AU', { timeZone: SYDNEY, day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });

/** An instant as Sydney's clock showed it: "17 Nov 2026, 10:15 am AEDT". */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : instant.format(d);
}

/** Whole days from one calendar day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = utcMidnight(from);
  const b = utcMidnight(to);
  if (a === undefined || b === undefined) throw new RangeError(`not dates: ${from}, ${to}`);
  return Math.round((b - a) / 86_400_000);
}

const aud = new Intl.NumberFormat('en-AU', { style: 'currency', currency: 'AUD' });
const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * "$1,234.50" for the API's decimal string "1234.5". The string itself is formatted: Intl reads it
 * as an exact decimal (rounding half away from zero to cents), where a number would first become
 * the nearest binary fraction ("1.005" would show as $1.00). No arithmetic on money happens here.
 */
export function formatMoney(amount: string): string {
  return DECIMAL.test(amount) ? aud.format(amount as Intl.StringNumericLiteral) : amount;
}

/** A worker's name in their own order of names (family name first for some), as every letter writes it. */
export function workerName(w: { givenName: string; familyName: string; nameOrder?: 'given-first' | 'family-first' }): string {
  return w.nameOrder === 'family-first' ? `${w.familyName} ${w.givenName}` : `${w.givenName} ${w.familyName}`;
}
