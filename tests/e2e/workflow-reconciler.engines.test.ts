import { Client } from 'pg';
import { Connection, Client as TemporalClient } from '@temporalio/client';
import { addDays, sydneyAt } from '@wc/rules';
import { Platform, eventually, http, startPlatform, token } from './support';

// Issue 19: claims committed while Temporal was unreachable each get their workflow once Temporal
// is back, even when the claims service that took them was killed (SIGKILL) before it could try
// again: the reconciler of the next claims service starts them from the database (claims with no
// workflow_started_at), and each workflow then opens the claim's obligations.
jest.setTimeout(300_000);

const CLAIMS = 3;
let down: Platform | undefined;
let up: Platform | undefined;
let db: Client;
const today = sydneyAt(Date.now()).date;

beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
});

afterAll(async () => {
  await down?.stopAll();
  await up?.stopAll();
  await db?.end();
});

it('every claim committed while Temporal was down gets its workflow after a crash and a restart', async () => {
  const cm = await token('case-manager', 'cm.rec');
  // A claims service whose Temporal is unreachable (nothing listens on port 9 here): its health
  // says so (503, temporal failing), and it still takes claims.
  down = await startPlatform({ env: { ...process.env, TEMPORAL_ADDRESS: '127.0.0.1:9' }, basePort: 4701, only: ['claims'], degraded: ['claims'] });
  const health = await http(down.urls.claims, 'GET', '/health');
  expect(health.status).toBe(503);
  // Terminus names each failing dependency under `error`.
  expect(Object.keys(health.body.error)).toEqual(['temporal']);
  // Not ready (out of the Service's endpoints), but alive: nothing would restart it for a dependency.
  const ready = await http(down.urls.claims, 'GET', '/health/ready');
  // The failure's words vary (a timeout or the client's own deadline): the failing check is what matters.
  expect(ready.status).toBe(503);
  expect(Object.keys(ready.body.error)).toEqual(['temporal']);
  expect(await http(down.urls.claims, 'GET', '/health/live')).toMatchObject({ status: 200, body: { status: 'ok' } });
  const lodged: Array<{ id: string; claimNumber: string }> = [];
  for (let i = 0; i < CLAIMS; i++) {
    const r = await http(down.urls.claims, 'POST', '/claims', {
      token: cm,
      body: {
        assignment: { caseManager: 'cm.rec', teamLeader: 'tl.rec' },
        worker: { givenName: 'Mei', familyName: `Reconcile${i}`, dateOfBirth: '1992-03-03' },
        employer: { name: 'Alexandria Print Pty Ltd', policyNumber: 'WI-770011' },
        injury: {
          dateOfInjury: addDays(today, -2),
          employerAwareOn: addDays(today, -2),
          nature: 'fracture',
          bodyLocation: 'left wrist',
          likelySurgery: false,
          expectedIncapacityDays: 30,
          redFlags: [],
          yellowFlags: [],
        },
        notifiedAt: `${addDays(today, -1)}T09:00:00+10:00`,
        notificationComplete: true,
        piawe: '1100.00',
      },
    });
    // Committed: the claim is the system of record whether or not its workflow started.
    expect(r.status).toBe(201);
    expect(r.body.workflow).toMatchObject({ id: `claim-${r.body.claimNumber}`, status: 'NOT_STARTED' });
    lodged.push({ id: r.body.id, claimNumber: r.body.claimNumber });
  }
  const ids = lodged.map((c) => c.id);
  const waiting = await db.query(`SELECT count(*)::int AS n FROM claims.claims WHERE id = ANY($1::uuid[]) AND workflow_started_at IS NULL`, [ids]);
  expect(waiting.rows[0].n).toBe(CLAIMS);
  // The outbox has each claim's notification, whatever happens to the workflow.
  const published = await db.query(`SELECT count(*)::int AS n FROM claims.outbox WHERE envelope->>'type' = 'claim.notified' AND envelope->>'subject' = ANY($1::text[])`, [ids]);
  expect(published.rows[0].n).toBe(CLAIMS);
  await down.stop('claims', 'SIGKILL');

  // The next claims service, with Temporal reachable, and a claim worker.
  up = await startPlatform({ env: process.env, basePort: 4711, only: ['claims', 'worker'] });
  await eventually(
    'every claim with its workflow',
    async () => (await db.query(`SELECT count(*)::int AS n FROM claims.claims WHERE id = ANY($1::uuid[]) AND workflow_started_at IS NOT NULL`, [ids])).rows[0].n === CLAIMS,
    60_000,
  );
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  try {
    const temporal = new TemporalClient({ connection });
    for (const c of lodged) {
      const d = await temporal.workflow.getHandle(`claim-${c.claimNumber}`).describe();
      expect({ status: d.status.name, type: d.type, claimId: d.memo?.claimId }).toEqual({ status: 'RUNNING', type: 'claimWorkflow', claimId: c.id });
    }
  } finally {
    await connection.close();
  }
  // Each workflow ran: a significant claim (30 days expected) opens its initial contacts (program 4.1).
  const opened = await eventually('the initial contacts of every claim', async () => {
    const r = await db.query(`SELECT claim_id::text AS claim, count(*)::int AS n FROM claims.obligations WHERE claim_id = ANY($1::uuid[]) AND type LIKE 'initial-contact.%' GROUP BY claim_id`, [ids]);
    return r.rows.length === CLAIMS && r.rows;
  });
  expect(opened.map((r) => r.n)).toEqual([3, 3, 3]);
});
