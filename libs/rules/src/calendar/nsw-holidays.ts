import { easterSunday } from './easter';
import { LocalDate, addDays, isoWeekday, nthWeekdayOfMonth, ymd, isLocalDate } from './local-date';
import declaredData from '../data/nsw-declared-holidays.json';

/** `public`: a s4 public holiday; `additional`: an extra day because one falls on a weekend;
 *  `bank`: the Bank Holiday (not a public holiday, but an excluded day for business-day counts). */
export type HolidayKind = 'public' | 'additional' | 'bank';

export interface Holiday {
  date: LocalDate;
  name: string;
  kind: HolidayKind;
  source: string;
}

export interface DeclaredDay {
  date: LocalDate;
  name: string;
  kind: HolidayKind;
  source: string;
  /** A standard day this declaration moves, which is then no longer a holiday (s6 "instead of"). */
  replaces?: LocalDate;
  /** The version of the shipped list that first carried this day (data/nsw-declared-holidays.json). */
  dataVersion?: number;
}

const S4 = 'Public Holidays Act 2010 (NSW) s4';

/**
 * The standard NSW holidays of one year (Public Holidays Act 2010 s4) and the Bank Holiday
 * (Retail Trading Act 2008; excluded by Interpretation Act 1987 s36(2)). docs/rules.md §1.
 */
export function standardHolidays(year: number): Holiday[] {
  const out: Holiday[] = [];
  const add = (date: LocalDate, name: string, kind: HolidayKind = 'public', source = S4) => out.push({ date, name, kind, source });
  const dow = (d: LocalDate) => isoWeekday(d);

  // New Year's Day stays on 1 Jan; on a weekend an *additional* holiday follows on Monday (s4(1)(a)).
  const newYear = ymd(year, 1, 1);
  add(newYear, "New Year's Day");
  if (dow(newYear) === 6) add(addDays(newYear, 2), "New Year's Day (additional)", 'additional');
  if (dow(newYear) === 7) add(addDays(newYear, 1), "New Year's Day (additional)", 'additional');

  // Australia Day moves: on a weekend the following Monday is the holiday *instead* (s4(1)(b)).
  const australiaDay = ymd(year, 1, 26);
  if (dow(australiaDay) === 6) add(addDays(australiaDay, 2), 'Australia Day (observed)');
  else if (dow(australiaDay) === 7) add(addDays(australiaDay, 1), 'Australia Day (observed)');
  else add(australiaDay, 'Australia Day');

  const easter = easterSunday(year);
  add(addDays(easter, -2), 'Good Friday');
  add(addDays(easter, -1), 'Easter Saturday');
  add(easter, 'Easter Sunday');
  add(addDays(easter, 1), 'Easter Monday');

  // Anzac Day is never substituted (s4; industrialrelations.nsw.gov.au FAQ).
  add(ymd(year, 4, 25), 'Anzac Day');
  add(nthWeekdayOfMonth(year, 6, 1, 2), "King's Birthday");
  add(nthWeekdayOfMonth(year, 8, 1, 1), 'Bank Holiday', 'bank', 'Retail Trading Act 2008 (NSW); Interpretation Act 1987 s36(2)');
  add(nthWeekdayOfMonth(year, 10, 1, 1), 'Labour Day');

  // Christmas and Boxing Day stay; weekend days give additional holidays on the next free weekday (s4(1)(i),(j)).
  const christmas = ymd(year, 12, 25);
  const boxing = ymd(year, 12, 26);
  add(christmas, 'Christmas Day');
  add(boxing, 'Boxing Day');
  switch (dow(christmas)) {
    case 5: // Fri 25, Sat 26 → Mon 28 for Boxing Day
      add(ymd(year, 12, 28), 'Boxing Day (additional)', 'additional');
      break;
    case 6: // Sat 25, Sun 26 → Mon 27 and Tue 28
      add(ymd(year, 12, 27), 'Christmas Day (additional)', 'additional');
      add(ymd(year, 12, 28), 'Boxing Day (additional)', 'additional');
      break;
    case 7: // Sun 25, Mon 26 → Tue 27 for Christmas Day
      add(ymd(year, 12, 27), 'Christmas Day (additional)', 'additional');
      break;
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The newest version of the shipped list of declared days. */
export const DECLARED_DAYS_VERSION = Math.max(...(declaredData.days as DeclaredDay[]).map((d) => d.dataVersion ?? 1));

/**
 * The declared days shipped with the library (data/nsw-declared-holidays.json), as the list stood
 * at `version` (default: the newest). A claim's workflow started under an older list keeps it until
 * it takes the newer one in a versioned step, so its recorded history still replays.
 */
export function builtInDeclaredDays(version: number = DECLARED_DAYS_VERSION): DeclaredDay[] {
  return (declaredData.days as DeclaredDay[]).filter((d) => (d.dataVersion ?? 1) <= version).map((d) => validateDeclared(d));
}

export function validateDeclared(d: DeclaredDay): DeclaredDay {
  if (!isLocalDate(d.date)) throw new RangeError(`declared holiday date must be YYYY-MM-DD, got ${JSON.stringify(d.date)}`);
  if (d.replaces !== undefined && !isLocalDate(d.replaces)) throw new RangeError(`declared holiday replaces must be YYYY-MM-DD, got ${JSON.stringify(d.replaces)}`);
  if (!d.name || !d.source) throw new RangeError(`declared holiday ${d.date} needs a name and a source`);
  return d;
}
