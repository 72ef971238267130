import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, Provider } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TOPICS } from '@wc/contracts';
import { KafkaClient, OutboxRelay, Publisher, createKafka } from '@wc/messaging';
import { JsonLogger } from '@wc/service-kit';
import { NOTIFICATIONS_CONFIG, NotificationsConfig } from './config';
import { LOGGER } from './letters/letters.service';

export const KAFKA = Symbol('kafka');

export const kafkaProvider: Provider = {
  provide: KAFKA,
  inject: [NOTIFICATIONS_CONFIG, LOGGER],
  useFactory: (c: NotificationsConfig, log: JsonLogger) => createKafka({ brokers: c.KAFKA_BROKERS.split(','), clientId: 'wc-notifications-service', logger: log }),
};

/**
 * Publishes delivery status events from the outbox for as long as the service runs; Kafka being
 * down delays them, it never loses them or stops deliveries.
 */
@Injectable()
export class NotificationsOutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private relay?: OutboxRelay;
  private publisher?: Publisher;
  private stopped = false;
  private starting?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(KAFKA) private readonly kafka: KafkaClient,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
    @Inject(LOGGER) private readonly log: JsonLogger,
  ) {}

  onApplicationBootstrap() {
    this.starting = this.start();
  }

  private async start() {
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        await this.kafka.ensureTopics([TOPICS.notifications]);
        break;
      } catch (e) {
        const waitMs = Math.min(30_000, 500 * 2 ** attempt);
        this.log.warn('kafka: could not create the notifications topic yet; the outbox keeps the events', { error: (e as Error).message, retryInMs: waitMs });
        await new Promise((r) => setTimeout(r, waitMs).unref());
      }
    }
    if (this.stopped) return;
    this.publisher = this.kafka.publisher();
    this.relay = new OutboxRelay({ dataSource: this.ds, schema: this.config.DB_SCHEMA, publisher: this.publisher, logger: this.log });
    this.relay.start();
  }

  async onApplicationShutdown() {
    this.stopped = true;
    await this.starting;
    await this.relay?.stop();
    await this.publisher?.disconnect();
  }
}
