import fc from 'fast-check';
import { BusinessCalendar } from './business-calendar';
import { builtInDeclaredDays, standardHolidays } from './nsw-holidays';
import { easterSunday } from './easter';
import { addDays, addMonthsClamped, addYearsClamped, fromDayNumber, isLocalDate, isoWeekday, toDayNumber } from './local-date';
import { parseEventTime, sydneyAt, sydneyInstant } from './sydney-time';

const cal = new BusinessCalendar();
const holidayDates = (year: number) => cal.holidaysIn(year).map((h) => h.date);

describe('Easter (computus)', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('%i → %s', (year, date) => expect(easterSunday(year)).toBe(date));
});

describe('NSW holidays (Public Holidays Act 2010 s4; nsw-facts §5 derived table)', () => {
  it('2025: Australia Day on Sunday moves to Monday 27 Jan; Bank Holiday 4 Aug', () => {
    expect(holidayDates(2025)).toEqual([
      '2025-01-01',
      '2025-01-27',
      '2025-04-18',
      '2025-04-19',
      '2025-04-20',
      '2025-04-21',
      '2025-04-25',
      '2025-06-09',
      '2025-08-04',
      '2025-10-06',
      '2025-12-25',
      '2025-12-26',
    ]);
    expect(cal.holiday('2025-01-26')).toBeUndefined();
  });

  it('2026: Anzac Day on Saturday stays, with the declared additional Monday 27 Apr; Boxing Day on Saturday adds Monday 28 Dec', () => {
    expect(holidayDates(2026)).toEqual([
      '2026-01-01',
      '2026-01-26',
      '2026-04-03',
      '2026-04-04',
      '2026-04-05',
      '2026-04-06',
      '2026-04-25',
      '2026-04-27',
      '2026-06-08',
      '2026-08-03',
      '2026-10-05',
      '2026-12-25',
      '2026-12-26',
      '2026-12-28',
    ]);
    expect(cal.isBusinessDay('2026-04-27')).toBe(false);
    // s4 alone gives no substitute for Anzac Day: 27 Apr is a holiday only because it was declared (docs/rules.md §1).
    expect(standardHolidays(2026).map((h) => h.date)).not.toContain('2026-04-27');
    expect(new BusinessCalendar(builtInDeclaredDays(1)).isBusinessDay('2026-04-27')).toBe(true);
  });

  it('2027: the declared Monday 26 Apr after Anzac Day on Sunday; Christmas on Saturday → Mon 27; Boxing Day on Sunday → Tue 28', () => {
    expect(holidayDates(2027)).toEqual([
      '2027-01-01',
      '2027-01-26',
      '2027-03-26',
      '2027-03-27',
      '2027-03-28',
      '2027-03-29',
      '2027-04-25',
      '2027-04-26',
      '2027-06-14',
      '2027-08-02',
      '2027-10-04',
      '2027-12-25',
      '2027-12-26',
      '2027-12-27',
      '2027-12-28',
    ]);
  });

  it('Anzac Day on Easter Monday is one date, with no substitute (2011)', () => {
    expect(cal.holiday('2011-04-25')).toBeDefined();
    expect(cal.isBusinessDay('2011-04-26')).toBe(true);
  });

  it('New Year on a weekend keeps 1 Jan and adds the following Monday (2028 Sat, 2034 Sun)', () => {
    expect(holidayDates(2028).slice(0, 2)).toEqual(['2028-01-01', '2028-01-03']);
    expect(holidayDates(2034).slice(0, 2)).toEqual(['2034-01-01', '2034-01-02']);
    expect(cal.holiday('2028-01-03')?.kind).toBe('additional');
  });

  it('Christmas on Sunday → additional Tuesday 27 (2022), Christmas on Friday → Monday 28 for Boxing Day (2026)', () => {
    expect(holidayDates(2022)).toEqual(expect.arrayContaining(['2022-12-25', '2022-12-26', '2022-12-27']));
    expect(holidayDates(2022)).not.toContain('2022-12-28');
    expect(cal.holiday('2026-12-28')?.name).toBe('Boxing Day (additional)');
  });

  it("Labour Day 2024 is Monday 7 October (S88); King's Birthday is the 2nd Monday in June", () => {
    expect(cal.holiday('2024-10-07')?.name).toBe('Labour Day');
    expect(cal.holiday('2024-06-10')?.name).toBe("King's Birthday");
  });

  it('the Bank Holiday is not a public holiday but is not a business day', () => {
    expect(cal.holiday('2026-08-03')?.kind).toBe('bank');
    expect(cal.isBusinessDay('2026-08-03')).toBe(false);
  });

  it('days the Minister declares come from data, and may replace a standard day', () => {
    expect(cal.isBusinessDay('2022-09-22')).toBe(false);
    const custom = new BusinessCalendar([
      { date: '2030-03-04', name: 'Declared day', kind: 'public', source: 'test order' },
      { date: '2030-06-17', name: "King's Birthday (moved)", kind: 'public', source: 'test order', replaces: '2030-06-10' },
    ]);
    expect(custom.isBusinessDay('2030-03-04')).toBe(false);
    expect(custom.isBusinessDay('2030-06-10')).toBe(true);
    expect(custom.isBusinessDay('2030-06-17')).toBe(false);
    expect(() => new BusinessCalendar([{ date: '2030-02-30', name: 'x', kind: 'public', source: 's' }])).toThrow(/YYYY-MM-DD/);
  });
});

describe('counting (rules.md §1)', () => {
  it('N business days after skips weekends and Easter (significance 31 Mar 2026 → contact due 7 Apr)', () => {
    expect(cal.businessDaysAfter('2026-03-31', 3)).toBe('2026-04-07');
    // April 2026: 1-2 (2), 7-10 (6), 13-17 (11), 20-24 (16), 28-30 (19; Mon 27 declared), Fri 1 May (20).
    expect(cal.businessDaysAfter('2026-03-31', 20)).toBe('2026-05-01');
    expect(cal.businessDaysAfter('2026-03-03', 20)).toBe('2026-03-31');
  });

  it('N business days before (case conference agenda)', () => {
    expect(cal.businessDaysBefore('2026-04-08', 3)).toBe('2026-04-01');
    expect(cal.businessDaysBefore('2026-12-30', 3)).toBe('2026-12-23');
  });

  it('N days after rolls a non-business last day forward (Interpretation Act s36(2); nsw-facts §9.3)', () => {
    expect(cal.daysAfter('2025-06-02', 7)).toBe('2025-06-10'); // 9 Jun 2025 is King's Birthday
    expect(cal.daysAfter('2025-06-02', 21)).toBe('2025-06-23');
    expect(cal.daysAfter('2026-03-31', 7)).toBe('2026-04-07');
    expect(cal.daysAfter('2026-12-19', 7)).toBe('2026-12-29'); // Sat 26 (Boxing Day), Mon 28 additional
    expect(cal.daysAfter('2026-07-27', 7)).toBe('2026-08-04'); // the Bank Holiday counts as excluded
  });

  it('weeks and years; 29 February becomes 28 February', () => {
    expect(cal.weeksAfter('2026-03-02', 13)).toBe('2026-06-01');
    expect(addYearsClamped('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYearsClamped('2028-02-29', 4)).toBe('2032-02-29');
    expect(cal.yearsAfter('2028-02-29', 2)).toBe('2030-02-28');
    expect(cal.yearsAfter('2025-03-01', 1)).toBe('2026-03-02'); // Sunday 1 Mar 2026 rolls to Monday
  });

  it('refuses a count below 1', () => {
    expect(() => cal.businessDaysAfter('2026-01-01', 0)).toThrow(/≥ 1/);
  });
});

describe('Sydney time', () => {
  it('a date alone means 12:00 Sydney', () => {
    expect(parseEventTime('2026-03-04')).toEqual({ date: '2026-03-04', minuteOfDay: 720 });
  });

  it('converts UTC and offset timestamps to the Sydney date', () => {
    expect(parseEventTime('2026-03-03T10:15:00+11:00')).toEqual({ date: '2026-03-03', minuteOfDay: 615 });
    expect(parseEventTime('2026-03-02T14:30:00Z').date).toBe('2026-03-03'); // 01:30 AEDT
    expect(parseEventTime('2026-07-13T13:59:00Z')).toEqual({ date: '2026-07-13', minuteOfDay: 23 * 60 + 59 });
    expect(parseEventTime('2026-07-13T14:00:00Z')).toEqual({ date: '2026-07-14', minuteOfDay: 0 });
  });

  it('follows the DST changes (AEDT ends 5 Apr 2026 03:00, begins 4 Oct 2026 02:00)', () => {
    expect(sydneyAt(Date.parse('2026-04-04T15:59:00Z'))).toEqual({ date: '2026-04-05', minuteOfDay: 2 * 60 + 59 });
    expect(sydneyAt(Date.parse('2026-04-04T16:30:00Z'))).toEqual({ date: '2026-04-05', minuteOfDay: 2 * 60 + 30 });
    expect(sydneyAt(Date.parse('2026-10-03T16:00:00Z'))).toEqual({ date: '2026-10-04', minuteOfDay: 3 * 60 });
    expect(new Date(sydneyInstant('2026-04-05', 9 * 60)).toISOString()).toBe('2026-04-04T23:00:00.000Z');
    expect(new Date(sydneyInstant('2026-04-04', 9 * 60)).toISOString()).toBe('2026-04-03T22:00:00.000Z');
    expect(new Date(sydneyInstant('2026-10-04', 9 * 60)).toISOString()).toBe('2026-10-03T22:00:00.000Z');
  });

  it('refuses timestamps without an offset', () => {
    expect(() => parseEventTime('2026-03-03T10:15:00')).toThrow(/offset/);
  });
});

describe('properties', () => {
  const anyDate = fc.integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2100-12-31') }).map(fromDayNumber);

  it('"N business days after D" is a business day with exactly N−1 business days strictly between', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 40 }), (d, n) => {
        const due = cal.businessDaysAfter(d, n);
        return cal.isBusinessDay(due) && cal.businessDaysBetween(d, due) === n - 1 && due > d;
      }),
    );
  });

  it('"N business days before D" is a business day with exactly N−1 business days strictly between', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 40 }), (d, n) => {
        const due = cal.businessDaysBefore(d, n);
        return cal.isBusinessDay(due) && cal.businessDaysBetween(due, d) === n - 1 && due < d;
      }),
    );
  });

  it('"N days after D" is a business day, at least D + N, and no business day lies between D + N and it', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 400 }), (d, n) => {
        const due = cal.daysAfter(d, n);
        const plain = addDays(d, n);
        return cal.isBusinessDay(due) && due >= plain && (due === plain || cal.businessDaysBetween(addDays(plain, -1), due) === 0);
      }),
    );
  });

  it('every year has 11 to 14 standard holiday dates, additional days only on Mondays and Tuesdays', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2200 }), (year) => {
        const hs = [...new Map(standardHolidays(year).map((h) => [h.date, h])).values()];
        // Declared days come on top of these; 11 when Anzac Day falls on Easter Sunday or Monday (2011, 2038): two holidays, one date.
        return hs.filter((h) => h.kind === 'additional').every((h) => isoWeekday(h.date) <= 2) && hs.length >= 11 && hs.length <= 14;
      }),
    );
  });
});

describe('local dates', () => {
  it('keeps years 0–99 as written and refuses impossible dates', () => {
    expect(fromDayNumber(toDayNumber('0026-03-01'))).toBe('0026-03-01');
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2028-02-29')).toBe(true);
  });
});

describe('day numbers (integer arithmetic) agree with the JavaScript Date reference', () => {
  const reference = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
  it('round-trips and matches Date for every day from 1900 to 2199', () => {
    for (let day = toDayNumber('1900-01-01'); day <= toDayNumber('2199-12-31'); day++) {
      const text = fromDayNumber(day);
      if (text !== reference(day) || toDayNumber(text) !== day) throw new Error(`day ${day}: ${text} vs ${reference(day)}`);
    }
  });
  it('property: arbitrary days far out', () => {
    fc.assert(fc.property(fc.integer({ min: -600_000, max: 2_900_000 }), (day) => toDayNumber(fromDayNumber(day)) === day));
  });
  it('normalises an impossible day the way Date does (callers validate first)', () => {
    expect(fromDayNumber(toDayNumber('2023-02-29'))).toBe('2023-03-01');
    expect(fromDayNumber(toDayNumber('2024-04-31'))).toBe('2024-05-01');
  });
});

describe('months (rules.md §8.3: the same day of the month, or the last day of a shorter month)', () => {
  it.each([
    ['2027-05-17', 3, '2027-08-17'],
    ['2026-05-31', 3, '2026-08-31'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2027-11-30', 3, '2028-02-29'],
    ['2026-10-31', 3, '2027-01-31'],
    ['2026-12-31', 2, '2027-02-28'],
  ])('%s + %i months = %s', (from, months, expected) => expect(addMonthsClamped(from, months)).toBe(expected));

  it('never goes past the end of the target month and keeps the day when it can', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2060-12-31') }), fc.integer({ min: 0, max: 36 }), (n, months) => {
        const from = fromDayNumber(n);
        const to = addMonthsClamped(from, months);
        const [fy, fm, fd] = from.split('-').map(Number);
        const [ty, tm, td] = to.split('-').map(Number);
        expect(ty * 12 + tm - (fy * 12 + fm)).toBe(months);
        if (td !== fd) expect(addDays(to, 1).slice(8)).toBe('01'); // clamped to the month's last day
        expect(td).toBeLessThanOrEqual(fd);
      }),
    );
  });
});
