/**
 * The only module that imports kafkajs. kafkajs 2.2.4 has had no release since 2023, so everything
 * else in the platform talks to the small interfaces below (KafkaClient, Publisher, MessageConsumer)
 * and a replacement client (e.g. @platformatic/kafka) only has to reimplement this file.
 */
import { Kafka, Partitioners, logLevel as KafkaLogLevel, type Consumer, type IHeaders, type LogEntry, type Producer, type SASLOptions } from 'kafkajs';
import { atLeast, errorText, jsonLogger, type LogLevel, type Logger } from './logger';
import { consumeInContext } from './trace-context';

export interface RetryConfig {
  /** Attempts after the first one (kafkajs `retries`). */
  retries?: number;
  initialRetryTimeMs?: number;
  maxRetryTimeMs?: number;
}

export interface KafkaConfig {
  /** `host:port` list, or one comma-separated string (as in KAFKA_BROKERS). */
  brokers: string[] | string;
  clientId: string;
  /** Where client logs go, as JSON lines by default. */
  logger?: Logger;
  /** Client log threshold. WARN by default: kafkajs is chatty at INFO (every join, every connect). */
  logLevel?: LogLevel;
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Retries for connecting and for admin/consumer requests. */
  retry?: RetryConfig;
  /** TLS to the brokers: true, or options such as a private CA (`{ ca: [pem] }`). */
  ssl?: boolean | { ca?: string[] };
  /** SASL authentication (a managed Kafka); use it over TLS. */
  sasl?: { mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'; username: string; password: string };
}

export interface OutgoingMessage {
  /** null only to replay a parked message exactly as it arrived (parking.ts). */
  key: string | null;
  value: string | Buffer | null;
  headers?: Record<string, string>;
}

export interface IncomingMessage {
  topic: string;
  partition: number;
  /** Kafka offsets are 64-bit: kept as a decimal string, as kafkajs gives them. */
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
  timestamp: string;
}

export interface Publisher {
  connect(): Promise<void>;
  /** Closes for good: publish() afterwards fails instead of quietly reconnecting. */
  disconnect(): Promise<void>;
  /** Resolves once every message is acknowledged by all in-sync replicas (acks = all). */
  publish(topic: string, messages: OutgoingMessage[]): Promise<void>;
}

export interface ConsumerConfig {
  groupId: string;
  /** On a handler error the batch is re-fetched and retried with back-off; once exhausted the
   *  consumer restarts (kafkajs `restartOnFailure` default) and retries again. */
  retry?: RetryConfig;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /**
   * How long a fetch waits on the broker for new messages. Default 1000 (kafkajs: 5000): stop()
   * waits for the fetch in flight, so this bounds how long a shutdown (or a test) waits.
   */
  maxWaitTimeMs?: number;
}

export interface MessageConsumer {
  /**
   * Joins the group and starts delivering messages one at a time per partition (so one claim's
   * events, which share a partition, are handled in order). Resolves once the group is joined.
   * A message's offset is committed only after `onMessage` resolves; if it rejects, the message
   * is delivered again.
   */
  run(topics: string[], onMessage: (message: IncomingMessage) => Promise<void>, options?: { fromBeginning?: boolean }): Promise<void>;
  /** Waits for the message in hand, commits the processed offsets and leaves the group. */
  stop(): Promise<void>;
}

export interface EnsureTopicsOptions {
  /** Default: min(3, number of brokers), so a one-node dev cluster works and production gets 3. */
  replicationFactor?: number;
}

export interface KafkaClient {
  readonly clientId: string;
  readonly brokers: string[];
  publisher(options?: { retry?: RetryConfig }): Publisher;
  consumer(config: ConsumerConfig): MessageConsumer;
  /** Creates the topics that do not exist yet (existing ones are left as they are). */
  ensureTopics(names: string[], partitions?: number, options?: EnsureTopicsOptions): Promise<void>;
  /**
   * For health checks: one metadata round trip to the cluster, without retries (so it answers
   * within about the connection timeout). Rejects when no broker answers.
   */
  ping(): Promise<void>;
  /** Deletes topics (tests clean up their per-run topics with it); missing ones are ignored. */
  deleteTopics(names: string[]): Promise<void>;
  /**
   * For metrics: how far each consumer group this client created is behind, per partition (the
   * log-end offset less the group's committed offset; a partition the group never committed counts
   * from the earliest offset). One admin round trip per topic, without retries.
   */
  consumerLag(): Promise<ConsumerLag[]>;
}

export interface ConsumerLag {
  groupId: string;
  topic: string;
  partition: number;
  lag: number;
}

/** A publish that did not get through, with kafkajs' error (and its cause) as `cause`. */
export class PublishError extends Error {
  constructor(topic: string, count: number, cause: unknown) {
    super(`could not publish ${count} message(s) to ${topic}: ${errorText(cause)}`, { cause });
    this.name = 'PublishError';
  }
}

export function parseBrokers(brokers: string[] | string): string[] {
  const list = (Array.isArray(brokers) ? brokers : brokers.split(',')).map((b) => b.trim()).filter((b) => b.length > 0);
  if (list.length === 0) throw new Error('no Kafka brokers given (KAFKA_BROKERS is empty?)');
  return list;
}

function toKafkaRetry(retry: RetryConfig | undefined) {
  if (!retry) return undefined;
  return {
    ...(retry.retries !== undefined && { retries: retry.retries }),
    ...(retry.initialRetryTimeMs !== undefined && { initialRetryTime: retry.initialRetryTimeMs }),
    ...(retry.maxRetryTimeMs !== undefined && { maxRetryTime: retry.maxRetryTimeMs }),
  };
}

const FROM_KAFKA_LEVEL: Partial<Record<KafkaLogLevel, LogLevel>> = {
  [KafkaLogLevel.ERROR]: 'error',
  [KafkaLogLevel.WARN]: 'warn',
  [KafkaLogLevel.INFO]: 'info',
  [KafkaLogLevel.DEBUG]: 'debug',
};
const TO_KAFKA_LEVEL: Record<LogLevel, KafkaLogLevel> = {
  error: KafkaLogLevel.ERROR,
  warn: KafkaLogLevel.WARN,
  info: KafkaLogLevel.INFO,
  debug: KafkaLogLevel.DEBUG,
};

/**
 * kafkajs says this once per producer because we bound the idempotent producer's retries (see
 * publisher()). Exactly-once is not what we rely on: the outbox republishes after a failure and
 * consumers drop duplicates with their inbox, so the warning would only alarm whoever reads the logs.
 */
const EXPECTED_WARNING = 'Limiting retries for the idempotent producer may invalidate EoS guarantees';

function logCreatorFor(logger: Logger, threshold: LogLevel) {
  return () =>
    ({ namespace, level, log }: LogEntry) => {
      const ours = FROM_KAFKA_LEVEL[level];
      if (!ours || !atLeast(ours, threshold)) return;
      const {
        message,
        timestamp: _timestamp,
        logger: _name,
        ...extra
      } = log as LogEntry['log'] & {
        logger?: string;
      };
      if (message === EXPECTED_WARNING) return;
      // Errors in kafkajs' extra fields (e.g. `error`) would print as {} in most JSON loggers.
      const fields: Record<string, unknown> = { component: 'kafkajs', namespace };
      for (const [k, v] of Object.entries(extra)) fields[k] = v instanceof Error ? errorText(v) : v;
      logger[ours](message, fields);
    };
}

function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (v === undefined) continue;
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined) out[k] = first.toString();
  }
  return out;
}

class KafkaPublisher implements Publisher {
  private connected = false;
  private closed = false;
  private connecting: Promise<void> | undefined;

  constructor(private readonly producer: Producer) {}

  async connect(): Promise<void> {
    if (this.closed) throw new Error('publisher was disconnected; create a new one');
    if (this.connected) return;
    // One connect at a time: concurrent publishes during start-up share it.
    this.connecting ??= this.producer.connect().then(
      () => {
        this.connected = true;
        this.connecting = undefined;
      },
      (err: unknown) => {
        this.connecting = undefined;
        throw err;
      },
    );
    return this.connecting;
  }

  async disconnect(): Promise<void> {
    this.closed = true;
    this.connected = false;
    await this.producer.disconnect();
  }

  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    if (this.closed) throw new PublishError(topic, messages.length, new Error('publisher is disconnected'));
    try {
      // Connect lazily so a service that started while Kafka was down recovers by itself
      // (the outbox relay simply retries) instead of needing a restart.
      await this.connect();
      await this.producer.send({
        topic,
        acks: -1, // all in-sync replicas (required by the idempotent producer anyway)
        messages: messages.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
      });
    } catch (err) {
      throw new PublishError(topic, messages.length, err);
    }
  }
}

class KafkaMessageConsumer implements MessageConsumer {
  private consumer: Consumer | undefined;
  private stopped = false;
  private restarts = 0;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly config: ConsumerConfig,
  ) {}

  async run(topics: string[], onMessage: (message: IncomingMessage) => Promise<void>, options: { fromBeginning?: boolean } = {}): Promise<void> {
    if (this.consumer) throw new Error(`consumer ${this.config.groupId} is already running`);
    this.stopped = false;
    const consumer = this.kafka.consumer({
      groupId: this.config.groupId,
      retry: toKafkaRetry(this.config.retry),
      maxWaitTimeInMs: this.config.maxWaitTimeMs ?? 1000,
      ...(this.config.sessionTimeoutMs !== undefined && { sessionTimeout: this.config.sessionTimeoutMs }),
      ...(this.config.heartbeatIntervalMs !== undefined && { heartbeatInterval: this.config.heartbeatIntervalMs }),
    });
    this.consumer = consumer;
    // kafkajs restarts a crashed consumer only when it judges the error retriable; otherwise the
    // group member is simply gone and events pile up unread. A consumer must outlive any outage of
    // what its handler calls, so we restart it ourselves, backing off, until stop() is called.
    const restartLater = () => {
      const delay = Math.min(60_000, 1000 * 2 ** Math.min(this.restarts++, 6));
      this.restartTimer = setTimeout(() => {
        if (this.stopped) return;
        this.run(topics, onMessage, options).then(
          () => (this.restarts = 0),
          () => !this.stopped && restartLater(), // could not even join: try again later
        );
      }, delay);
    };
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (payload.restart || this.stopped || this.consumer !== consumer) return;
      this.consumer = undefined;
      restartLater();
    });
    try {
      await consumer.connect();
      await consumer.subscribe({ topics, fromBeginning: options.fromBeginning ?? false });
      await consumer.run({
        // autoCommit: kafkajs resolves an offset only after eachMessage resolves and commits the
        // resolved offsets after each fetched batch (and before rethrowing a handler error), so a
        // failed message is fetched again and never committed past.
        autoCommit: true,
        partitionsConsumedConcurrently: 1,
        // A failing message is retried here, for as long as it takes, with capped back-off and
        // heartbeats: the partition waits (a claim's events stay in order) and the member stays in
        // its group. kafkajs's own path (retries, then crash and restart) was seen not to resume.
        eachMessage: async ({ topic, partition, message, heartbeat }) => {
          const incoming = {
            topic,
            partition,
            offset: message.offset,
            key: message.key ? message.key.toString() : null,
            value: message.value,
            headers: headersToStrings(message.headers),
            timestamp: message.timestamp,
          };
          for (let attempt = 0; ; attempt++) {
            try {
              return await consumeInContext(incoming, this.config.groupId, () => onMessage(incoming));
            } catch (err) {
              if (this.stopped || this.consumer !== consumer) throw err;
              const until = Date.now() + Math.min(30_000, 250 * 2 ** Math.min(attempt, 7));
              while (Date.now() < until && !this.stopped) {
                await new Promise((r) => setTimeout(r, Math.min(1000, Math.max(0, until - Date.now()))));
                await heartbeat();
              }
            }
          }
        },
      });
    } catch (err) {
      this.consumer = undefined;
      await consumer.disconnect().catch(() => undefined);
      throw err;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    const consumer = this.consumer;
    this.consumer = undefined;
    if (consumer) await consumer.disconnect();
  }
}

export function createKafka(config: KafkaConfig): KafkaClient {
  const brokers = parseBrokers(config.brokers);
  const logger = config.logger ?? jsonLogger();
  const threshold = config.logLevel ?? 'warn';
  const build = (retry: RetryConfig | undefined) =>
    new Kafka({
      clientId: config.clientId,
      brokers,
      logLevel: TO_KAFKA_LEVEL[threshold],
      logCreator: logCreatorFor(logger, threshold),
      retry: toKafkaRetry(retry),
      ...(config.connectionTimeoutMs !== undefined && { connectionTimeout: config.connectionTimeoutMs }),
      ...(config.requestTimeoutMs !== undefined && { requestTimeout: config.requestTimeoutMs }),
      ...(config.ssl !== undefined && { ssl: config.ssl }),
      ...(config.sasl !== undefined && { sasl: config.sasl as SASLOptions }),
    });
  const kafka = build(config.retry);
  // Connecting retries at the client level (an admin's own `retry` does not cover connect), so the
  // health ping gets a client of its own that never retries.
  let pingKafka: Kafka | undefined;
  // The groups (and their topics) this client's consumers joined, for consumerLag.
  const groups = new Map<string, Set<string>>();

  return {
    clientId: config.clientId,
    brokers,

    publisher(options = {}) {
      return new KafkaPublisher(
        kafka.producer({
          // Idempotent: the broker drops the duplicates of kafkajs' own retries, and with one request
          // in flight a retry cannot overtake the batch after it, so a key's order holds.
          idempotent: true,
          maxInFlightRequests: 1,
          // The kafkajs 2 default partitioner (murmur2, as the Java client): a key goes to the same
          // partition whichever client wrote it. Naming it also silences kafkajs' start-up warning.
          createPartitioner: Partitioners.DefaultPartitioner,
          // Bounded on purpose: kafkajs' idempotent default is to retry forever, which would hold the
          // outbox's row locks and transaction open for as long as Kafka is down. Bounded, a send
          // fails after ~10 s, the relay rolls back and backs off, and republishes later.
          retry: toKafkaRetry(options.retry) ?? { retries: 5, initialRetryTime: 300, maxRetryTime: 5000 },
          // Topics are created by ensureTopics with the right partition count, never by a typo.
          allowAutoTopicCreation: false,
        }),
      );
    },

    consumer(consumerConfig) {
      const consumer = new KafkaMessageConsumer(kafka, consumerConfig);
      return {
        run: (topics, onMessage, options) => {
          const known = groups.get(consumerConfig.groupId) ?? new Set<string>();
          for (const t of topics) known.add(t);
          groups.set(consumerConfig.groupId, known);
          return consumer.run(topics, onMessage, options);
        },
        stop: () => consumer.stop(),
      };
    },

    async ensureTopics(names, partitions = 3, options = {}) {
      if (names.length === 0) return;
      const admin = kafka.admin();
      await admin.connect();
      try {
        const replicationFactor = options.replicationFactor ?? Math.min(3, (await admin.describeCluster()).brokers.length);
        // Several services create the same topics as they start side by side (a fresh cluster in
        // CI): creation can then fail with TOPIC_ALREADY_EXISTS, or a topic another client just
        // created may have no leader yet. Try again until every topic exists and answers metadata.
        for (let attempt = 1; ; attempt++) {
          try {
            // Only the missing ones: kafkajs logs TOPIC_ALREADY_EXISTS at ERROR level on every start otherwise.
            const existing = new Set(await admin.listTopics());
            const missing = names.filter((n) => !existing.has(n));
            if (missing.length > 0) {
              await admin.createTopics({
                waitForLeaders: true,
                topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor })),
              });
            }
            await admin.fetchTopicMetadata({ topics: names });
            return;
          } catch (e) {
            if (attempt >= 10) throw e;
            await new Promise((r) => setTimeout(r, 250 * attempt));
          }
        }
      } finally {
        await admin.disconnect();
      }
    },

    async ping() {
      // A fresh admin each time: a health check must not reuse a connection that went stale.
      pingKafka ??= build({ retries: 0 });
      const admin = pingKafka.admin({ retry: { retries: 0 } });
      try {
        await admin.connect();
        await admin.describeCluster();
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
    },

    async consumerLag() {
      if (groups.size === 0) return [];
      pingKafka ??= build({ retries: 0 });
      const admin = pingKafka.admin({ retry: { retries: 0 } });
      const out: ConsumerLag[] = [];
      try {
        await admin.connect();
        const ends = new Map<string, Map<number, { high: bigint; low: bigint }>>();
        for (const [groupId, topics] of groups) {
          const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
          for (const { topic, partitions } of committed) {
            if (!ends.has(topic)) ends.set(topic, new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, { high: BigInt(p.high), low: BigInt(p.low) }])));
            for (const { partition, offset } of partitions) {
              const end = ends.get(topic)?.get(partition);
              if (!end) continue;
              const from = offset === '-1' ? end.low : BigInt(offset);
              out.push({ groupId, topic, partition, lag: Number(end.high > from ? end.high - from : 0n) });
            }
          }
        }
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
      return out;
    },

    async deleteTopics(names) {
      const admin = kafka.admin();
      await admin.connect();
      try {
        const existing = new Set(await admin.listTopics());
        const topics = names.filter((n) => existing.has(n));
        if (topics.length > 0) await admin.deleteTopics({ topics });
      } finally {
        await admin.disconnect();
      }
    },
  };
}
