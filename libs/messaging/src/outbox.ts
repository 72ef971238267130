/**
 * The transactional outbox. A service writes its domain change and the event describing it in one
 * database transaction (enqueue); the relay later copies committed rows to Kafka. So an event is
 * published if and only if its change committed, even if Kafka is down at the time or the process
 * dies between the two. Delivery is at least once: consumers dedupe with their inbox (inbox.ts).
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { Envelope } from '@wc/contracts';
import { checkEnvelope, InvalidEnvelopeError } from './envelope';
import type { OutgoingMessage, Publisher } from './kafka';
import { errorText, jsonLogger, type Logger } from './logger';
import { quoteSchema } from './sql';
import { contextHeaders } from './trace-context';

/**
 * DDL for a service's migration (run each statement in order; the schema must exist). The relay
 * orders by (created_at, id), and the partial indexes keep its queries on the few unpublished rows
 * however many published ones pile up.
 */
export function outboxTableSql(schema: string): string[] {
  const s = quoteSchema(schema);
  return [
    `CREATE TABLE ${s}.outbox (
  id uuid PRIMARY KEY,
  topic text NOT NULL,
  key text NOT NULL,
  envelope jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  published_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text
)`,
    `CREATE INDEX outbox_unpublished_idx ON ${s}.outbox (created_at, id) WHERE published_at IS NULL`,
    `CREATE INDEX outbox_unpublished_key_idx ON ${s}.outbox (key, created_at, id) WHERE published_at IS NULL`,
  ];
}

/**
 * DDL adding the Kafka headers an event is published with (its trace context and baggage, W3C
 * format): taken from the context of the transaction that enqueued it, so a trace runs from the
 * staff request through Kafka to every consumer however late the relay publishes (issue 18).
 */
export function outboxHeadersSql(schema: string): string[] {
  return [`ALTER TABLE ${quoteSchema(schema)}.outbox ADD COLUMN IF NOT EXISTS headers jsonb`];
}

/** For a migration's `down`. */
export function dropOutboxTableSql(schema: string): string[] {
  return [`DROP TABLE IF EXISTS ${quoteSchema(schema)}.outbox`];
}

/**
 * Adds an event to the outbox inside the caller's transaction: pass the EntityManager you got from
 * `dataSource.transaction(manager => ...)` (or a QueryRunner's manager after startTransaction).
 * Refuses a manager without an open transaction, since the row would then commit on its own and
 * the event could be published for a change that rolled back.
 *
 * The Kafka key is the envelope's subject (the claim id), which keeps one claim's events in order.
 */
export async function enqueue(manager: EntityManager, schema: string, topic: string, envelope: Envelope<unknown>): Promise<void> {
  const s = quoteSchema(schema);
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('enqueue must be called inside the transaction that makes the change (use the manager from dataSource.transaction)');
  }
  // Reject a bad event now, rolling back the caller's change, rather than publish something every
  // consumer will skip.
  const checked = checkEnvelope(envelope);
  if (!checked.ok) throw new InvalidEnvelopeError(checked);
  // created_at is clock_timestamp() (the moment of this insert), not now() (the start of the
  // transaction): if a later transaction for the same claim waited on this one's lock, its events
  // are inserted after this one's and must sort after them.
  await manager.query(`INSERT INTO ${s}.outbox (id, topic, key, envelope, headers) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb)`, [
    envelope.id,
    topic,
    envelope.subject,
    JSON.stringify(envelope),
    contextHeaders(),
  ]);
}

/**
 * enqueue for many events in one statement (a bulk generation can make tens of thousands). Same
 * guarantees: inside the caller's transaction and every envelope checked first. The rows share one
 * created_at, so the relay could publish them in any order among themselves: at most one event
 * per key (claim) is accepted, which keeps every claim's events in order.
 */
export async function enqueueMany(manager: EntityManager, schema: string, topic: string, envelopes: Envelope<unknown>[]): Promise<void> {
  if (envelopes.length === 0) return;
  const s = quoteSchema(schema);
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('enqueueMany must be called inside the transaction that makes the change (use the manager from dataSource.transaction)');
  }
  const keys = new Set<string>();
  for (const envelope of envelopes) {
    if (keys.has(envelope.subject)) throw new Error(`enqueueMany: two events for ${envelope.subject} in one call would lose their order; enqueue them one by one`);
    keys.add(envelope.subject);
    const checked = checkEnvelope(envelope);
    if (!checked.ok) throw new InvalidEnvelopeError(checked);
  }
  await manager.query(`INSERT INTO ${s}.outbox (id, topic, key, envelope, headers) SELECT id, $1, key, envelope, $5::jsonb FROM unnest($2::uuid[], $3::text[], $4::jsonb[]) AS u(id, key, envelope)`, [
    topic,
    envelopes.map((e) => e.id),
    envelopes.map((e) => e.subject),
    envelopes.map((e) => JSON.stringify(e)),
    contextHeaders(),
  ]);
}

export interface OutboxRelayOptions {
  dataSource: DataSource;
  schema: string;
  /** Owned by the caller (connect/disconnect); it may be shared by several relays. */
  publisher: Publisher;
  /** Pause between polls when the outbox is drained. */
  pollIntervalMs?: number;
  batchSize?: number;
  /** Cap of the exponential back-off after a failed batch. */
  maxBackoffMs?: number;
  logger?: Logger;
}

interface OutboxRow {
  id: string;
  topic: string;
  key: string;
  envelope: Envelope<unknown>;
  /** Trace context and baggage of the transaction that enqueued it (null before they were kept). */
  headers?: Record<string, string> | null;
}

/** A batch that could not be published: its rows stay unpublished, attempts/last_error recorded. */
export class OutboxRelayError extends Error {
  constructor(
    readonly eventIds: string[],
    cause: unknown,
  ) {
    super(`outbox batch of ${eventIds.length} event(s) not published: ${errorText(cause)}`, { cause });
    this.name = 'OutboxRelayError';
  }
}

const CONTENT_TYPE = { 'content-type': 'application/cloudevents+json; charset=utf-8' };

/**
 * Copies committed outbox rows to Kafka. Several relays (replicas of a service) may run at once:
 * each batch locks its rows FOR UPDATE SKIP LOCKED, so no row is published twice by two relays
 * working at the same time, and nobody waits on anybody.
 */
export class OutboxRelay {
  private readonly dataSource: DataSource;
  private readonly publisher: Publisher;
  private readonly table: string;
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly maxBackoffMs: number;
  private readonly logger: Logger;
  private readonly selectSql: string;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(options: OutboxRelayOptions) {
    this.dataSource = options.dataSource;
    this.publisher = options.publisher;
    this.table = `${quoteSchema(options.schema)}.outbox`;
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.batchSize = options.batchSize ?? 100;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.logger = options.logger ?? jsonLogger();
    if (!(this.batchSize >= 1)) throw new Error('batchSize must be at least 1');
    /*
     * SKIP LOCKED alone would let two relays reorder a claim's events: relay A locks e1, relay B
     * skips it and publishes e2 first (or A's publish fails and rolls back after B published e2).
     * So a locked row is kept only if every earlier unpublished row with the same key is in this
     * same batch; the others stay locked until our commit and are untouched. The check reads the
     * statement's snapshot, in which rows another relay holds are still unpublished, so it errs
     * on the side of waiting for the next poll. (The earlier-row test is transitive by design: if
     * e1 is excluded because e0 belongs to another relay, e2 is excluded as well.)
     */
    this.selectSql = `
WITH locked AS (
  SELECT id, topic, key, envelope, headers, created_at
  FROM ${this.table}
  WHERE published_at IS NULL
  ORDER BY created_at, id
  LIMIT $1
  FOR UPDATE SKIP LOCKED
)
SELECT l.id, l.topic, l.key, l.envelope, l.headers
FROM locked l
WHERE NOT EXISTS (
  SELECT 1 FROM ${this.table} o
  WHERE o.published_at IS NULL
    AND o.key = l.key
    AND (o.created_at, o.id) < (l.created_at, l.id)
    AND o.id NOT IN (SELECT id FROM locked)
)
ORDER BY l.created_at, l.id`;
  }

  /** Starts polling in the background; errors are logged and backed off, never thrown. */
  start(): void {
    if (this.loop) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops polling; resolves once the batch in flight (if any) has committed or rolled back. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
  }

  /**
   * Publishes one batch; returns how many events it published. On a failure the batch's transaction
   * rolls back (rows stay unpublished, so nothing is lost and a later batch retries them in the same
   * order), their attempts/last_error are recorded, and OutboxRelayError is thrown.
   */
  async relayOnce(): Promise<number> {
    let batch: OutboxRow[] = [];
    try {
      // READ COMMITTED whatever the connection's default: the select below relies on each statement
      // seeing what other relays have committed since.
      return await this.dataSource.transaction('READ COMMITTED', async (manager) => {
        batch = await manager.query(this.selectSql, [this.batchSize]);
        if (batch.length === 0) return 0;
        for (const [topic, messages] of groupByTopic(batch)) {
          await this.publisher.publish(topic, messages);
        }
        await manager.query(`UPDATE ${this.table} SET published_at = clock_timestamp(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::uuid[])`, [batch.map((r) => r.id)]);
        return batch.length;
      });
    } catch (err) {
      const ids = batch.map((r) => r.id);
      if (ids.length > 0) await this.recordFailure(ids, err);
      throw new OutboxRelayError(ids, err);
    }
  }

  /**
   * After the rollback, in its own transaction, so the failure is visible to operators. A batch may
   * have been partly written to Kafka before the failure (e.g. one topic of two): those events are
   * published again later, which consumers' inboxes absorb.
   */
  private async recordFailure(ids: string[], err: unknown): Promise<void> {
    try {
      await this.dataSource.query(`UPDATE ${this.table} SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[]) AND published_at IS NULL`, [ids, errorText(err).slice(0, 2000)]);
    } catch (recordErr) {
      this.logger.error('outbox: could not record a failed publish', { error: errorText(recordErr) });
    }
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let published: number;
      try {
        published = await this.relayOnce();
        failures = 0;
      } catch (err) {
        failures += 1;
        const backoffMs = Math.min(this.maxBackoffMs, this.pollIntervalMs * 2 ** failures);
        this.logger.warn('outbox: publish failed, backing off', {
          table: this.table,
          error: errorText(err),
          events: err instanceof OutboxRelayError ? err.eventIds.length : undefined,
          consecutiveFailures: failures,
          backoffMs,
        });
        await this.sleep(backoffMs);
        continue;
      }
      // A full batch means more may be waiting: go again at once.
      if (published < this.batchSize) await this.sleep(this.pollIntervalMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (!this.running) return resolve();
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}

/** Per topic, in the batch's order (so each key's events keep their order within its topic). */
function groupByTopic(rows: OutboxRow[]): Map<string, OutgoingMessage[]> {
  const groups = new Map<string, OutgoingMessage[]>();
  for (const row of rows) {
    const messages = groups.get(row.topic) ?? [];
    messages.push({ key: row.key, value: JSON.stringify(row.envelope), headers: { ...(row.headers ?? {}), ...CONTENT_TYPE } });
    groups.set(row.topic, messages);
  }
  return groups;
}
