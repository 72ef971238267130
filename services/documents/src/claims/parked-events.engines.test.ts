/**
 * Parking in a service (issue 14), against the real PostgreSQL and Kafka: the documents service's
 * own consumer of the claims topic parks a claim.notified it cannot record, the metrics count it,
 * and an administrator lists and replays it over HTTP; once the cause is gone it is recorded.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { TOPICS } from '@wc/contracts';
import { type KafkaClient, type Publisher, createKafka, newEnvelope } from '@wc/messaging';
import { type Role, mintToken } from '@wc/service-kit';

jest.setTimeout(180_000);

const run = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const schema = `documents_parked_${run}`;
const consumer = `documents-service.claims.${schema}`;
const secret = randomBytes(32).toString('hex');
const key = new TextEncoder().encode(secret);

let app: INestApplication;
let base: string;
let pg: Client;
let kafka: KafkaClient;
let publisher: Publisher;

async function call(method: string, path: string, role?: Role) {
  const headers: Record<string, string> = role ? { authorization: `Bearer ${await mintToken({ user: role === 'admin' ? 'it.admin' : 'casey', role }, key)}` } : {};
  return fetch(`${base}${path}`, { method, headers });
}
async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  // Parked after 5 failed attempts, without the 15 minutes of failing a dependency's outage gets in production.
  Object.assign(process.env, { DB_SCHEMA: schema, AUTH_JWT_SECRET: secret, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', KAFKA_PARK_AFTER_MS: '0' });
  const { start } = await import('../main');
  app = await start({ port: 0 });
  base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  pg = new Client({ connectionString: process.env.DATABASE_URL });
  await pg.connect();
  kafka = createKafka({ brokers: process.env.KAFKA_BROKERS!, clientId: `documents-parked-test-${run}` });
  publisher = kafka.publisher();
  await publisher.connect();
});

afterAll(async () => {
  await publisher?.disconnect();
  await app?.close();
  await pg?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pg?.end();
});

it('parks a claim.notified it cannot record, counts it, and records it once an administrator replays it', async () => {
  const claimId = randomUUID();
  // This claim alone cannot be recorded (as a bug or a bad row would): every attempt fails.
  await pg.query(`CREATE FUNCTION ${schema}.refuse_claim() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF NEW.claim_id = '${claimId}' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$`);
  await pg.query(`CREATE TRIGGER refuse_claim BEFORE INSERT ON ${schema}.claims FOR EACH ROW EXECUTE FUNCTION ${schema}.refuse_claim()`);
  const event = newEnvelope({
    type: 'claim.notified',
    source: 'wc-claims/claims',
    subject: claimId,
    data: {
      claimId,
      claimNumber: 'WC0009414',
      worker: { givenName: 'Ari', familyName: 'Thompson' },
      employer: { name: 'Westside Bakeries Pty Ltd', policyNumber: 'WB-100200' },
      dateOfInjury: '2026-05-11',
      notificationDate: '2026-05-12',
      notificationComplete: true,
    },
  });
  await publisher.publish(TOPICS.claims, [{ key: claimId, value: JSON.stringify(event) }]);
  const parkedId = await waitFor('the event to be parked', async () => (await pg.query(`SELECT id FROM ${schema}.parked_events WHERE event_id = $1`, [event.id])).rows[0]?.id as string | undefined);

  expect((await call('GET', '/admin/parked-events')).status).toBe(401);
  expect((await call('GET', '/admin/parked-events', 'team-leader')).status).toBe(403);
  const listed = await call('GET', '/admin/parked-events', 'admin');
  expect(listed.status).toBe(200);
  const { parkedEvents } = (await listed.json()) as { parkedEvents: Record<string, unknown>[] };
  expect(parkedEvents.find((p) => p.id === parkedId)).toMatchObject({
    consumer,
    topic: TOPICS.claims,
    key: claimId,
    eventId: event.id,
    type: 'claim.notified',
    claimId,
    reason: 'handler-failed',
    error: expect.stringContaining('refused for the test'),
    attempts: 5,
    replayedAt: null,
  });
  expect(parkedEvents[0]).not.toHaveProperty('value');
  expect((await call('GET', '/admin/parked-events?limit=0', 'admin')).status).toBe(400);

  // Counted from the table (older runs may have left unreadable messages on the shared topic, parked here too).
  const [counts] = (await pg.query(`SELECT count(*)::int AS total, (count(*) FILTER (WHERE replayed_at IS NULL))::int AS waiting FROM ${schema}.parked_events`)).rows;
  const metrics = await (await fetch(`${base}/metrics`)).text();
  const line = (name: string) => metrics.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(`consumer="${consumer}"`));
  expect(line('kafka_events_parked_total')).toMatch(new RegExp(` ${counts.total}$`));
  expect(line('kafka_events_parked_waiting')).toMatch(new RegExp(` ${counts.waiting}$`));

  // The cause fixed, the administrator replays it: recorded, once; a second replay is refused.
  await pg.query(`DROP TRIGGER refuse_claim ON ${schema}.claims`);
  expect((await call('POST', `/admin/parked-events/${parkedId}/replay`, 'team-leader')).status).toBe(403);
  const replayed = await call('POST', `/admin/parked-events/${parkedId}/replay`, 'admin');
  expect(replayed.status).toBe(200);
  expect(await replayed.json()).toMatchObject({ id: parkedId, replayedBy: 'it.admin', replayedAt: expect.any(String) });
  expect((await call('POST', `/admin/parked-events/${parkedId}/replay`, 'admin')).status).toBe(409);
  expect((await call('POST', `/admin/parked-events/${randomUUID()}/replay`, 'admin')).status).toBe(404);
  expect((await call('POST', '/admin/parked-events/nope/replay', 'admin')).status).toBe(400);
  await waitFor(
    'the replayed claim to be recorded',
    async () => (await pg.query(`SELECT claim_number FROM ${schema}.claims WHERE claim_id = $1`, [claimId])).rows[0]?.claim_number as string | undefined,
  );
  const waiting = (await (await call('GET', '/admin/parked-events', 'admin')).json()) as { parkedEvents: { id: string }[] };
  expect(waiting.parkedEvents.map((p) => p.id)).not.toContain(parkedId);
});
