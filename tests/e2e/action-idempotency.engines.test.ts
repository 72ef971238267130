import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Connection, Client as TemporalClient } from '@temporalio/client';
import { addDays, sydneyAt } from '@wc/rules';
import { actionUpdate, appliedActionQuery, decisionsQuery } from '@wc/workflows/dist/claim/definitions';
import { Platform, eventually, http, startPlatform, token } from './support';

// A staff action sent with an Idempotency-Key is applied and recorded once, and answers every retry
// as it answered the first time: sequential and concurrent retries, a retry after the claim's
// workflow continued as new. The same key with another body is a 409 that changes nothing, as
// notifications answers. And exactly once when the claims service is killed (-9) after the workflow
// applied an action and before its own commit (issue 14), with a key or without one. Each test lodges
// its own claim, so any one runs alone with -t.
jest.setTimeout(300_000);

let platform: Platform;
let db: Client;
let cm: string;
const today = sydneyAt(Date.now()).date;
const notified = addDays(today, -30);

const claims = (method: string, url: string, t?: string, body?: unknown, headers?: Record<string, string>) => http(platform.urls.claims, method, url, { token: t, body, headers });

beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  // A low history limit makes the claim's workflow continue as new after a few actions.
  // Actions left behind by a dead process are settled after 5 s rather than 30.
  // A restarted claims service gets its partitions after 6 s rather than 30 (the killed one's session).
  platform = await startPlatform({
    env: { ...process.env, CLAIM_HISTORY_LIMIT: '40', ACTION_RECOVERY_AFTER_S: '5' },
    perProcess: { claims: { KAFKA_SESSION_TIMEOUT_MS: '6000' } },
    basePort: 4401,
    only: ['claims', 'worker'],
  });
  cm = await token('case-manager', 'cm.iris');
});

afterAll(async () => {
  await platform?.stopAll();
  await db?.end();
});

async function lodge(familyName: string): Promise<string> {
  const r = await claims('POST', '/claims', cm, {
    assignment: { caseManager: 'cm.iris', teamLeader: 'tl.oscar' },
    worker: { givenName: 'Noor', familyName, dateOfBirth: '1990-02-14' },
    employer: { name: 'Granville Joinery Pty Ltd', policyNumber: 'WI-551200' },
    injury: {
      dateOfInjury: addDays(notified, -2),
      employerAwareOn: addDays(notified, -2),
      nature: 'sprain-strain',
      bodyLocation: 'wrist',
      likelySurgery: false,
      expectedIncapacityDays: 3,
      redFlags: [],
      yellowFlags: [],
    },
    notifiedAt: `${notified}T09:30:00+10:00`,
    notificationComplete: true,
    piawe: '1200.00',
  });
  expect(r.status).toBe(201);
  const id: string = r.body.id;
  await eventually('the workflow', async () => (await claims('GET', `/claims/${id}`, cm)).body.workflow?.status === 'RUNNING');
  return id;
}

const act = (claimId: string, body: Record<string, unknown>, key?: string) => claims('POST', `/claims/${claimId}/actions`, cm, body, key ? { 'idempotency-key': key } : {});
const rows = async (claimId: string) => (await db.query(`SELECT type, event, idempotency_key AS key, seq FROM claims.claim_actions WHERE claim_id = $1 ORDER BY recorded_at`, [claimId])).rows;
const published = async (claimId: string) =>
  (await db.query(`SELECT count(*)::int AS n FROM claims.outbox WHERE envelope->>'type' = 'claim.action-recorded' AND envelope->'data'->>'claimId' = $1`, [claimId])).rows[0].n as number;

describe('Idempotency-Key on staff actions', () => {
  it('a sequential retry answers as the first time: same seq and outcome, one row, one event, applied once', async () => {
    const claimId = await lodge('Sequential');
    const body = { at: addDays(today, -1), type: 'treatment.requested', treatment: 'physiotherapy, 4 sessions', provider: 'Granville Physio', cost: '380.00' };
    const first = await act(claimId, body, 'retry-0001');
    expect(first).toMatchObject({ status: 202, body: { accepted: true, outcome: { ref: 'treatment-1' } } });
    const again = await act(claimId, body, 'retry-0001');
    expect(again).toEqual(first);
    // Applied once: the next action is the very next step of the claim's history, and a second
    // request would have been given the ref treatment-2.
    const next = await act(claimId, { type: 'contact.made', party: 'worker' });
    expect(next.body.seq).toBe(first.body.seq + 1);
    expect((await rows(claimId)).filter((r) => r.type === 'treatment.requested')).toEqual([{ type: 'treatment.requested', event: body, key: 'retry-0001', seq: first.body.seq }]);
    expect(await published(claimId)).toBe(2);
  });

  it('the same key with another body is a 409 naming the header, and changes nothing', async () => {
    const claimId = await lodge('Conflict');
    const first = await act(claimId, { type: 'contact.made', party: 'worker' }, 'conflict-0001');
    expect(first.status).toBe(202);
    const before = await rows(claimId);
    const other = await act(claimId, { type: 'contact.made', party: 'employer' }, 'conflict-0001');
    expect(other.status).toBe(409);
    expect(other.body.problems).toEqual([{ field: 'Idempotency-Key', problem: 'was used for another action (contact.made)' }]);
    expect(await rows(claimId)).toEqual(before);
    // Nothing reached the workflow: the next action follows the first directly.
    expect((await act(claimId, { type: 'contact.made', party: 'doctor' })).body.seq).toBe(first.body.seq + 1);
    // The same key on another claim is another request.
    const otherClaim = await lodge('ConflictElsewhere');
    expect((await act(otherClaim, { type: 'contact.made', party: 'employer' }, 'conflict-0001')).status).toBe(202);
  });

  it('concurrent retries of one request: every answer the same, applied and recorded once', async () => {
    const claimId = await lodge('Concurrent');
    const body = { type: 'treatment.requested', treatment: 'hydrotherapy', provider: 'Granville Aquatic', cost: '240.00' };
    const answers = await Promise.all(Array.from({ length: 6 }, () => act(claimId, body, 'burst-0001')));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 202, 202, 202]);
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(answers[0].body.outcome).toEqual({ ref: 'treatment-1' });
    expect((await rows(claimId)).map((r) => r.key)).toEqual(['burst-0001']);
    expect((await act(claimId, { type: 'contact.made', party: 'worker' })).body.seq).toBe(answers[0].body.seq + 1);
    expect(await published(claimId)).toBe(2);
  });

  it('concurrent requests with one key and different bodies: one is applied, every other is a 409', async () => {
    const claimId = await lodge('Race');
    const parties = ['worker', 'employer', 'doctor', 'worker', 'employer'];
    const answers = await Promise.all(parties.map((party) => act(claimId, { type: 'contact.made', party }, 'race-0001')));
    const won = answers.map((a, i) => ({ a, party: parties[i] })).filter((x) => x.a.status === 202);
    expect(won.length).toBeGreaterThanOrEqual(1);
    // Only one body can have won: any other 202 is a retry of the same body.
    expect(new Set(won.map((w) => w.party)).size).toBe(1);
    for (const [i, a] of answers.entries()) if (parties[i] !== won[0].party) expect(a.status).toBe(409);
    const recorded = await rows(claimId);
    expect(recorded.map((r) => [r.key, r.event.party])).toEqual([['race-0001', won[0].party]]);
    expect((await act(claimId, { type: 'contact.made', party: 'worker' })).body.seq).toBe(won[0].a.body.seq + 1);
  });

  it('a retry after the workflow continued as new is not applied again', async () => {
    const claimId = await lodge('AfterContinueAsNew');
    const body = { type: 'treatment.requested', treatment: 'massage', provider: 'Granville Remedial', cost: '90.00' };
    const first = await act(claimId, body, 'can-0001');
    expect(first.status).toBe(202);
    const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
    try {
      const handle = new TemporalClient({ connection }).workflow.getHandle((await claims('GET', `/claims/${claimId}`, cm)).body.workflow.id);
      const firstRun = (await handle.describe()).runId;
      // Actions until the history passes the limit (40 events) and the workflow continues as new.
      let last = first.body.seq as number;
      await eventually(
        'the workflow to continue as new',
        async () => {
          last = (await act(claimId, { type: 'contact.made', party: 'worker' })).body.seq;
          return (await handle.describe()).runId !== firstRun;
        },
        120_000,
      );
      expect(last).toBeGreaterThan(first.body.seq);
      const again = await act(claimId, body, 'can-0001');
      expect(again).toEqual(first);
      expect((await act(claimId, { type: 'contact.made', party: 'employer' })).body.seq).toBe(last + 1);
      expect((await rows(claimId)).filter((r) => r.type === 'treatment.requested').length).toBe(1);
      // The claim still has one treatment request, treatment-1.
      const c = (await claims('GET', `/claims/${claimId}`, cm)).body;
      expect(c.treatmentRequests.map((t: { ref: string }) => t.ref)).toEqual(['treatment-1']);
    } finally {
      await connection.close();
    }
  });

  it('the claim answers an update id it applied in an earlier run from memory, without applying it again (workflow version 9)', async () => {
    // On the real server: the time-skipping test server does not take an update id again in a new run.
    const claimId = await lodge('Remembered');
    const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
    try {
      const handle = new TemporalClient({ connection }).workflow.getHandle((await claims('GET', `/claims/${claimId}`, cm)).body.workflow.id);
      const treatment = { at: today, type: 'treatment.requested', treatment: 'physiotherapy', provider: 'Granville Physio', cost: '380.00' } as const;
      const first = await handle.executeUpdate(actionUpdate, { args: [treatment], updateId: 'remembered-0001' });
      expect(first).toMatchObject({ ok: true, outcome: { ref: 'treatment-1' } });
      expect(await handle.query(appliedActionQuery, 'remembered-0001')).toEqual(first);
      expect(await handle.query(appliedActionQuery, 'never-sent')).toBeNull();
      const firstRun = (await handle.describe()).runId;
      await eventually(
        'the workflow to continue as new',
        async () => (await act(claimId, { type: 'contact.made', party: 'worker' })).status === 202 && (await handle.describe()).runId !== firstRun,
        120_000,
      );
      // Sent again in the new run, where Temporal no longer knows the update id: answered from the claim's memory.
      expect(await handle.executeUpdate(actionUpdate, { args: [treatment], updateId: 'remembered-0001' })).toEqual(first);
      expect(await handle.query(appliedActionQuery, 'remembered-0001')).toEqual(first);
      expect((await handle.query(decisionsQuery)).treatmentRequests.map((t) => t.ref)).toEqual(['treatment-1']);
    } finally {
      await connection.close();
    }
  });

  it('a key that is too short is a 400 naming the header, and nothing is recorded', async () => {
    const claimId = await lodge('ShortKey');
    const before = await rows(claimId);
    const r = await act(claimId, { type: 'contact.made', party: 'worker' }, 'short');
    expect(r.status).toBe(400);
    expect(r.body.problems).toEqual([{ field: 'Idempotency-Key', problem: 'must be 8 to 200 characters' }]);
    expect(await rows(claimId)).toEqual(before);
  });
});

describe('the claims service killed with -9 between the workflow update and its own commit', () => {
  /**
   * Sends the action while a test transaction holds claims.claim_actions locked, so the service's
   * record waits; kills the service once the claim's workflow has applied the action (its answer is
   * remembered under the update id); then lets go and starts the service again. Answers the id the
   * action was sent under.
   */
  async function killedBetweenUpdateAndCommit(claimId: string, body: Record<string, unknown>, key?: string): Promise<string> {
    const lock = new Client({ connectionString: process.env.DATABASE_URL });
    await lock.connect();
    const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
    try {
      const handle = new TemporalClient({ connection }).workflow.getHandle((await claims('GET', `/claims/${claimId}`, cm)).body.workflow.id);
      await lock.query('BEGIN');
      await lock.query('LOCK TABLE claims.claim_actions IN EXCLUSIVE MODE');
      const sent = act(claimId, body, key).catch((e: Error) => e); // the connection drops with the service
      const intent: string = await eventually(
        'the action written down before it is sent',
        async () => (await db.query(`SELECT id FROM claims.action_intents WHERE claim_id = $1`, [claimId])).rows[0]?.id,
      );
      await eventually('the claim applied it', async () => handle.query(appliedActionQuery, `action:${claimId}:${intent}`));
      expect(await rows(claimId)).toEqual([]); // not recorded: the record is waiting for the lock
      await platform.stop('claims', 'SIGKILL');
      expect(String(await sent)).toMatch(/fetch failed/); // no answer: the request died with the service
      return intent;
    } finally {
      await lock.query('ROLLBACK').catch(() => undefined);
      await lock.end();
      await connection.close();
      await platform.start('claims');
    }
  }
  const recordedOnce = async (claimId: string, actionId: string) => {
    const recorded = await rows(claimId);
    expect(recorded.map((r) => r.type)).toEqual(['treatment.requested']);
    const events = await db.query(`SELECT envelope->'data'->>'actionId' AS id FROM claims.outbox WHERE envelope->>'type' = 'claim.action-recorded' AND envelope->'data'->>'claimId' = $1`, [claimId]);
    expect(events.rows).toEqual([{ id: actionId }]);
    expect((await db.query(`SELECT count(*)::int AS n FROM claims.action_intents WHERE claim_id = $1`, [claimId])).rows[0].n).toBe(0);
    // Applied once: the claim has one treatment request, treatment-1.
    const c = (await claims('GET', `/claims/${claimId}`, cm)).body;
    expect(c.treatmentRequests.map((t: { ref: string }) => t.ref)).toEqual(['treatment-1']);
  };
  const treatment = { type: 'treatment.requested', treatment: 'physiotherapy, 6 sessions', provider: 'Granville Physio', cost: '570.00' };

  it('without a key: the restarted service finds what the claim applied and records and publishes it once', async () => {
    const claimId = await lodge('KilledNoKey');
    const intent = await killedBetweenUpdateAndCommit(claimId, treatment);
    const actionId = await eventually('the action recorded after the restart', async () => (await db.query(`SELECT id FROM claims.claim_actions WHERE claim_id = $1`, [claimId])).rows[0]?.id, 90_000);
    expect(actionId).toBe(intent);
    await recordedOnce(claimId, intent);
    // The claim goes on from there: the next action is the next step.
    const next = await act(claimId, { type: 'contact.made', party: 'worker' });
    expect(next.status).toBe(202);
    expect((await rows(claimId)).map((r) => r.seq)).toEqual([next.body.seq - 1, next.body.seq]);
  });

  it('with a key: the retry is answered with the action the claim applied, recorded and published once', async () => {
    const claimId = await lodge('KilledWithKey');
    const intent = await killedBetweenUpdateAndCommit(claimId, treatment, 'killed-0001');
    // The retry may come before the recovery sweep or after it: either way the same answer.
    const again = await act(claimId, treatment, 'killed-0001');
    expect(again).toMatchObject({ status: 202, body: { accepted: true, actionId: intent, outcome: { ref: 'treatment-1' } } });
    expect(await act(claimId, treatment, 'killed-0001')).toEqual(again);
    await recordedOnce(claimId, intent);
  });

  it('an action that never reached the claim is dropped by the sweep, not applied late', async () => {
    const claimId = await lodge('NeverSent');
    const id = randomUUID();
    await db.query(`INSERT INTO claims.action_intents (id, claim_id, event, by_user, role, created_at) VALUES ($1, $2, $3::jsonb, 'cm.iris', 'case-manager', now() - interval '1 minute')`, [
      id,
      claimId,
      JSON.stringify(treatment),
    ]);
    await eventually('the intent dropped', async () => (await db.query(`SELECT count(*)::int AS n FROM claims.action_intents WHERE id = $1`, [id])).rows[0].n === 0, 60_000);
    expect(await rows(claimId)).toEqual([]);
    const c = (await claims('GET', `/claims/${claimId}`, cm)).body;
    expect(c.treatmentRequests).toEqual([]);
  });
});
