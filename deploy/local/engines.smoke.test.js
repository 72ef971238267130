'use strict';
// Smoke test: the local engines really work with the clients the project uses.
// Addresses come from the environment (set by deploy/local/jest-global-setup.js, or export
// .data/engines.env after `node deploy/local/engines.js up`). An engine whose variable is unset fails.
// Run on its own (starts and stops the engines):  npx jest --selectProjects engines --runInBand
const { randomUUID } = require('crypto');

jest.setTimeout(60000);

// The clients come from the project's own install (npm ci): a missing package fails the test that
// needs it (require throws), never skips or weakens its check.
const run = (name) => `wc-smoke-${name}-${randomUUID().slice(0, 8)}`;
const { KAFKA_BROKERS, DATABASE_URL, TEMPORAL_ADDRESS, TEMPORAL_TEST_SERVER_ADDRESS, SMTP_URL, MAILBOX_URL } = process.env;

// Every engine must be there: a missing address fails rather than skips (a skipped test proves nothing).
test('the global set-up published every engine address', () => {
  expect({ KAFKA_BROKERS, DATABASE_URL, TEMPORAL_ADDRESS, TEMPORAL_TEST_SERVER_ADDRESS, SMTP_URL, MAILBOX_URL }).toEqual({
    KAFKA_BROKERS: expect.any(String),
    DATABASE_URL: expect.any(String),
    TEMPORAL_ADDRESS: expect.any(String),
    TEMPORAL_TEST_SERVER_ADDRESS: expect.any(String),
    SMTP_URL: expect.any(String),
    MAILBOX_URL: expect.any(String),
  });
});

describe('Kafka (kafkajs 2.2.4 against the local broker)', () => {
  test('creates a topic, produces and consumes a message', async () => {
    const { Kafka, logLevel, Partitioners } = require('kafkajs');
    const kafka = new Kafka({ clientId: 'wc-smoke', brokers: KAFKA_BROKERS.split(','), logLevel: logLevel.WARN });
    const topic = run('topic');
    const admin = kafka.admin();
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, idempotent: true });
    const groupId = run('group');
    const consumer = kafka.consumer({ groupId });
    try {
      await admin.connect();
      expect(await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true })).toBe(true);
      expect(await admin.listTopics()).toContain(topic);

      await producer.connect();
      const key = randomUUID();
      await producer.send({ topic, acks: -1, messages: [{ key, value: JSON.stringify({ claimId: key, type: 'ClaimLodged' }), headers: { 'event-id': key } }] });

      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      const received = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no message consumed within 30 s')), 30000);
        consumer
          .run({
            eachMessage: async ({ message }) => {
              clearTimeout(timer);
              resolve(message);
            },
          })
          .catch(reject);
      });
      expect(received.key.toString()).toBe(key);
      expect(JSON.parse(received.value.toString())).toEqual({ claimId: key, type: 'ClaimLodged' });
      expect(received.headers['event-id'].toString()).toBe(key);

      // Committed offsets (the consumer-group coordinator path) work too.
      await consumer.commitOffsets([{ topic, partition: 0, offset: '1' }]);
      await consumer.stop();
      const offsets = await admin.fetchOffsets({ groupId, topics: [topic] });
      expect(offsets[0].partitions[0].offset).toBe('1');
      await admin.deleteTopics({ topics: [topic] });
    } finally {
      await Promise.allSettled([consumer.disconnect(), producer.disconnect(), admin.disconnect()]);
    }
  });
});

describe('PostgreSQL (pg)', () => {
  test('runs SQL in the wc_claims database', async () => {
    const pg = require('pg');
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT current_database() AS db, current_user AS who, version() AS v');
      expect(rows[0].v).toMatch(/^PostgreSQL \d+/);
      await client.query('BEGIN');
      await client.query('CREATE TEMP TABLE smoke (id uuid PRIMARY KEY, body jsonb NOT NULL) ON COMMIT DROP');
      const id = randomUUID();
      await client.query('INSERT INTO smoke VALUES ($1, $2)', [id, { claim: 'C-1' }]);
      const r = await client.query('SELECT body FROM smoke WHERE id = $1 FOR UPDATE SKIP LOCKED', [id]);
      expect(r.rows[0].body).toEqual({ claim: 'C-1' });
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
  });
});

describe('Temporal dev server', () => {
  test('describes the default namespace and starts/terminates a workflow', async () => {
    const temporal = require('@temporalio/client');
    const connection = await temporal.Connection.connect({ address: TEMPORAL_ADDRESS });
    try {
      const ns = await connection.workflowService.describeNamespace({ namespace: 'default' });
      expect(ns.namespaceInfo.name).toBe('default');
      // Persistence path: start a workflow (no worker needed), see it running, terminate it.
      const client = new temporal.Client({ connection, namespace: 'default' });
      const handle = await client.workflow.start('smokeWorkflow', { taskQueue: run('tq'), workflowId: run('wf') });
      expect((await handle.describe()).status.name).toBe('RUNNING');
      await handle.terminate('smoke test');
      expect((await handle.describe()).status.name).toBe('TERMINATED');
    } finally {
      await connection.close();
    }
  });
});

describe('Temporal time-skipping test server', () => {
  test('answers and skips time', async () => {
    const temporal = require('@temporalio/client');
    // The test service is exposed only through an internal connection option (as @temporalio/testing does).
    const { InternalConnectionOptionsSymbol } = require('@temporalio/client/lib/connection');
    const connection = await temporal.Connection.connect({
      address: TEMPORAL_TEST_SERVER_ADDRESS,
      [InternalConnectionOptionsSymbol]: { supportsTestService: true },
    });
    try {
      const toMs = (t) => Number(t.seconds) * 1000 + Math.floor((t.nanos || 0) / 1e6);
      const before = toMs((await connection.testService.getCurrentTime({})).time);
      const wall = Date.now();
      await connection.testService.unlockTimeSkippingWithSleep({ duration: { seconds: 30 * 24 * 3600 } });
      const after = toMs((await connection.testService.getCurrentTime({})).time);
      expect(after - before).toBeGreaterThanOrEqual(30 * 24 * 3600 * 1000);
      expect(Date.now() - wall).toBeLessThan(10000);
    } finally {
      await connection.close();
    }
  });
});

// Sending, bounces and deferrals over SMTP are in mail.engines.test.js; here only that both ports answer.
describe('Mailbox (SMTP + HTTP API)', () => {
  test('greets with 220 on SMTP_URL and answers GET /health on MAILBOX_URL', async () => {
    const { smtpGreeting, httpGet } = require('./probe');
    const u = new URL(SMTP_URL);
    expect(await smtpGreeting(u.hostname, Number(u.port || 25))).toMatch(/^220 /);
    const health = await httpGet(`${MAILBOX_URL}/health`);
    expect([health.status, JSON.parse(health.body)]).toEqual([200, { ok: true }]);
  });
});
