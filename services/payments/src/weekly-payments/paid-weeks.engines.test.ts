/**
 * A week already paid is never paid again (issue 14): a certificate that starts before the first
 * moves the claim's entitlement weeks, and its new weeks would cover days already paid. They are
 * not generated; the payments officer is told so. A late certificate is a fact that changes the past
 * (issue 15): the weeks already valued are valued again as it arrives, by a remediation of the claim,
 * which cancels a payment not yet authorised that is now worth another amount.
 */
import type { ClaimEvent } from '@wc/contracts';
import { Person, apiCaller, publishActions, publishClaim, setInterimPiawe } from '../test-support/claim-facts-harness';
import { paymentsForTests } from '../test-support/payments-app';

jest.setTimeout(180_000);

const bed = paymentsForTests('paid-weeks-test');
const call = apiCaller(() => bed.payments.base);
const OLIVIA: Person = ['olivia', 'payments-officer'];
const CARA: Person = ['cara', 'case-manager'];
const PAUL: Person = ['paul', 'payments-officer'];

const remediationsOf = async (claimId: string): Promise<{ reason: string; status: string }[]> =>
  (await bed.payments.db.query(`SELECT reason, status FROM payments.remediations WHERE $1 = ANY(claim_ids) ORDER BY created_at`, [claimId])).rows;

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
  // Authorised by a second officer: weeks the claim has been paid, for what follows.
  expect((await call(PAUL, 'POST', '/payments/authorise', { ids: first.body.generated.map((g: { id: string }) => g.id) })).status).toBe(200);

  // A certificate arrives for Mon 2 to Wed 4 Feb: the weeks now start on 2 Feb.
  await publishActions(bed.publisher, bed.payments.db, {
    claimId,
    claimNumber,
    actions: [{ type: 'certificate.received', at: '2026-02-27T09:00:00+11:00', capacity: 'none', from: '2026-02-02', to: '2026-02-04' }] as ClaimEvent[],
  });
  // Issue 15: the weeks already paid are valued again as the certificate arrives, not when someone notices.
  expect(await remediationsOf(claimId)).toEqual([{ reason: 'a certificate for days already valued (certificate.received from 2026-02-02, recorded by cara)', status: 'complete' }]);
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

it('a late certificate cancels the weeks generated and not yet authorised that it changes, and they are generated again from the right days', async () => {
  const claimNumber = `Q${Date.now().toString().slice(-7)}`;
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
  await setInterimPiawe(call, claimId, { maker: CARA, approver: OLIVIA, amount: '1000.00', reason: 'employer estimate' });
  const first = await call(OLIVIA, 'POST', `/claims/${claimId}/weekly-payments/generate`, { through: '2026-02-25' });
  expect(first.status).toBe(200);
  expect(first.body.generated[0].from).toBe('2026-02-05');

  await publishActions(bed.publisher, bed.payments.db, {
    claimId,
    claimNumber,
    actions: [{ type: 'certificate.received', at: '2026-02-27T09:00:00+11:00', capacity: 'none', from: '2026-02-02', to: '2026-02-04' }] as ClaimEvent[],
  });
  // None of them was authorised: each is now worth another amount (its week moved), so none is paid at the old one.
  const statuses = (await bed.payments.db.query(`SELECT id, status FROM payments.payments WHERE claim_id = $1 ORDER BY period_from`, [claimId])).rows;
  expect(statuses.map((r: { status: string }) => r.status)).toEqual(first.body.generated.map(() => 'cancelled'));
  expect((await remediationsOf(claimId)).map((r) => r.status)).toEqual(['complete']);

  const again = await call(OLIVIA, 'POST', `/claims/${claimId}/weekly-payments/generate`, { through: '2026-03-04' });
  expect(again.status).toBe(200);
  expect(again.body.generated[0].from).toBe('2026-02-02');
  expect(again.body.warnings.filter((w: string) => /overlaps week/.test(w))).toEqual([]);
});
