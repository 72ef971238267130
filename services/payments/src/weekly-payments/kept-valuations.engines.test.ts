/**
 * Issue 15's incremental valuation on the real service: each generation keeps where the claim was
 * valued to, and the next values only from there, unless something recorded since changes an
 * earlier day (a certificate reaching back) or a weekly payment was cancelled (its week is to be
 * generated again). Either way the weeks and their numbers are those valuing from the first week gives.
 */
import type { ClaimEvent } from '@wc/contracts';
import { Person, apiCaller, publishActions, publishClaim, setInterimPiawe } from '../test-support/claim-facts-harness';
import { paymentsForTests } from '../test-support/payments-app';

jest.setTimeout(180_000);

const bed = paymentsForTests('kept-valuations-test');
const call = apiCaller(() => bed.payments.base);
const OLIVIA: Person = ['olivia', 'payments-officer'];
const CARA: Person = ['cara', 'case-manager'];

async function kept(claimId: string) {
  const { rows } = await bed.payments.db.query(`SELECT block_from::text AS "blockFrom", weeks_counted AS "weeksCounted" FROM payments.kept_valuations WHERE claim_id = $1`, [claimId]);
  return rows[0] ?? null;
}

async function weeklyPayments(claimId: string) {
  const { rows } = await bed.payments.db.query(
    `SELECT week, period_from::text AS from, gross::text AS gross, reference, status FROM payments.payments WHERE claim_id = $1 AND kind = 'weekly' AND status <> 'cancelled' ORDER BY period_from`,
    [claimId],
  );
  return rows as { week: number; from: string; gross: string; reference: string; status: string }[];
}

async function payableClaim(actions: ClaimEvent[]): Promise<{ claimId: string; claimNumber: string }> {
  const claimNumber = `K${Date.now().toString().slice(-7)}`;
  const claimId = await publishClaim(bed.publisher, bed.payments.db, { claimNumber, policy: 'WI-KEPT', doi: '2026-02-02', assignment: { caseManager: CARA[0], teamLeader: null }, actions });
  expect(
    (await call(OLIVIA, 'PUT', `/claims/${claimId}/payee`, { paidBy: 'insurer', worker: { bsb: '062-000', account: '12345678', accountTitle: 'LEE SAM', taxScale: 'tax-free-threshold' } })).status,
  ).toBe(200);
  await setInterimPiawe(call, claimId, { maker: CARA, approver: OLIVIA, amount: '1000.00', reason: 'employer estimate' });
  return { claimId, claimNumber };
}

it('a certificate received late for a gap before the kept point: the claim is valued from its first week, and the gap week is paid with the right week numbers', async () => {
  // No capacity Mon 2 to Sun 15 Feb, nothing for 16 to 22 Feb, no capacity again from Mon 23 Feb.
  const { claimId, claimNumber } = await payableClaim([
    { type: 'liability.provisional', at: '2026-02-02T10:00:00+11:00' },
    { type: 'certificate.received', at: '2026-02-02T10:05:00+11:00', capacity: 'none', from: '2026-02-02', to: '2026-02-15' },
    { type: 'certificate.received', at: '2026-02-23T10:05:00+11:00', capacity: 'none', from: '2026-02-23', to: '2026-04-30' },
  ] as ClaimEvent[]);
  expect((await call(OLIVIA, 'POST', `/claims/${claimId}/weekly-payments/generate`, { through: '2026-03-01' })).status).toBe(200);
  expect((await weeklyPayments(claimId)).map((p) => [p.week, p.from])).toEqual([
    [1, '2026-02-02'],
    [2, '2026-02-09'],
    [3, '2026-02-23'],
  ]);
  expect(await kept(claimId)).toEqual({ blockFrom: '2026-03-02', weeksCounted: 3 });

  // Nothing recorded since: the next week is valued from the kept point.
  expect((await call(OLIVIA, 'POST', `/claims/${claimId}/weekly-payments/generate`, { through: '2026-03-08' })).status).toBe(200);
  expect((await weeklyPayments(claimId)).at(-1)).toMatchObject({ week: 4, from: '2026-03-02', gross: '950.00', reference: `${claimNumber} WK04` });
  expect(await kept(claimId)).toEqual({ blockFrom: '2026-03-09', weeksCounted: 4 });

  // The certificate for 16 to 22 Feb arrives: that week becomes week 3, and every later one moves up.
  await publishActions(bed.publisher, bed.payments.db, {
    claimId,
    claimNumber,
    actions: [{ type: 'certificate.received', at: '2026-03-10T09:00:00+11:00', capacity: 'none', from: '2026-02-16', to: '2026-02-22' }] as ClaimEvent[],
  });
  const again = await call(OLIVIA, 'POST', `/claims/${claimId}/weekly-payments/generate`, { through: '2026-03-15' });
  expect(again.status).toBe(200);
  // The gap week is paid (as week 3), and the new week is week 6, as valuing from the first week gives.
  expect(again.body.generated.map((g: { week: number; from: string }) => [g.week, g.from])).toEqual([
    [3, '2026-02-16'],
    [6, '2026-03-09'],
  ]);
  expect(await kept(claimId)).toEqual({ blockFrom: '2026-03-16', weeksCounted: 6 });
});

it('a weekly payment cancelled is generated again: the cancellation forgets where the claim was valued to', async () => {
  const { claimId } = await payableClaim([
    { type: 'liability.provisional', at: '2026-02-02T10:00:00+11:00' },
    { type: 'certificate.received', at: '2026-02-02T10:05:00+11:00', capacity: 'none', from: '2026-02-02', to: '2026-04-30' },
  ] as ClaimEvent[]);
  expect((await call(OLIVIA, 'POST', `/claims/${claimId}/weekly-payments/generate`, { through: '2026-02-22' })).status).toBe(200);
  const [, second] = await bed.payments.db.query(`SELECT id FROM payments.payments WHERE claim_id = $1 AND kind = 'weekly' ORDER BY period_from`, [claimId]).then((r) => r.rows);
  const cancelled = await call(OLIVIA, 'POST', `/payments/${second.id}/cancel`, { reason: 'the worker asked for another account first' });
  expect(cancelled.status).toBe(200);
  expect(await kept(claimId)).toBeNull();

  const again = await call(OLIVIA, 'POST', `/claims/${claimId}/weekly-payments/generate`, { through: '2026-02-22' });
  expect(again.status).toBe(200);
  expect(again.body.generated.map((g: { week: number; from: string; gross: string }) => [g.week, g.from, g.gross])).toEqual([[2, '2026-02-09', '950.00']]);
  expect(await kept(claimId)).toEqual({ blockFrom: '2026-02-23', weeksCounted: 3 });
});
