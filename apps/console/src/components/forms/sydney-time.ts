import { SYDNEY } from '../../format/format';

// Times typed into the console are Sydney's, whatever the browser's own time zone is: a date and a
// time typed are sent as that wall-clock reading with Sydney's offset on that day.

const wall = new Intl.DateTimeFormat('en-CA', { timeZone: SYDNEY, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** An instant as Sydney's clock reads it: YYYY-MM-DDTHH:MM. */
function sydneyWallClock(ms: number): string {
  const p: Record<string, string> = {};
  for (const part of wall.formatToParts(new Date(ms))) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

/**
 * "2026-11-17", "10:15" → "2026-11-17T10:15:00+11:00": the time on Sydney's clock that day, with
 * the offset Sydney had then (+11:00 in summer time, +10:00 otherwise). A time the clocks skipped
 * (the hour after 2:00 when summer time starts) is read as standard time; one they repeated, as the
 * first of the two.
 */
export function sydneyTimestamp(date: string, time: string): string {
  if (!DATE.test(date) || !TIME.test(time)) throw new RangeError(`not a date and a time: ${date} ${time}`);
  for (const offset of ['+11:00', '+10:00']) {
    const text = `${date}T${time}:00${offset}`;
    if (sydneyWallClock(Date.parse(text)) === `${date}T${time}`) return text;
  }
  return `${date}T${time}:00+10:00`;
}
