import { randomUUID } from 'node:crypto';
import { requestHash } from '../http/request-hash';
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Notification, TOPICS, ClaimNotifiedData, NoticeDeliveryUpdatedData } from '@wc/contracts';
import { enqueue, newEnvelope } from '@wc/messaging';
import { parseEventTime } from '@wc/rules';
import { JsonLogger, LOGGER, StaffUser, withLogContext } from '@wc/service-kit';
import { claimWorkflowId } from '@wc/workflows/dist/claim/definitions';
import { CLAIMS_CONFIG, ClaimsConfig, SCHEMA } from '../config';
import { TemporalGateway } from '../workflow/temporal.gateway';
import { ClaimDocumentEntity, ClaimEntity } from './claim.entity';
import type { ClaimView } from './claims.responses';

/** The service module's logger (service-kit), under the name this service's code imports. */
export { LOGGER };

@Injectable()
export class ClaimsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly temporal: TemporalGateway,
    @Inject(LOGGER) private readonly log: JsonLogger,
    @Inject(CLAIMS_CONFIG) private readonly config: ClaimsConfig,
  ) {}

  /**
   * Takes an injury notification: the claim and its claim.notified event in one transaction
   * (transactional outbox), then the claim's workflow. The same idempotency key gives the same claim.
   */
  async notify(
    notification: Notification,
    idempotencyKey: string | undefined,
    by: StaffUser,
    assignment?: { caseManager: string; teamLeader: string },
  ): Promise<{ claim: ClaimEntity; created: boolean }> {
    const hash = requestHash({ notification, assignment: assignment ?? null });
    if (idempotencyKey) {
      const existing = await this.ds.getRepository(ClaimEntity).findOneBy({ idempotencyKey });
      if (existing) return { claim: this.sameRequest(existing, hash), created: false };
    }
    let claim: ClaimEntity;
    try {
      claim = await this.ds.transaction(async (m) => {
        const [{ n }] = await m.query(`SELECT nextval('${SCHEMA}.claim_number_seq') AS n`);
        const claimNumber = `WC${String(n).padStart(7, '0')}`;
        const row = m.getRepository(ClaimEntity).create({
          id: randomUUID(),
          claimNumber,
          idempotencyKey: idempotencyKey ?? null,
          requestHash: hash,
          notification,
          dateOfInjury: notification.injury.dateOfInjury,
          notificationDate: parseEventTime(notification.notifiedAt).date,
          classification: null,
          segment: null,
          triageReasons: null,
          classifiedAt: null,
          workflowId: claimWorkflowId(claimNumber),
          workflowStartedAt: null,
          createdBy: by.user,
          // Without an assignment, a case manager who lodges a notification handles the claim (and a
          // team leader who lodges one leads it) until a team leader assigns it.
          caseManager: assignment?.caseManager ?? (by.role === 'case-manager' ? by.user : null),
          teamLeader: assignment?.teamLeader ?? (by.role === 'team-leader' ? by.user : null),
        });
        await m.getRepository(ClaimEntity).insert(row);
        const data: ClaimNotifiedData = {
          claimId: row.id,
          claimNumber,
          worker: { givenName: notification.worker.givenName, familyName: notification.worker.familyName, ...(notification.worker.nameOrder ? { nameOrder: notification.worker.nameOrder } : {}) },
          employer: notification.employer,
          dateOfInjury: notification.injury.dateOfInjury,
          notificationDate: row.notificationDate,
          notificationComplete: notification.notificationComplete,
          assignment: { caseManager: row.caseManager, teamLeader: row.teamLeader },
        };
        await enqueue(m, SCHEMA, TOPICS.claims, newEnvelope({ type: 'claim.notified', source: 'wc-claims/claims', subject: row.id, data }));
        return row;
      });
    } catch (e) {
      // Two requests with the same key at once: the loser returns the winner's claim.
      if (idempotencyKey && (e as { code?: string }).code === '23505') {
        const existing = await this.ds.getRepository(ClaimEntity).findOneByOrFail({ idempotencyKey });
        return { claim: this.sameRequest(existing, hash), created: false };
      }
      throw e;
    }
    await withLogContext({ claimId: claim.id }, async () => {
      this.log.info('claim notified', { claimNumber: claim.claimNumber });
      await this.startWorkflow(claim);
    });
    return { claim, created: true };
  }

  private sameRequest(existing: ClaimEntity, requestHash: string): ClaimEntity {
    if (existing.requestHash !== requestHash) throw new ConflictException('this Idempotency-Key was already used for a different notification');
    return existing;
  }

  /** Started after the commit; if Temporal is unreachable now, the reconciler starts it later. */
  async startWorkflow(claim: ClaimEntity): Promise<boolean> {
    try {
      await this.temporal.startClaimWorkflow(claim.workflowId, {
        claimId: claim.id,
        claim: claim.notification,
        ...(this.config.CLAIM_HISTORY_LIMIT ? { historyLimit: this.config.CLAIM_HISTORY_LIMIT } : {}),
      });
      await this.ds.getRepository(ClaimEntity).update({ id: claim.id }, { workflowStartedAt: new Date() });
      claim.workflowStartedAt = new Date();
      return true;
    } catch (e) {
      this.log.warn('could not start the claim workflow yet; will retry', { claimId: claim.id, error: (e as Error).message });
      return false;
    }
  }

  async claimsWithoutWorkflow(limit = 50): Promise<ClaimEntity[]> {
    return this.ds
      .getRepository(ClaimEntity)
      .createQueryBuilder('c')
      .where('c.workflow_started_at IS NULL')
      .andWhere(`c.created_at < now() - interval '2 seconds'`)
      .orderBy('c.created_at')
      .limit(limit)
      .getMany();
  }

  async view(id: string): Promise<ClaimView> {
    const claim = await this.ds.getRepository(ClaimEntity).findOneBy({ id });
    if (!claim) throw new NotFoundException(`no claim ${id}`);
    const documents = await this.ds.getRepository(ClaimDocumentEntity).find({ where: { claimId: id }, order: { createdAt: 'ASC' } });
    const deliveries: DeliveryRow[] = await this.ds.query(
      `SELECT delivery_id, notice_id, notice_type, recipient, party_id, channel, status, attempt, document_id, detail, at FROM ${SCHEMA}.notice_delivery_events WHERE claim_id = $1 ORDER BY at, event_id`,
      [id],
    );
    let workflowStatus: string;
    let parts: Awaited<ReturnType<TemporalGateway['workflowParts']>> | string = [];
    try {
      // Not started yet (Temporal was unreachable at lodging; the reconciler starts it): said from the
      // database, without a second wait on a Temporal that just did not answer.
      workflowStatus = claim.workflowStartedAt ? await this.temporal.workflowStatus(claim.workflowId) : 'NOT_STARTED';
    } catch (e) {
      workflowStatus = `UNKNOWN (${(e as Error).message})`;
    }
    let decisions: Awaited<ReturnType<TemporalGateway['decisions']>> | string | null = null;
    if (workflowStatus === 'RUNNING' || workflowStatus === 'COMPLETED') {
      try {
        parts = await this.temporal.workflowParts(claim.workflowId);
      } catch (e) {
        // The claim itself is still shown: only the parts are unknown (e.g. no claim worker is running).
        parts = `UNKNOWN (${(e as Error).message})`;
        this.log.warn('parts of the claim workflow unknown', { claimId: claim.id, error: (e as Error).message });
      }
      // Only asked when the parts answered: with no claim worker running, a second two-second wait adds nothing.
      if (typeof parts !== 'string') {
        try {
          decisions = await this.temporal.decisions(claim.workflowId);
        } catch (e) {
          decisions = `UNKNOWN (${(e as Error).message})`;
        }
      }
    }
    return {
      id: claim.id,
      claimNumber: claim.claimNumber,
      worker: claim.notification.worker,
      employer: claim.notification.employer,
      injury: claim.notification.injury,
      notifiedAt: claim.notification.notifiedAt,
      notificationDate: claim.notificationDate,
      classification: claim.classification,
      segment: claim.segment,
      triageReasons: claim.triageReasons,
      workflow: { id: claim.workflowId, status: workflowStatus, parts },
      // docs/rules.md §8: treatment requests, s48A warnings and any discontinuance, as the claim's workflow keeps them.
      treatmentRequests: typeof decisions === 'object' && decisions ? decisions.treatmentRequests : decisions,
      s48aWarnings: typeof decisions === 'object' && decisions ? decisions.s48aWarnings : decisions,
      discontinuance: typeof decisions === 'object' && decisions ? decisions.discontinuance : decisions,
      documents: documents.map((d) => ({
        id: d.documentId,
        kind: d.kind,
        template: d.template,
        templateVersion: d.templateVersion,
        version: d.version,
        contentHash: d.contentHash,
        createdAt: d.createdAt.toISOString(),
      })),
      correspondence: correspondenceOf(deliveries),
      caseManager: claim.caseManager,
      teamLeader: claim.teamLeader,
      createdAt: claim.createdAt.toISOString(),
      createdBy: claim.createdBy,
      backdatingWindowDays: this.config.ACTION_BACKDATING_DAYS,
    };
  }
}

/** A row of notice_delivery_events: what notice.delivery-updated said, as stored. */
interface DeliveryRow {
  delivery_id: string;
  notice_id: string;
  notice_type: string;
  recipient: string;
  party_id: string | null;
  channel: NoticeDeliveryUpdatedData['channel'];
  status: NoticeDeliveryUpdatedData['status'];
  attempt: number;
  document_id: string | null;
  detail: string | null;
  at: Date;
}

/** Each copy of each notice with its latest status, and every status it had, oldest first. */
function correspondenceOf(events: DeliveryRow[]): ClaimView['correspondence'] {
  const byDelivery = new Map<string, ClaimView['correspondence'][number]>();
  for (const e of events) {
    const entry = byDelivery.get(e.delivery_id) ?? {
      deliveryId: e.delivery_id,
      noticeId: e.notice_id,
      noticeType: e.notice_type,
      recipient: e.recipient,
      partyId: e.party_id,
      channel: e.channel,
      status: e.status,
      documentId: e.document_id,
      history: [],
    };
    entry.status = e.status;
    entry.documentId = e.document_id ?? entry.documentId;
    entry.history.push({ status: e.status, attempt: e.attempt, detail: e.detail, at: e.at.toISOString() });
    byDelivery.set(e.delivery_id, entry);
  }
  return [...byDelivery.values()];
}
