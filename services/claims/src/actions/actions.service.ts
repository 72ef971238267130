import { randomUUID } from 'node:crypto';
import { ConflictException, ForbiddenException, Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TOPICS, type ClaimEvent } from '@wc/contracts';
import { enqueue, newEnvelope } from '@wc/messaging';
import { JsonLogger, Role, StaffUser, badRequest, withLogContext } from '@wc/service-kit';
import { ClaimEntity } from '../claims/claim.entity';
import { LOGGER } from '../claims/claims.service';
import { SCHEMA } from '../config';
import { ClaimAction } from '../obligations/obligation.entities';
import { ActionRefusedError, TemporalGateway } from '../workflow/temporal.gateway';
import { requestHash, sameAction } from '../http/request-hash';
import type { ActionResult } from '@wc/workflows/dist/claim/definitions';
import type { AppliedAction } from './actions.responses';

/** Who may record what (admin may record anything). Case managers and team leaders run the claim. */
const RUN_THE_CLAIM: Role[] = ['case-manager', 'team-leader'];
const ROLES_FOR: Partial<Record<ClaimEvent['type'], Role[]>> = {
  'review.completed': ['reviewer', 'team-leader'],
  'earnings.reported': [...RUN_THE_CLAIM, 'payments-officer'],
  // A certificate of capacity is health information, which a payments officer does not see (issue 14).
  'certificate.received': RUN_THE_CLAIM,
  'obligation.waived': ['team-leader'],
  'triage.reclassified': RUN_THE_CLAIM,
  // Ending a worker's weekly payments for non-compliance is a team leader's decision (program s5, "Management of non-participation").
  's48a.terminated': ['team-leader'],
  // Kept by the payments service (payments.consumer.ts); over HTTP only an administrator may.
  'payment-clock.started': [],
  'payment-clock.met': [],
  'payment-clock.stopped': [],
};

export function rolesFor(type: ClaimEvent['type']): Role[] {
  return ROLES_FOR[type] ?? RUN_THE_CLAIM;
}

/** Decisions a review can be asked about: the reviewer must not be the person who made it. */
const DECISIONS = ['liability.provisional', 'liability.accepted', 'liability.disputed', 'liability.reasonable-excuse'];
/**
 * Decisions recorded on the claim that a review names by id: liability, and the decisions the worker
 * is given a notice with review rights for (docs/rules.md §8: declining treatment, discontinuing or
 * terminating weekly payments).
 */
const REVIEWABLE = [...DECISIONS, 'treatment.declined', 'weekly.discontinued', 's48a.terminated'];

@Injectable()
export class ActionsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly temporal: TemporalGateway,
    @Inject(LOGGER) private readonly log: JsonLogger,
  ) {}

  /**
   * An action another service records on a claim (the payments service's clocks): no staff role
   * applies, and `key` (the event id) makes a redelivered event apply once.
   */
  async applyFromService(claimId: string, event: ClaimEvent, service: string, key: string): Promise<AppliedAction> {
    return this.apply(claimId, event, { user: `system:${service}`, role: 'admin' }, { key, hash: requestHash(event) }, true);
  }

  /**
   * Applies a staff action through the claim's workflow and records it once. With an
   * Idempotency-Key, a request seen before answers as it did the first time without reaching the
   * workflow again (so a retry after the claim's workflow continued as new is not applied twice),
   * and the same key with another body is a 409 (as notifications answers), also when two such
   * requests race: the workflow applies one of them, the other is told.
   */
  async apply(claimId: string, event: ClaimEvent, by: StaffUser, idem?: { key: string; hash: string }, fromService = false): Promise<AppliedAction> {
    const idempotencyKey = idem?.key;
    return withLogContext({ claimId }, async () => {
      const claim = await this.ds.getRepository(ClaimEntity).findOneBy({ id: claimId });
      if (!claim) throw new NotFoundException(`no claim ${claimId}`);
      const allowed = rolesFor(event.type);
      if (!fromService && by.role !== 'admin' && (by.role === 'service' || !allowed.includes(by.role)))
        throw new ForbiddenException(`role ${by.role} may not record ${event.type}; allowed: ${allowed.join(', ') || 'administrators only (the payments service records it)'}`);
      if (event.type === 'review.completed') await this.refuseSelfReview(claimId, by);
      if (event.type === 'review.requested' && !fromService) await this.checkDecisionUnderReview(claimId, event);
      if (idem) {
        const prior = await this.recordedWithKey(claimId, idem);
        if (prior) return prior;
      }
      let result: ActionResult;
      try {
        result = await this.temporal.applyAction(claim.workflowId, event, idempotencyKey && `action:${claimId}:${idempotencyKey}`);
      } catch (e) {
        if (e instanceof ActionRefusedError) {
          this.log.info('action refused', { action: event.type, problems: e.problems });
          throw new UnprocessableEntityException({
            statusCode: 422,
            error: 'Unprocessable Entity',
            message: 'action refused',
            problems: e.problems.map((p) => ({ field: p.path, problem: p.message })),
          });
        }
        throw e;
      }
      // Two requests with one key at once: the workflow applied the first and answered the second
      // with the first's answer. Only the one it applied is recorded; the other is told (409).
      if (idem && result.applied && !sameAction(result.applied, event)) {
        throw new ConflictException({
          statusCode: 409,
          error: 'Conflict',
          message: `Idempotency-Key ${idem.key} was already used on this claim for another action (${result.applied.type}); send a new key for a new action`,
          problems: [{ field: 'Idempotency-Key', problem: `was used for another action (${result.applied.type})` }],
        });
      }
      // A retry with the same key was applied once by the workflow; record it (and publish it) once too.
      const recordedAt = new Date();
      const actionId = randomUUID();
      await this.ds.transaction(async (m) => {
        const inserted: { id: string }[] = await m.query(
          `INSERT INTO claims.claim_actions (id, claim_id, type, event, by_user, role, recorded_at, idempotency_key, outcome, request_hash, seq)
           VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9::jsonb, $10, $11) ON CONFLICT DO NOTHING RETURNING id`,
          [
            actionId,
            claimId,
            event.type,
            JSON.stringify(event),
            by.user,
            by.role,
            recordedAt,
            idempotencyKey ?? null,
            result.outcome ? JSON.stringify(result.outcome) : null,
            idem?.hash ?? null,
            result.seq,
          ],
        );
        if (inserted.length === 0) return;
        const data = {
          claimId,
          claimNumber: claim.claimNumber,
          actionId,
          action: event,
          ...(result.outcome ? { outcome: result.outcome } : {}),
          by: { user: by.user, role: by.role },
          recordedAt: recordedAt.toISOString(),
        };
        await enqueue(m, SCHEMA, TOPICS.claims, newEnvelope({ type: 'claim.action-recorded', source: 'wc-claims/claims', subject: claimId, data }));
      });
      // A concurrent request with the same key recorded it first: answer as it was answered, or 409.
      if (idem) {
        const first = await this.recordedWithKey(claimId, idem);
        if (first) return first;
      }
      this.log.info('action recorded', { action: event.type, actionId, by: by.user, ...(result.outcome ? { outcome: result.outcome } : {}) });
      return { accepted: true, actionId, seq: result.seq, ...(result.outcome ? { outcome: result.outcome } : {}) };
    });
  }

  /** The action recorded with this key, answered as the first time; a 409 when it was another request. */
  private async recordedWithKey(claimId: string, idem: { key: string; hash: string }): Promise<AppliedAction | null> {
    const rows: { id: string; type: string; request_hash: string | null; seq: number | null; outcome: AppliedAction['outcome'] | null }[] = await this.ds.query(
      `SELECT id, type, request_hash, seq, outcome FROM claims.claim_actions WHERE claim_id = $1 AND idempotency_key = $2`,
      [claimId, idem.key],
    );
    const r = rows[0];
    if (!r) return null;
    // Recorded before request hashes were kept: the type must at least agree.
    if (r.request_hash !== null && r.request_hash !== idem.hash) {
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: `Idempotency-Key ${idem.key} was already used on this claim for another action (${r.type}); send a new key for a new action`,
        problems: [{ field: 'Idempotency-Key', problem: `was used for another action (${r.type})` }],
      });
    }
    return { accepted: true, actionId: r.id, seq: r.seq ?? 0, ...(r.outcome ? { outcome: r.outcome } : {}) };
  }

  /**
   * A review of a decision recorded on the claim names it by its action id (issue 14: "identified by
   * the decision's id, not by free text"), so the person who made it is known for certain. Other
   * reviews (a PIAWE, made in the payments service) may name none.
   */
  private async checkDecisionUnderReview(claimId: string, event: Extract<ClaimEvent, { type: 'review.requested' }>): Promise<void> {
    if (!event.decisionId) {
      if (REVIEWABLE.includes(event.decision)) throw badRequest('decisionId', `is required for a review of a ${event.decision}: the actionId that decision was answered with`);
      return;
    }
    const rows: { type: string }[] = await this.ds.query(`SELECT type FROM claims.claim_actions WHERE id = $1 AND claim_id = $2`, [event.decisionId, claimId]);
    const problem =
      rows.length === 0
        ? `is not an action on claim ${claimId}`
        : !REVIEWABLE.includes(rows[0].type)
          ? `is a ${rows[0].type}, not a decision a review can be asked about (${REVIEWABLE.join(', ')})`
          : null;
    if (problem) throw new UnprocessableEntityException({ statusCode: 422, error: 'Unprocessable Entity', message: 'action refused', problems: [{ field: 'decisionId', problem }] });
  }

  /** program 9: an internal review is done by someone other than the decision maker. */
  private async refuseSelfReview(claimId: string, by: StaffUser): Promise<void> {
    // The decision under review: the one review.requested named by its id; for a request recorded
    // before reviews named it, the latest decision of the type it named (else the latest decision).
    const requested = await this.ds.getRepository(ClaimAction).findOne({ where: { claimId, type: 'review.requested' }, order: { recordedAt: 'DESC' } });
    const { decision: named, decisionId } = (requested?.event ?? {}) as { decision?: string; decisionId?: string };
    const types = named && DECISIONS.includes(named) ? [named] : DECISIONS;
    const lastDecision = decisionId
      ? await this.ds.getRepository(ClaimAction).findOneBy({ id: decisionId, claimId })
      : await this.ds
          .getRepository(ClaimAction)
          .createQueryBuilder('a')
          .where('a.claim_id = :claimId', { claimId })
          .andWhere('a.type IN (:...types)', { types })
          .orderBy('a.recorded_at', 'DESC')
          .getOne();
    if (lastDecision && lastDecision.byUser === by.user) {
      throw new UnprocessableEntityException({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'action refused',
        problems: [{ field: 'type', problem: `${by.user} made the decision under review (${lastDecision.type}); another person must complete the review` }],
      });
    }
  }
}
