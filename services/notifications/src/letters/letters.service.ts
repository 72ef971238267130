import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ClaimNotifiedData, Envelope, RecordedParty } from '@wc/contracts';
import { canonicalHash, JsonLogger, LOGGER, StaffUser, refusedForDate, visibleClaimsCondition, withLogContext } from '@wc/service-kit';
import { sydneyAt } from '@wc/rules';
import { type StaffContact, acknowledgementData } from '../notices/notice-content';
import { DocumentsClient, DocumentsServiceError } from '../documents.client';
import { NOTIFICATIONS_CONFIG, NotificationsConfig } from '../config';
import { LetterRequestEntity } from './letter-request.entity';

/** The service module's logger (service-kit), under the name this service's code imports. */
export { LOGGER };

export interface LetterRequestView {
  eventId: string;
  claimId: string;
  kind: string;
  documentId: string | null;
  failure: string | null;
  requestedAt: string;
}

const view = (r: LetterRequestEntity): LetterRequestView => ({
  eventId: r.eventId,
  claimId: r.claimId,
  kind: r.kind,
  documentId: r.documentId,
  failure: r.failure,
  requestedAt: r.requestedAt.toISOString(),
});

/** A refusal that will not change on retry: the request itself is wrong (not auth, conflict or overload). */
const permanent = (e: unknown) => e instanceof DocumentsServiceError && e.status !== undefined && e.status >= 400 && e.status < 500 && ![401, 403, 408, 409, 429].includes(e.status);

@Injectable()
export class LettersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly documents: DocumentsClient,
    @Inject(LOGGER) private readonly log: JsonLogger,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  /**
   * claim.notified → the acknowledgement letter. Runs inside the consumer's inbox transaction: the
   * letter request commits with the "event handled" mark. The HTTP call cannot be part of that
   * transaction, so after a crash between the call and the commit the event is handled again and
   * calls again with the same Idempotency-Key: the documents service returns the same document.
   * The letter gives the case manager's contact (`caseManager`, the staff directory's entry) and the
   * worker's address if the claim's parties already record it; without a directory entry the
   * documents service refuses it, and the acknowledgement notice waits for a person instead.
   */
  async acknowledge(event: Envelope<ClaimNotifiedData>, m: EntityManager, caseManager: StaffContact | null, parties: RecordedParty[]): Promise<LetterRequestEntity> {
    const d = event.data;
    return withLogContext({ claimId: d.claimId }, async () => {
      const kind = 'acknowledgement-letter';
      let document: { id: string; contentHash: string };
      try {
        // Dated the day it is written. The key names the content: a redelivery with the same content
        // (the same day, the same directory entry) is the same document; with other content (the next
        // day, say) it is a new document rather than a refusal (409) retried for ever.
        const request = { claimId: d.claimId, kind, data: acknowledgementData({ ...d, parties }, caseManager, sydneyAt(Date.now()).date) };
        document = await this.documents.createDocument(request, `ack-letter:${event.id}:${canonicalHash(request).slice(0, 32)}`);
      } catch (e) {
        // Retrying a request the documents service rejects as wrong would stall every later event of
        // this partition for good: record the failure for a person to act on and move on. A letter
        // refused for its date (written before midnight, received after) is written again.
        if (!permanent(e) || refusedForDate(e)) throw e;
        const failed = m
          .getRepository(LetterRequestEntity)
          .create({ eventId: event.id, claimId: d.claimId, kind, documentId: null, failure: (e as Error).message.slice(0, 1000), requestedAt: new Date() });
        await m.getRepository(LetterRequestEntity).insert(failed);
        this.log.error('acknowledgement letter refused by the documents service; needs a person', { claimNumber: d.claimNumber, eventId: event.id, error: (e as Error).message });
        return failed;
      }
      const row = m.getRepository(LetterRequestEntity).create({ eventId: event.id, claimId: d.claimId, kind, documentId: document.id, failure: null, requestedAt: new Date() });
      await m.getRepository(LetterRequestEntity).insert(row);
      this.log.info('acknowledgement letter requested', { claimNumber: d.claimNumber, eventId: event.id, documentId: document.id, contentHash: document.contentHash });
      return row;
    });
  }

  /** The claim's letters, if `who` may see the claim (the route refuses another's claim first; this is the second lock). */
  async forClaim(who: StaffUser, claimId: string): Promise<LetterRequestView[]> {
    const s = this.config.DB_SCHEMA;
    const visible = visibleClaimsCondition(who, 'health', s, 'claim_id', 2);
    const rows: { event_id: string; claim_id: string; kind: string; document_id: string | null; failure: string | null; requested_at: Date }[] = await this.ds.query(
      `SELECT event_id, claim_id, kind, document_id, failure, requested_at FROM ${s}.letter_requests WHERE claim_id = $1 AND (${visible.sql}) ORDER BY requested_at, event_id`,
      [claimId, ...visible.params],
    );
    return rows.map((r) => view({ eventId: r.event_id, claimId: r.claim_id, kind: r.kind, documentId: r.document_id, failure: r.failure, requestedAt: r.requested_at }));
  }
}
