import { ConflictException, Inject, Injectable, NotFoundException, OnApplicationBootstrap, OnApplicationShutdown, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ClaimEvent, TOPICS } from '@wc/contracts';
import { IdempotentConsumer, KafkaClient, isEvent } from '@wc/messaging';
import { recordHealthRead } from '../access/staffing.service';
import { JsonLogger, KAFKA, withLogContext } from '@wc/service-kit';
import { SCHEMA, CLAIMS_CONFIG, ClaimsConfig } from '../config';
import { LOGGER } from '../claims/claims.service';
import { ActionsService } from './actions.service';

/**
 * The payment clocks (program 4.6) into each claim's workflow: payments starts, meets and stops
 * them; the workflow reminds, escalates and shows them in the queues like any obligation. The
 * event id is the workflow update id, so a redelivered event is applied once.
 */
@Injectable()
export class PaymentsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer?: IdempotentConsumer;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(KAFKA) private readonly kafka: KafkaClient,
    @Inject(LOGGER) private readonly log: JsonLogger,
    @Inject(CLAIMS_CONFIG) private readonly config: ClaimsConfig,
    private readonly actions: ActionsService,
  ) {}

  async onApplicationBootstrap() {
    await this.kafka.ensureTopics([TOPICS.payments]);
    this.consumer = new IdempotentConsumer({
      kafka: this.kafka,
      groupId: 'claims-service.payments',
      topics: [TOPICS.payments],
      dataSource: this.ds,
      schema: SCHEMA,
      logger: this.log,
      fromBeginning: true,
      sessionTimeoutMs: this.config.KAFKA_SESSION_TIMEOUT_MS,
      handle: async (event, m) => {
        if (isEvent(event, 'health-information.read')) return recordHealthRead(m, event.data, event.id);
        let actions: ClaimEvent[];
        let claimId: string;
        if (isEvent(event, 'payment-clock.started')) {
          ({ claimId } = event.data);
          actions = [{ type: 'payment-clock.started', at: event.time, clock: event.data.clock, ref: event.data.ref, receivedOn: event.data.receivedOn }];
        } else if (isEvent(event, 'payment-clock.met')) {
          ({ claimId } = event.data);
          actions = event.data.refs.map((ref) => ({ type: 'payment-clock.met', at: event.time, ref }));
        } else if (isEvent(event, 'payment-clock.stopped')) {
          ({ claimId } = event.data);
          actions = [{ type: 'payment-clock.stopped', at: event.time, ref: event.data.ref, reason: event.data.reason }];
        } else return;
        await withLogContext({ claimId }, async () => {
          for (const [i, action] of actions.entries()) {
            try {
              await this.actions.applyFromService(claimId, action, 'payments', `payments:${event.id}:${i}`);
            } catch (e) {
              // A claim this service does not hold, or a clock the workflow refuses (met twice, claim
              // finalised): logged, not retried for ever. Anything else (Temporal down, the workflow
              // not started yet) fails the message so it is delivered again.
              if (e instanceof NotFoundException || e instanceof UnprocessableEntityException) {
                this.log.warn('payment clock not applied', {
                  action: action.type,
                  ref: 'ref' in action ? action.ref : undefined,
                  reason: JSON.stringify((e as UnprocessableEntityException).getResponse()),
                });
                continue;
              }
              if (e instanceof ConflictException) throw new Error(`the claim's workflow has not started yet: ${e.message}`);
              throw e;
            }
          }
        });
      },
    });
    await this.consumer.start();
  }

  async onApplicationShutdown() {
    await this.consumer?.stop();
  }
}
