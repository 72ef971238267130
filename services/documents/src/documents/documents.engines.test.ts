/**
 * The documents service in-process against the real PostgreSQL and Kafka, over HTTP: auth, 400s
 * naming fields, idempotent POST /documents (one row, one outbox event), document.created on Kafka,
 * and every content read recorded.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { TOPICS } from '@wc/contracts';
import { type IncomingMessage, type KafkaClient, type MessageConsumer, type Publisher, createKafka, newEnvelope } from '@wc/messaging';
import { sydneyAt } from '@wc/rules';
import { type Role, mintServiceToken, mintToken, servicePrivateKey } from '@wc/service-kit';
import { DOCUMENT_KINDS } from '../templates';
import { pdfText } from '../testing/pdf-text';

jest.setTimeout(120_000);

const run = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const schema = `documents_test_${run}`;
const secret = randomBytes(32).toString('hex');
const key = new TextEncoder().encode(secret);

let app: INestApplication;
let base: string;
let pg: Client;
let kafka: KafkaClient;
let collector: MessageConsumer;
let publisher: Publisher;
const seen: IncomingMessage[] = [];

const token = (role: Role, user = 'casey') => mintToken({ user, role }, key);
async function call(method: string, path: string, o: { role?: Role; user?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...(o.headers ?? {}) };
  if (o.role) headers.authorization = `Bearer ${await token(o.role, o.user)}`;
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${base}${path}`, { method, headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
}
async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Today in Sydney: the only date a letter is written on unless a team leader dates it otherwise. */
const today = sydneyAt(Date.now()).date;
const contact = { caseManager: 'Casey Ngata', phone: '02 9555 0101', email: 'casey.ngata@insurer.example' };
const letter = (claimId: string, claimNumber = 'WC0000777', over: Record<string, unknown> = {}) => ({
  claimId,
  kind: 'acknowledgement-letter',
  data: {
    claimNumber,
    issuedOn: today,
    worker: { givenName: 'Ari', familyName: 'Thompson' },
    employer: { name: 'Westside Bakeries Pty Ltd', policyNumber: 'WB-100200' },
    dateOfInjury: '2026-05-11',
    notificationDate: '2026-05-12',
    contact,
    ...over,
  },
});

/**
 * A claim as the claims service announces it (claim.notified on the claims topic), once the
 * documents service has recorded its number: documents are only written for claims it knows.
 */
async function knownClaim(claimNumber: string): Promise<string> {
  const claimId = randomUUID();
  const env = newEnvelope({
    type: 'claim.notified',
    source: 'wc-claims/claims',
    subject: claimId,
    data: {
      claimId,
      claimNumber,
      worker: { givenName: 'Ari', familyName: 'Thompson' },
      employer: { name: 'Westside Bakeries Pty Ltd', policyNumber: 'WB-100200' },
      dateOfInjury: '2026-05-11',
      notificationDate: '2026-05-12',
      notificationComplete: true,
      // Casey handles it; no team leader yet, so any team leader may take it (issue 14, per-claim access).
      assignment: { caseManager: 'casey', teamLeader: null },
    },
  });
  // And a review of it is assigned to Casey (a reviewer too in these tests).
  const staffing = newEnvelope({
    type: 'claim.staffing-recorded',
    source: 'wc-claims/claims',
    subject: claimId,
    data: { claimId, claimNumber, caseManager: 'casey', teamLeader: null, reviewers: ['casey'], by: 'tl.test' },
  });
  await publisher.publish(TOPICS.claims, [
    { key: claimId, value: JSON.stringify(env) },
    { key: claimId, value: JSON.stringify(staffing) },
  ]);
  await waitFor(`claim ${claimNumber} recorded`, async () => (await pg.query(`SELECT 1 FROM ${schema}.claims WHERE claim_id = $1`, [claimId])).rowCount === 1 || undefined);
  await waitFor(
    `claim ${claimNumber}'s staffing recorded`,
    async () => (await pg.query(`SELECT 1 FROM ${schema}.claim_staffing WHERE claim_id = $1 AND reviewers = '{casey}'`, [claimId])).rowCount === 1 || undefined,
  );
  return claimId;
}

beforeAll(async () => {
  Object.assign(process.env, { DB_SCHEMA: schema, AUTH_JWT_SECRET: secret, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const { start } = await import('../main');
  app = await start({ port: 0 });
  base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  pg = new Client({ connectionString: process.env.DATABASE_URL });
  await pg.connect();
  // What reached Kafka: a group of our own reading the topic from the start.
  kafka = createKafka({ brokers: process.env.KAFKA_BROKERS!, clientId: `documents-test-${run}` });
  collector = kafka.consumer({ groupId: `documents-test-${run}` });
  await collector.run([TOPICS.documents], async (m) => void seen.push(m), { fromBeginning: true });
  publisher = kafka.publisher();
  await publisher.connect();
});

afterAll(async () => {
  await collector?.stop();
  await publisher?.disconnect();
  await app?.close();
  await pg?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pg?.end();
});

describe('auth', () => {
  it('401 without a token, 401 with a bad one, 403 with a role that may not create documents', async () => {
    expect((await call('POST', '/documents', { body: letter(randomUUID()), headers: { 'idempotency-key': 'k-auth-0001' } })).status).toBe(401);
    expect((await call('GET', `/documents/${randomUUID()}`)).status).toBe(401);
    const forged = await mintToken({ user: 'mallory', role: 'admin' }, new TextEncoder().encode('x'.repeat(48)));
    expect((await fetch(`${base}/documents/${randomUUID()}`, { headers: { authorization: `Bearer ${forged}` } })).status).toBe(401);
    const res = await call('POST', '/documents', { role: 'payments-officer', body: letter(randomUUID()), headers: { 'idempotency-key': 'k-auth-0002' } });
    expect(res.status).toBe(403);
    expect((await res.json()).message).toMatch(/payments-officer may not/);
  });

  it('OpenAPI documents the request body of each document kind', async () => {
    const spec = await (await fetch(`${base}/docs/openapi.json`)).json();
    const post = spec.paths['/documents'].post;
    expect(JSON.stringify(post.requestBody)).toContain('acknowledgement-letter');
    expect(post.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true })]));
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/documents/{id}', '/documents/{id}/content', '/health']));
  });

  it('health is public and names each dependency; liveness and readiness apart', async () => {
    const res = await fetch(`${base}/health`);
    expect(await res.json()).toEqual({ status: 'ok', info: { database: { status: 'up' }, kafka: { status: 'up' } }, error: {}, details: { database: { status: 'up' }, kafka: { status: 'up' } } });
    expect(res.status).toBe(200);
    const ready = await fetch(`${base}/health/ready`);
    expect([ready.status, await ready.json()]).toEqual([
      200,
      { status: 'ok', info: { database: { status: 'up' }, kafka: { status: 'up' } }, error: {}, details: { database: { status: 'up' }, kafka: { status: 'up' } } },
    ]);
    const live = await fetch(`${base}/health/live`);
    expect([live.status, await live.json()]).toEqual([200, { status: 'ok', info: {}, error: {}, details: {} }]);
  });
});

describe('POST /documents', () => {
  it('400 naming each bad field, and the missing Idempotency-Key', async () => {
    const bad = letter('not-a-uuid');
    (bad.data as Record<string, unknown>).dateOfInjury = '2026-13-01';
    (bad.data.worker as Record<string, unknown>).familyName = '';
    (bad as Record<string, unknown>).extra = true;
    let res = await call('POST', '/documents', { role: 'case-manager', body: bad, headers: { 'idempotency-key': 'k-bad-00001' } });
    expect(res.status).toBe(400);
    const fields = (await res.json()).problems.map((p: { field: string }) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['claimId', 'data.dateOfInjury', 'data.worker.familyName', '(root)']));

    res = await call('POST', '/documents', { role: 'case-manager', body: { ...letter(await knownClaim('WC0000779')), kind: 'birthday-card' }, headers: { 'idempotency-key': 'k-bad-00002' } });
    expect(res.status).toBe(400);
    expect((await res.json()).problems).toEqual([{ field: 'kind', problem: `unknown kind; expected one of ${DOCUMENT_KINDS.join(', ')}` }]);

    const known = await knownClaim('WC0000777');
    res = await call('POST', '/documents', { role: 'case-manager', body: letter(known) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ message: 'invalid request header Idempotency-Key', problems: [{ problem: 'is required' }] });
    res = await call('POST', '/documents', { role: 'case-manager', body: letter(known), headers: { 'idempotency-key': 'short' } });
    expect((await res.json()).problems).toEqual([{ field: '(root)', problem: 'must be at least 8 characters' }]);
  });

  it('stores the PDF once per Idempotency-Key and publishes document.created once, through the outbox', async () => {
    const claimId = await knownClaim('WC0000777');
    const idempotencyKey = `ack-letter:${randomUUID()}`;
    const body = letter(claimId);
    const first = await call('POST', '/documents', { role: 'case-manager', user: 'casey', body, headers: { 'idempotency-key': idempotencyKey } });
    expect(first.status).toBe(201);
    const doc = await first.json();
    expect(first.headers.get('location')).toBe(`/documents/${doc.id}`);
    expect(doc).toMatchObject({ claimId, kind: 'acknowledgement-letter', template: 'acknowledgement-letter', templateVersion: 2, version: 1, mediaType: 'application/pdf', createdBy: 'casey' });
    expect(doc.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);

    // The same key and body (keys in another order, another caller): the same document, nothing new.
    const again = await call('POST', '/documents', {
      role: 'team-leader',
      user: 'terry',
      body: { data: body.data, kind: body.kind, claimId },
      headers: { 'idempotency-key': idempotencyKey },
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(doc);
    // The same key with another body: refused.
    const other = await call('POST', '/documents', { role: 'case-manager', body: letter(claimId, 'WC0000778'), headers: { 'idempotency-key': idempotencyKey } });
    expect(other.status).toBe(409);

    const rows = await pg.query(`SELECT id FROM ${schema}.documents WHERE claim_id = $1`, [claimId]);
    expect(rows.rows).toEqual([{ id: doc.id }]);
    const outbox = await pg.query(`SELECT topic, key, envelope FROM ${schema}.outbox WHERE envelope->'data'->>'claimId' = $1`, [claimId]);
    expect(outbox.rows).toHaveLength(1);
    expect(outbox.rows[0]).toMatchObject({ topic: TOPICS.documents, key: claimId, envelope: { type: 'document.created', subject: claimId } });

    // The relay publishes it: exactly one document.created for this claim reaches Kafka.
    await waitFor('document.created on Kafka', () => seen.some((m) => m.key === claimId) || undefined);
    await waitFor('the outbox row marked published', async () => (await pg.query(`SELECT 1 FROM ${schema}.outbox WHERE key = $1 AND published_at IS NOT NULL`, [claimId])).rowCount === 1 || undefined);
    // "Exactly one" is proven by a later marker through the same path, not by waiting a while: another
    // document of the same claim (another key), whose document.created goes through the same outbox
    // after the first (the relay's order is created_at) with the same Kafka key, so the same partition.
    // Once the marker has been consumed, a duplicate of the first event would have been too.
    const marked = await call('POST', '/documents', {
      role: 'case-manager',
      body: letter(claimId, 'WC0000777', { employer: { name: 'Westside Bakeries (Marker) Pty Ltd', policyNumber: 'WB-100200' } }),
      headers: { 'idempotency-key': `marker:${randomUUID()}` },
    });
    expect(marked.status).toBe(201);
    const marker = await marked.json();
    const ofClaim = () => seen.filter((m) => m.key === claimId).map((m) => JSON.parse(m.value!.toString()));
    await waitFor('the marker document.created on Kafka', () => ofClaim().some((e) => e.data.documentId === marker.id) || undefined);
    expect(ofClaim().map((e) => e.data.documentId)).toEqual([doc.id, marker.id]);
    const events = ofClaim().filter((e) => e.data.documentId !== marker.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'document.created',
      subject: claimId,
      data: {
        documentId: doc.id,
        claimId,
        kind: 'acknowledgement-letter',
        template: 'acknowledgement-letter',
        templateVersion: 2,
        version: 1,
        contentHash: doc.contentHash,
        mediaType: 'application/pdf',
        bytes: doc.size,
      },
    });
  });

  it('renders equal requests to equal bytes (another key, the same content hash)', async () => {
    const claimId = await knownClaim('WC0000777');
    const a = await (await call('POST', '/documents', { role: 'team-leader', body: letter(claimId), headers: { 'idempotency-key': `det-a-${claimId}` } })).json();
    const b = await (await call('POST', '/documents', { role: 'team-leader', body: letter(claimId), headers: { 'idempotency-key': `det-b-${claimId}` } })).json();
    expect(b.id).not.toBe(a.id);
    expect(b.contentHash).toBe(a.contentHash);
  });

  it('answers concurrent requests with the same key with one document', async () => {
    const claimId = await knownClaim('WC0000777');
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => call('POST', '/documents', { role: 'case-manager', body: letter(claimId), headers: { 'idempotency-key': `race-${claimId}` } })),
    );
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    expect((await pg.query(`SELECT count(*)::int AS n FROM ${schema}.outbox WHERE key = $1`, [claimId])).rows[0].n).toBe(1);
  });
});

describe('the other notices', () => {
  it('stores a PIAWE decision notice made with its own template and version', async () => {
    const claimId = await knownClaim('WC0088214');
    const data = {
      claimNumber: 'WC0088214',
      issuedOn: today,
      recipient: { party: 'worker', name: 'Leopoldine Ashworth' },
      worker: { givenName: 'Leopoldine', familyName: 'Ashworth' },
      employer: { name: 'Kestrelbay Civil Pty Ltd' },
      dateOfInjury: '2026-02-11',
      amount: '1487.36',
      basis: 'interim',
      missingInformation: ['payslips from the Saturday job'],
      employments: [{ kind: 'this-employer', period: { from: '2025-02-12', to: '2026-02-10' }, earnings: [{ description: 'Ordinary wages', amount: '61234.50' }] }],
      contact: { caseManager: 'Thaddeus Okonkwo', phone: '02 9555 0177', email: 'thaddeus.okonkwo@example.org' },
      signatory: { name: 'Thaddeus Okonkwo', role: 'Case manager' },
    };
    const res = await call('POST', '/documents', { role: 'case-manager', body: { claimId, kind: 'piawe-decision', data }, headers: { 'idempotency-key': `piawe:${randomUUID()}` } });
    const doc = await res.json();
    expect({ status: res.status, doc }).toMatchObject({ status: 201, doc: { kind: 'piawe-decision', template: 'piawe-decision', templateVersion: 2 } });
    const bad = await call('POST', '/documents', {
      role: 'case-manager',
      body: { claimId, kind: 'piawe-decision', data: { ...data, amount: '1,487.36' } },
      headers: { 'idempotency-key': `piawe:${randomUUID()}` },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).problems.map((p: { field: string }) => p.field)).toContain('data.amount');
  });
});

describe('what the documents service checks before it writes a letter (issue 16)', () => {
  const stored = async (claimId: string) => (await pg.query(`SELECT count(*)::int AS n FROM ${schema}.documents WHERE claim_id = $1`, [claimId])).rows[0].n;

  it("refuses another claim's number (400) and a claim it has not heard of yet (409, to retry)", async () => {
    const claimId = await knownClaim('WC0000812');
    const wrong = await call('POST', '/documents', { role: 'case-manager', body: letter(claimId, 'WC0000813'), headers: { 'idempotency-key': `num-${randomUUID()}` } });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).problems).toEqual([{ field: 'data.claimNumber', problem: `is WC0000813, but claim ${claimId} is WC0000812` }]);
    const unknown = randomUUID();
    // A member of staff is refused a claim the service has not heard of (it cannot tell who works on it);
    // the notifications service, with its own credential, is told to retry (409).
    const early = await call('POST', '/documents', { role: 'case-manager', body: letter(unknown, 'WC0000812'), headers: { 'idempotency-key': `num-${randomUUID()}` } });
    expect(early.status).toBe(403);
    expect((await early.json()).message).toMatch(/does not yet know who works on claim/);
    const fromService = await fetch(`${base}/documents`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': `num-${randomUUID()}`,
        authorization: `Bearer ${await mintServiceToken('notifications-service', ['documents:write'], servicePrivateKey('notifications-service'))}`,
      },
      body: JSON.stringify(letter(unknown, 'WC0000812')),
    });
    expect(fromService.status).toBe(409);
    expect((await fromService.json()).message).toMatch(/not known to the documents service yet/);
    expect(await stored(claimId)).toBe(0);
    expect(await stored(unknown)).toBe(0);
  });

  it('dates a letter today; only a team leader dates it otherwise, with a reason that is stored', async () => {
    const claimId = await knownClaim('WC0000814');
    const yesterday = sydneyAt(Date.now() - 86_400_000).date;
    const late = await call('POST', '/documents', { role: 'case-manager', body: letter(claimId, 'WC0000814', { issuedOn: yesterday }), headers: { 'idempotency-key': `date-${randomUUID()}` } });
    expect(late.status).toBe(400);
    expect((await late.json()).problems).toEqual([{ field: 'data.issuedOn', problem: expect.stringContaining(`is ${yesterday}, but a letter is dated the day it is written (${today} in Sydney)`) }]);
    const reason = 'Replaces the letter of that date returned to sender; the worker asked for it as first dated.';
    const byCaseManager = await call('POST', '/documents', {
      role: 'case-manager',
      user: 'casey',
      body: { ...letter(claimId, 'WC0000814', { issuedOn: yesterday }), dated: { reason } },
      headers: { 'idempotency-key': `date-${randomUUID()}` },
    });
    expect(byCaseManager.status).toBe(403);
    expect(await stored(claimId)).toBe(0);
    const needless = await call('POST', '/documents', { role: 'team-leader', body: { ...letter(claimId, 'WC0000814'), dated: { reason } }, headers: { 'idempotency-key': `date-${randomUUID()}` } });
    expect(needless.status).toBe(400);
    const byTeamLeader = await call('POST', '/documents', {
      role: 'team-leader',
      user: 'tess',
      body: { ...letter(claimId, 'WC0000814', { issuedOn: yesterday }), dated: { reason } },
      headers: { 'idempotency-key': `date-${randomUUID()}` },
    });
    expect(byTeamLeader.status).toBe(201);
    const ahead = await call('POST', '/documents', {
      role: 'team-leader',
      user: 'tess',
      body: { ...letter(claimId, 'WC0000814', { issuedOn: sydneyAt(Date.now() + 2 * 86_400_000).date }), dated: { reason } },
      headers: { 'idempotency-key': `date-${randomUUID()}` },
    });
    expect(ahead.status).toBe(400);
    expect((await ahead.json()).problems[0].problem).toMatch(/never dated ahead/);
    const doc = await byTeamLeader.json();
    expect(doc).toMatchObject({ datedReason: reason, createdBy: 'tess' });
    expect((await pg.query(`SELECT dated_reason, created_by FROM ${schema}.documents WHERE id = $1`, [doc.id])).rows).toEqual([{ dated_reason: reason, created_by: 'tess' }]);
  });

  it('refuses text the fonts cannot print (a bell character; a NUL no route takes) and a contact phone of TBC, naming the field, storing nothing', async () => {
    const claimId = await knownClaim('WC0000815');
    const bell = await call('POST', '/documents', {
      role: 'case-manager',
      body: letter(claimId, 'WC0000815', { worker: { givenName: 'Ar\u0007i', familyName: 'Thompson' } }),
      headers: { 'idempotency-key': `bell-${randomUUID()}` },
    });
    expect(bell.status).toBe(400);
    expect((await bell.json()).problems).toEqual([{ field: 'data.worker.givenName', problem: "contains the character U+0007, which the letters' fonts cannot print" }]);
    const withNul = await call('POST', '/documents', {
      role: 'case-manager',
      body: letter(claimId, 'WC0000815', { worker: { givenName: 'Ar\u0000i', familyName: 'Thompson' } }),
      headers: { 'idempotency-key': `nul-${randomUUID()}` },
    });
    expect([withNul.status, (await withNul.json()).problems]).toEqual([400, [{ field: 'data.worker.givenName', problem: 'must not contain a NUL character (U+0000): it cannot be stored' }]]);
    const tbc = await call('POST', '/documents', {
      role: 'case-manager',
      body: letter(claimId, 'WC0000815', { contact: { ...contact, phone: 'TBC' } }),
      headers: { 'idempotency-key': `tbc-${randomUUID()}` },
    });
    expect(tbc.status).toBe(400);
    expect((await tbc.json()).problems.map((p: { field: string }) => p.field)).toEqual(['data.contact.phone']);
    expect(await stored(claimId)).toBe(0);
  });

  it('prints a worker named 李小龙 as given, in embedded fonts', async () => {
    const claimId = await knownClaim('WC0000816');
    const res = await call('POST', '/documents', {
      role: 'case-manager',
      body: letter(claimId, 'WC0000816', { worker: { givenName: '小龙', familyName: '李', nameOrder: 'family-first' } }),
      headers: { 'idempotency-key': `li-${randomUUID()}` },
    });
    expect(res.status).toBe(201);
    const doc = await res.json();
    const bytes = Buffer.from(await (await call('GET', `/documents/${doc.id}/content`, { role: 'case-manager' })).arrayBuffer());
    expect(pdfText(bytes)).toContain('Dear 李小龙,');
  });
});

describe('reading documents', () => {
  it('metadata by id; content as application/pdf, each read recorded with who read it', async () => {
    const claimId = await knownClaim('WC0000901');
    const doc = await (await call('POST', '/documents', { role: 'case-manager', body: letter(claimId, 'WC0000901'), headers: { 'idempotency-key': `read-${claimId}` } })).json();

    const meta = await call('GET', `/documents/${doc.id}`, { role: 'reviewer' });
    expect(meta.status).toBe(200);
    expect(await meta.json()).toEqual(doc);
    const reads = () => pg.query(`SELECT "user", role FROM ${schema}.document_reads WHERE document_id = $1 ORDER BY id`, [doc.id]).then((r) => r.rows);
    expect(await reads()).toEqual([]); // metadata is not the health information

    const res = await call('GET', `/documents/${doc.id}/content`, { role: 'team-leader', user: 'terry' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(`sha256:${createHash('sha256').update(bytes).digest('hex')}`).toBe(doc.contentHash);
    expect(bytes.length).toBe(doc.size);
    const text = pdfText(bytes).replace(/\s+/g, ' ');
    expect(text).toContain('WC0000901');
    expect(text).toContain('Dear Ari Thompson,');

    await call('GET', `/documents/${doc.id}/content`, { role: 'case-manager', user: 'casey' });
    expect(await reads()).toEqual([
      { user: 'terry', role: 'team-leader' },
      { user: 'casey', role: 'case-manager' },
    ]);
  });

  it('404 for an unknown document (and no read recorded), 400 for an id that is not a uuid', async () => {
    const id = randomUUID();
    expect((await call('GET', `/documents/${id}`, { role: 'case-manager' })).status).toBe(404);
    expect((await call('GET', `/documents/${id}/content`, { role: 'case-manager' })).status).toBe(404);
    expect((await pg.query(`SELECT 1 FROM ${schema}.document_reads WHERE document_id = $1`, [id])).rowCount).toBe(0);
    expect((await call('GET', '/documents/nope', { role: 'case-manager' })).status).toBe(400);
    expect((await call('GET', `/documents/${id}/content`)).status).toBe(401);
  });
});
