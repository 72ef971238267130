import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, Provider } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TOPICS } from '@wc/contracts';
import { KafkaClient, RunningOutbox, createKafka, runOutbox } from '@wc/messaging';
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
  private outbox?: RunningOutbox;

  constructor(@InjectDataSource() private readonly ds: DataSource, @Inject(KAFKA) private readonly kafka: KafkaClient, @Inject(LOGGER) private readonly log: JsonLogger) {}

  onApplicationBootstrap() {
    this.outbox = runOutbox({ kafka: this.kafka, dataSource: this.ds, schema: SCHEMA, topics: [TOPICS.claims, TOPICS.documents], logger: this.log });
  }

  async onApplicationShutdown() {
    await this.outbox?.stop();
  }
}
