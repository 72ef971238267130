import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TOPICS } from '@wc/contracts';
import { IdempotentConsumer, KafkaClient, isEvent } from '@wc/messaging';
import { recordHealthRead } from '../access/staffing.service';
import { JsonLogger, KAFKA } from '@wc/service-kit';
import { SCHEMA, CLAIMS_CONFIG, ClaimsConfig } from '../config';
import { ClaimEntity } from '../claims/claim.entity';
import { LOGGER } from '../claims/claims.service';

/**
 * notice.delivery-updated → the claim's record shows every copy of every notice: sent, delivered,
 * bounced, failed or refused, and when (SIRA audits insurers on this evidence).
 */
@Injectable()
export class NotificationsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer?: IdempotentConsumer;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(KAFKA) private readonly kafka: KafkaClient,
    @Inject(LOGGER) private readonly log: JsonLogger,
    @Inject(CLAIMS_CONFIG) private readonly config: ClaimsConfig,
  ) {}

  async onApplicationBootstrap() {
    await this.kafka.ensureTopics([TOPICS.notifications]);
    this.consumer = new IdempotentConsumer({
      kafka: this.kafka,
      groupId: 'claims-service.notifications',
      topics: [TOPICS.notifications],
      dataSource: this.ds,
      schema: SCHEMA,
      logger: this.log,
      fromBeginning: true,
      sessionTimeoutMs: this.config.KAFKA_SESSION_TIMEOUT_MS,
      handle: async (event, m) => {
        if (isEvent(event, 'health-information.read')) return recordHealthRead(m, event.data, event.id);
        if (!isEvent(event, 'notice.delivery-updated')) return;
        const d = event.data;
        if (!(await m.getRepository(ClaimEntity).existsBy({ id: d.claimId }))) {
          this.log.warn('delivery status for an unknown claim ignored', { claimId: d.claimId, deliveryId: d.deliveryId });
          return;
        }
        await m.query(
          `INSERT INTO ${SCHEMA}.notice_delivery_events (event_id, claim_id, notice_id, notice_type, delivery_id, party_id, recipient, channel, status, attempt, document_id, detail, at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT DO NOTHING`,
          [event.id, d.claimId, d.noticeId, d.noticeType, d.deliveryId, d.partyId, d.recipient, d.channel, d.status, d.attempt, d.documentId, d.detail, d.at],
        );
        this.log.info('notice delivery recorded', { claimId: d.claimId, notice: d.noticeType, recipient: d.recipient, channel: d.channel, status: d.status });
      },
    });
    await this.consumer.start();
  }

  async onApplicationShutdown() {
    await this.consumer?.stop();
  }
}
