import { columnName, scheduleProblemsOf } from './schedule-problems';

describe("a refused schedule's problems", () => {
  it('reads each problem with its line and column, in line order', () => {
    const body = {
      statusCode: 422,
      message: 'the schedule has problems; nothing was stored',
      problems: [
        { line: 3, column: 'period_end', message: 'must not be before period_start' },
        { line: 2, column: 'gross_earnings', message: 'must be an amount', field: 'lines[0].grossEarnings' },
        { line: 2, column: 'claim_number', message: 'must not be empty' },
        { field: 'body', problem: 'not a schedule problem' },
      ],
    };
    expect(scheduleProblemsOf(body)).toEqual([
      { line: 2, column: 'claim_number', message: 'must not be empty' },
      { line: 2, column: 'gross_earnings', message: 'must be an amount' },
      { line: 3, column: 'period_end', message: 'must not be before period_start' },
    ]);
  });

  it('finds none in an answer without them', () => {
    expect(scheduleProblemsOf({ message: 'no' })).toEqual([]);
    expect(scheduleProblemsOf('text')).toEqual([]);
    expect(scheduleProblemsOf(null)).toEqual([]);
  });

  it('names a column in words', () => {
    expect(columnName('compensation_paid')).toBe('compensation paid');
    expect(columnName('header')).toBe('header');
  });
});
