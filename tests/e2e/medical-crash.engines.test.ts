import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { addDays, sydneyAt } from '@wc/rules';
import { Platform, eventually, http, newAbn, startPlatform, token } from './support';

// Issue 17: kill -9 of the payments service during a bulk invoice import and during a payment run
// leaves no line paid twice and none lost. The import is one transaction (all of the file or none
// of it); sending the file again after the crash imports it once. A run's payments are taken when
// the run is created and its file is built again after a restart.
jest.setTimeout(300_000);

let platform: Platform;
let db: Client;
const today = sydneyAt(Date.now()).date;
const doi = addDays(today, -300);
const CLAIMS = 3;
const DAYS = 100;

beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  platform = await startPlatform({
    env: process.env,
    // A restarted payments gets its claims partitions after 6 s rather than 30 (the killed one's session).
    perProcess: { payments: { CLAIMS_CONSUMER_GROUP: `medical-crash-${randomUUID()}`, CLAIMS_FROM_BEGINNING: 'false', KAFKA_SESSION_TIMEOUT_MS: '6000' } },
    basePort: 4501,
    only: ['claims', 'payments', 'worker'],
  });
  const leftover = await http(platform.urls.payments, 'POST', '/payment-runs', {
    token: await token('payments-officer', 'po.cleanup'),
    body: { processingDate: today },
    headers: { 'idempotency-key': `e2e-leftovers-${randomUUID()}` },
  });
  expect([202, 422]).toContain(leftover.status);
});

afterAll(async () => {
  await platform?.stopAll();
  await db?.end();
});

const claims = (method: string, url: string, t: string, body?: unknown) => http(platform.urls.claims, method, url, { token: t, body });
const payments = (method: string, url: string, t: string, body?: unknown) => http(platform.urls.payments, method, url, { token: t, body });

it('a crash during an invoice import or a payment run pays every line once', async () => {
  const admin = await token('admin', 'ad.min');
  const cm = await token('case-manager', 'cm.sam');
  const maker = await token('payments-officer', 'po.olivia');
  const checker = await token('payments-officer', 'po.paul');
  const sample = readFileSync(path.resolve(__dirname, '..', '..', 'services', 'payments', 'data', 'fee-order.SAMPLE-not-sira-fees.csv'), 'utf8');
  const load = await fetch(`${platform.urls.payments}/fee-order?source=sample`, { method: 'PUT', headers: { authorization: `Bearer ${admin}`, 'content-type': 'text/csv' }, body: sample });
  expect(load.status).toBe(200);
  const provider = await payments('POST', '/providers', maker, {
    name: 'Crash Test Medical Centre',
    abn: newAbn(),
    kind: 'medical-practitioner',
    registration: [{ status: 'current', from: '2000-01-01' }],
    bank: { bsb: '062-222', account: '98765432', accountTitle: 'CRASH TEST MEDICAL' },
  });
  expect(provider.status).toBe(201);

  // Claims with liability accepted, known to payments.
  const lodged: Array<{ id: string; claimNumber: string }> = [];
  for (let i = 0; i < CLAIMS; i++) {
    const r = await claims('POST', '/claims', cm, {
      worker: { givenName: 'Sam', familyName: `Crash${i}`, dateOfBirth: '1980-01-01' },
      employer: { name: 'Harbour Freight Pty Ltd', policyNumber: 'WI-800001' },
      injury: { dateOfInjury: doi, employerAwareOn: doi, nature: 'sprain-strain', bodyLocation: 'wrist', likelySurgery: false, expectedIncapacityDays: 5, redFlags: [], yellowFlags: [] },
      notifiedAt: `${addDays(doi, 1)}T09:00:00+11:00`,
      notificationComplete: true,
      piawe: '1000.00',
    });
    expect(r.status).toBe(201);
    await eventually('the workflow', async () => (await claims('GET', `/claims/${r.body.id}`, cm)).body?.workflow?.status === 'RUNNING');
    expect((await claims('POST', `/claims/${r.body.id}/actions`, cm, { type: 'liability.accepted' })).status).toBe(202);
    lodged.push({ id: r.body.id, claimNumber: r.body.claimNumber });
  }
  await eventually('payments to know liability', async () => {
    const r = await db.query(`SELECT count(*)::int AS n FROM payments.claim_actions WHERE claim_id = ANY($1::uuid[]) AND type = 'liability.accepted'`, [lodged.map((c) => c.id)]);
    return r.rows[0].n === CLAIMS;
  });

  // A file of CLAIMS × DAYS lines, one invoice per line (each assessed in turn: the import takes a while).
  const header = 'claim_number,invoice_number,provider_abn,payee,service_date,item,units,charged';
  const rows = lodged.flatMap((c, k) => Array.from({ length: DAYS }, (_, d) => `${c.claimNumber},CR-${k}-${d},${provider.body.abn},provider,${addDays(doi, 10 + d)},WCO001,1,84.25`));
  const file = [header, ...rows].join('\n');
  const key = `crash-import-${randomUUID()}`;
  const send = () =>
    fetch(`${platform.urls.payments}/medical-invoices`, { method: 'POST', headers: { authorization: `Bearer ${maker}`, 'content-type': 'text/csv', 'idempotency-key': key }, body: file });
  const first = send().then(
    (r) => r.status,
    () => 'connection lost',
  );
  // Killed while the import's transaction is open (it is one transaction for the whole file).
  // An open transaction that has written invoice lines holds a lock on their table until it commits.
  await eventually(
    'the import under way',
    async () =>
      (await db.query(`SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'medical_invoice_lines' AND l.pid <> pg_backend_pid()`)).rows[0].n > 0,
    20_000,
  );
  await platform.stop('payments', 'SIGKILL');
  const lost = await first;
  const afterCrash = (await db.query(`SELECT count(*)::int AS n FROM payments.medical_invoice_lines WHERE claim_id = ANY($1::uuid[])`, [lodged.map((c) => c.id)])).rows[0].n;
  // All or nothing: either the crash came before the commit (nothing) or after it (everything).
  expect([0, CLAIMS * DAYS]).toContain(afterCrash);
  await platform.start('payments');
  const again = await send();
  expect(again.status).toBe(afterCrash === 0 ? 201 : 200);
  const lines = await db.query(
    `SELECT count(*)::int AS n, count(DISTINCT (l.claim_id, l.service_date, l.item))::int AS distinct_services, sum(CASE WHEN l.status = 'pay' THEN 1 ELSE 0 END)::int AS paid,
            count(DISTINCT l.payment_id)::int AS payments FROM payments.medical_invoice_lines l WHERE l.claim_id = ANY($1::uuid[])`,
    [lodged.map((c) => c.id)],
  );
  expect(lines.rows[0]).toEqual({ n: CLAIMS * DAYS, distinct_services: CLAIMS * DAYS, paid: CLAIMS * DAYS, payments: CLAIMS * DAYS });
  process.stdout.write(`import: first request ${lost}, lines after the crash ${afterCrash}\n`);

  // The run: authorised by another person, then payments killed while the file is being built.
  const waiting = (await db.query(`SELECT id FROM payments.payments WHERE claim_id = ANY($1::uuid[]) AND status = 'generated'`, [lodged.map((c) => c.id)])).rows.map((r) => r.id);
  expect(waiting).toHaveLength(CLAIMS * DAYS);
  await http(platform.urls.payments, 'PUT', '/authority-limits/user:po.paul', { token: admin, body: { maxAmount: '100000.00' } });
  expect((await payments('POST', '/payments/authorise', checker, { ids: waiting })).status).toBe(200);
  // Killed as soon as the run is recorded (its payments taken), while its file is being built.
  const runKey = `crash-run-${randomUUID()}`;
  const starting = http(platform.urls.payments, 'POST', '/payment-runs', { token: checker, body: { processingDate: today }, headers: { 'idempotency-key': runKey } }).catch(() => undefined);
  let runId: string | undefined;
  for (const until = Date.now() + 20_000; !runId && Date.now() < until;) runId = (await db.query(`SELECT id FROM payments.payment_runs WHERE idempotency_key = $1`, [runKey])).rows[0]?.id;
  if (!runId) throw new Error('the run was never recorded');
  await platform.stop('payments', 'SIGKILL');
  await starting;
  const [{ status: whenKilled }] = (await db.query(`SELECT status FROM payments.payment_runs WHERE id = $1`, [runId])).rows;
  process.stdout.write(`run: ${whenKilled} when payments was killed\n`);
  await platform.start('payments');
  await eventually('the run complete after the restart', async () => (await payments('GET', `/payment-runs/${runId}`, checker)).body.status === 'complete');
  // Every payment in this run once, released; one bank line for the provider: 300 × 84.25 = 25,275.00.
  const inRun = await db.query(`SELECT count(*)::int AS n, count(DISTINCT id)::int AS d, sum(net)::text AS total, bool_and(status = 'released') AS released FROM payments.payments WHERE run_id = $1`, [
    runId,
  ]);
  expect(inRun.rows[0]).toEqual({ n: CLAIMS * DAYS, d: CLAIMS * DAYS, total: '25275.00', released: true });
  const aba = await (await fetch(`${platform.urls.payments}/payment-runs/${runId}/aba`, { headers: { authorization: `Bearer ${checker}` } })).text();
  const details = aba.split('\r\n').filter((r) => r.startsWith('1'));
  expect(details.map((r) => `${r.slice(1, 8)} ${r.slice(8, 17).trim()} ${r.slice(20, 30)}`)).toEqual(['062-222 98765432 0002527500']);
  // No payment of these claims sits in any other run.
  const elsewhere = await db.query(`SELECT count(*)::int AS n FROM payments.payments WHERE claim_id = ANY($1::uuid[]) AND run_id IS DISTINCT FROM $2`, [lodged.map((c) => c.id), runId]);
  expect(elsewhere.rows[0].n).toBe(0);
});
