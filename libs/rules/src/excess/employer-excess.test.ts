import { ParameterTables } from '../parameters';
import { employerExcess } from './employer-excess';

const tables: ParameterTables = {
  maxWeeklyCompensation: [{ from: '2024-10-01', amount: '2523.00' }],
  indexation: [],
  employerExcessCap: [{ from: '2024-07-01', amount: '1999.30' }],
};
const at = (piawe: string, firstReceivedOn: string) => employerExcess({ piawe, dateOfInjury: '2025-03-03', employerAwareOn: '2025-03-03', firstReceivedOn, tables });

describe('employer excess (1987 Act s160; nsw-facts §9.4)', () => {
  it('is 0 when notified within 5 days (day 3, and day 5 exactly)', () => {
    expect(at('1000.00', '2025-03-06').amount).toBe('0.00');
    expect(at('1000.00', '2025-03-08').amount).toBe('0.00');
  });

  it('is the s36 weekly amount when notified on day 6', () => {
    expect(at('1000.00', '2025-03-09').amount).toBe('950.00');
  });

  it('is capped at the excess cap', () => {
    expect(at('2315.79', '2025-03-09').amount).toBe('1999.30'); // 0.95 × 2315.79 = 2200.00
  });

  it('rounds 0.95 × PIAWE to cents half up', () => {
    expect(at('1234.57', '2025-03-10').amount).toBe('1172.84');
    expect(at('1000.10', '2025-03-10').amount).toBe('950.10'); // 950.095 → 950.10
  });

  it('uses MAX on the date of injury when 0.95 × PIAWE is above it', () => {
    const r = employerExcess({
      piawe: '3000.00',
      dateOfInjury: '2025-03-03',
      employerAwareOn: '2025-03-03',
      firstReceivedOn: '2025-03-20',
      tables: { ...tables, employerExcessCap: [{ from: '2024-07-01', amount: '5000.00' }] },
    });
    expect(r.amount).toBe('2523.00');
    expect(r.warnings).toEqual([]);
  });

  it('refuses a date of injury before the first row of a table', () => {
    expect(() => employerExcess({ piawe: '1000.00', dateOfInjury: '2020-01-01', employerAwareOn: '2020-01-01', firstReceivedOn: '2020-01-20', tables })).toThrow(/no row in force on 2020-01-01/);
  });
});
