import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TOPICS } from '@wc/contracts';
import { type KafkaClient, type MessageConsumer, MessageParking, isEvent } from '@wc/messaging';
import { JsonLogger, KAFKA, keepStaffing, withLogContext } from '@wc/service-kit';
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
 * An unreadable event, or one that keeps failing, is parked (documents.parked_events) for an
 * operator to replay, rather than lost or blocking its partition.
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
    const groupId = this.config.CLAIMS_CONSUMER_GROUP ?? `documents-service.claims.${this.s}`;
    const parking = new MessageParking({ dataSource: this.ds, schema: this.s, consumer: groupId, logger: this.log });
    this.consumer = this.kafka.consumer({ groupId });
    await this.consumer.run(
      [TOPICS.claims],
      (m) =>
        parking.process(m, async (event) => {
          // Who works on each claim, for who may see its documents (issue 14); idempotent like the claim numbers.
          await keepStaffing(this.ds, this.s, event);
          if (!isEvent(event, 'claim.notified')) return;
          const { claimId, claimNumber } = event.data;
          const [row] = await this.ds.query(
            `INSERT INTO ${this.s}.claims (claim_id, claim_number) VALUES ($1, $2)
         ON CONFLICT (claim_id) DO UPDATE SET claim_number = ${this.s}.claims.claim_number RETURNING claim_number`,
            [claimId, claimNumber],
          );
          if (row?.claim_number !== claimNumber)
            withLogContext({ claimId }, () => this.log.error('claim.notified gave a claim another number than it already had; the first is kept', { kept: row?.claim_number, given: claimNumber }));
        }),
      { fromBeginning: true },
    );
  }

  async onApplicationShutdown() {
    await this.consumer?.stop();
  }
}
