import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TOPICS } from '@wc/contracts';
import { type KafkaClient, type MessageConsumer, isEvent, parseEnvelope } from '@wc/messaging';
import { JsonLogger, KAFKA, withLogContext } from '@wc/service-kit';
import { DOCUMENTS_CONFIG, DocumentsConfig } from '../config';
import { LOGGER } from '../documents/documents.service';

/**
 * The claim number of every claim, as the claims service (the system of record) announced it in
 * claim.notified: a document request whose `data.claimNumber` is not its claim's is refused, so a
 * letter never prints another claim's number (issue 16).
 *
 * Read from the claims topic from its start by a group of this schema's own; recording a claim is
 * an insert that does nothing the second time, so redelivery needs no inbox. A claim older than the
 * topic's retention would never be heard of: the claims topic must keep every event (unlimited
 * retention; not compaction, which keeps only a claim's latest event), as deploy/k8s/README.md says.
 */
@Injectable()
export class ClaimsDirectory implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer?: MessageConsumer;
  private readonly s: string;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(KAFKA) private readonly kafka: KafkaClient,
    @Inject(DOCUMENTS_CONFIG) private readonly config: DocumentsConfig,
    @Inject(LOGGER) private readonly log: JsonLogger,
  ) {
    this.s = config.DB_SCHEMA;
  }

  async onApplicationBootstrap() {
    await this.kafka.ensureTopics([TOPICS.claims]);
    this.consumer = this.kafka.consumer({ groupId: this.config.CLAIMS_CONSUMER_GROUP ?? `documents-service.claims.${this.s}` });
    await this.consumer.run(
      [TOPICS.claims],
      async (m) => {
        const parsed = parseEnvelope(m.value);
        if (!parsed.ok) {
          // The claims service's to fix; said loudly, since a claim.notified lost here leaves its claim without letters (409).
          this.log.error('unreadable event on the claims topic skipped', { topic: m.topic, partition: m.partition, offset: m.offset, reason: parsed.reason, error: parsed.error });
          return;
        }
        if (!isEvent(parsed.envelope, 'claim.notified')) return;
        const { claimId, claimNumber } = parsed.envelope.data;
        const [row] = await this.ds.query(
          `INSERT INTO ${this.s}.claims (claim_id, claim_number) VALUES ($1, $2)
         ON CONFLICT (claim_id) DO UPDATE SET claim_number = ${this.s}.claims.claim_number RETURNING claim_number`,
          [claimId, claimNumber],
        );
        if (row?.claim_number !== claimNumber)
          withLogContext({ claimId }, () => this.log.error('claim.notified gave a claim another number than it already had; the first is kept', { kept: row?.claim_number, given: claimNumber }));
      },
      { fromBeginning: true },
    );
  }

  async onApplicationShutdown() {
    await this.consumer?.stop();
  }
}
