import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, Provider } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TOPICS } from '@wc/contracts';
import { KafkaClient, OutboxRelay, Publisher, createKafka } from '@wc/messaging';
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

/**
 * Publishes the outbox to Kafka for as long as the service runs. Kafka being down does not stop the
 * service from starting: schedules are still taken (their events wait in the outbox) and the relay
 * starts once the topic exists.
 */
@Injectable()
export class PaymentsOutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private relay?: OutboxRelay;
  private publisher?: Publisher;
  private stopped = false;
  private starting?: Promise<void>;

  constructor(@InjectDataSource() private readonly ds: DataSource, @Inject(KAFKA) private readonly kafka: KafkaClient, @Inject(LOGGER) private readonly log: JsonLogger) {}

  onApplicationBootstrap() {
    this.starting = this.start();
  }

  private async start() {
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        await this.kafka.ensureTopics([TOPICS.payments]);
        break;
      } catch (e) {
        const waitMs = Math.min(30_000, 500 * 2 ** attempt);
        this.log.warn('kafka: could not create the payments topic yet; the outbox keeps the events', { error: (e as Error).message, retryInMs: waitMs });
        await new Promise((r) => setTimeout(r, waitMs).unref());
      }
    }
    if (this.stopped) return;
    this.publisher = this.kafka.publisher();
    this.relay = new OutboxRelay({ dataSource: this.ds, schema: SCHEMA, publisher: this.publisher, logger: this.log });
    this.relay.start();
  }

  async onApplicationShutdown() {
    this.stopped = true;
    await this.starting;
    await this.relay?.stop();
    await this.publisher?.disconnect();
  }
}
