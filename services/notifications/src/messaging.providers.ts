import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, Provider } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TOPICS } from '@wc/contracts';
import { KafkaClient, RunningOutbox, createKafka, runOutbox } from '@wc/messaging';
import { JsonLogger } from '@wc/service-kit';
import { NOTIFICATIONS_CONFIG, NotificationsConfig } from './config';
import { LOGGER } from './letters/letters.service';

export const KAFKA = Symbol('kafka');

export const kafkaProvider: Provider = {
  provide: KAFKA,
  inject: [NOTIFICATIONS_CONFIG, LOGGER],
  useFactory: (c: NotificationsConfig, log: JsonLogger) => createKafka({ brokers: c.KAFKA_BROKERS.split(','), clientId: 'wc-notifications-service', logger: log }),
};

/** Publishes delivery status events from the outbox for as long as the service runs. */
@Injectable()
export class NotificationsOutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private outbox?: RunningOutbox;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(KAFKA) private readonly kafka: KafkaClient,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
    @Inject(LOGGER) private readonly log: JsonLogger,
  ) {}

  onApplicationBootstrap() {
    this.outbox = runOutbox({ kafka: this.kafka, dataSource: this.ds, schema: this.config.DB_SCHEMA, topics: [TOPICS.notifications], logger: this.log });
  }

  async onApplicationShutdown() {
    await this.outbox?.stop();
  }
}
