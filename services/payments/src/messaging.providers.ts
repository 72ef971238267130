import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, Provider } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TOPICS } from '@wc/contracts';
import { KafkaClient, RunningOutbox, createKafka, runOutbox } from '@wc/messaging';
import { JsonLogger } from '@wc/service-kit';
import { LOGGER, PAYMENTS_CONFIG, PaymentsConfig, SCHEMA } from './config';

export const KAFKA = Symbol('kafka');

export const kafkaProvider: Provider = {
  provide: KAFKA,
  inject: [PAYMENTS_CONFIG, LOGGER],
  useFactory: (c: PaymentsConfig, log: JsonLogger) => createKafka({ brokers: c.KAFKA_BROKERS.split(','), clientId: 'wc-payments-service', logger: log }),
};

export function kafkaHealth(kafka: KafkaClient): Promise<unknown> {
  return kafka.ping();
}

/** Publishes the outbox to Kafka for as long as the service runs (schedules are taken while Kafka is down; their events wait). */
@Injectable()
export class PaymentsOutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private outbox?: RunningOutbox;

  constructor(@InjectDataSource() private readonly ds: DataSource, @Inject(KAFKA) private readonly kafka: KafkaClient, @Inject(LOGGER) private readonly log: JsonLogger) {}

  onApplicationBootstrap() {
    this.outbox = runOutbox({ kafka: this.kafka, dataSource: this.ds, schema: SCHEMA, topics: [TOPICS.payments], logger: this.log });
  }

  async onApplicationShutdown() {
    await this.outbox?.stop();
  }
}
