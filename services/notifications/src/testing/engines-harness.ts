/**
 * What the notifications engine tests share: the documents service and the notifications service
 * in-process, each in a schema of its own for the run, against the real PostgreSQL and Kafka.
 * The test passes in how to start the documents service, so this module imports no other service.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { type KafkaClient, type Publisher, createKafka } from '@wc/messaging';
import { type JsonLogger, type Role, mintToken } from '@wc/service-kit';
import { LOGGER } from '../letters/letters.service';

type Start = (options: { port: number }) => Promise<INestApplication>;

export interface EnginesHarness {
  /** Unique per run: schema names, consumer groups and client ids carry it. */
  run: string;
  docsSchema: string;
  notifSchema: string;
  docsUrl: string;
  pg: Client;
  kafka: KafkaClient;
  publisher: Publisher;
  /** A bearer token the services accept. */
  token(user: string, role: Role): Promise<string>;
  /** The running notifications service (after startNotifications). */
  readonly notifications: INestApplication;
  readonly base: string;
  /** Starts (or starts again, after stopNotifications) the notifications service with these settings. */
  startNotifications(env?: Record<string, string>): Promise<INestApplication>;
  stopNotifications(): Promise<void>;
  close(): Promise<void>;
}

export const urlOf = (app: INestApplication) => `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;

export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** What the service's logger writes from now on, at every level (the tests run quiet otherwise), appended to `into`. */
export function captureLogs(app: INestApplication, into: Array<Record<string, unknown>> = []): Array<Record<string, unknown>> {
  app.get<JsonLogger>(LOGGER).tap((line) => void into.push(JSON.parse(line)), 'debug');
  return into;
}

/**
 * Starts the documents service, connects to PostgreSQL and Kafka (creating `topics`), and leaves
 * the notifications service to `startNotifications`, so a test can set it up its own way first.
 */
export async function startEnginesHarness(options: { name: string; topics: string[]; startDocuments: () => Promise<{ start: Start }> }): Promise<EnginesHarness> {
  const run = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const docsSchema = `documents_${options.name}_${run}`;
  const notifSchema = `notifications_${options.name}_${run}`;
  const secret = randomBytes(32).toString('hex');
  const key = new TextEncoder().encode(secret);
  Object.assign(process.env, { AUTH_JWT_SECRET: secret, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', DB_SCHEMA: docsSchema });
  const documents = await (await options.startDocuments()).start({ port: 0 });
  const pg = new Client({ connectionString: process.env.DATABASE_URL });
  await pg.connect();
  const kafka = createKafka({ brokers: process.env.KAFKA_BROKERS!, clientId: `${options.name}-test-${run}` });
  await kafka.ensureTopics(options.topics);
  const publisher = kafka.publisher();
  await publisher.connect();
  let notifications: INestApplication | undefined;
  const running = () => {
    if (!notifications) throw new Error('the notifications service is not running');
    return notifications;
  };

  return {
    run,
    docsSchema,
    notifSchema,
    docsUrl: urlOf(documents),
    pg,
    kafka,
    publisher,
    token: (user, role) => mintToken({ user, role }, key),
    get notifications() {
      return running();
    },
    get base() {
      return urlOf(running());
    },
    async startNotifications(env = {}) {
      // Its own Temporal task queue and no digest schedule: the tests share one Temporal (a test of the schedule sets one).
      Object.assign(process.env, {
        DB_SCHEMA: notifSchema,
        DOCUMENTS_SERVICE_URL: urlOf(documents),
        CLAIMS_CONSUMER_GROUP: `${options.name}-test-${run}`,
        NOTIFICATIONS_TASK_QUEUE: `notifications-test-${run}`,
        DIGEST_SCHEDULE: '',
        ...env,
      });
      const { start } = await import('../main');
      notifications = await start({ port: 0 });
      return notifications;
    },
    async stopNotifications() {
      await notifications?.close();
      notifications = undefined;
    },
    async close() {
      await notifications?.close();
      await documents.close();
      await publisher.disconnect();
      for (const s of [notifSchema, docsSchema]) await pg.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
      await pg.end();
    },
  };
}
