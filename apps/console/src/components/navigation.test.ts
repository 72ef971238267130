import { homeOf, isCurrent, navigationFor } from './navigation';

describe('navigation by role', () => {
  it('offers each role its own pages, its home first', () => {
    expect(navigationFor('case-manager').map((i) => i.label)).toEqual(['My work', 'Claims', 'Letters to post']);
    expect(navigationFor('team-leader').map((i) => i.label)).toEqual(['Escalations', "Team's work", 'Claims', 'Backdated actions', 'Letters to post', 'Approvals']);
    expect(navigationFor('payments-officer').map((i) => i.label)).toEqual(['Payments', 'Payment runs', 'Wage schedules', 'Discrepancies', 'Approvals']);
    expect(homeOf('team-leader')).toBe('/escalations');
    expect(homeOf('payments-officer')).toBe('/payments');
    expect(homeOf('case-manager')).toBe('/');
    expect(navigationFor('privacy-officer').map((i) => i.label)).toEqual(['Health information reads']);
    expect(homeOf('privacy-officer')).toBe('/audit/health-reads');
    // Roles with no pages of their own yet keep My work.
    expect(homeOf('reviewer')).toBe('/');
  });

  it('marks the page shown, and the pages under it', () => {
    const [payments, runs] = navigationFor('payments-officer');
    expect(isCurrent(payments, '/', 'payments-officer')).toBe(true);
    expect(isCurrent(payments, '/payments', 'payments-officer')).toBe(true);
    expect(isCurrent(runs, '/payment-runs/7b0c', 'payments-officer')).toBe(true);
    expect(isCurrent(payments, '/payment-runs/7b0c', 'payments-officer')).toBe(false);
    const [myWork] = navigationFor('case-manager');
    expect(isCurrent(myWork, '/', 'case-manager')).toBe(true);
    expect(isCurrent(myWork, '/my-work', 'case-manager')).toBe(true);
    expect(isCurrent(myWork, '/claims/abc', 'case-manager')).toBe(false);
    // A claim's page is under Claims, the list it is found in.
    const [, claims] = navigationFor('case-manager');
    expect(isCurrent(claims, '/claims/abc', 'case-manager')).toBe(true);
    expect(isCurrent(claims, '/', 'case-manager')).toBe(false);
    const [, team] = navigationFor('team-leader');
    expect(isCurrent(team, '/team/cm.sam', 'team-leader')).toBe(true);
  });
});
