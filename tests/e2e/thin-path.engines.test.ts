import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';

import { Client } from 'pg';
import { Connection, Client as TemporalClient } from '@temporalio/client';
import { mintToken, signingKey, Role } from '@wc/service-kit';
import { notification } from './support';

// The foundation's thin path on the real engines (started by the Jest global set-up) and the
// platform's real processes: notification → claim + outbox → workflow triage → claim.notified on
// Kafka → notifications → documents renders and stores a PDF → document.created → the claim shows it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startPlatform } = require('../../tools/platform/launcher');

jest.setTimeout(300_000);

type Platform = { urls: Record<string, string>; start(n: string): Promise<number>; stop(n: string, s?: string): Promise<void>; stopAll(): Promise<void>; logFile(n: string): string };
let platform: Platform;
let db: Client;
const key = signingKey();
const token = (role: Role, user = 'sam.case') => mintToken({ user, role }, key);

async function api(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${platform.urls.claims}${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

async function eventually<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

const claimRows = async () => Number((await db.query('SELECT count(*) AS n FROM claims.claims')).rows[0].n);

/** A claim of the test's own: the notification lodged with a fresh idempotency key, with its case manager (the letter names them). */
async function lodge(): Promise<string> {
  const r = await api('POST', '/claims', notification({ assignment: { caseManager: 'sam.case', teamLeader: 'tl.jo' } }), {
    authorization: `Bearer ${await token('case-manager')}`,
    'idempotency-key': `notif-${randomUUID()}`,
  });
  expect(r.status).toBe(201);
  return r.body.id;
}

beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  platform = await startPlatform({ env: process.env, basePort: 4101 });
  // The acknowledgement letter gives the case manager's name and contact, from the staff directory (issue 16).
  const staff = await fetch(`${platform.urls.notifications}/notifications/staff/sam.case`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${await token('admin', 'it.admin')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Sam Casey', role: 'Case manager', phone: '02 9000 1357', email: 'sam.casey@insurer.example' }),
  });
  expect(staff.status).toBe(200);
});

afterAll(async () => {
  await platform?.stopAll();
  await db?.end();
});

describe('the thin path', () => {
  // Lodged here, so a test that looks at a lodged claim (triage, logs) runs alone too.
  let claimId: string;
  beforeAll(async () => {
    claimId = await lodge();
  });

  it('refuses without a token (401) and with the wrong role (403)', async () => {
    expect((await api('POST', '/claims', notification())).status).toBe(401);
    expect((await api('POST', '/claims', notification(), { authorization: 'Bearer not-a-token' })).status).toBe(401);
    const r = await api('POST', '/claims', notification(), { authorization: `Bearer ${await token('reviewer')}` });
    expect(r.status).toBe(403);
    expect(r.body.message).toMatch(/role reviewer may not/);
  });

  it('answers 400 listing every bad field, and stores nothing', async () => {
    const before = await claimRows();
    const bad = notification({ notifiedAt: 'yesterday', piawe: 1200, injury: { ...notification().injury, nature: 'bruise', expectedIncapacityDays: -1 } });
    const r = await api('POST', '/claims', bad, { authorization: `Bearer ${await token('case-manager')}` });
    expect(r.status).toBe(400);
    expect(r.body.problems.map((p: { field: string }) => p.field).sort()).toEqual(['injury.expectedIncapacityDays', 'injury.nature', 'notifiedAt', 'piawe']);
    expect(await claimRows()).toBe(before);
  });

  it('creates one claim for the same notification sent twice with one idempotency key', async () => {
    const headers = { authorization: `Bearer ${await token('case-manager')}`, 'idempotency-key': `notif-${randomUUID()}` };
    const first = await api('POST', '/claims', notification(), headers);
    expect(first.status).toBe(201);
    expect(first.body.claimNumber).toMatch(/^WC\d{7}$/);
    const second = await api('POST', '/claims', notification(), headers);
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    const reused = await api('POST', '/claims', notification({ piawe: '999.00' }), headers);
    expect(reused.status).toBe(409);
    const rows = await db.query('SELECT count(*) AS n FROM claims.claims WHERE id = $1', [first.body.id]);
    expect(Number(rows.rows[0].n)).toBe(1);
  });

  it('triages through the workflow, publishes claim.notified, and shows the acknowledgement letter', async () => {
    const auth = { authorization: `Bearer ${await token('team-leader', 'tl.jo')}` };
    const claim = await eventually('classification and letter', async () => {
      const r = await api('GET', `/claims/${claimId}`, undefined, auth);
      return r.body.classification && r.body.documents.length > 0 && r.body;
    });
    expect(claim).toMatchObject({ classification: 'significant', segment: 'support', workflow: { id: `claim-${claim.claimNumber}`, status: 'RUNNING' } });
    expect(claim.triageReasons.classification).toMatch(/fracture/);
    expect(claim.documents).toEqual([expect.objectContaining({ kind: 'acknowledgement-letter', contentHash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/), version: 1 })]);
    const outbox = await db.query(`SELECT envelope, published_at FROM claims.outbox WHERE envelope->>'subject' = $1 AND envelope->>'type' = 'claim.notified'`, [claimId]);
    expect(outbox.rows).toHaveLength(1);
    expect(outbox.rows[0].published_at).not.toBeNull();
    expect(outbox.rows[0].envelope).toMatchObject({ specversion: '1.0', type: 'claim.notified', subject: claimId, data: { claimId, claimNumber: claim.claimNumber } });
    // The PDF itself, from the documents service, with the hash the claim shows.
    const doc = claim.documents[0];
    const pdf = await fetch(`${platform.urls.documents}/documents/${doc.id}/content`, { headers: auth });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toMatch(/application\/pdf/);
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(`sha256:${createHash('sha256').update(bytes).digest('hex')}`).toBe(doc.contentHash);
  });

  it('logs JSON lines that carry the claim id', async () => {
    const logged = () =>
      fs
        .readFileSync(platform.logFile('claims'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
        .filter((e) => e.claimId === claimId);
    // The classification line comes once the workflow has triaged the claim.
    const mine = await eventually('the claim classified in the log', () => logged().some((e) => e.msg === 'claim classified') && logged());
    expect(mine.map((e) => e.msg)).toEqual(expect.arrayContaining(['claim notified', 'claim classified']));
  });

  it('a worker killed with -9 mid-workflow is restarted and the claim completes its step', async () => {
    const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
    try {
      const temporal = new TemporalClient({ connection });
      await platform.stop('worker', 'SIGKILL');
      const r = await api('POST', '/claims', notification({ injury: { ...notification().injury, nature: 'sprain-strain', expectedIncapacityDays: 3 } }), {
        authorization: `Bearer ${await token('case-manager')}`,
      });
      expect(r.status).toBe(201);
      expect((await api('GET', `/claims/${r.body.id}`, undefined, { authorization: `Bearer ${await token('case-manager')}` })).body.classification).toBeNull();
      // No fixed wait: Temporal's own record says what happened. The claim's workflow is started and
      // its first task waits for a worker: no workflow task has been started for it.
      const handle = temporal.workflow.getHandle(`claim-${r.body.claimNumber}`);
      const before = await eventually('the claim workflow started', async () => (await handle.fetchHistory().catch(() => undefined))?.events ?? undefined);
      expect(before.some((e) => e.workflowTaskStartedEventAttributes)).toBe(false);
      const pid = await platform.start('worker');
      const done = await eventually('classification after restart', async () => {
        const g = await api('GET', `/claims/${r.body.id}`, undefined, { authorization: `Bearer ${await token('case-manager')}` });
        return g.body.classification && g.body;
      });
      expect(done).toMatchObject({ classification: 'non-significant', segment: 'empower' });
      // The later, distinguishable mark: the first workflow task ever started for this claim was
      // started by the restarted worker (identity pid@host), so nothing worked on the claim while
      // the worker was down, however long that was.
      const tasks = (await handle.fetchHistory()).events!.filter((e) => e.workflowTaskStartedEventAttributes);
      expect(tasks.length).toBeGreaterThan(0);
      expect(tasks[0].workflowTaskStartedEventAttributes!.identity).toMatch(new RegExp(`^${pid}@`));
    } finally {
      await connection.close();
    }
  });

  it('a restarted consumer and a redelivered event make no second letter', async () => {
    // A claim of its own, with its acknowledgement letter made and claim.notified published.
    const claimId = await lodge();
    await eventually(
      'the acknowledgement letter',
      async () => (await api('GET', `/claims/${claimId}`, undefined, { authorization: `Bearer ${await token('case-manager')}` })).body.documents.length > 0,
    );
    await eventually(
      'claim.notified published',
      async () => (await db.query(`SELECT published_at FROM claims.outbox WHERE envelope->>'subject' = $1 AND envelope->>'type' = 'claim.notified'`, [claimId])).rows[0]?.published_at,
    );
    await platform.stop('notifications', 'SIGKILL');
    // Put the same claim.notified event on Kafka again, as a redelivery would.
    await db.query(`UPDATE claims.outbox SET published_at = NULL WHERE envelope->>'subject' = $1 AND envelope->>'type' = 'claim.notified'`, [claimId]);
    await eventually(
      'republished',
      async () => (await db.query(`SELECT published_at FROM claims.outbox WHERE envelope->>'subject' = $1 AND envelope->>'type' = 'claim.notified'`, [claimId])).rows[0].published_at,
    );
    const eventId = (await db.query(`SELECT id FROM claims.outbox WHERE envelope->>'subject' = $1 AND envelope->>'type' = 'claim.notified'`, [claimId])).rows[0].id;
    await platform.start('notifications');
    // Proof the restarted consumer saw the redelivery (after the dead member's session expires), not just time passing.
    await eventually(
      'the redelivered event to be skipped as a duplicate',
      async () =>
        fs
          .readFileSync(platform.logFile('notifications'), 'utf8')
          .split('\n')
          .some((l) => l.includes('duplicate event skipped') && l.includes(eventId)),
      120_000,
    );
    const letters = await db.query(`SELECT count(*) AS n FROM documents.documents WHERE claim_id = $1`, [claimId]);
    expect(Number(letters.rows[0].n)).toBe(1);
    const shown = await api('GET', `/claims/${claimId}`, undefined, { authorization: `Bearer ${await token('case-manager')}` });
    expect(shown.body.documents).toHaveLength(1);
  });

  it('every service answers its health check', async () => {
    for (const [name, url] of Object.entries(platform.urls)) {
      const r = await fetch(`${url}/health`);
      expect({ name, status: r.status }).toEqual({ name, status: 200 });
    }
  });
});
