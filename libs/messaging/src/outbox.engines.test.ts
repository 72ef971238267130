/**
 * The outbox against the real PostgreSQL and Kafka: what is committed reaches Kafka once and in
 * order per claim, what rolled back never does, two relays share the work without duplicates or
 * reordering, and a failed publish loses nothing.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import type { DataSource } from 'typeorm';
import type { Envelope } from '@wc/contracts';
import { createKafka, type KafkaClient, type Publisher } from './kafka';
import { newEnvelope } from './envelope';
import { enqueue, OutboxRelay, OutboxRelayError, outboxTableSql } from './outbox';
import {
  captureLogger,
  collectTopic,
  idsByKey,
  kafkaClient,
  openDataSource,
  uniqueId,
  waitFor,
} from './test-support/engines';

jest.setTimeout(120_000);

const run = uniqueId('outbox');
const schema = `msg_${run}`;
const topic = (name: string) => `test.messaging.${run}.${name}`;
const TOPICS = { order: topic('order'), parallel: topic('parallel'), failure: topic('failure') };

let ds: DataSource;
let kafka: KafkaClient;
let publisher: Publisher;
const logger = captureLogger(['error']);

beforeAll(async () => {
  ds = await openDataSource();
  await ds.query(`CREATE SCHEMA "${schema}"`);
  for (const sql of outboxTableSql(schema)) await ds.query(sql);
  kafka = kafkaClient(`outbox-test-${run}`, logger);
  await kafka.ensureTopics(Object.values(TOPICS), 3);
  publisher = kafka.publisher();
  await publisher.connect();
});

afterAll(async () => {
  await publisher?.disconnect();
  await kafka?.deleteTopics(Object.values(TOPICS)).catch(() => undefined);
  await ds?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await ds?.destroy();
});

/** One event of claim `claimId`; `seq` makes the expected order readable in a failure. */
const step = (claimId: string, seq: number) =>
  newEnvelope({ type: 'test.step', source: 'wc/messaging-test', subject: claimId, data: { seq } });

async function unpublished(t: string): Promise<number> {
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM "${schema}".outbox WHERE topic = $1 AND published_at IS NULL`, [t]);
  return n;
}

/** Enqueues, in `transactions` separate transactions, `perClaim` events for each of `claims` claims, interleaved. */
async function enqueueInterleaved(t: string, claims: string[], perClaim: number, transactions: number) {
  const expected = new Map<string, string[]>(claims.map((c) => [c, []]));
  const all: Envelope<unknown>[] = [];
  for (let seq = 0; seq < perClaim; seq++) for (const c of claims) all.push(step(c, seq));
  const size = Math.ceil(all.length / transactions);
  for (let i = 0; i < all.length; i += size) {
    await ds.transaction(async (manager) => {
      for (const e of all.slice(i, i + size)) {
        await enqueue(manager, schema, t, e);
        expected.get(e.subject)!.push(e.id);
      }
    });
  }
  return { expected, total: all.length };
}

it('refuses to enqueue outside a transaction, and rejects an invalid envelope', async () => {
  await expect(enqueue(ds.manager, schema, TOPICS.order, step(randomUUID(), 0))).rejects.toThrow(
    /inside the transaction/,
  );
  await expect(
    ds.transaction((m) => enqueue(m, schema, TOPICS.order, { ...step(randomUUID(), 0), id: 'nope' })),
  ).rejects.toThrow(/invalid envelope: id: Invalid uuid/);
  expect(await unpublished(TOPICS.order)).toBe(0);
});

it('publishes committed events exactly once, in order per claim, and never those rolled back', async () => {
  const claims = [randomUUID(), randomUUID(), randomUUID()];

  // A transaction that enqueues and then fails: its events must never leave the database.
  const rolledBack = [step(claims[0], -1), step(claims[1], -1)];
  await expect(
    ds.transaction(async (manager) => {
      for (const e of rolledBack) await enqueue(manager, schema, TOPICS.order, e);
      throw new Error('domain change failed');
    }),
  ).rejects.toThrow('domain change failed');

  const { expected, total } = await enqueueInterleaved(TOPICS.order, claims, 8, 4);
  const collector = await collectTopic(kafka, TOPICS.order);
  // Small batches so the ordering has to hold across several batches too.
  const relay = new OutboxRelay({ dataSource: ds, schema, publisher, batchSize: 5, pollIntervalMs: 50, logger });
  const started = Date.now();
  relay.start();
  try {
    await waitFor('the outbox to drain', async () => (await unpublished(TOPICS.order)) === 0);
    await waitFor(`${total} messages on Kafka`, () => collector.messages.length >= total);
    console.log(`outbox order: ${total} events relayed and consumed in ${Date.now() - started} ms`);
    await new Promise((r) => setTimeout(r, 1000)); // room for a duplicate to show up
  } finally {
    await relay.stop();
    await collector.stop();
  }

  expect(collector.messages).toHaveLength(total);
  expect(idsByKey(collector.messages)).toEqual(expected);
  const seen = new Set(collector.messages.map((m) => JSON.parse(m.value!.toString()).id));
  for (const e of rolledBack) expect(seen.has(e.id)).toBe(false);
  // One claim, one partition; and the envelope's content type travels as a header.
  for (const c of claims) {
    expect(new Set(collector.messages.filter((m) => m.key === c).map((m) => m.partition)).size).toBe(1);
  }
  expect(collector.messages[0].headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
  const rows = await ds.query(`SELECT attempts, last_error FROM "${schema}".outbox WHERE topic = $1`, [TOPICS.order]);
  expect(rows).toHaveLength(total);
  expect(rows.every((r: { attempts: number; last_error: string | null }) => r.attempts === 1 && r.last_error === null)).toBe(true);
});

it('two relays at once publish each event once and keep each claim in order', async () => {
  const claims = Array.from({ length: 10 }, () => randomUUID());
  const { expected, total } = await enqueueInterleaved(TOPICS.parallel, claims, 30, 10);
  const collector = await collectTopic(kafka, TOPICS.parallel);
  // Each relay with its own publisher (as two replicas of a service would be).
  const publisherB = kafka.publisher();
  await publisherB.connect();
  const relays = [
    new OutboxRelay({ dataSource: ds, schema, publisher, batchSize: 20, logger }),
    new OutboxRelay({ dataSource: ds, schema, publisher: publisherB, batchSize: 20, logger }),
  ];
  const counts = [0, 0];
  const started = Date.now();
  try {
    // Drive relayOnce directly, as fast as possible, so the two really overlap.
    await Promise.all(
      relays.map(async (relay, i) => {
        while ((await unpublished(TOPICS.parallel)) > 0) counts[i] += await relay.relayOnce();
      }),
    );
    const relayedMs = Date.now() - started;
    await waitFor(`${total} messages on Kafka`, () => collector.messages.length >= total);
    console.log(`outbox parallel: ${total} events, relays published ${counts.join(' + ')} in ${relayedMs} ms`);
    await new Promise((r) => setTimeout(r, 1000));
  } finally {
    await collector.stop();
    await publisherB.disconnect();
  }

  expect(counts[0] + counts[1]).toBe(total);
  expect(counts[0]).toBeGreaterThan(0);
  expect(counts[1]).toBeGreaterThan(0);
  expect(collector.messages).toHaveLength(total);
  expect(idsByKey(collector.messages)).toEqual(expected);
});

/**
 * Wraps the real publisher and holds each publish until released, so a test can keep one relay's
 * batch in flight (its rows locked) while another relay runs. Messages still go to the real Kafka.
 */
function gated(inner: Publisher) {
  let entered!: () => void;
  let release!: (err?: Error) => void;
  const inFlight = new Promise<void>((r) => (entered = r));
  const gate = new Promise<Error | undefined>((r) => (release = r));
  const publisher: Publisher = {
    connect: () => inner.connect(),
    disconnect: () => inner.disconnect(),
    async publish(t, messages) {
      entered();
      const err = await gate;
      if (err) throw err;
      return inner.publish(t, messages);
    },
  };
  return { publisher, inFlight, release };
}

it('while one relay holds a claim’s earlier events, another skips that claim’s later ones, even if the first then fails', async () => {
  const t = TOPICS.parallel;
  const [held, other] = [randomUUID(), randomUUID()];
  const heldEvents = Array.from({ length: 6 }, (_, i) => step(held, i));
  await ds.transaction(async (m) => {
    for (const e of heldEvents) await enqueue(m, schema, t, e);
  });
  await ds.transaction(async (m) => {
    for (let i = 0; i < 3; i++) await enqueue(m, schema, t, step(other, i));
  });
  const collector = await collectTopic(kafka, t);
  const before = collector.messages.length; // the previous test's messages are on this topic too
  const gate = gated(publisher);
  const relayA = new OutboxRelay({ dataSource: ds, schema, publisher: gate.publisher, batchSize: 2, logger });
  const relayB = new OutboxRelay({ dataSource: ds, schema, publisher, batchSize: 100, logger });
  let a: Promise<unknown> | undefined;
  try {
    a = relayA.relayOnce().catch((e: unknown) => e); // locks heldEvents[0..1], then waits at the gate
    await gate.inFlight;
    // B may publish the other claim, but none of `held`'s later events (they would overtake 0 and 1).
    const whileHeld = await relayB.relayOnce();
    gate.release(new Error('broker went away')); // A fails and rolls back: 0 and 1 are unpublished again
    expect(await a).toBeInstanceOf(OutboxRelayError);
    expect(whileHeld).toBe(3);
    expect(await relayB.relayOnce()).toBe(6);
    await waitFor('9 more messages on Kafka', () => collector.messages.length >= before + 9);
    await new Promise((r) => setTimeout(r, 500));
  } finally {
    // Never leave A's transaction open (its locks would block the schema's DROP in afterAll).
    gate.release(new Error('test over'));
    await a;
    await collector.stop();
  }
  const byKey = idsByKey(collector.messages);
  expect(byKey.get(held)).toEqual(heldEvents.map((e) => e.id));
  expect(byKey.get(other)).toHaveLength(3);
});

/** A port nothing listens on: listen on an ephemeral port, then close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

it('a failed publish leaves the events unpublished with attempts recorded; a later relay publishes them', async () => {
  const claims = [randomUUID(), randomUUID()];
  const { expected, total } = await enqueueInterleaved(TOPICS.failure, claims, 3, 2);
  const attempts = async () =>
    (await ds.query(`SELECT attempts, last_error FROM "${schema}".outbox WHERE topic = $1 ORDER BY created_at, id`, [
      TOPICS.failure,
    ])) as { attempts: number; last_error: string | null }[];

  // 1. The publisher was stopped.
  const stopped = kafka.publisher();
  await stopped.connect();
  await stopped.disconnect();
  const relay1 = new OutboxRelay({ dataSource: ds, schema, publisher: stopped, logger });
  const err = await relay1.relayOnce().catch((e: unknown) => e);
  expect(err).toBeInstanceOf(OutboxRelayError);
  expect((err as OutboxRelayError).eventIds).toHaveLength(total);
  expect(await unpublished(TOPICS.failure)).toBe(total);
  for (const row of await attempts()) {
    expect(row.attempts).toBe(1);
    expect(row.last_error).toMatch(/publisher is disconnected/);
  }

  // 2. The broker is unreachable (a closed port), with short timeouts so the test stays quick.
  const deadKafka = createKafka({
    brokers: [`127.0.0.1:${await closedPort()}`],
    clientId: `outbox-test-dead-${run}`,
    logger: captureLogger(),
    logLevel: 'error',
    connectionTimeoutMs: 300,
    retry: { retries: 1, initialRetryTimeMs: 50, maxRetryTimeMs: 100 },
  });
  const unreachable = deadKafka.publisher({ retry: { retries: 1, initialRetryTimeMs: 50, maxRetryTimeMs: 100 } });
  const relay2 = new OutboxRelay({ dataSource: ds, schema, publisher: unreachable, logger });
  let started = Date.now();
  await expect(relay2.relayOnce()).rejects.toThrow(OutboxRelayError);
  console.log(`outbox failure: publish to a closed port failed after ${Date.now() - started} ms`);
  expect(await unpublished(TOPICS.failure)).toBe(total);
  for (const row of await attempts()) {
    expect(row.attempts).toBe(2);
    expect(row.last_error).toMatch(/ECONNREFUSED|Connection error|KafkaJS/);
  }

  // 3. The background loop keeps failing, backs off, and still stops promptly.
  const looping = new OutboxRelay({ dataSource: ds, schema, publisher: unreachable, pollIntervalMs: 20, logger });
  looping.start();
  await waitFor('a backed-off failure', () =>
    logger.records.some((r) => r.message === 'outbox: publish failed, backing off'),
  );
  started = Date.now();
  await looping.stop();
  expect(Date.now() - started).toBeLessThan(5000);
  expect(await unpublished(TOPICS.failure)).toBe(total);

  // 4. A relay with a working publisher publishes all of them, once, in order.
  const collector = await collectTopic(kafka, TOPICS.failure);
  const relay3 = new OutboxRelay({ dataSource: ds, schema, publisher, logger });
  try {
    expect(await relay3.relayOnce()).toBe(total);
    expect(await relay3.relayOnce()).toBe(0);
    await waitFor(`${total} messages on Kafka`, () => collector.messages.length >= total);
    await new Promise((r) => setTimeout(r, 500));
  } finally {
    await collector.stop();
  }
  expect(collector.messages).toHaveLength(total);
  expect(idsByKey(collector.messages)).toEqual(expected);
  for (const row of await attempts()) {
    expect(row.attempts).toBeGreaterThanOrEqual(3);
    expect(row.last_error).toBeNull();
  }
});
