import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DocumentCreatedData, TOPICS } from '@wc/contracts';
import { IdempotentConsumer, KafkaClient, isEvent } from '@wc/messaging';
import { recordHealthRead } from '../access/staffing.service';
import { JsonLogger, KAFKA } from '@wc/service-kit';
import { SCHEMA, CLAIMS_CONFIG, ClaimsConfig } from '../config';
import { ClaimDocumentEntity, ClaimEntity } from '../claims/claim.entity';
import { LOGGER } from '../claims/claims.service';

/** document.created → the claim shows its letter (idempotent: a redelivered event does nothing twice). */
@Injectable()
export class DocumentsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer?: IdempotentConsumer;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(KAFKA) private readonly kafka: KafkaClient,
    @Inject(LOGGER) private readonly log: JsonLogger,
    @Inject(CLAIMS_CONFIG) private readonly config: ClaimsConfig,
  ) {}

  async onApplicationBootstrap() {
    // Topics are never auto-created: make sure the one we read exists before joining the group.
    await this.kafka.ensureTopics([TOPICS.documents]);
    this.consumer = new IdempotentConsumer({
      kafka: this.kafka,
      groupId: 'claims-service.documents',
      topics: [TOPICS.documents],
      dataSource: this.ds,
      schema: SCHEMA,
      logger: this.log,
      // A new consumer group must also see documents created before it first joined (the inbox dedupes).
      fromBeginning: true,
      sessionTimeoutMs: this.config.KAFKA_SESSION_TIMEOUT_MS,
      handle: async (event, m) => {
        if (isEvent(event, 'health-information.read')) return recordHealthRead(m, event.data, event.id);
        if (event.type !== 'document.created') return;
        const d = event.data as DocumentCreatedData;
        if (!(await m.getRepository(ClaimEntity).existsBy({ id: d.claimId }))) {
          this.log.warn('document for an unknown claim ignored', { claimId: d.claimId, documentId: d.documentId });
          return;
        }
        await m.getRepository(ClaimDocumentEntity).upsert(
          {
            documentId: d.documentId,
            claimId: d.claimId,
            kind: d.kind,
            template: d.template,
            templateVersion: d.templateVersion,
            version: d.version,
            contentHash: d.contentHash,
            createdAt: new Date(event.time),
          },
          ['documentId'],
        );
        this.log.info('document attached to claim', { claimId: d.claimId, documentId: d.documentId, kind: d.kind });
      },
    });
    await this.consumer.start();
  }

  async onApplicationShutdown() {
    await this.consumer?.stop();
  }
}
