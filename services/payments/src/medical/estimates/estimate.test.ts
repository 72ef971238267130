import { builtInTables, computeWeeklyCompensation } from '@wc/rules';
import { EstimateFacts, estimate } from './estimate';

/** A worker with no capacity from Mon 2 Mar 2026, P = 1000: weeks 1-13 are 950.00, later ones 800.00 (s36, s37). */
const tables = { ...builtInTables(), maxWeeklyCompensation: [{ from: '2025-10-01', amount: '2600.00' }], indexation: [] };
const valued = (asAt: string, to = '2026-12-31') =>
  computeWeeklyCompensation({
    piawe: '1000.00',
    certificates: [{ capacity: 'none', from: '2026-03-02', to, receivedOn: '2026-03-03' }],
    liability: [{ on: '2026-03-03', decision: 'accepted' }],
    earnings: [],
    through: asAt,
    includeBlockInProgress: true,
    tables,
  });
const facts = (o: Partial<EstimateFacts> = {}): EstimateFacts => ({
  asAt: '2026-04-05',
  weekly: valued('2026-04-05'),
  certifiedTo: '2026-04-26',
  noLongerPayableFrom: null,
  weeksCap: 260,
  weeklyOwed: '0.00',
  approvals: [],
  heldCharged: '0.00',
  undecidedRequests: '0.00',
  ...o,
});

describe('the estimate (what the claim will still cost), worked by hand', () => {
  it('weekly: owed weeks, then the latest week’s rate for each certified day ahead', () => {
    // As at Sun 5 Apr: 5 weeks ended (2 Mar-5 Apr), the latest 950.00. Certified to 26 Apr: 21 days ahead = 3 weeks × 950.00.
    const e = estimate(facts({ weeklyOwed: '1900.00' }));
    expect(e.weekly).toMatchObject({ amount: '4750.00', method: 'certified incapacity at the current rate' });
    expect(e.weekly.counted).toContain('1900.00 owed');
    expect(e.weekly.counted).toContain('21 certified days ahead');
  });

  it('weekly: nothing ahead past a discontinuance, and never past week 260', () => {
    // Discontinued from 12 Apr: certified days ahead end on 11 Apr, 6 days: 6/7 × 950.00 = 814.29 (rounded at the end).
    expect(estimate(facts({ noLongerPayableFrom: '2026-04-12' })).weekly.amount).toBe('814.29');
    // Only 2 weeks left under the cap: 14 days × 950.00 / 7.
    expect(estimate(facts({ weeksCap: 7 })).weekly.amount).toBe('1900.00');
    expect(estimate(facts({ certifiedTo: '2026-04-01' })).weekly.amount).toBe('0.00');
  });

  it('medical: unused approved units at the fee, held lines, undecided requests; other: none, and says why', () => {
    const e = estimate(facts({ approvals: [{ unitsLeft: 3, maxFeePerUnit: '95.40', items: ['PTA002'] }], heldCharged: '4000.00', undecidedRequests: '540.00' }));
    // 3 × 95.40 = 286.20; + 4000.00 + 540.00 = 4826.20.
    expect(e.medical).toMatchObject({ amount: '4826.20', method: 'approvals and held lines' });
    expect(e.other.amount).toBe('0.00');
    expect(e.other.counted).toMatch(/none are estimated/);
    // Weekly: nothing owed, 21 certified days × 950.00 / 7 = 2850.00; total 2850.00 + 4826.20.
    expect(e.total).toBe('7676.20');
  });
});
