/**
 * A week already paid is never paid again (issue 14): a certificate that starts before the first
 * moves the claim's entitlement weeks, and its new weeks would cover days already paid. They are
 * not generated; the payments officer is told to revalue the claim with a remediation.
 */
import type { ClaimEvent } from '@wc/contracts';
import { Person, apiCaller, publishActions, publishClaim, setInterimPiawe } from '../test-support/claim-facts-harness';
import { paymentsForTests } from '../test-support/payments-app';

jest.setTimeout(180_000);

const bed = paymentsForTests('paid-weeks-test');
const call = apiCaller(() => bed.payments.base);
const OLIVIA: Person = ['olivia', 'payments-officer'];
const CARA: Person = ['cara', 'case-manager'];

it('a certificate from before the first never makes days already paid payable again', async () => {
  const claimNumber = `P${Date.now().toString().slice(-7)}`;
  // Injured Mon 2 Feb; the first certificate (no capacity) starts Thu 5 Feb.
  const claimId = await publishClaim(bed.publisher, bed.payments.db, {
    claimNumber,
    policy: 'WI-PAID',
    doi: '2026-02-02',
    assignment: { caseManager: CARA[0], teamLeader: null },
    actions: [
      { type: 'liability.provisional', at: '2026-02-05T10:00:00+11:00' },
      { type: 'certificate.received', at: '2026-02-05T10:05:00+11:00', capacity: 'none', from: '2026-02-05', to: '2026-05-31' },
    ] as ClaimEvent[],
  });
  expect(
    (await call(OLIVIA, 'PUT', `/claims/${claimId}/payee`, { paidBy: 'insurer', worker: { bsb: '062-000', account: '12345678', accountTitle: 'NGUYEN ALEX', taxScale: 'tax-free-threshold' } })).status,
  ).toBe(200);
  // Issue 14: in force once a second person (Olivia, a payments officer) approves it.
  await setInterimPiawe(call, claimId, { maker: CARA, approver: OLIVIA, amount: '1000.00', reason: 'employer estimate' });
  const first = await call(OLIVIA, 'POST', `/claims/${claimId}/weekly-payments/generate`, { through: '2026-02-25' });
  expect(first.status).toBe(200);
  const paidBefore = first.body.generated.map((g: { from: string; to: string }) => [g.from, g.to]);
  expect(paidBefore.length).toBeGreaterThan(0);

  // A certificate arrives for Mon 2 to Wed 4 Feb: the weeks now start on 2 Feb.
  await publishActions(bed.publisher, bed.payments.db, {
    claimId,
    claimNumber,
    actions: [{ type: 'certificate.received', at: '2026-02-27T09:00:00+11:00', capacity: 'none', from: '2026-02-02', to: '2026-02-04' }] as ClaimEvent[],
  });
  const again = await call(OLIVIA, 'POST', `/claims/${claimId}/weekly-payments/generate`, { through: '2026-03-04' });
  expect(again.status).toBe(200);
  expect(again.body.warnings.some((w: string) => /overlaps week \d+ already paid .*revalue the claim with a remediation/.test(w))).toBe(true);

  // No two payments of the claim cover the same day.
  const rows: { from: string; to: string }[] = (
    await bed.payments.db.query(
      `SELECT period_from::text AS from, period_to::text AS to FROM payments.payments WHERE claim_id = $1 AND kind = 'weekly' AND status <> 'cancelled' ORDER BY period_from`,
      [claimId],
    )
  ).rows;
  for (let i = 1; i < rows.length; i++) expect(rows[i].from > rows[i - 1].to).toBe(true);
});
