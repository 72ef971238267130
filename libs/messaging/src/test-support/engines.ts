/**
 * Shared by the *.engines.test.ts files: the real PostgreSQL and Kafka named by DATABASE_URL and
 * KAFKA_BROKERS (the jest `engines` project's global set-up provides them), with a schema and topic
 * names unique to this run so runs never see each other's rows or messages.
 */
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createKafka, type IncomingMessage, type KafkaClient, type MessageConsumer } from '../kafka';
import { errorFields, type LogFields, type Logger, type LogLevel } from '../logger';

export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set: run through the jest "engines" project, or start the engines ` + `(node deploy/local/engines.js up --only kafka,postgres --detach) and export .data/engines.env`,
    );
  }
  return value;
}

/** Lower-case, starts with a letter: valid in a schema name and a topic name. */
export function uniqueId(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

export async function openDataSource(): Promise<DataSource> {
  const ds = new DataSource({ type: 'postgres', url: requireEnv('DATABASE_URL'), entities: [], logging: false });
  return ds.initialize();
}

export interface LogRecord {
  level: LogLevel;
  message: string;
  fields: LogFields;
}

/** A logger that keeps what it is told (and prints errors, to keep test failures explainable). */
export function captureLogger(echo: LogLevel[] = []): Logger & { records: LogRecord[] } {
  const records: LogRecord[] = [];
  const at =
    (level: LogLevel) =>
    (message: string, fields: LogFields = {}) => {
      records.push({ level, message, fields });
      if (echo.includes(level)) {
        const printable = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v instanceof Error ? errorFields(v) : v]));
        process.stderr.write(JSON.stringify({ level, message, ...printable }) + '\n');
      }
    };
  return { records, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export function kafkaClient(clientId: string, logger?: Logger): KafkaClient {
  return createKafka({ brokers: requireEnv('KAFKA_BROKERS'), clientId, logger });
}

export async function waitFor(what: string, check: () => Promise<boolean> | boolean, { timeoutMs = 30_000, intervalMs = 50 } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Reads a topic from the beginning with a group of its own: what actually reached Kafka. */
export async function collectTopic(kafka: KafkaClient, topic: string): Promise<{ messages: IncomingMessage[]; stop: () => Promise<void> }> {
  const messages: IncomingMessage[] = [];
  const consumer: MessageConsumer = kafka.consumer({ groupId: uniqueId('collector') });
  await consumer.run([topic], async (m) => void messages.push(m), { fromBeginning: true });
  return { messages, stop: () => consumer.stop() };
}

/** Event ids in arrival order, per Kafka key. */
export function idsByKey(messages: IncomingMessage[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of messages) {
    const id = JSON.parse(m.value!.toString()).id as string;
    out.set(m.key!, [...(out.get(m.key!) ?? []), id]);
  }
  return out;
}
