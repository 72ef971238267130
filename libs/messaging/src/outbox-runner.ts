import type { DataSource } from 'typeorm';
import type { KafkaClient, Publisher } from './kafka';
import { jsonLogger, type Logger } from './logger';
import { OutboxRelay } from './outbox';

export interface RunningOutbox {
  /** Stops the relay (waiting for the batch in hand) and disconnects its publisher. */
  stop(): Promise<void>;
}

/**
 * What every service does with its outbox while it runs: create its topics, then relay. Kafka being
 * down at start-up does not stop the service: its changes commit with their events, which wait in
 * the outbox until the topics can be created (retried with back-off) and the relay starts.
 */
export function runOutbox(options: { kafka: KafkaClient; dataSource: DataSource; schema: string; topics: string[]; logger?: Logger }): RunningOutbox {
  const log = options.logger ?? jsonLogger();
  let stopped = false;
  let relay: OutboxRelay | undefined;
  let publisher: Publisher | undefined;
  const starting = (async () => {
    for (let attempt = 1; !stopped; attempt++) {
      try {
        await options.kafka.ensureTopics(options.topics);
        break;
      } catch (e) {
        const waitMs = Math.min(30_000, 500 * 2 ** attempt);
        log.warn('kafka: could not create the topics yet; the outbox keeps the events', { topics: options.topics, error: (e as Error).message, retryInMs: waitMs });
        await new Promise((r) => setTimeout(r, waitMs).unref());
      }
    }
    if (stopped) return;
    publisher = options.kafka.publisher();
    relay = new OutboxRelay({ dataSource: options.dataSource, schema: options.schema, publisher, logger: log });
    relay.start();
  })();
  return {
    async stop() {
      stopped = true;
      await starting;
      await relay?.stop();
      await publisher?.disconnect();
    },
  };
}
