/**
 * The payments service for an engines test: a throwaway database on the engines' PostgreSQL, the
 * app on an ephemeral port, a consumer group of its own reading only new claim events (the claims
 * topic is shared with other tests), and a client on the database for assertions.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { TOPICS } from '@wc/contracts';
import { KafkaClient, Publisher, createKafka } from '@wc/messaging';
import { bootstrapService } from '@wc/service-kit';
import { createThrowawayDatabase } from './throwaway-database';

export interface PaymentsUnderTest {
  app: INestApplication;
  base: string;
  db: Client;
  close(): Promise<void>;
}

export async function startPaymentsForTest(env: Record<string, string> = {}): Promise<PaymentsUnderTest> {
  const engineUrl = process.env.DATABASE_URL;
  if (!engineUrl || !process.env.KAFKA_BROKERS) {
    throw new Error(
      'DATABASE_URL and KAFKA_BROKERS (and TEMPORAL_ADDRESS: runs and remediations are workflows) must be set: node deploy/local/engines.js up --only kafka,postgres,temporal --detach; set -a; . .data/engines.env; set +a',
    );
  }
  const testDb = await createThrowawayDatabase(engineUrl, 'wc_payments_test');
  Object.assign(process.env, {
    DATABASE_URL: testDb.url,
    AUTH_JWT_SECRET: randomBytes(36).toString('base64'),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    CLAIMS_CONSUMER_GROUP: `payments-test-${randomUUID()}`,
    CLAIMS_FROM_BEGINNING: 'false',
    // Its own task queue and no schedules: the tests share one Temporal, and a run or remediation
    // must be worked by the service (and database) that made it.
    PAYMENTS_TASK_QUEUE: `payments-test-${randomUUID()}`,
    WEEKLY_PAYMENTS_SCHEDULE: '',
    PAYMENT_RUN_SCHEDULE: '',
    ...env,
  });
  delete process.env.PORT; // the app listens on an ephemeral port (bootstrapService below)
  delete process.env.AUTH_KEY_FILE;
  // Imported once the environment is set: the module reads its configuration at import, as in main.ts.
  const { AppModule } = await import('../app.module');
  const app = await bootstrapService({ name: 'payments', module: AppModule, host: '127.0.0.1', port: 0, logLevel: 'error', description: 'test' });
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const db = new Client({ connectionString: testDb.url });
  await db.connect();
  return {
    app,
    base,
    db,
    async close() {
      await db.end();
      await app.close();
      await testDb.drop();
    },
  };
}

/**
 * What most payments engines tests start from: the service on its own database and a publisher on
 * the claims topic, started before the file's tests and stopped after them (it registers beforeAll
 * and afterAll). Read `payments` and `publisher` inside tests, once they have started.
 */
export function paymentsForTests(clientId: string, env: Record<string, string> = {}): { payments: PaymentsUnderTest; publisher: Publisher } {
  const bed = {} as { payments: PaymentsUnderTest; publisher: Publisher; kafka: KafkaClient };
  beforeAll(async () => {
    bed.payments = await startPaymentsForTest(env);
    bed.kafka = createKafka({ brokers: process.env.KAFKA_BROKERS!.split(','), clientId, logLevel: 'error' });
    await bed.kafka.ensureTopics([TOPICS.claims]);
    bed.publisher = bed.kafka.publisher();
  });
  afterAll(async () => {
    await bed.publisher?.disconnect();
    await bed.payments?.close();
  });
  return bed;
}
