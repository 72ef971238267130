import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, Provider } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TOPICS } from '@wc/contracts';
import { KafkaClient, OutboxRelay, Publisher, createKafka } from '@wc/messaging';
import { JsonLogger } from '@wc/service-kit';
import { DOCUMENTS_CONFIG, DocumentsConfig } from './config';
import { LOGGER } from './documents/documents.service';

export const KAFKA = Symbol('kafka');

export const kafkaProvider: Provider = {
  provide: KAFKA,
  inject: [DOCUMENTS_CONFIG, LOGGER],
  useFactory: (c: DocumentsConfig, log: JsonLogger) => createKafka({ brokers: c.KAFKA_BROKERS.split(','), clientId: 'wc-documents-service', logger: log }),
};

/** Publishes the outbox (document.created) to Kafka for as long as the service runs. */
@Injectable()
export class DocumentsOutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private relay?: OutboxRelay;
  private publisher?: Publisher;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(KAFKA) private readonly kafka: KafkaClient,
    @Inject(DOCUMENTS_CONFIG) private readonly config: DocumentsConfig,
    @Inject(LOGGER) private readonly log: JsonLogger,
  ) {}

  async onApplicationBootstrap() {
    await this.kafka.ensureTopics([TOPICS.documents]);
    this.publisher = await this.kafka.publisher();
    this.relay = new OutboxRelay({ dataSource: this.ds, schema: this.config.DB_SCHEMA, publisher: this.publisher, logger: this.log });
    this.relay.start();
  }

  async onApplicationShutdown() {
    await this.relay?.stop();
    await this.publisher?.disconnect();
  }
}
