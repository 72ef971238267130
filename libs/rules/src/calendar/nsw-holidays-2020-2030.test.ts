import { BusinessCalendar } from './business-calendar';
import type { HolidayKind } from './nsw-holidays';

/**
 * Every NSW public holiday, additional holiday and Bank Holiday from 2020 to 2030, written out by
 * hand from the Public Holidays Act 2010 s4 rules as docs/rules.md §1 states them, with the declared days
 * of docs/rules.md §1. Nothing here is computed by the code under test: Easter Sundays are copied from a
 * published table (2020-04-12, 2021-04-04, 2022-04-17, 2023-04-09, 2024-03-31, 2025-04-20,
 * 2026-04-05, 2027-03-28, 2028-04-16, 2029-04-01, 2030-04-21), and weekdays below come from the
 * JavaScript Date (UTC), not from local-date.ts.
 *
 * Weekday of 1 January: 2020 Wed, 2021 Fri, 2022 Sat, 2023 Sun, 2024 Mon, 2025 Wed, 2026 Thu,
 * 2027 Fri, 2028 Sat, 2029 Mon, 2030 Tue. 2020-2022 King's Birthday was the Queen's Birthday
 * (same rule: 2nd Monday in June).
 */
const P: HolidayKind = 'public';
const A: HolidayKind = 'additional';
const B: HolidayKind = 'bank';

const HOLIDAYS: Record<number, [string, HolidayKind][]> = {
  2020: [
    ['2020-01-01', P], // Wed
    ['2020-01-27', P], // 26 Jan is a Sunday: Monday 27 instead
    ['2020-04-10', P],
    ['2020-04-11', P],
    ['2020-04-12', P],
    ['2020-04-13', P], // Easter 12 Apr
    ['2020-04-25', P], // Sat, no substitute
    ['2020-06-08', P], // 1 Jun Mon → 2nd Monday 8 Jun
    ['2020-08-03', B], // 1 Aug Sat → Mon 3
    ['2020-10-05', P], // 1 Oct Thu → Mon 5
    ['2020-12-25', P],
    ['2020-12-26', P], // Fri, Sat
    ['2020-12-28', A], // Boxing Day on Saturday → Monday 28
  ],
  2021: [
    ['2021-01-01', P], // Fri
    ['2021-01-26', P], // Tue
    ['2021-04-02', P],
    ['2021-04-03', P],
    ['2021-04-04', P],
    ['2021-04-05', P], // Easter 4 Apr
    ['2021-04-25', P], // Sun, no substitute
    ['2021-06-14', P], // 1 Jun Tue → Mondays 7, 14
    ['2021-08-02', B], // 1 Aug Sun → Mon 2
    ['2021-10-04', P], // 1 Oct Fri → Mon 4
    ['2021-12-25', P],
    ['2021-12-26', P], // Sat, Sun
    ['2021-12-27', A],
    ['2021-12-28', A], // Christmas Sat → Mon 27; Boxing Day Sun → Tue 28
  ],
  2022: [
    ['2022-01-01', P], // Sat
    ['2022-01-03', A], // additional Monday
    ['2022-01-26', P], // Wed
    ['2022-04-15', P],
    ['2022-04-16', P],
    ['2022-04-17', P],
    ['2022-04-18', P], // Easter 17 Apr
    ['2022-04-25', P], // Mon
    ['2022-06-13', P], // 1 Jun Wed → Mondays 6, 13
    ['2022-08-01', B], // 1 Aug Mon
    ['2022-09-22', P], // declared: National Day of Mourning
    ['2022-10-03', P], // 1 Oct Sat → Mon 3
    ['2022-12-25', P],
    ['2022-12-26', P], // Sun, Mon
    ['2022-12-27', A], // Christmas on Sunday → Tuesday 27
  ],
  2023: [
    ['2023-01-01', P], // Sun
    ['2023-01-02', A], // additional Monday
    ['2023-01-26', P], // Thu
    ['2023-04-07', P],
    ['2023-04-08', P],
    ['2023-04-09', P],
    ['2023-04-10', P], // Easter 9 Apr
    ['2023-04-25', P], // Tue
    ['2023-06-12', P], // 1 Jun Thu → Mondays 5, 12
    ['2023-08-07', B], // 1 Aug Tue → Mon 7
    ['2023-10-02', P], // 1 Oct Sun → Mon 2
    ['2023-12-25', P],
    ['2023-12-26', P], // Mon, Tue
  ],
  2024: [
    ['2024-01-01', P], // Mon
    ['2024-01-26', P], // Fri
    ['2024-03-29', P],
    ['2024-03-30', P],
    ['2024-03-31', P],
    ['2024-04-01', P], // Easter 31 Mar
    ['2024-04-25', P], // Thu
    ['2024-06-10', P], // 1 Jun Sat → Mondays 3, 10
    ['2024-08-05', B], // 1 Aug Thu → Mon 5
    ['2024-10-07', P], // 1 Oct Tue → Mon 7
    ['2024-12-25', P],
    ['2024-12-26', P], // Wed, Thu
  ],
  2025: [
    ['2025-01-01', P], // Wed
    ['2025-01-27', P], // 26 Jan is a Sunday: Monday 27 instead
    ['2025-04-18', P],
    ['2025-04-19', P],
    ['2025-04-20', P],
    ['2025-04-21', P], // Easter 20 Apr
    ['2025-04-25', P], // Fri
    ['2025-06-09', P], // 1 Jun Sun → Mondays 2, 9
    ['2025-08-04', B], // 1 Aug Fri → Mon 4
    ['2025-10-06', P], // 1 Oct Wed → Mon 6
    ['2025-12-25', P],
    ['2025-12-26', P], // Thu, Fri
  ],
  2026: [
    ['2026-01-01', P], // Thu
    ['2026-01-26', P], // Mon
    ['2026-04-03', P],
    ['2026-04-04', P],
    ['2026-04-05', P],
    ['2026-04-06', P], // Easter 5 Apr
    ['2026-04-25', P], // Sat
    ['2026-04-27', A], // declared additional day after Anzac Day on Saturday
    ['2026-06-08', P], // 1 Jun Mon → Mondays 1, 8
    ['2026-08-03', B], // 1 Aug Sat → Mon 3
    ['2026-10-05', P], // 1 Oct Thu → Mon 5
    ['2026-12-25', P],
    ['2026-12-26', P], // Fri, Sat
    ['2026-12-28', A], // Boxing Day on Saturday → Monday 28
  ],
  2027: [
    ['2027-01-01', P], // Fri
    ['2027-01-26', P], // Tue
    ['2027-03-26', P],
    ['2027-03-27', P],
    ['2027-03-28', P],
    ['2027-03-29', P], // Easter 28 Mar
    ['2027-04-25', P], // Sun
    ['2027-04-26', A], // declared additional day after Anzac Day on Sunday
    ['2027-06-14', P], // 1 Jun Tue → Mondays 7, 14
    ['2027-08-02', B], // 1 Aug Sun → Mon 2
    ['2027-10-04', P], // 1 Oct Fri → Mon 4
    ['2027-12-25', P],
    ['2027-12-26', P], // Sat, Sun
    ['2027-12-27', A],
    ['2027-12-28', A],
  ],
  2028: [
    ['2028-01-01', P], // Sat
    ['2028-01-03', A], // additional Monday
    ['2028-01-26', P], // Wed
    ['2028-04-14', P],
    ['2028-04-15', P],
    ['2028-04-16', P],
    ['2028-04-17', P], // Easter 16 Apr
    ['2028-04-25', P], // Tue
    ['2028-06-12', P], // 1 Jun Thu → Mondays 5, 12
    ['2028-08-07', B], // 1 Aug Tue → Mon 7
    ['2028-10-02', P], // 1 Oct Sun → Mon 2
    ['2028-12-25', P],
    ['2028-12-26', P], // Mon, Tue
  ],
  2029: [
    ['2029-01-01', P], // Mon
    ['2029-01-26', P], // Fri
    ['2029-03-30', P],
    ['2029-03-31', P],
    ['2029-04-01', P],
    ['2029-04-02', P], // Easter 1 Apr
    ['2029-04-25', P], // Wed
    ['2029-06-11', P], // 1 Jun Fri → Mondays 4, 11
    ['2029-08-06', B], // 1 Aug Wed → Mon 6
    ['2029-10-01', P], // 1 Oct Mon
    ['2029-12-25', P],
    ['2029-12-26', P], // Tue, Wed
  ],
  2030: [
    ['2030-01-01', P], // Tue
    ['2030-01-28', P], // 26 Jan is a Saturday: Monday 28 instead
    ['2030-04-19', P],
    ['2030-04-20', P],
    ['2030-04-21', P],
    ['2030-04-22', P], // Easter 21 Apr
    ['2030-04-25', P], // Thu
    ['2030-06-10', P], // 1 Jun Sat → Mondays 3, 10
    ['2030-08-05', B], // 1 Aug Thu → Mon 5
    ['2030-10-07', P], // 1 Oct Tue → Mon 7
    ['2030-12-25', P],
    ['2030-12-26', P], // Wed, Thu
  ],
};

const EXPECTED = new Map<string, HolidayKind>(Object.values(HOLIDAYS).flat());
const DAY_MS = 86_400_000;
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Every date from `from` to `to` inclusive, with its weekday (0 = Sunday … 6 = Saturday), by Date. */
function* days(from: string, to: string): Generator<[string, number]> {
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += DAY_MS) yield [isoOf(ms), new Date(ms).getUTCDay()];
}

describe('NSW holidays 2020-2030, written out by hand (rules.md §1)', () => {
  const cal = new BusinessCalendar();

  it('the hand-written list itself: sorted, no duplicates, additional days on Mondays or Tuesdays, Bank Holidays on Mondays', () => {
    for (const [year, list] of Object.entries(HOLIDAYS)) {
      const dates = list.map(([d]) => d);
      expect(dates.every((d) => d.startsWith(`${year}-`))).toBe(true);
      expect([...dates].sort()).toEqual(dates);
      expect(new Set(dates).size).toBe(dates.length);
    }
    for (const [date, kind] of EXPECTED) {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (kind === 'additional') expect([date, [1, 2].includes(weekday)]).toEqual([date, true]);
      if (kind === 'bank') expect([date, weekday]).toEqual([date, 1]);
    }
    expect(Object.values(HOLIDAYS).map((l) => l.length)).toEqual([13, 14, 15, 13, 12, 12, 14, 15, 13, 12, 12]);
  });

  it('isBusinessDay is "Monday to Friday and not in the list" on every day from 2020-01-01 to 2030-12-31', () => {
    const wrong: string[] = [];
    let count = 0;
    for (const [date, weekday] of days('2020-01-01', '2030-12-31')) {
      count++;
      const expected = weekday !== 0 && weekday !== 6 && !EXPECTED.has(date);
      if (cal.isBusinessDay(date) !== expected) wrong.push(`${date}: expected ${expected ? 'a business day' : 'not a business day'}`);
    }
    expect(count).toBe(4018); // 11 years, 3 of them leap years (2020, 2024, 2028)
    expect(wrong).toEqual([]);
  });

  it('holiday() names exactly the listed days, with their kind, and nothing else', () => {
    const wrong: string[] = [];
    for (const [date] of days('2020-01-01', '2030-12-31')) {
      const got = cal.holiday(date)?.kind;
      const expected = EXPECTED.get(date);
      if (got !== expected) wrong.push(`${date}: expected ${expected ?? 'no holiday'}, got ${got ?? 'no holiday'}`);
    }
    expect(wrong).toEqual([]);
  });

  it('holidaysIn(year) lists the same dates, year by year', () => {
    for (const [year, list] of Object.entries(HOLIDAYS)) {
      expect(cal.holidaysIn(Number(year)).map((h) => [h.date, h.kind])).toEqual(list);
    }
  });

  it('business days per year, counted by hand: 2026 has 261 weekdays and 10 holidays on weekdays', () => {
    // 2026: 365 days from Thursday = 52 weeks + 1 day (Thu): 261 weekdays. Weekday holidays: 1 Jan,
    // 26 Jan, 3 Apr, 6 Apr, 27 Apr, 8 Jun, 3 Aug, 5 Oct, 25 Dec, 28 Dec = 10 → 251 business days.
    let n = 0;
    for (const [date] of days('2026-01-01', '2026-12-31')) if (cal.isBusinessDay(date)) n++;
    expect(n).toBe(251);
  });
});
