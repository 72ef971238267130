import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { TOPICS } from '@wc/contracts';
import { KafkaClient, Publisher, createKafka } from '@wc/messaging';
import { builtInTables, sydneyAt } from '@wc/rules';
import { Person, apiCaller, eventually, payableClaim } from '../../services/payments/src/test-support/claim-facts-harness';
import { ThrowawayDatabase, createThrowawayDatabase } from '../../services/payments/src/test-support/throwaway-database';
import { Platform, startPlatform } from './support';

// Issue 19: the payments service killed (SIGKILL) in the middle of its two long jobs, restarted,
// and checked. A payment run left `building`: every payment in exactly one bank file. A
// remediation stopped between batches: it resumes from its cursor and no claim's arrears are made
// (or paid) twice. Each crash point is held open by a lock this test takes on the database, so
// the kill lands mid-work every time, not when a timer happens to fire.
//
// The payments service runs as its own process on a database of its own (the remediation changes
// the parameter tables of the whole book), fed claims on Kafka as the claims service publishes them.
jest.setTimeout(300_000);

const CLAIMS = 6;
const TODAY = sydneyAt(Date.now()).date;
let platform: Platform;
let db: Client;
let kafka: KafkaClient;
let publisher: Publisher;
let testDb: ThrowawayDatabase | undefined;
let testUrl: string;
const call = apiCaller(() => platform.urls.payments);
const OLIVIA: Person = ['olivia', 'payments-officer'];
const PAUL: Person = ['paul', 'payments-officer'];
const TESS: Person = ['tess', 'team-leader'];
const CARA: Person = ['cara', 'case-manager'];

beforeAll(async () => {
  testDb = await createThrowawayDatabase(process.env.DATABASE_URL!, 'wc_payments_recovery');
  testUrl = testDb.url;
  platform = await startPlatform({
    env: process.env,
    perProcess: {
      payments: {
        DATABASE_URL: testUrl,
        // One payment per step of the bank file and one claim per remediation batch: many steps to stop between.
        BATCH_SIZE: '1',
        CLAIMS_CONSUMER_GROUP: `payments-recovery-${randomUUID()}`,
        CLAIMS_FROM_BEGINNING: 'false',
        KAFKA_SESSION_TIMEOUT_MS: '6000',
      },
    },
    basePort: 4601,
    only: ['payments'],
  });
  db = new Client({ connectionString: testUrl });
  await db.connect();
  kafka = createKafka({ brokers: process.env.KAFKA_BROKERS!.split(','), clientId: 'payments-recovery-test', logLevel: 'error' });
  await kafka.ensureTopics([TOPICS.claims]);
  publisher = kafka.publisher();
});

afterAll(async () => {
  await publisher?.disconnect();
  await platform?.stopAll();
  await db?.end();
  await testDb?.drop();
});

/** A session of the test's own on the service's database, holding a lock until it is let go. */
async function holding(sql: string, params: unknown[] = []): Promise<{ release(): Promise<void> }> {
  const c = new Client({ connectionString: testUrl });
  await c.connect();
  await c.query('BEGIN');
  await c.query(sql, params);
  return {
    async release() {
      await c.query('ROLLBACK');
      await c.end();
    },
  };
}

/** Some backend of the service is waiting for a lock the test holds. */
const waitingOnLock = async () => (await db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`, [testDb!.name])).rows[0].n > 0;

/** The detail records of an ABA file: BSB, account, amount in cents, reference (docs/payment-files.md). */
function details(aba: string) {
  return aba
    .split('\r\n')
    .filter((r) => r.startsWith('1'))
    .map((r) => ({ bsb: r.slice(1, 8), account: r.slice(8, 17).trim(), cents: Number(r.slice(20, 30)), reference: r.slice(62, 80).trim() }));
}

it('a run killed while building its bank file, and a remediation killed between batches, each finish once after a restart', async () => {
  // Six claims alike: injured Mon 2 Feb 2026, no capacity to Sun 31 May, interim PIAWE $1,000.00,
  // paid to the worker (tax-free threshold claimed). 17 weeks each (worked in
  // services/payments/src/weekly-payments.engines.test.ts): weeks 1-13 95% × 1000 = 950.00 less
  // PAYG 127.00 = 823.00 net; weeks 14-17 80% × 1000 = 800.00 less 87.00 = 713.00 net.
  // Per claim 13 × 823.00 + 4 × 713.00 = 10,699.00 + 2,852.00 = 13,551.00; six claims 81,306.00.
  const stamp = Date.now().toString().slice(-6);
  const claimIds: string[] = [];
  for (let i = 0; i < CLAIMS; i++) {
    const claimId = await payableClaim(publisher, db, call, {
      claimNumber: `R${stamp}${i}`,
      policy: 'WI-RECOVERY',
      account: { bsb: '062-000', account: `1000000${i}`, accountTitle: `WORKER ${i}` },
      maker: OLIVIA,
      caseManager: CARA,
    });
    claimIds.push(claimId);
  }
  const generated = await call(OLIVIA, 'POST', '/weekly-payments/generate', { through: '2026-05-31' });
  expect(generated.body).toMatchObject({ payments: CLAIMS * 17 });
  const waiting = (await db.query(`SELECT id FROM payments.payments WHERE status = 'generated'`)).rows.map((r) => r.id);
  expect((await call(PAUL, 'POST', '/payments/authorise', { ids: waiting })).body).toEqual({ authorised: CLAIMS * 17 });

  // 1. The run. Its file is complete only once its last transaction also writes the remittance
  // rows; the test holds that table, so the run reads every payment and then waits, building.
  const remittancesHeld = await holding('LOCK TABLE payments.remittances IN EXCLUSIVE MODE');
  const started = await call(PAUL, 'POST', '/payment-runs', { processingDate: TODAY }, { 'idempotency-key': `recovery-run-${randomUUID()}` });
  expect(started).toMatchObject({ status: 202, body: { payments: CLAIMS * 17, total: '81306.00' } });
  const runId = started.body.id;
  await eventually('the run to have read every payment and to wait at its last step', async () => {
    const [r] = (await db.query(`SELECT status, done, payment_count FROM payments.payment_runs WHERE id = $1`, [runId])).rows;
    return r.status === 'building' && r.done === r.payment_count && (await waitingOnLock());
  });
  await platform.stop('payments', 'SIGKILL');
  await remittancesHeld.release();
  const left = (
    await db.query(
      `SELECT r.status, r.aba IS NULL AS no_file, (SELECT array_agg(DISTINCT p.status) FROM payments.payments p WHERE p.run_id = r.id) AS statuses FROM payments.payment_runs r WHERE r.id = $1`,
      [runId],
    )
  ).rows[0];
  expect(left).toEqual({ status: 'building', no_file: true, statuses: ['in-run'] });

  await platform.start('payments');
  await eventually('the run complete after the restart', async () => (await call(PAUL, 'GET', `/payment-runs/${runId}`)).body.status === 'complete');
  const file = details((await call(PAUL, 'GET', `/payment-runs/${runId}/aba`)).text);
  const weekly = (await db.query(`SELECT reference, net::text AS net, run_id, status FROM payments.payments WHERE kind = 'weekly' ORDER BY reference`)).rows;
  // Every payment in this one file, once, and released; the file's lines are exactly those payments.
  expect(weekly.every((p) => p.run_id === runId && p.status === 'released')).toBe(true);
  expect(file.map((d) => d.reference).sort()).toEqual(weekly.map((p) => p.reference));
  expect(new Set(file.map((d) => d.reference)).size).toBe(CLAIMS * 17);
  expect(file.reduce((a, d) => a + d.cents, 0)).toBe(8_130_600);
  expect((await db.query(`SELECT count(*)::int AS n FROM payments.payment_runs`)).rows[0].n).toBe(1);
  // Nothing is left for another run to pay again.
  const second = await call(PAUL, 'POST', '/payment-runs', { processingDate: TODAY }, { 'idempotency-key': `recovery-run-${randomUUID()}` });
  expect(second.status).toBe(422);

  // 2. The remediation: SIRA's 1 Apr 2026 indexation factor, 1.0300, loaded after those weeks were
  // paid. Arrears per claim (worked in weekly-payments.engines.test.ts): week 9 20.36, weeks 10-13
  // 4 × 28.50, weeks 14-17 4 × 24.00 = 230.36, PAYG 62.00, net 168.36; six claims 1,382.16.
  // It takes one claim per batch in claim id order; the test holds the third claim, so two
  // batches commit and the third waits.
  const order = [...claimIds].sort();
  const thirdHeld = await holding(`SELECT claim_id FROM payments.claims WHERE claim_id = $1 FOR UPDATE`, [order[2]]);
  const indexation = [...builtInTables().indexation, { on: '2026-04-01', factor: '1.0300' }];
  const proposed = await call(TESS, 'POST', '/remediations', { reason: 'indexation factor 1 Apr 2026 loaded late', parameters: { indexation } });
  expect(proposed.status).toBe(202);
  // Corrected rate tables start once a second person approves them (issue 14).
  const remediation = await call(['abe', 'admin'], 'POST', `/changes/${proposed.body.changeId}/approve`, {});
  expect(remediation.status).toBe(200);
  const remediationId = remediation.body.result.remediationId;
  await eventually('two claims remediated and the third waiting', async () => {
    const [r] = (await db.query(`SELECT claims_done FROM payments.remediations WHERE id = $1`, [remediationId])).rows;
    return r.claims_done === 2 && (await waitingOnLock());
  });
  await platform.stop('payments', 'SIGKILL');
  await thirdHeld.release();
  const stopped = (await db.query(`SELECT status, claims_done, claims_total, cursor::text AS cursor, arrears_total::text AS arrears FROM payments.remediations WHERE id = $1`, [remediationId]))
    .rows[0];
  expect(stopped).toEqual({ status: 'running', claims_done: 2, claims_total: CLAIMS, cursor: order[1], arrears: '460.72' });
  const arrearsSoFar = (await db.query(`SELECT claim_id::text AS claim FROM payments.payments WHERE kind = 'arrears' ORDER BY claim_id`)).rows.map((r) => r.claim);
  expect(arrearsSoFar).toEqual(order.slice(0, 2));

  await platform.start('payments');
  const done = await eventually('the remediation complete after the restart', async () => {
    const v = await call(TESS, 'GET', `/remediations/${remediationId}`);
    return v.body.status === 'complete' && v.body;
  });
  expect(done).toMatchObject({ claimsTotal: CLAIMS, claimsDone: CLAIMS, arrearsTotal: '1382.16', overpaidTotal: '0.00' });
  // Resumed from its cursor: each claim in one committed batch, the two before the crash not again
  // (the service logs every batch once it commits; a batch in flight behind the held one was rolled
  // back by the crash and is done again, which is harmless to the amounts).
  const batches = readFileSync(platform.logFile('payments')!, 'utf8')
    .split('\n')
    .filter((l) => l.includes('"remediation batch done"') && l.includes(remediationId))
    .map((l) => JSON.parse(l) as { from: string; to: string });
  expect(batches.map((b) => b.from).sort()).toEqual(order);
  const arrears = (await db.query(`SELECT claim_id::text AS claim, gross::text AS gross, payg::text AS payg, net::text AS net, status FROM payments.payments WHERE kind = 'arrears' ORDER BY claim_id`))
    .rows;
  expect(arrears).toEqual(order.map((claim) => ({ claim, gross: '230.36', payg: '62.00', net: '168.36', status: 'generated' })));
  // Nine weeks corrected per claim, each once.
  expect((await db.query(`SELECT count(*)::int AS n, count(DISTINCT (claim_id, period_from))::int AS d FROM payments.remediation_weeks WHERE remediation_id = $1`, [remediationId])).rows[0]).toEqual({
    n: CLAIMS * 9,
    d: CLAIMS * 9,
  });

  // The arrears paid once: authorised by someone other than the team leader who made them, one run.
  const ids = (await db.query(`SELECT id FROM payments.payments WHERE kind = 'arrears'`)).rows.map((r) => r.id);
  expect((await call(PAUL, 'POST', '/payments/authorise', { ids })).body).toEqual({ authorised: CLAIMS });
  const arrearsRun = await call(PAUL, 'POST', '/payment-runs', { processingDate: TODAY }, { 'idempotency-key': `recovery-run-${randomUUID()}` });
  expect(arrearsRun).toMatchObject({ status: 202, body: { payments: CLAIMS, total: '1010.16' } });
  await eventually('the arrears run', async () => (await call(PAUL, 'GET', `/payment-runs/${arrearsRun.body.id}`)).body.status === 'complete');
  const arrearsFile = details((await call(PAUL, 'GET', `/payment-runs/${arrearsRun.body.id}/aba`)).text);
  expect(arrearsFile.map((d) => `${d.account} ${d.cents}`).sort()).toEqual(Array.from({ length: CLAIMS }, (_, i) => `1000000${i} 16836`));
});
