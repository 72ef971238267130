/**
 * Idempotent consumption. Kafka delivers at least once (a relay may republish, a consumer may crash
 * before committing its offset), so each consumer records the ids of the events it has processed in
 * an inbox table, in the same database transaction as the handler's own writes: the effect and the
 * "done" mark commit together or not at all, and a redelivered event is recognised and skipped.
 * A message that cannot be handled (malformed, or failing maxAttempts times) is parked (parking.ts).
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { Envelope } from '@wc/contracts';
import type { IncomingMessage, KafkaClient, MessageConsumer, RetryConfig } from './kafka';
import { jsonLogger, type Logger } from './logger';
import { MessageParking } from './parking';
import { quoteSchema } from './sql';

/**
 * DDL for a service's migration (the schema must exist). One row per processed event; `consumer`
 * says which consumer processed it. The key is the event id alone, so within one schema an event is
 * processed by one consumer: a service with two consumer groups reading the same events needs a
 * second schema (or this key widened to (consumer, event_id)).
 */
export function inboxTableSql(schema: string): string[] {
  const s = quoteSchema(schema);
  return [
    `CREATE TABLE ${s}.inbox (
  event_id uuid PRIMARY KEY,
  type text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  consumer text NOT NULL
)`,
  ];
}

/** For a migration's `down`. */
export function dropInboxTableSql(schema: string): string[] {
  return [`DROP TABLE IF EXISTS ${quoteSchema(schema)}.inbox`];
}

export type EventHandler = (envelope: Envelope<unknown>, manager: EntityManager) => Promise<void>;

export interface IdempotentConsumerOptions {
  kafka: KafkaClient;
  groupId: string;
  topics: string[];
  dataSource: DataSource;
  schema: string;
  /**
   * Runs inside the inbox transaction: make every database write through `manager` so it commits
   * with the inbox row. Throwing rolls both back and the event is delivered again, up to
   * maxAttempts times, then parked. Envelopes of a type listed in EVENT_DATA have checked data
   * (narrow with isEvent); unknown types arrive too.
   */
  handle: EventHandler;
  logger?: Logger;
  /** For a new group with no committed offset: read the topics from the start (default: only new events). */
  fromBeginning?: boolean;
  /** Stored in inbox.consumer and parked_events.consumer; default: groupId. */
  consumerName?: string;
  /** Attempts of a message whose handler fails before it is parked, and for how long it must have failed (defaults 5 and 15 minutes; see MessageParkingOptions). */
  maxAttempts?: number;
  parkAfterMs?: number;
  retry?: RetryConfig;
  /** See ConsumerConfig.maxWaitTimeMs. */
  maxWaitTimeMs?: number;
  /** How long the group waits for a member that stopped answering (kafkajs default 30 s) before giving its partitions to the others, e.g. a restarted process after a crash. */
  sessionTimeoutMs?: number;
}

export class IdempotentConsumer {
  private readonly options: IdempotentConsumerOptions;
  private readonly table: string;
  private readonly logger: Logger;
  private readonly consumerName: string;
  private readonly parking: MessageParking;
  private consumer: MessageConsumer | undefined;

  constructor(options: IdempotentConsumerOptions) {
    this.options = options;
    this.table = `${quoteSchema(options.schema)}.inbox`;
    this.logger = options.logger ?? jsonLogger();
    this.consumerName = options.consumerName ?? options.groupId;
    this.parking = new MessageParking({
      dataSource: options.dataSource,
      schema: options.schema,
      consumer: this.consumerName,
      logger: this.logger,
      maxAttempts: options.maxAttempts,
      parkAfterMs: options.parkAfterMs,
    });
  }

  /** Joins the consumer group; resolves once joined (messages then flow in the background). */
  async start(): Promise<void> {
    if (this.consumer) return;
    const consumer = this.options.kafka.consumer({
      groupId: this.options.groupId,
      retry: this.options.retry,
      maxWaitTimeMs: this.options.maxWaitTimeMs,
      ...(this.options.sessionTimeoutMs !== undefined ? { sessionTimeoutMs: this.options.sessionTimeoutMs, heartbeatIntervalMs: Math.floor(this.options.sessionTimeoutMs / 3) } : {}),
    });
    this.consumer = consumer;
    try {
      await consumer.run(this.options.topics, (message) => this.process(message), {
        fromBeginning: this.options.fromBeginning,
      });
    } catch (err) {
      this.consumer = undefined;
      throw err;
    }
  }

  /** Finishes the message in hand, commits offsets and leaves the group. */
  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    if (consumer) await consumer.stop();
  }

  /** One message: resolves when done (committed, skipped or parked); rejects to have it delivered again. */
  private process(message: IncomingMessage): Promise<void> {
    return this.parking.process(message, async (envelope) => {
      const handled = await this.options.dataSource.transaction(async (manager) => {
        // If another member holds the same event id in an uncommitted transaction (a rebalance
        // moment), this insert waits for it and then does nothing (or proceeds if it rolled back).
        const inserted: unknown[] = await manager.query(
          `INSERT INTO ${this.table} (event_id, type, consumer) VALUES ($1, $2, $3)
           ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
          [envelope.id, envelope.type, this.consumerName],
        );
        if (inserted.length === 0) return false;
        await this.options.handle(envelope, manager);
        return true;
      });
      if (!handled) {
        const about = { topic: message.topic, partition: message.partition, offset: message.offset, claimId: envelope.subject, eventId: envelope.id, type: envelope.type };
        this.logger.info('duplicate event skipped', { ...about, groupId: this.options.groupId });
      }
    });
  }
}
