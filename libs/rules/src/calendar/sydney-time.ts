import { LocalDate, isLocalDate, ymd } from './local-date';

/**
 * Every date the rules use is an Australia/Sydney local date (docs/rules.md §1). Intl carries the
 * tz database, so DST changes (first Sunday of October / April) are handled without our own table.
 */
export const SYDNEY = 'Australia/Sydney';

/** A moment as seen on a Sydney wall clock. */
export interface SydneyDateTime {
  date: LocalDate;
  /** Minutes after local midnight, 0–1439. */
  minuteOfDay: number;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_ONLY_MINUTE = 12 * 60;

let formatter: Intl.DateTimeFormat | undefined;
function sydneyFormatter(): Intl.DateTimeFormat {
  formatter ??= new Intl.DateTimeFormat('en-AU', {
    timeZone: SYDNEY,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return formatter;
}

export function isEventTime(text: unknown): text is string {
  return typeof text === 'string' && (isLocalDate(text) || (ISO_INSTANT.test(text) && !Number.isNaN(Date.parse(text))));
}

/** The Sydney wall-clock reading of an instant (epoch milliseconds). */
export function sydneyAt(epochMs: number): SydneyDateTime {
  const p: Record<string, string> = {};
  for (const part of sydneyFormatter().formatToParts(new Date(epochMs))) p[part.type] = part.value;
  return { date: ymd(Number(p.year), Number(p.month), Number(p.day)), minuteOfDay: Number(p.hour) * 60 + Number(p.minute) };
}

/**
 * Reads an event time: a date alone means 12:00 Sydney time on that date; a timestamp must carry
 * an offset (or Z) and is converted to Sydney (docs/rules.md §1, docs/simulate.md).
 */
export function parseEventTime(text: string): SydneyDateTime {
  if (isLocalDate(text)) return { date: text, minuteOfDay: DATE_ONLY_MINUTE };
  if (!ISO_INSTANT.test(text)) throw new RangeError(`must be a date YYYY-MM-DD or a timestamp with an offset, got ${JSON.stringify(text)}`);
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new RangeError(`not a valid timestamp: ${JSON.stringify(text)}`);
  return sydneyAt(ms);
}

export function sydneyDate(text: string): LocalDate {
  return parseEventTime(text).date;
}

/** The instant at which a Sydney wall clock shows `minuteOfDay` on `date` (first one if repeated). */
export function sydneyInstant(date: LocalDate, minuteOfDay: number): number {
  const [y, m, d] = date.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d, 0, minuteOfDay);
  // Sydney is UTC+10 (AEST) or UTC+11 (AEDT); try the larger offset first so a repeated hour gives the earlier instant.
  for (const offsetHours of [11, 10]) {
    const candidate = wall - offsetHours * 3_600_000;
    const seen = sydneyAt(candidate);
    if (seen.date === date && seen.minuteOfDay === minuteOfDay) return candidate;
  }
  // Only a wall time skipped by the spring-forward gap gets here: use the instant an hour later.
  return wall - 10 * 3_600_000;
}

/** Orders two Sydney moments. */
export function compareMoments(a: SydneyDateTime, b: SydneyDateTime): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.minuteOfDay - b.minuteOfDay;
}
