/**
 * The list of payment runs (GET /payment-runs, issue 13's console): newest first, a page at a time,
 * the cursor being the last run of the page, so a page stays the same while new runs start.
 */
import { randomUUID } from 'node:crypto';
import { Person, apiCaller, eventually, payableClaim } from '../test-support/claim-facts-harness';
import { paymentsForTests } from '../test-support/payments-app';

jest.setTimeout(180_000);

const bed = paymentsForTests('payment-runs-list-test');
const call = apiCaller(() => bed.payments.base);
const OLIVIA: Person = ['olivia', 'payments-officer'];
const PAUL: Person = ['paul', 'payments-officer'];
const CARA: Person = ['cara', 'case-manager'];

/** Generates the claim's weeks ended by `through`, authorises them and runs them; the run's id once its file is built. */
async function runWeeksTo(claimId: string, through: string): Promise<string> {
  const gen = await call(OLIVIA, 'POST', `/claims/${claimId}/weekly-payments/generate`, { through });
  expect(gen.status).toBe(200);
  const ids = gen.body.generated.map((g: { id: string }) => g.id);
  expect((await call(PAUL, 'POST', '/payments/authorise', { ids })).status).toBe(200);
  const run = await call(PAUL, 'POST', '/payment-runs', { processingDate: '2026-03-03' }, { 'idempotency-key': `list-${randomUUID()}` });
  expect(run.status).toBe(202);
  await eventually('the bank file', async () => (await call(PAUL, 'GET', `/payment-runs/${run.body.id}`)).body.status === 'complete');
  return run.body.id;
}

it('lists the runs newest first, a page at a time, and refuses a cursor or a page size it cannot serve', async () => {
  expect((await call(PAUL, 'GET', '/payment-runs')).body).toEqual({ runs: [], next: null });
  const claimId = await payableClaim(bed.publisher, bed.payments.db, call, {
    claimNumber: `L${Date.now().toString().slice(-7)}`,
    policy: 'WI-RUNS',
    account: { bsb: '062-000', account: '22223333', accountTitle: 'RUNS PAT' },
    maker: OLIVIA,
    caseManager: CARA,
  });
  const older = await runWeeksTo(claimId, '2026-02-15');
  const newer = await runWeeksTo(claimId, '2026-03-01');

  const first = await call(PAUL, 'GET', '/payment-runs?limit=1');
  expect(first.status).toBe(200);
  expect(first.body.runs.map((r: { id: string; payments: number; total: string }) => [r.id, r.payments, r.total])).toEqual([[newer, 2, '1646.00']]); // 2 × (950.00 − 127.00)
  expect(first.body.next).toBe(newer);
  const second = await call(PAUL, 'GET', `/payment-runs?limit=1&before=${first.body.next}`);
  expect(second.body.runs.map((r: { id: string; payments: number }) => [r.id, r.payments])).toEqual([[older, 2]]);
  // The last page says so: no cursor after it.
  expect(second.body.next).toBeNull();
  expect((await call(PAUL, 'GET', `/payment-runs?limit=1&before=${older}`)).body).toEqual({ runs: [], next: null });
  expect((await call(PAUL, 'GET', '/payment-runs')).body.runs.map((r: { id: string }) => r.id)).toEqual([newer, older]);

  const unknown = await call(PAUL, 'GET', `/payment-runs?before=${randomUUID()}`);
  expect(unknown.status).toBe(400);
  expect(unknown.body.problems).toEqual([{ field: 'before', problem: expect.stringMatching(/^is no payment run/) }]);
  const tooMany = await call(PAUL, 'GET', '/payment-runs?limit=1000');
  expect(tooMany.status).toBe(400);
  expect(tooMany.body.problems).toEqual([{ field: 'limit', problem: 'must be at most 100' }]);
  // Runs pay the whole book: a case manager does not see them.
  expect((await call(CARA, 'GET', '/payment-runs')).status).toBe(403);
});
