/**
 * Parking poison messages (issue 14). A consumer handles a partition one message at a time, in
 * order, so a message that can never be handled (malformed, or a handler that fails every time)
 * would block its partition for good if retried for ever, and be lost if skipped. Instead, after a
 * few failed attempts it is copied, exactly as it arrived, into the service's `parked_events` table
 * and its offset moves on; an error line says so, and an operator replays it once the cause is fixed
 * (replayParked: republished to its topic, for the consumer that parked it only).
 */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Envelope } from '@wc/contracts';
import { parseEnvelope, type ParseFailure } from './envelope';
import type { IncomingMessage, Publisher } from './kafka';
import { errorText, jsonLogger, type Logger } from './logger';
import { quoteSchema } from './sql';

/**
 * DDL for a service's migration (the schema must exist). The value is kept as bytes, not text or
 * JSON, so a replay republishes exactly what arrived, however broken. One row per consumer and
 * message: a message redelivered after its parking (a crash before the offset commit) is not
 * parked twice.
 */
export function parkedEventsTableSql(schema: string): string[] {
  const s = quoteSchema(schema);
  return [
    `CREATE TABLE ${s}.parked_events (
  id uuid PRIMARY KEY,
  consumer text NOT NULL,
  topic text NOT NULL,
  partition integer NOT NULL,
  "offset" bigint NOT NULL,
  key text,
  value bytea,
  headers jsonb NOT NULL DEFAULT '{}',
  event_id uuid,
  type text,
  subject text,
  reason text NOT NULL,
  error text NOT NULL,
  attempts integer NOT NULL,
  parked_at timestamptz NOT NULL DEFAULT now(),
  replayed_at timestamptz,
  replayed_by text,
  UNIQUE (consumer, topic, partition, "offset")
)`,
    `CREATE INDEX parked_events_waiting_idx ON ${s}.parked_events (parked_at) WHERE replayed_at IS NULL`,
  ];
}

/** For a migration's `down`. */
export function dropParkedEventsTableSql(schema: string): string[] {
  return [`DROP TABLE IF EXISTS ${quoteSchema(schema)}.parked_events`];
}

/** Why a message was parked: its handler kept failing, or it is not a readable event at all. */
export type ParkReason = 'handler-failed' | ParseFailure['reason'];

/** A parked message as operators see it (its value is left out: it may hold health information). */
export interface ParkedEvent {
  id: string;
  consumer: string;
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  eventId: string | null;
  type: string | null;
  /** The envelope's subject: the claim id. */
  subject: string | null;
  reason: string;
  error: string;
  attempts: number;
  parkedAt: Date;
  replayedAt: Date | null;
  replayedBy: string | null;
}

/**
 * A replayed message carries the name of the consumer it is replayed for: other consumer groups on
 * the topic skip it, so one group's replay never makes another handle (or park) it again.
 */
export const REPLAY_FOR_HEADER = 'wc-replay-for';

export const DEFAULT_MAX_ATTEMPTS = 5;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What can be told of a message that failed to parse, for the parked row and the log: the id, type
 * and subject of anything that looks like an envelope (an event whose data broke its contract
 * still names its claim). Never throws.
 */
export function identify(value: Buffer | string | null): { eventId: string | null; type: string | null; subject: string | null } {
  const none = { eventId: null, type: null, subject: null };
  if (value === null || value.length === 0) return none;
  let decoded: unknown;
  try {
    decoded = JSON.parse(typeof value === 'string' ? value : value.toString('utf8'));
  } catch {
    return none;
  }
  if (typeof decoded !== 'object' || decoded === null) return none;
  const { id, type, subject } = decoded as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v.length > 0 && v.length <= 500 ? v : null);
  return { eventId: typeof id === 'string' && GUID.test(id) ? id : null, type: text(type), subject: text(subject) };
}

/**
 * Failed attempts per message (topic/partition/offset), in memory: a message redelivered to another
 * member after a rebalance starts again from zero there, which only delays its parking. Bounded, so
 * the entries of partitions taken away mid-retry cannot pile up.
 */
export class AttemptCounter {
  private readonly counts = new Map<string, { n: number; since: number }>();

  constructor(private readonly limit = 10_000) {}

  /** Counts one more failure of the message: how many it has had, and for how long it has been failing. */
  failed(message: Pick<IncomingMessage, 'topic' | 'partition' | 'offset'>, now = Date.now()): { attempts: number; failingForMs: number } {
    const k = AttemptCounter.key(message);
    const prior = this.counts.get(k);
    const entry = { n: (prior?.n ?? 0) + 1, since: prior?.since ?? now };
    this.counts.delete(k); // re-inserted last: the oldest entry is the first one dropped
    this.counts.set(k, entry);
    if (this.counts.size > this.limit) this.counts.delete(this.counts.keys().next().value as string);
    return { attempts: entry.n, failingForMs: now - entry.since };
  }

  forget(message: Pick<IncomingMessage, 'topic' | 'partition' | 'offset'>): void {
    this.counts.delete(AttemptCounter.key(message));
  }

  get size(): number {
    return this.counts.size;
  }

  private static key(m: Pick<IncomingMessage, 'topic' | 'partition' | 'offset'>): string {
    return `${m.topic}/${m.partition}/${m.offset}`;
  }
}

export interface MessageParkingOptions {
  dataSource: DataSource;
  /** The schema holding parked_events. */
  schema: string;
  /** Stored in parked_events.consumer and matched against a replay's REPLAY_FOR_HEADER: the consumer group, usually. */
  consumer: string;
  logger?: Logger;
  /**
   * Attempts of one message before it is parked (default 5). Between attempts the consumer backs off
   * (kafka.ts: 250 ms, doubling, at most 30 s).
   */
  maxAttempts?: number;
  /**
   * And for how long it must have been failing (default 15 minutes): a dependency that is down for a
   * while (the documents service restarting, Temporal unreachable) holds the partition as before and
   * its events are handled, in order, once it is back; only a message that keeps failing is parked.
   */
  parkAfterMs?: number;
}

export const DEFAULT_PARK_AFTER_MS = 15 * 60_000;

/** KAFKA_PARK_AFTER_MS: an operator's setting for every consumer of a process (the tests set 0). */
function parkAfterFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.KAFKA_PARK_AFTER_MS;
  if (given === undefined || given === '') return DEFAULT_PARK_AFTER_MS;
  if (!/^\d{1,10}$/.test(given)) throw new Error(`KAFKA_PARK_AFTER_MS must be a whole number of milliseconds, got "${given}"`);
  return Number(given);
}

/**
 * Runs a consumer's handler for each message and parks the messages it cannot handle. Used by
 * IdempotentConsumer; a consumer of its own (MessageConsumer.run) can wrap its handler in it too.
 */
export class MessageParking {
  private readonly table: string;
  private readonly logger: Logger;
  private readonly maxAttempts: number;
  private readonly parkAfterMs: number;
  private readonly attempts = new AttemptCounter();

  constructor(private readonly options: MessageParkingOptions) {
    this.table = `${quoteSchema(options.schema)}.parked_events`;
    this.logger = options.logger ?? jsonLogger();
    this.maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    if (!(this.maxAttempts >= 1)) throw new Error('maxAttempts must be at least 1');
    this.parkAfterMs = options.parkAfterMs ?? parkAfterFromEnv();
    if (!(this.parkAfterMs >= 0)) throw new Error('parkAfterMs must not be negative');
  }

  /**
   * One message: resolves when it was handled, skipped or parked (its offset may be committed);
   * rejects to have it delivered again (its handler failed fewer than maxAttempts times, or the
   * parking itself failed: a message is never dropped unrecorded).
   */
  async process(message: IncomingMessage, handle: (envelope: Envelope<unknown>) => Promise<void>): Promise<void> {
    const where = { topic: message.topic, partition: message.partition, offset: message.offset };
    const replayFor = message.headers[REPLAY_FOR_HEADER];
    if (replayFor !== undefined && replayFor !== this.options.consumer) {
      this.logger.debug('event replayed for another consumer skipped', { ...where, consumer: this.options.consumer, replayFor });
      return;
    }
    const parsed = parseEnvelope(message.value);
    if (!parsed.ok) {
      // Retrying cannot make it readable: parked at once.
      await this.park(message, { reason: parsed.reason, error: parsed.error, attempts: 1, ...identify(message.value) });
      return;
    }
    const envelope = parsed.envelope;
    const about = { ...where, claimId: envelope.subject, eventId: envelope.id, type: envelope.type, consumer: this.options.consumer };
    try {
      await handle(envelope);
      this.attempts.forget(message);
      return;
    } catch (err) {
      const { attempts, failingForMs } = this.attempts.failed(message);
      if (attempts < this.maxAttempts || failingForMs < this.parkAfterMs) {
        this.logger.error('event handler failed; rolled back, will be retried', { ...about, attempt: attempts, maxAttempts: this.maxAttempts, failingForMs, error: errorText(err) });
        throw err;
      }
      await this.park(message, { reason: 'handler-failed', error: errorText(err), attempts, eventId: envelope.id, type: envelope.type, subject: envelope.subject });
      this.attempts.forget(message);
    }
  }

  /** Writes the parked row (one statement: its own transaction), then the alert line. */
  private async park(message: IncomingMessage, p: { reason: ParkReason; error: string; attempts: number; eventId: string | null; type: string | null; subject: string | null }): Promise<void> {
    const where = { topic: message.topic, partition: message.partition, offset: message.offset };
    let id: string;
    try {
      const rows: { id: string }[] = await this.options.dataSource.query(
        `INSERT INTO ${this.table} (id, consumer, topic, partition, "offset", key, value, headers, event_id, type, subject, reason, error, attempts)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12, $13, $14)
         ON CONFLICT (consumer, topic, partition, "offset") DO UPDATE SET attempts = ${this.table}.attempts
         RETURNING id`,
        [
          randomUUID(),
          this.options.consumer,
          message.topic,
          message.partition,
          message.offset,
          message.key,
          message.value,
          JSON.stringify(message.headers),
          p.eventId,
          p.type,
          p.subject,
          p.reason,
          p.error,
          p.attempts,
        ],
      );
      id = rows[0].id;
    } catch (err) {
      this.logger.error('could not park an event; it will be delivered again', { ...where, consumer: this.options.consumer, reason: p.reason, error: errorText(err) });
      throw err;
    }
    this.logger.error('event parked', {
      ...where,
      claimId: p.subject,
      eventId: p.eventId,
      type: p.type,
      key: message.key,
      consumer: this.options.consumer,
      reason: p.reason,
      error: p.error,
      attempts: p.attempts,
      parkedId: id,
    });
  }
}

interface ParkedRow {
  id: string;
  consumer: string;
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  event_id: string | null;
  type: string | null;
  subject: string | null;
  reason: string;
  error: string;
  attempts: number;
  parked_at: Date;
  replayed_at: Date | null;
  replayed_by: string | null;
}

const COLUMNS = `id, consumer, topic, partition, "offset", key, event_id, type, subject, reason, error, attempts, parked_at, replayed_at, replayed_by`;

function toParked(r: ParkedRow): ParkedEvent {
  return {
    id: r.id,
    consumer: r.consumer,
    topic: r.topic,
    partition: r.partition,
    offset: String(r.offset),
    key: r.key,
    eventId: r.event_id,
    type: r.type,
    subject: r.subject,
    reason: r.reason,
    error: r.error,
    attempts: r.attempts,
    parkedAt: r.parked_at,
    replayedAt: r.replayed_at,
    replayedBy: r.replayed_by,
  };
}

/** Parked messages, newest first: only those not yet replayed unless `all`. */
export async function listParked(dataSource: DataSource, schema: string, options: { all?: boolean; limit?: number } = {}): Promise<ParkedEvent[]> {
  const rows: ParkedRow[] = await dataSource.query(
    `SELECT ${COLUMNS} FROM ${quoteSchema(schema)}.parked_events ${options.all ? '' : 'WHERE replayed_at IS NULL'} ORDER BY parked_at DESC, id LIMIT $1`,
    [options.limit ?? 100],
  );
  return rows.map(toParked);
}

/** Per consumer: every message it ever parked, and those not replayed yet (for metrics). */
export async function countParked(dataSource: DataSource, schema: string): Promise<{ consumer: string; parked: number; waiting: number }[]> {
  return dataSource.query(
    `SELECT consumer, count(*)::int AS parked, (count(*) FILTER (WHERE replayed_at IS NULL))::int AS waiting FROM ${quoteSchema(schema)}.parked_events GROUP BY consumer ORDER BY consumer`,
  );
}

export type ReplayResult = { status: 'replayed'; event: ParkedEvent } | { status: 'already-replayed'; event: ParkedEvent } | { status: 'not-found' };

/**
 * Republishes a parked message to its topic, with its key (so its claim's partition), value and
 * headers, for the consumer that parked it only, and records who replayed it and when.
 *
 * The row is locked, then the message published, then the row marked, then committed: a failed
 * publish leaves the row as it was (replay again later), and a commit that fails after the publish
 * leaves it unmarked, so at worst it is replayed twice, which the consumer's inbox (the event id)
 * shrugs off. Marking first could lose it. The lock makes a second operator's replay of the same
 * row wait and then answer already-replayed.
 */
export async function replayParked(dataSource: DataSource, schema: string, id: string, by: string, publisher: Publisher): Promise<ReplayResult> {
  const table = `${quoteSchema(schema)}.parked_events`;
  return dataSource.transaction(async (m) => {
    const rows: (ParkedRow & { value: Buffer | null; headers: Record<string, string> })[] = await m.query(`SELECT ${COLUMNS}, value, headers FROM ${table} WHERE id = $1 FOR UPDATE`, [id]);
    if (rows.length === 0) return { status: 'not-found' };
    const row = rows[0];
    if (row.replayed_at) return { status: 'already-replayed', event: toParked(row) };
    await publisher.publish(row.topic, [{ key: row.key, value: row.value, headers: { ...row.headers, [REPLAY_FOR_HEADER]: row.consumer } }]);
    // TypeORM gives [rows, rowCount] for an UPDATE.
    const [[marked]]: [ParkedRow[], number] = await m.query(`UPDATE ${table} SET replayed_at = now(), replayed_by = $2 WHERE id = $1 RETURNING ${COLUMNS}`, [id, by]);
    return { status: 'replayed', event: toParked(marked) };
  });
}
