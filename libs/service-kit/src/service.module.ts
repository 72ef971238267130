import { DynamicModule, Inject, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import type { DataSource, DataSourceOptions } from 'typeorm';
import { KafkaClient, RunningOutbox, createKafka, enqueue, newEnvelope, runOutbox } from '@wc/messaging';
import { BaseConfig, kafkaSecurity } from './config';
import { openMigrated, serviceDataSourceOptions } from './database';
import { BASE_HEALTH_CHECKS, HealthChecks, HealthController, atMostEvery } from './health';
import { JsonLogger, createPino } from './logger';
import { MetricsController, ServiceMetrics } from './observability/metrics';
import { ParkedEvents, ParkedEventsController } from './parked-events';
import { ClaimAccess, HealthReadRecorder } from './access/claim-access';

/** The service's logger (JsonLogger over pino), for its own code. */
export const LOGGER = Symbol('logger');
/** The service's Kafka client (TLS and SASL from its settings). */
export const KAFKA = Symbol('kafka');
const OPTIONS = Symbol('service module options');

export interface ServiceModuleOptions {
  /** Short name: claims, documents, notifications, payments (logs' `service`, Kafka client id). */
  name: string;
  config: BaseConfig;
  /** The PostgreSQL schema the service owns. */
  schema: string;
  entities: DataSourceOptions['entities'];
  migrations: DataSourceOptions['migrations'];
  /** The topics its transactional outbox publishes to; none, no relay. */
  outboxTopics?: string[];
  /**
   * Per-claim access (access/): where a read of health information is recorded. The claims service
   * keeps them in its own table; the others publish each as health-information.read to their topic.
   */
  healthReads?: { topic: string } | { record: HealthReadRecorder };
}

/** Publishes the outbox to Kafka for as long as the service runs (changes are taken while Kafka is down; their events wait). */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private outbox?: RunningOutbox;

  constructor(
    @Inject(getDataSourceToken()) private readonly ds: DataSource,
    @Inject(KAFKA) private readonly kafka: KafkaClient,
    @Inject(LOGGER) private readonly log: JsonLogger,
    @Inject(OPTIONS) private readonly o: ServiceModuleOptions,
  ) {}

  onApplicationBootstrap() {
    if (this.o.outboxTopics?.length) this.outbox = runOutbox({ kafka: this.kafka, dataSource: this.ds, schema: this.o.schema, topics: this.o.outboxTopics, logger: this.log });
  }

  async onApplicationShutdown() {
    await this.outbox?.stop();
  }
}

/**
 * The gauges every service has: its outbox's backlog (events committed, not yet on Kafka), how
 * far each of its consumer groups is behind, and the messages its consumers parked. All are read
 * at scrape time, at most every 10 s.
 */
@Injectable()
export class ServiceGauges implements OnModuleInit {
  constructor(
    @Inject(getDataSourceToken()) private readonly ds: DataSource,
    @Inject(KAFKA) private readonly kafka: KafkaClient,
    private readonly metrics: ServiceMetrics,
    @Inject(OPTIONS) private readonly o: ServiceModuleOptions,
    private readonly parked: ParkedEvents,
  ) {}

  onModuleInit() {
    if (this.o.outboxTopics?.length) {
      const backlog = atMostEvery(10_000, async () => {
        const [row] = await this.ds.query(
          `SELECT count(*)::int AS n, coalesce(extract(epoch FROM clock_timestamp() - min(created_at)), 0)::float AS age FROM "${this.o.schema}".outbox WHERE published_at IS NULL`,
        );
        return row as { n: number; age: number };
      });
      this.metrics.gauge('outbox_unpublished_events', 'Events committed to the outbox and not yet published to Kafka', [], async (g) => g.set((await backlog()).n));
      this.metrics.gauge('outbox_lag_seconds', 'Age of the oldest event not yet published to Kafka (0 when none waits)', [], async (g) => g.set((await backlog()).age));
    }
    const lag = atMostEvery(10_000, () => this.kafka.consumerLag());
    this.metrics.gauge('kafka_consumer_lag', 'Messages not yet consumed, per consumer group and partition', ['group', 'topic', 'partition'], async (g) => {
      g.reset();
      for (const l of await lag().catch(() => [])) g.set({ group: l.groupId, topic: l.topic, partition: String(l.partition) }, l.lag);
    });
    // Counted from the table, not in memory: the count survives restarts, covers every consumer of
    // the schema, and reads the same on every replica (alert on its increase, or on waiting > 0).
    const parked = atMostEvery(10_000, () => this.parked.counts());
    this.metrics.counter('kafka_events_parked_total', 'Kafka messages parked by a consumer (unreadable, or failing every attempt), per consumer', ['consumer'], async (c) => {
      c.reset();
      for (const p of await parked().catch(() => [])) c.inc({ consumer: p.consumer }, p.parked);
    });
    this.metrics.gauge('kafka_events_parked_waiting', 'Parked Kafka messages not yet replayed, per consumer (POST /admin/parked-events/:id/replay)', ['consumer'], async (g) => {
      g.reset();
      for (const p of await parked().catch(() => [])) g.set({ consumer: p.consumer }, p.waiting);
    });
  }
}

/**
 * What every service is built from (issue 18): its configuration's logger (pino through nestjs-pino,
 * request lines with the request id), its own schema migrated once under a lock, Kafka with TLS and
 * SASL from the settings, the outbox relay, health (/health/live, /health/ready via terminus),
 * Prometheus metrics (/metrics) and the messages its consumers parked (/admin/parked-events). A
 * service's module imports `ServiceModule.forRoot(...)` and adds its own controllers, providers
 * and, under HEALTH_CHECKS, any dependency of its own to check.
 */
@Module({})
export class ServiceModule {
  static forRoot(o: ServiceModuleOptions): DynamicModule {
    const pinoInstance = createPino(o.name, o.config.LOG_LEVEL);
    const logger = JsonLogger.over(o.name, pinoInstance);
    return {
      module: ServiceModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            logger: pinoInstance,
            // The id the request-id middleware (bootstrap) settled on: the caller's x-request-id or a new one.
            genReqId: (req: IncomingMessage) => String(req.headers['x-request-id'] ?? ''),
            autoLogging: { ignore: (req: IncomingMessage) => /^\/(health|metrics)(\/|$|\?)/.test(req.url ?? '') },
            quietReqLogger: true,
            serializers: {
              req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
        }),
        TypeOrmModule.forRootAsync({
          useFactory: () => serviceDataSourceOptions({ url: o.config.DATABASE_URL, schema: o.schema, entities: o.entities, migrations: o.migrations }),
          dataSourceFactory: (options) => openMigrated(options as DataSourceOptions),
        }),
        TerminusModule.forRoot({ logger: false }),
      ],
      controllers: [HealthController, MetricsController, ParkedEventsController],
      providers: [
        { provide: OPTIONS, useValue: o },
        { provide: LOGGER, useValue: logger },
        // One registry per application instance: a test restarts a service in the same process.
        { provide: ServiceMetrics, useFactory: () => new ServiceMetrics(o.name) },
        { provide: KAFKA, useFactory: () => createKafka({ brokers: o.config.KAFKA_BROKERS.split(','), clientId: `wc-${o.name}-service`, logger, ...kafkaSecurity(o.config) }) },
        {
          provide: BASE_HEALTH_CHECKS,
          inject: [getDataSourceToken(), KAFKA],
          useFactory: (ds: DataSource, kafka: KafkaClient): HealthChecks => ({ database: () => ds.query('SELECT 1'), kafka: () => kafka.ping() }),
        },
        {
          provide: ParkedEvents,
          inject: [getDataSourceToken(), KAFKA],
          useFactory: (ds: DataSource, kafka: KafkaClient) => new ParkedEvents(ds, kafka, o.schema, logger),
        },
        OutboxRelay,
        ServiceGauges,
        ...(o.healthReads ? [{ provide: ClaimAccess, inject: [getDataSourceToken()], useFactory: (ds: DataSource) => new ClaimAccess(ds, o.schema, o.name, healthReadRecorder(o)) }] : []),
      ],
      exports: [LOGGER, KAFKA, ServiceMetrics, ...(o.healthReads ? [ClaimAccess] : [])],
    };
  }
}

function healthReadRecorder(o: ServiceModuleOptions): HealthReadRecorder {
  const h = o.healthReads!;
  if ('record' in h) return h.record;
  return (m, read) => enqueue(m, o.schema, h.topic, newEnvelope({ type: 'health-information.read', source: `wc-claims/${o.name}`, subject: read.claimId, data: read }));
}
