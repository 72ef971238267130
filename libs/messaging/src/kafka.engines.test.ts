/**
 * kafkajs 2.2.4 (no release since 2023) against the real Kafka 4.x broker: topics, an idempotent
 * produce and a group consume round trip, the health ping, and kafkajs' logs reaching our logger.
 */
import { createServer } from 'node:net';
import { createKafka, type KafkaClient } from './kafka';
import { captureLogger, collectTopic, kafkaClient, requireEnv, uniqueId, waitFor } from './test-support/engines';

jest.setTimeout(120_000);

const run = uniqueId('kafka');
const roundTrip = `test.messaging.${run}.roundtrip`;
let kafka: KafkaClient;

beforeAll(() => {
  kafka = kafkaClient(`kafka-test-${run}`, captureLogger(['error']));
});
afterAll(async () => {
  await kafka.deleteTopics([roundTrip]).catch(() => undefined);
});

it('creates the same new topics from several clients at once (services starting side by side on a fresh cluster)', async () => {
  const topics = ['a', 'b', 'c', 'd'].map((x) => `test.messaging.${run}.race-${x}`);
  const clients = Array.from({ length: 10 }, (_, i) => kafkaClient(`kafka-race-${run}-${i}`, captureLogger([])));
  // Keys enough to reach every partition (the default partitioner is murmur2, so where each goes is fixed).
  const keys = Array.from({ length: 30 }, (_, i) => `claim-${i}`);
  try {
    // Every client's ensureTopics resolves: none of them lost the race with an error.
    await Promise.all(clients.map((c) => c.ensureTopics(topics, 3)));
    // Each topic exists once, with exactly the 3 partitions asked for, each with a leader that
    // acknowledges a write (acks = all) and serves it back: publish keyed messages to every topic
    // and read them all back, on partitions 0, 1 and 2 and no other.
    const collectors = await Promise.all(topics.map((t) => collectTopic(kafka, t)));
    const publisher = kafka.publisher();
    try {
      for (const t of topics)
        await publisher.publish(
          t,
          keys.map((k) => ({ key: k, value: `${t}:${k}` })),
        );
      for (const [i, t] of topics.entries()) {
        await waitFor(`${keys.length} messages on ${t}`, () => collectors[i].messages.length >= keys.length);
      }
    } finally {
      await publisher.disconnect();
      await Promise.all(collectors.map((c) => c.stop()));
    }
    for (const [i, t] of topics.entries()) {
      const got = collectors[i].messages;
      expect(got.map((m) => m.value!.toString()).sort()).toEqual(keys.map((k) => `${t}:${k}`).sort());
      expect(got.every((m) => m.topic === t)).toBe(true);
      expect([...new Set(got.map((m) => m.partition))].sort()).toEqual([0, 1, 2]);
    }
  } finally {
    await kafka.deleteTopics(topics).catch(() => undefined);
  }
});

it('creates topics (twice is fine), publishes with keys and headers, and consumes them back in order', async () => {
  await kafka.ensureTopics([roundTrip], 3);
  await kafka.ensureTopics([roundTrip], 3); // already there: no error
  await kafka.ping();

  const collector = await collectTopic(kafka, roundTrip);
  const publisher = kafka.publisher();
  try {
    // No connect(): publish connects on first use.
    await publisher.publish(roundTrip, [
      { key: 'claim-a', value: 'a1', headers: { 'content-type': 'text/plain' } },
      { key: 'claim-b', value: 'b1' },
      { key: 'claim-a', value: Buffer.from('a2') },
    ]);
    await publisher.publish(roundTrip, [{ key: 'claim-a', value: 'a3' }]);
    await waitFor('4 messages', () => collector.messages.length >= 4);
  } finally {
    await publisher.disconnect();
    await collector.stop();
  }
  const a = collector.messages.filter((m) => m.key === 'claim-a');
  expect(a.map((m) => m.value!.toString())).toEqual(['a1', 'a2', 'a3']);
  expect(new Set(a.map((m) => m.partition)).size).toBe(1);
  expect(a[0].headers).toEqual({ 'content-type': 'text/plain' });
  expect(collector.messages.find((m) => m.key === 'claim-b')?.value?.toString()).toBe('b1');
  await expect(publisher.publish(roundTrip, [{ key: 'x', value: 'y' }])).rejects.toThrow(/publisher is disconnected/);
});

it('ping fails fast when no broker answers, and kafkajs logs reach the logger at WARN and above only', async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));

  const logger = captureLogger();
  const dead = createKafka({ brokers: `127.0.0.1:${port}`, clientId: 'kafka-test-dead', logger, connectionTimeoutMs: 500 });
  const started = Date.now();
  await expect(dead.ping()).rejects.toThrow(/ECONNREFUSED|Connection error/);
  expect(Date.now() - started).toBeLessThan(5000);

  expect(logger.records.length).toBeGreaterThan(0);
  expect(logger.records.every((r) => r.level === 'warn' || r.level === 'error')).toBe(true);
  expect(logger.records[0].fields).toMatchObject({ component: 'kafkajs' });
  // Every field is plain JSON (errors flattened to text), whatever logger the service uses.
  for (const r of logger.records) expect(() => JSON.stringify(r.fields)).not.toThrow();
  expect(requireEnv('KAFKA_BROKERS')).toBeTruthy();
});
