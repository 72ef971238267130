import { isOperationsRoute, operationsHrefs, operationsRouteOf } from './operations-routes';

describe("the team leader's, the payments officer's and the privacy officer's addresses", () => {
  it('finds each page from its path', () => {
    expect(operationsRouteOf('/escalations')).toEqual({ page: 'escalations' });
    expect(operationsRouteOf('/team')).toEqual({ page: 'team-work' });
    expect(operationsRouteOf('/team/cm.sam')).toEqual({ page: 'team-work', caseManager: 'cm.sam' });
    expect(operationsRouteOf('/audit/backdated-actions/')).toEqual({ page: 'backdated-actions' });
    expect(operationsRouteOf('/payments')).toEqual({ page: 'payments' });
    expect(operationsRouteOf('/payment-runs/1f0e')).toEqual({ page: 'payment-run', runId: '1f0e' });
    expect(operationsRouteOf('/wage-reimbursement-schedules/9a')).toEqual({ page: 'schedule', scheduleId: '9a' });
    expect(operationsRouteOf('/discrepancies')).toEqual({ page: 'discrepancies' });
    expect(operationsRouteOf('/approvals')).toEqual({ page: 'approvals' });
    expect(operationsRouteOf('/audit/health-reads')).toEqual({ page: 'health-reads' });
    expect(operationsRouteOf('/payments/claims/c1')).toEqual({ page: 'payment-claim', claimId: 'c1' });
    expect(operationsRouteOf('/claims/abc')).toBeUndefined();
    expect(operationsRouteOf('/payment-runs/a/b')).toBeUndefined();
  });

  it('makes the paths it reads', () => {
    expect(operationsRouteOf(operationsHrefs.teamWork('kim lee'))).toEqual({ page: 'team-work', caseManager: 'kim lee' });
    expect(operationsRouteOf(operationsHrefs.paymentRun('r/1'))).toEqual({ page: 'payment-run', runId: 'r/1' });
    expect(operationsRouteOf(operationsHrefs.paymentClaim('c/1'))).toEqual({ page: 'payment-claim', claimId: 'c/1' });
  });

  it('tells its routes from the others', () => {
    expect(isOperationsRoute({ page: 'payment-run' })).toBe(true);
    expect(isOperationsRoute({ page: 'claim' })).toBe(false);
  });
});
