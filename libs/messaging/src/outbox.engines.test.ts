/**
 * The outbox against the real PostgreSQL and Kafka: what is committed reaches Kafka once and in
 * order per claim, what rolled back never does, two relays share the work without duplicates or
 * reordering, and a failed publish loses nothing.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import type { DataSource } from 'typeorm';
import type { Envelope } from '@wc/contracts';
import { createKafka, type IncomingMessage, type KafkaClient, type Publisher } from './kafka';
import { newEnvelope } from './envelope';
import { enqueue, OutboxRelay, OutboxRelayError, outboxHeadersSql, outboxTableSql } from './outbox';
import { captureLogger, collectTopic, idsByKey, kafkaClient, openDataSource, uniqueId, waitFor } from './test-support/engines';

jest.setTimeout(120_000);

const run = uniqueId('outbox');
const schema = `msg_${run}`;
const topic = (name: string) => `test.messaging.${run}.${name}`;
const TOPICS = { order: topic('order'), parallel: topic('parallel'), held: topic('held'), failure: topic('failure') };

let ds: DataSource;
let kafka: KafkaClient;
let publisher: Publisher;
const logger = captureLogger(['error']);

beforeAll(async () => {
  ds = await openDataSource();
  await ds.query(`CREATE SCHEMA "${schema}"`);
  for (const sql of [...outboxTableSql(schema), ...outboxHeadersSql(schema)]) await ds.query(sql);
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
const step = (claimId: string, seq: number) => newEnvelope({ type: 'test.step', source: 'wc/messaging-test', subject: claimId, data: { seq } });

/**
 * "Published once, no duplicate" is proven by a later marker, never by waiting a while: one marker
 * event per claim, enqueued after everything under test and relayed through the same outbox. The
 * relay publishes a key's rows in (created_at, id) order and Kafka keeps a key's messages in order on
 * its partition, so once a claim's marker has been consumed, everything the relay ever published for
 * that claim before it (a duplicate included) has been consumed too.
 */
const marker = (claimId: string) => newEnvelope({ type: 'test.marker', source: 'wc/messaging-test', subject: claimId, data: {} });
const isMarker = (m: IncomingMessage) => JSON.parse(m.value!.toString()).type === 'test.marker';

/** Enqueues one marker per claim (one transaction); returns each claim's marker id. */
async function enqueueMarkers(t: string, claims: string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  await ds.transaction(async (manager) => {
    for (const c of claims) {
      const e = marker(c);
      await enqueue(manager, schema, t, e);
      ids.set(c, e.id);
    }
  });
  return ids;
}

/** Waits until every marker has been consumed from the topic. */
async function markersArrived(collector: { messages: IncomingMessage[] }, markers: Map<string, string>) {
  const wanted = new Set(markers.values());
  await waitFor(`${wanted.size} marker(s) on Kafka`, () => {
    const seen = new Set(collector.messages.filter(isMarker).map((m) => JSON.parse(m.value!.toString()).id));
    return [...wanted].every((id) => seen.has(id));
  });
}

/** The expected ids per key, each claim's marker last. */
const withMarkers = (expected: Map<string, string[]>, markers: Map<string, string>) => new Map([...expected].map(([c, ids]) => [c, [...ids, markers.get(c)!]]));

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
  await expect(enqueue(ds.manager, schema, TOPICS.order, step(randomUUID(), 0))).rejects.toThrow(/inside the transaction/);
  await expect(ds.transaction((m) => enqueue(m, schema, TOPICS.order, { ...step(randomUUID(), 0), id: 'nope' }))).rejects.toThrow(/invalid envelope: id: must be a uuid/);
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
  let markers = new Map<string, string>();
  const started = Date.now();
  relay.start();
  try {
    await waitFor('the outbox to drain', async () => (await unpublished(TOPICS.order)) === 0);
    await waitFor(`${total} messages on Kafka`, () => collector.messages.length >= total);
    console.log(`outbox order: ${total} events relayed and consumed in ${Date.now() - started} ms`);
    // A later marker per claim through the same relay: once consumed, any duplicate would have been too.
    markers = await enqueueMarkers(TOPICS.order, claims);
    await markersArrived(collector, markers);
  } finally {
    await relay.stop();
    await collector.stop();
  }

  expect(collector.messages.filter((m) => !isMarker(m))).toHaveLength(total);
  expect(collector.messages).toHaveLength(total + claims.length);
  expect(idsByKey(collector.messages)).toEqual(withMarkers(expected, markers));
  const seen = new Set(collector.messages.map((m) => JSON.parse(m.value!.toString()).id));
  for (const e of rolledBack) expect(seen.has(e.id)).toBe(false);
  // One claim, one partition; and the envelope's content type travels as a header.
  for (const c of claims) {
    expect(new Set(collector.messages.filter((m) => m.key === c).map((m) => m.partition)).size).toBe(1);
  }
  expect(collector.messages[0].headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
  const rows = await ds.query(`SELECT attempts, last_error FROM "${schema}".outbox WHERE topic = $1 AND envelope->>'type' = 'test.step'`, [TOPICS.order]);
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
  const relays = [new OutboxRelay({ dataSource: ds, schema, publisher, batchSize: 20, logger }), new OutboxRelay({ dataSource: ds, schema, publisher: publisherB, batchSize: 20, logger })];
  const counts = [0, 0];
  let markers = new Map<string, string>();
  const markerCounts = [0, 0];
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
    // Then a marker per claim, relayed by both relays again: once all are consumed, nothing is still on its way.
    markers = await enqueueMarkers(TOPICS.parallel, claims);
    await Promise.all(
      relays.map(async (relay, i) => {
        while ((await unpublished(TOPICS.parallel)) > 0) markerCounts[i] += await relay.relayOnce();
      }),
    );
    await markersArrived(collector, markers);
  } finally {
    await collector.stop();
    await publisherB.disconnect();
  }

  expect(counts[0] + counts[1]).toBe(total);
  expect(counts[0]).toBeGreaterThan(0);
  expect(counts[1]).toBeGreaterThan(0);
  expect(markerCounts[0] + markerCounts[1]).toBe(claims.length);
  expect(collector.messages.filter((m) => !isMarker(m))).toHaveLength(total);
  expect(collector.messages).toHaveLength(total + claims.length);
  expect(idsByKey(collector.messages)).toEqual(withMarkers(expected, markers));
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
  const t = TOPICS.held; // a topic of its own: what is on it is this test's only
  const [held, other] = [randomUUID(), randomUUID()];
  const heldEvents = Array.from({ length: 6 }, (_, i) => step(held, i));
  const otherEvents = Array.from({ length: 3 }, (_, i) => step(other, i));
  await ds.transaction(async (m) => {
    for (const e of heldEvents) await enqueue(m, schema, t, e);
  });
  await ds.transaction(async (m) => {
    for (const e of otherEvents) await enqueue(m, schema, t, e);
  });
  const collector = await collectTopic(kafka, t);
  let markers = new Map<string, string>();
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
    await waitFor('9 messages on Kafka', () => collector.messages.length >= 9);
    // A marker per claim after them, through relay B: once consumed, nothing else is on its way.
    markers = await enqueueMarkers(t, [held, other]);
    expect(await relayB.relayOnce()).toBe(2);
    await markersArrived(collector, markers);
  } finally {
    // Never leave A's transaction open (its locks would block the schema's DROP in afterAll).
    gate.release(new Error('test over'));
    await a;
    await collector.stop();
  }
  const byKey = idsByKey(collector.messages);
  expect(byKey.get(held)).toEqual([...heldEvents.map((e) => e.id), markers.get(held)]);
  expect(byKey.get(other)).toHaveLength(3 + 1);
  expect(byKey.get(other)).toEqual([...otherEvents.map((e) => e.id), markers.get(other)]);
  expect(collector.messages).toHaveLength(9 + 2);
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
    (await ds.query(`SELECT attempts, last_error FROM "${schema}".outbox WHERE topic = $1 AND envelope->>'type' = 'test.step' ORDER BY created_at, id`, [TOPICS.failure])) as {
      attempts: number;
      last_error: string | null;
    }[];

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
  await waitFor('a backed-off failure', () => logger.records.some((r) => r.message === 'outbox: publish failed, backing off'));
  started = Date.now();
  await looping.stop();
  expect(Date.now() - started).toBeLessThan(5000);
  expect(await unpublished(TOPICS.failure)).toBe(total);

  // 4. A relay with a working publisher publishes all of them, once, in order.
  const collector = await collectTopic(kafka, TOPICS.failure);
  const relay3 = new OutboxRelay({ dataSource: ds, schema, publisher, logger });
  let markers = new Map<string, string>();
  try {
    expect(await relay3.relayOnce()).toBe(total);
    expect(await relay3.relayOnce()).toBe(0);
    await waitFor(`${total} messages on Kafka`, () => collector.messages.length >= total);
    // A marker per claim after them, through the same relay: once consumed, nothing else is on its way.
    markers = await enqueueMarkers(TOPICS.failure, claims);
    expect(await relay3.relayOnce()).toBe(claims.length);
    await markersArrived(collector, markers);
  } finally {
    await collector.stop();
  }
  expect(collector.messages.filter((m) => !isMarker(m))).toHaveLength(total);
  expect(collector.messages).toHaveLength(total + claims.length);
  expect(idsByKey(collector.messages)).toEqual(withMarkers(expected, markers));
  for (const row of await attempts()) {
    expect(row.attempts).toBeGreaterThanOrEqual(3);
    expect(row.last_error).toBeNull();
  }
});
