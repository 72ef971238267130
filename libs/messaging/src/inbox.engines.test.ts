/**
 * Idempotent consumers against the real Kafka and PostgreSQL: a redelivered event is handled once,
 * a failed handler's writes roll back and the event is retried, a malformed message and an event
 * whose handler keeps failing are parked (and the partition moves on), a parked event replayed is
 * handled once, and a restarted consumer handles nothing twice.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Envelope } from '@wc/contracts';
import { isEvent, newEnvelope } from './envelope';
import { IdempotentConsumer, inboxTableSql } from './inbox';
import type { KafkaClient, OutgoingMessage, Publisher } from './kafka';
import { REPLAY_FOR_HEADER, listParked, parkedEventsTableSql, replayParked } from './parking';
import { captureLogger, collectTopic, kafkaClient, openDataSource, uniqueId, waitFor } from './test-support/engines';

jest.setTimeout(120_000);

const run = uniqueId('inbox');
const schema = `msg_${run}`;
const topic = (name: string) => `test.messaging.${run}.${name}`;
const TOPICS = {
  redelivery: topic('redelivery'),
  retry: topic('retry'),
  malformed: topic('malformed'),
  poison: topic('poison'),
  restart: topic('restart'),
};

let ds: DataSource;
let kafka: KafkaClient;
let publisher: Publisher;

beforeAll(async () => {
  ds = await openDataSource();
  await ds.query(`CREATE SCHEMA "${schema}"`);
  for (const sql of [...inboxTableSql(schema), ...parkedEventsTableSql(schema)]) await ds.query(sql);
  // What the handlers "do": one row per handled event, written through the inbox transaction.
  await ds.query(`CREATE TABLE "${schema}".effects (event_id uuid NOT NULL, claim_id text NOT NULL, note text)`);
  kafka = kafkaClient(`inbox-test-${run}`, captureLogger(['error']));
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

const step = (claimId: string, seq: number) => newEnvelope({ type: 'test.step', source: 'wc/messaging-test', subject: claimId, data: { seq } });
const asMessage = (e: Envelope<unknown>): OutgoingMessage => ({ key: e.subject, value: JSON.stringify(e) });

/**
 * "Handled once" is proven by a later marker, never by waiting a while: an event of the same claim
 * (same key, so the same partition) published after everything under test. A partition is consumed
 * one message at a time, in order, so once the consumer has handled the marker it has finished with
 * everything published before it: a duplicate would already have been handled (or skipped).
 */
async function publishMarker(t: string, claim: string): Promise<Envelope<unknown>> {
  const marker = newEnvelope({ type: 'test.marker', source: 'wc/messaging-test', subject: claim, data: {} });
  await publisher.publish(t, [asMessage(marker)]);
  return marker;
}
const markerHandled = (calls: string[], marker: Envelope<unknown>) => waitFor(`the marker ${marker.id} to be handled`, () => calls.includes(marker.id));

/** A consumer whose handler records each call and writes an effect row in the inbox transaction. */
function consumerFor(t: string, groupId: string, extra: (e: Envelope<unknown>, manager: EntityManager, attempt: number) => Promise<void> = async () => undefined, maxAttempts?: number) {
  const calls: string[] = [];
  const logger = captureLogger(['error']);
  const consumer = new IdempotentConsumer({
    kafka,
    groupId,
    topics: [t],
    dataSource: ds,
    schema,
    fromBeginning: true,
    logger,
    retry: { initialRetryTimeMs: 100, maxRetryTimeMs: 1000 },
    maxAttempts,
    // The poison test parks on attempts alone; the default also waits 15 minutes of failing.
    parkAfterMs: maxAttempts === undefined ? undefined : 0,
    handle: async (e, manager) => {
      calls.push(e.id);
      await manager.query(`INSERT INTO "${schema}".effects (event_id, claim_id, note) VALUES ($1, $2, $3)`, [e.id, e.subject, groupId]);
      await extra(e, manager, calls.filter((id) => id === e.id).length);
    },
  });
  return { consumer, calls, logger };
}

async function effects(eventIds: string[]): Promise<string[]> {
  const rows = await ds.query(`SELECT event_id FROM "${schema}".effects WHERE event_id = ANY($1::uuid[])`, [eventIds]);
  return rows.map((r: { event_id: string }) => r.event_id).sort();
}

const skippedDuplicates = (logger: ReturnType<typeof captureLogger>) => logger.records.filter((r) => r.message === 'duplicate event skipped').map((r) => r.fields.eventId);

it('handles a redelivered event (same id published twice) once', async () => {
  const claim = randomUUID();
  const [e1, e2] = [step(claim, 1), step(claim, 2)];
  const { consumer, calls, logger } = consumerFor(TOPICS.redelivery, uniqueId('g_redelivery'));
  let marker!: Envelope<unknown>;
  await consumer.start();
  try {
    await publisher.publish(TOPICS.redelivery, [asMessage(e1), asMessage(e1), asMessage(e2)]);
    await publisher.publish(TOPICS.redelivery, [asMessage(e2)]); // and once more, later
    marker = await publishMarker(TOPICS.redelivery, claim);
    await markerHandled(calls, marker);
  } finally {
    await consumer.stop();
  }
  expect(calls).toEqual([e1.id, e2.id, marker.id]);
  expect(skippedDuplicates(logger)).toEqual([e1.id, e2.id]);
  expect(await effects([e1.id, e2.id])).toEqual([e1.id, e2.id].sort());
  const inbox = await ds.query(`SELECT event_id, type, consumer FROM "${schema}".inbox WHERE event_id = ANY($1::uuid[])`, [[e1.id, e2.id]]);
  expect(inbox).toHaveLength(2);
  expect(inbox[0]).toMatchObject({ type: 'test.step' });
});

it('retries a handler that throws once, rolling back the failed attempt’s writes, and keeps the claim’s order', async () => {
  const claim = randomUUID();
  const claimNotified = newEnvelope({
    type: 'claim.notified',
    source: 'wc/claims-service',
    subject: claim,
    data: {
      claimId: claim,
      claimNumber: 'WC-2025-000777',
      worker: { givenName: 'Sam', familyName: 'Taylor' },
      employer: { name: 'Parramatta Builders Pty Ltd', policyNumber: 'POL-100200' },
      dateOfInjury: '2025-05-01',
      notificationDate: '2025-05-02',
      notificationComplete: false,
    },
  });
  const after = step(claim, 2);
  const seenNumbers: string[] = [];
  const { consumer, calls, logger } = consumerFor(TOPICS.retry, uniqueId('g_retry'), async (e, manager, attempt) => {
    if (isEvent(e, 'claim.notified')) seenNumbers.push(e.data.claimNumber); // typed, checked data
    if (e.id === claimNotified.id && attempt === 1) {
      // A write through the manager, then a failure: the write must not survive.
      await manager.query(`INSERT INTO "${schema}".effects (event_id, claim_id, note) VALUES ($1, $2, 'failed attempt')`, [e.id, e.subject]);
      throw new Error('downstream unavailable');
    }
  });
  let marker!: Envelope<unknown>;
  await consumer.start();
  const started = Date.now();
  try {
    await publisher.publish(TOPICS.retry, [asMessage(claimNotified), asMessage(after)]);
    await waitFor('the retried event and the next one', () => calls.length >= 3);
    console.log(`inbox retry: failed, retried and moved on in ${Date.now() - started} ms`);
    marker = await publishMarker(TOPICS.retry, claim);
    await markerHandled(calls, marker);
  } finally {
    await consumer.stop();
  }
  expect(calls).toEqual([claimNotified.id, claimNotified.id, after.id, marker.id]);
  expect(seenNumbers).toEqual(['WC-2025-000777', 'WC-2025-000777']);
  // One effect row per event: both rows of the failed attempt (effect + "failed attempt") rolled back.
  expect(await effects([claimNotified.id, after.id])).toEqual([claimNotified.id, after.id].sort());
  const failure = logger.records.find((r) => r.message === 'event handler failed; rolled back, will be retried');
  expect(failure?.fields).toMatchObject({
    claimId: claim,
    eventId: claimNotified.id,
    type: 'claim.notified',
    error: 'Error: downstream unavailable',
  });
});

const parkedLogs = (logger: ReturnType<typeof captureLogger>) => logger.records.filter((r) => r.message === 'event parked');

async function parkedRows(t: string) {
  return ds.query(`SELECT * FROM "${schema}".parked_events WHERE topic = $1 ORDER BY "offset"`, [t]);
}

it('parks a malformed message at once (the bytes as they came, with its offset) and carries on', async () => {
  const claim = randomUUID();
  const good = step(claim, 1);
  const badData = {
    ...newEnvelope({ type: 'test.step', source: 'wc/messaging-test', subject: claim, data: {} }),
    type: 'claim.notified', // a known type whose data is wrong
  };
  const group = uniqueId('g_malformed');
  const { consumer, calls, logger } = consumerFor(TOPICS.malformed, group);
  let marker!: Envelope<unknown>;
  await consumer.start();
  try {
    await publisher.publish(TOPICS.malformed, [
      { key: claim, value: 'this is {not JSON' },
      { key: claim, value: JSON.stringify(badData) },
      { key: claim, value: JSON.stringify({ hello: 'world' }) },
      asMessage(good),
    ]);
    await waitFor('the good event', () => calls.length >= 1);
    marker = await publishMarker(TOPICS.malformed, claim);
    await markerHandled(calls, marker);
  } finally {
    await consumer.stop();
  }
  expect(calls).toEqual([good.id, marker.id]);
  const rows = await parkedRows(TOPICS.malformed);
  expect(rows.map((r: { reason: string }) => r.reason)).toEqual(['not-json', 'invalid-data', 'invalid-envelope']);
  const offsets = rows.map((r: { offset: string }) => Number(r.offset));
  expect(offsets).toEqual([offsets[0], offsets[0] + 1, offsets[0] + 2]);
  expect(rows[0]).toMatchObject({ consumer: group, key: claim, value: Buffer.from('this is {not JSON'), event_id: null, attempts: 1, replayed_at: null });
  // An envelope whose data broke its contract still names its event and claim.
  expect(rows[1]).toMatchObject({ event_id: badData.id, type: 'claim.notified', subject: claim, value: Buffer.from(JSON.stringify(badData)) });
  expect(rows[1].error).toMatch(/^invalid data for claim\.notified .*: data\.claimId: is required; data\.claimNumber: is required/);
  const logged = parkedLogs(logger);
  expect(logged.map((r) => r.fields.reason)).toEqual(['not-json', 'invalid-data', 'invalid-envelope']);
  expect(logged[0].fields).toMatchObject({ topic: TOPICS.malformed, partition: rows[0].partition, offset: rows[0].offset, key: claim, parkedId: rows[0].id });
  expect(logged[1].fields).toMatchObject({ claimId: claim, eventId: badData.id });
});

it('parks an event whose handler fails every attempt, moves on to the next event of its partition, and handles it once when replayed', async () => {
  const claim = randomUUID();
  const [poison, after] = [step(claim, 1), step(claim, 2)];
  const group = uniqueId('g_poison');
  const { consumer, calls, logger } = consumerFor(
    TOPICS.poison,
    group,
    async (e, manager) => {
      if (e.id !== poison.id) return;
      // Writes first, then fails: what it wrote must roll back on every attempt.
      await manager.query(`INSERT INTO "${schema}".effects (event_id, claim_id, note) VALUES ($1, $2, 'failed attempt')`, [e.id, e.subject]);
      throw new Error('a bug in the handler');
    },
    3,
  );
  let marker!: Envelope<unknown>;
  await consumer.start();
  const started = Date.now();
  try {
    await publisher.publish(TOPICS.poison, [{ ...asMessage(poison), headers: { 'x-test': 'kept' } }, asMessage(after)]);
    await waitFor('the event after the poison one', () => calls.includes(after.id));
    console.log(`inbox poison: 3 attempts, parked and moved on in ${Date.now() - started} ms`);
    marker = await publishMarker(TOPICS.poison, claim);
    await markerHandled(calls, marker);
  } finally {
    await consumer.stop();
  }
  expect(calls).toEqual([poison.id, poison.id, poison.id, after.id, marker.id]);
  expect(await effects([poison.id])).toEqual([]);
  expect(await ds.query(`SELECT 1 FROM "${schema}".inbox WHERE event_id = $1`, [poison.id])).toEqual([]);
  const [row, ...others] = await parkedRows(TOPICS.poison);
  expect(others).toEqual([]);
  expect(row).toMatchObject({
    consumer: group,
    key: claim,
    value: Buffer.from(JSON.stringify(poison)),
    headers: { 'x-test': 'kept' },
    event_id: poison.id,
    type: 'test.step',
    subject: claim,
    reason: 'handler-failed',
    error: 'Error: a bug in the handler',
    attempts: 3,
    replayed_at: null,
    replayed_by: null,
  });
  expect(logger.records.filter((r) => r.message === 'event handler failed; rolled back, will be retried').map((r) => r.fields.attempt)).toEqual([1, 2]);
  expect(parkedLogs(logger).map((r) => r.fields)).toEqual([
    expect.objectContaining({ claimId: claim, eventId: poison.id, topic: TOPICS.poison, partition: row.partition, offset: row.offset, reason: 'handler-failed', attempts: 3, parkedId: row.id }),
  ]);
  expect((await listParked(ds, schema)).map((p) => p.id)).toContain(row.id);

  // The handler fixed (a new release of the consumer, same group), an operator replays it: handled once.
  const replay = consumerFor(TOPICS.poison, group);
  const replayed = await replayParked(ds, schema, row.id, 'it.admin', publisher);
  expect(replayed).toMatchObject({ status: 'replayed', event: { id: row.id, replayedBy: 'it.admin', replayedAt: expect.any(Date) } });
  expect(await replayParked(ds, schema, row.id, 'someone.else', publisher)).toMatchObject({ status: 'already-replayed', event: { replayedBy: 'it.admin' } });
  expect(await replayParked(ds, schema, randomUUID(), 'it.admin', publisher)).toEqual({ status: 'not-found' });
  let marker2!: Envelope<unknown>;
  await replay.consumer.start();
  try {
    marker2 = await publishMarker(TOPICS.poison, claim);
    await markerHandled(replay.calls, marker2);
  } finally {
    await replay.consumer.stop();
  }
  expect(replay.calls).toEqual([poison.id, marker2.id]);
  expect(await effects([poison.id])).toEqual([poison.id]);
  expect(await listParked(ds, schema)).not.toContainEqual(expect.objectContaining({ id: row.id }));
  expect(await listParked(ds, schema, { all: true })).toContainEqual(expect.objectContaining({ id: row.id, replayedBy: 'it.admin' }));

  // What went back on the topic: the same key, bytes and headers, marked for this consumer only.
  const topicNow = await collectTopic(kafka, TOPICS.poison);
  try {
    await waitFor('the whole topic', () => topicNow.messages.some((m) => m.key === claim && m.value?.toString().includes(marker2.id)));
  } finally {
    await topicNow.stop();
  }
  const copies = topicNow.messages.filter((m) => m.value?.equals(Buffer.from(JSON.stringify(poison))));
  expect(copies).toHaveLength(2);
  expect(copies[1]).toMatchObject({ key: claim, partition: row.partition, headers: { 'x-test': 'kept', [REPLAY_FOR_HEADER]: group } });
});

it('after a restart (stop, new consumer, same group) nothing is handled twice', async () => {
  const claim = randomUUID();
  const group = uniqueId('g_restart');
  const first = [step(claim, 1), step(claim, 2), step(claim, 3)];
  const a = consumerFor(TOPICS.restart, group);
  await a.consumer.start();
  try {
    await publisher.publish(TOPICS.restart, first.map(asMessage));
    await waitFor('the first consumer to handle 3 events', () => a.calls.length >= 3);
  } finally {
    await a.consumer.stop();
  }

  // While no one is consuming: a new event, and a republish of one already handled (as a relay
  // whose commit failed after publishing would do).
  const later = step(claim, 4);
  await publisher.publish(TOPICS.restart, [asMessage(later), asMessage(first[1])]);

  const b = consumerFor(TOPICS.restart, group);
  let marker!: Envelope<unknown>;
  const started = Date.now();
  await b.consumer.start();
  try {
    await waitFor('the second consumer to handle the new event', () => b.calls.length >= 1);
    await waitFor('the republished event to be recognised', () => skippedDuplicates(b.logger).length >= 1);
    console.log(`inbox restart: second consumer joined and caught up in ${Date.now() - started} ms`);
    marker = await publishMarker(TOPICS.restart, claim);
    await markerHandled(b.calls, marker);
  } finally {
    await b.consumer.stop();
  }
  expect(a.calls).toEqual(first.map((e) => e.id));
  expect(b.calls).toEqual([later.id, marker.id]);
  // The offsets committed by the first consumer held: the second saw only the republished duplicate.
  expect(skippedDuplicates(b.logger)).toEqual([first[1].id]);
  expect(await effects([...first, later].map((e) => e.id))).toEqual([...first, later].map((e) => e.id).sort());
});
