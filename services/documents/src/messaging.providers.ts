import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, Provider } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TOPICS } from '@wc/contracts';
import { KafkaClient, RunningOutbox, createKafka, runOutbox } from '@wc/messaging';
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
  private outbox?: RunningOutbox;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(KAFKA) private readonly kafka: KafkaClient,
    @Inject(DOCUMENTS_CONFIG) private readonly config: DocumentsConfig,
    @Inject(LOGGER) private readonly log: JsonLogger,
  ) {}

  onApplicationBootstrap() {
    this.outbox = runOutbox({ kafka: this.kafka, dataSource: this.ds, schema: this.config.DB_SCHEMA, topics: [TOPICS.documents], logger: this.log });
  }

  async onApplicationShutdown() {
    await this.outbox?.stop();
  }
}
