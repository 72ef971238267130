import { daysBetween, formatDate, formatDateTime, formatMoney, sydneyToday } from './format';

describe('Sydney dates', () => {
  it('is already tomorrow in Sydney when it is still today in UTC (AEDT, UTC+11)', () => {
    expect(sydneyToday(new Date('2026-12-06T13:30:00Z'))).toBe('2026-12-07');
    expect(sydneyToday(new Date('2026-12-06T12:59:00Z'))).toBe('2026-12-06');
  });

  it('follows daylight saving: UTC+10 in winter', () => {
    expect(sydneyToday(new Date('2026-07-01T13:59:00Z'))).toBe('2026-07-01');
    expect(sydneyToday(new Date('2026-07-01T14:00:00Z'))).toBe('2026-07-02');
  });

  it('writes a calendar day as that day, whatever the time zone of the machine', () => {
    expect(formatDate('2026-11-17')).toBe('Tue, 17 Nov 2026');
    expect(formatDate('2027-01-01')).toBe('Fri, 1 Jan 2027');
    expect(formatDate('soon')).toBe('soon');
  });

  it("writes an instant on Sydney's clock, with its zone", () => {
    expect(formatDateTime('2026-11-16T23:15:00Z')).toMatch(/^17 Nov 2026, 10:15\s?am AEDT$/);
    expect(formatDateTime('2026-07-01T00:00:00Z')).toMatch(/^1 July 2026, 10:00\s?am AEST$/);
  });

  it('counts whole days between calendar days, across a change of daylight saving', () => {
    expect(daysBetween('2026-10-03', '2026-10-05')).toBe(2);
    expect(daysBetween('2026-11-17', '2026-11-16')).toBe(-1);
  });
});

describe('money', () => {
  it('formats the decimal string exactly, as Australian dollars', () => {
    expect(formatMoney('1234.5')).toBe('$1,234.50');
    expect(formatMoney('9999999999.99')).toBe('$9,999,999,999.99');
    expect(formatMoney('-12.30')).toBe('-$12.30');
  });

  it('rounds the decimal, not its nearest binary fraction', () => {
    // As a number 1.005 is 1.00499999999999989...: it would show as $1.00.
    expect(formatMoney('1.005')).toBe('$1.01');
    expect(formatMoney('0.125')).toBe('$0.13');
  });

  it('shows anything that is not a decimal as it came', () => {
    expect(formatMoney('n/a')).toBe('n/a');
  });
});
