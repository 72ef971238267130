/**
 * Two people for what moves money (issue 14), on the real engines: a payee's bank account replaced
 * and an authority limit set are held until a second person approves them; nobody approves their
 * own proposal, and nobody proposes or approves their own limit.
 */
import { Person, apiCaller, payableClaim } from '../test-support/claim-facts-harness';
import { paymentsForTests } from '../test-support/payments-app';

jest.setTimeout(180_000);

const bed = paymentsForTests('changes-test');
const call = apiCaller(() => bed.payments.base);

const OLIVIA: Person = ['olivia', 'payments-officer'];
const PAUL: Person = ['paul', 'payments-officer'];
const TESS: Person = ['tess', 'team-leader'];
const CARA: Person = ['cara', 'case-manager'];
const ADA: Person = ['ada', 'admin'];
const ABE: Person = ['abe', 'admin'];
const NUMBER = `D${Date.now().toString().slice(-7)}`;
const FIRST = { bsb: '062-000', account: '12345678', accountTitle: 'NGUYEN ALEX' };
const OTHER = { bsb: '062-999', account: '99999999', accountTitle: 'SOMEONE ELSE' };

const accountOf = async (claimId: string) => (await call(OLIVIA, 'GET', `/claims/${claimId}`)).body.worker?.account;

it("a payee's first account is recorded at once; another account waits for a second person, and payments go to the first until then", async () => {
  // payableClaim records Olivia's first account (200).
  const claimId = await payableClaim(bed.publisher, bed.payments.db, call, { claimNumber: `${NUMBER}-1`, policy: 'WI-DUAL', account: FIRST, maker: OLIVIA, caseManager: CARA, teamLeader: TESS });
  expect(await accountOf(claimId)).toBe(FIRST.account);

  const held = await call(OLIVIA, 'PUT', `/claims/${claimId}/payee`, { paidBy: 'insurer', worker: { ...OTHER, taxScale: 'tax-free-threshold' } });
  expect(held.status).toBe(202);
  expect(held.body).toMatchObject({ kind: 'payee', claimId, status: 'pending', proposedBy: 'olivia', change: { worker: { account: OTHER.account } } });
  expect(await accountOf(claimId)).toBe(FIRST.account);
  // Payments generated now still go to the first account.
  const gen = await call(OLIVIA, 'POST', `/claims/${claimId}/weekly-payments/generate`, { through: '2026-02-15' });
  expect(gen.status).toBe(200);

  const own = await call(OLIVIA, 'POST', `/changes/${held.body.changeId}/approve`, {});
  expect([own.status, own.body.message]).toEqual([403, 'olivia proposed this change; another person must approve it']);
  expect((await call(CARA, 'POST', `/changes/${held.body.changeId}/approve`, {})).status).toBe(403);
  expect((await call(PAUL, 'GET', '/changes')).body.changes.map((c: { changeId: string }) => c.changeId)).toContain(held.body.changeId);
  // The case manager of another claim does not see it listed; an admin sees no payee changes.
  expect((await call(['carl', 'case-manager'], 'GET', '/changes')).status).toBe(403);
  expect((await call(ADA, 'GET', '/changes')).body.changes.some((c: { kind: string }) => c.kind === 'payee')).toBe(false);

  const approved = await call(PAUL, 'POST', `/changes/${held.body.changeId}/approve`, { note: 'called the worker on the number on file' });
  expect(approved.body).toMatchObject({ status: 'approved', decidedBy: 'paul', note: 'called the worker on the number on file' });
  expect(await accountOf(claimId)).toBe(OTHER.account);
  expect((await call(TESS, 'POST', `/changes/${held.body.changeId}/approve`, {})).status).toBe(409);

  // A rejected change changes nothing; a later proposal supersedes the one waiting.
  const back = await call(OLIVIA, 'PUT', `/claims/${claimId}/payee`, { paidBy: 'insurer', worker: { ...FIRST, taxScale: 'tax-free-threshold' } });
  const again = await call(PAUL, 'PUT', `/claims/${claimId}/payee`, { paidBy: 'insurer', worker: { ...FIRST, account: '11112222', taxScale: 'tax-free-threshold' } });
  expect([back.status, again.status]).toEqual([202, 202]);
  expect((await call(TESS, 'POST', `/changes/${back.body.changeId}/approve`, {})).body.message).toMatch(/is superseded/);
  expect((await call(TESS, 'POST', `/changes/${again.body.changeId}/reject`, { note: 'not the worker calling' })).body.status).toBe('rejected');
  expect(await accountOf(claimId)).toBe(OTHER.account);
});

it('an authority limit needs two administrators, and nobody proposes or approves their own', async () => {
  const proposed = await call(ADA, 'PUT', '/authority-limits/user:paul', { maxAmount: '1234.00' });
  expect(proposed).toMatchObject({ status: 202, body: { kind: 'authority-limit', subject: 'user:paul', status: 'pending', change: { maxAmount: '1234.00' } } });
  const limitOf = async (subject: string) => (await call(ADA, 'GET', '/authority-limits')).body.find((l: { subject: string }) => l.subject === subject)?.maxAmount;
  expect(await limitOf('user:paul')).not.toBe('1234.00');
  expect((await call(ADA, 'POST', `/changes/${proposed.body.changeId}/approve`, {})).status).toBe(403);
  // Paul is not an administrator, and it is his own limit.
  expect((await call(PAUL, 'POST', `/changes/${proposed.body.changeId}/approve`, {})).status).toBe(403);
  expect((await call(ABE, 'POST', `/changes/${proposed.body.changeId}/approve`, {})).body.status).toBe('approved');
  expect(await limitOf('user:paul')).toBe('1234.00');

  const own = await call(ABE, 'PUT', '/authority-limits/user:abe', { maxAmount: '999999.00' });
  expect([own.status, own.body.message]).toEqual([403, 'abe may not change their own authority limit']);
  const forAbe = await call(ADA, 'PUT', '/authority-limits/user:abe', { maxAmount: '999999.00' });
  expect((await call(ABE, 'POST', `/changes/${forAbe.body.changeId}/approve`, {})).body.message).toBe('abe may not approve their own authority limit');
  expect(await limitOf('user:abe')).toBeUndefined();
});

it('the database refuses a change decided by the person who proposed it, whatever the code does', async () => {
  const proposed = await call(ADA, 'PUT', '/authority-limits/role:reviewer', { maxAmount: '10.00' });
  await expect(bed.payments.db.query(`UPDATE payments.pending_changes SET status = 'approved', decided_by = proposed_by WHERE id = $1`, [proposed.body.changeId])).rejects.toThrow(/check constraint/);
});
