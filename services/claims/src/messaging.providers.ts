import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, Provider } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TOPICS } from '@wc/contracts';
import { KafkaClient, OutboxRelay, Publisher, createKafka } from '@wc/messaging';
import { JsonLogger } from '@wc/service-kit';
import { CLAIMS_CONFIG, ClaimsConfig, SCHEMA } from './config';
import { LOGGER } from './claims/claims.service';

export const KAFKA = Symbol('kafka');

export const kafkaProvider: Provider = {
  provide: KAFKA,
  inject: [CLAIMS_CONFIG, LOGGER],
  useFactory: (c: ClaimsConfig, log: JsonLogger) => createKafka({ brokers: c.KAFKA_BROKERS.split(','), clientId: 'wc-claims-service', logger: log }),
};

/** Publishes the outbox to Kafka for as long as the service runs. */
@Injectable()
export class ClaimsOutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private relay?: OutboxRelay;
  private publisher?: Publisher;

  constructor(@InjectDataSource() private readonly ds: DataSource, @Inject(KAFKA) private readonly kafka: KafkaClient, @Inject(LOGGER) private readonly log: JsonLogger) {}

  async onApplicationBootstrap() {
    await this.kafka.ensureTopics([TOPICS.claims, TOPICS.documents]);
    this.publisher = this.kafka.publisher();
    await this.publisher.connect();
    this.relay = new OutboxRelay({ dataSource: this.ds, schema: SCHEMA, publisher: this.publisher, logger: this.log });
    this.relay.start();
  }

  async onApplicationShutdown() {
    await this.relay?.stop();
    await this.publisher?.disconnect();
  }
}
