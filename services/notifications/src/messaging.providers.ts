import { Provider } from '@nestjs/common';
import { createKafka } from '@wc/messaging';
import { JsonLogger } from '@wc/service-kit';
import { NOTIFICATIONS_CONFIG, NotificationsConfig } from './config';
import { LOGGER } from './letters/letters.service';

export const KAFKA = Symbol('kafka');

export const kafkaProvider: Provider = {
  provide: KAFKA,
  inject: [NOTIFICATIONS_CONFIG, LOGGER],
  useFactory: (c: NotificationsConfig, log: JsonLogger) => createKafka({ brokers: c.KAFKA_BROKERS.split(','), clientId: 'wc-notifications-service', logger: log }),
};
