import { mayApprove, mayProposeLimit, payeeChangeNeedsSecondPerson } from './dual-control';
import type { PaymentClaim } from '../claims/payment-claims.service';

const claim = (over: Partial<PaymentClaim> = {}): PaymentClaim => ({
  claimId: 'c',
  claimNumber: 'WC1',
  workerName: 'Ari',
  employerName: 'E',
  employerPolicyNumber: 'P',
  dateOfInjury: '2026-01-01',
  paidBy: 'insurer',
  worker: null,
  employer: null,
  ...over,
});
const account = { bsb: '062-000', account: '12345678', accountTitle: 'A THOMPSON', taxScale: 'tax-free-threshold' as const };

describe('a payee change', () => {
  it('the first account is recorded at once', () => {
    expect(payeeChangeNeedsSecondPerson(claim(), { paidBy: 'insurer', worker: account })).toBe(false);
  });
  it('the same account again (a tax scale corrected) needs no second person', () => {
    expect(payeeChangeNeedsSecondPerson(claim({ worker: account }), { paidBy: 'insurer', worker: { ...account, taxScale: 'no-tax-free-threshold' as const } })).toBe(false);
  });
  it('another account, or paying someone else, waits for a second person', () => {
    expect(payeeChangeNeedsSecondPerson(claim({ worker: account }), { paidBy: 'insurer', worker: { ...account, account: '87654321' } })).toBe(true);
    expect(payeeChangeNeedsSecondPerson(claim({ worker: account }), { paidBy: 'employer', employer: { bsb: '062-111', account: '1', accountTitle: 'E' } })).toBe(true);
  });
});

describe('who proposes and who approves', () => {
  it('nobody proposes their own limit', () => {
    expect(mayProposeLimit('user:ann', { user: 'ann', role: 'admin' })).toMatch(/own authority limit/);
    expect(mayProposeLimit('user:paul', { user: 'ann', role: 'admin' })).toBeNull();
    expect(mayProposeLimit('role:payments-officer', { user: 'ann', role: 'admin' })).toBeNull();
  });
  it('the approver is a second person, never the one whose limit it is', () => {
    const limit = { kind: 'authority-limit' as const, subject: 'user:paul', proposedBy: 'ann' };
    expect(mayApprove(limit, { user: 'ann', role: 'admin' })).toMatch(/another person/);
    expect(mayApprove(limit, { user: 'paul', role: 'admin' })).toMatch(/own authority limit/);
    expect(mayApprove(limit, { user: 'bo', role: 'payments-officer' })).toMatch(/administrator/);
    expect(mayApprove(limit, { user: 'bo', role: 'admin' })).toBeNull();
  });
  it("a payee's account is approved by another payments officer or a team leader", () => {
    const payee = { kind: 'payee' as const, subject: 'claim', proposedBy: 'olivia' };
    expect(mayApprove(payee, { user: 'olivia', role: 'payments-officer' })).toMatch(/another person/);
    expect(mayApprove(payee, { user: 'paul', role: 'payments-officer' })).toBeNull();
    expect(mayApprove(payee, { user: 'tess', role: 'team-leader' })).toBeNull();
    expect(mayApprove(payee, { user: 'cara', role: 'case-manager' })).toMatch(/payments officer or a team leader/);
  });
});

it('corrected rate tables are approved by another team leader or an administrator', () => {
  const tables = { kind: 'rate-tables' as const, subject: 'parameters', proposedBy: 'tess' };
  expect(mayApprove(tables, { user: 'tess', role: 'team-leader' })).toMatch(/another person/);
  expect(mayApprove(tables, { user: 'omar', role: 'team-leader' })).toBeNull();
  expect(mayApprove(tables, { user: 'abe', role: 'admin' })).toBeNull();
  expect(mayApprove(tables, { user: 'paul', role: 'payments-officer' })).toMatch(/team leader or an administrator/);
});
