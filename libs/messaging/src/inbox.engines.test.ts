/**
 * Idempotent consumers against the real Kafka and PostgreSQL: a redelivered event is handled once,
 * a failed handler's writes roll back and the event is retried, a malformed message is skipped, and
 * a restarted consumer handles nothing twice.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Envelope } from '@wc/contracts';
import { isEvent, newEnvelope } from './envelope';
import { IdempotentConsumer, inboxTableSql } from './inbox';
import type { KafkaClient, OutgoingMessage, Publisher } from './kafka';
import { captureLogger, kafkaClient, openDataSource, uniqueId, waitFor } from './test-support/engines';

jest.setTimeout(120_000);

const run = uniqueId('inbox');
const schema = `msg_${run}`;
const topic = (name: string) => `test.messaging.${run}.${name}`;
const TOPICS = {
  redelivery: topic('redelivery'),
  retry: topic('retry'),
  malformed: topic('malformed'),
  restart: topic('restart'),
};

let ds: DataSource;
let kafka: KafkaClient;
let publisher: Publisher;

beforeAll(async () => {
  ds = await openDataSource();
  await ds.query(`CREATE SCHEMA "${schema}"`);
  for (const sql of inboxTableSql(schema)) await ds.query(sql);
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
function consumerFor(t: string, groupId: string, extra: (e: Envelope<unknown>, manager: EntityManager, attempt: number) => Promise<void> = async () => undefined) {
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

it('skips a malformed message (logged with its offset) and carries on', async () => {
  const claim = randomUUID();
  const good = step(claim, 1);
  const badData = {
    ...newEnvelope({ type: 'test.step', source: 'wc/messaging-test', subject: claim, data: {} }),
    type: 'claim.notified', // a known type whose data is wrong
  };
  const { consumer, calls, logger } = consumerFor(TOPICS.malformed, uniqueId('g_malformed'));
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
  const skipped = logger.records.filter((r) => r.message === 'skipping malformed event');
  expect(skipped.map((r) => r.fields.reason)).toEqual(['not-json', 'invalid-data', 'invalid-envelope']);
  const offsets = skipped.map((r) => Number(r.fields.offset));
  expect(offsets).toEqual([offsets[0], offsets[0] + 1, offsets[0] + 2]);
  expect(skipped[0].fields).toMatchObject({ topic: TOPICS.malformed, key: claim });
  expect(skipped[1].fields.error).toMatch(/^invalid data for claim\.notified .*: data\.claimId: is required; data\.claimNumber: is required/);
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
