import { randomUUID } from 'node:crypto';
import { ConflictException, ForbiddenException, Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TOPICS, type ClaimEvent } from '@wc/contracts';
import { enqueue, newEnvelope } from '@wc/messaging';
import { JsonLogger, Role, StaffUser, badRequest, withLogContext } from '@wc/service-kit';
import { parseEventTime, sydneyAt } from '@wc/rules';
import { daysBack } from './backdating';
import { ClaimEntity } from '../claims/claim.entity';
import { LOGGER } from '../claims/claims.service';
import { SCHEMA } from '../config';
import { ClaimAction } from '../obligations/obligation.entities';
import { ActionRefusedError, TemporalGateway, WorkflowNotStartedError } from '../workflow/temporal.gateway';
import { requestHash } from '../http/request-hash';
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
   * Idempotency-Key, a request recorded before answers as it did the first time without reaching
   * the workflow again; one sent but not recorded (its process died, or it is still going) is sent
   * again with the same update id, which the claim answers without applying it twice; the same key
   * with another body is a 409 (as notifications answers).
   */
  async apply(claimId: string, event: ClaimEvent, by: StaffUser, idem?: { key: string; hash: string }, fromService = false, backdatingReason?: string): Promise<AppliedAction> {
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
      // Written down before the workflow hears of it (issue 14): if this process dies after the
      // workflow applied it and before the record below commits, a retry with the same key, or the
      // recovery sweep (action-recovery.ts), finds it and records it once.
      const intent = await this.intend(claimId, event, by, idem, backdatingReason);
      if (idem) {
        // Asked again now that the intent is ours: a request with this key recorded between the
        // first look and the intent (its record removed its intent, so this one is new) is answered
        // from its record, and this one is never sent.
        const prior = await this.recordedWithKey(claimId, idem);
        if (prior) {
          await this.ds.query(`DELETE FROM claims.action_intents WHERE id = $1`, [intent.id]);
          return prior;
        }
      }
      let result: ActionResult;
      try {
        result = await this.temporal.applyAction(claim.workflowId, intent.event, actionUpdateId(claimId, intent.id));
      } catch (e) {
        // Certainly not applied: nothing is left to recover.
        if (e instanceof ActionRefusedError || e instanceof WorkflowNotStartedError) await this.ds.query(`DELETE FROM claims.action_intents WHERE id = $1`, [intent.id]);
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
      return this.record(claim, intent, result);
    });
  }

  /**
   * The action about to be sent: a new row, or, for a key already sent once (a retry, or a request
   * racing it), the same row, so the workflow is sent the same update id and applies it once. The
   * same key with another body is a 409.
   */
  private async intend(claimId: string, event: ClaimEvent, by: StaffUser, idem?: { key: string; hash: string }, backdatingReason?: string): Promise<ActionIntent> {
    const rows: IntentRow[] = await this.ds.query(
      `INSERT INTO claims.action_intents (id, claim_id, event, by_user, role, idempotency_key, request_hash, backdating_reason)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8)
       ON CONFLICT (claim_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO UPDATE SET idempotency_key = EXCLUDED.idempotency_key
       RETURNING id, claim_id, event, by_user, role, idempotency_key, request_hash, backdating_reason`,
      [randomUUID(), claimId, JSON.stringify(event), by.user, by.role, idem?.key ?? null, idem?.hash ?? null, backdatingReason ?? null],
    );
    const r = rows[0];
    if (idem && r.request_hash !== idem.hash) throw keyUsedFor(idem.key, r.event.type);
    return intentOf(r);
  }

  /**
   * Records an action the workflow applied, and publishes it, once: the row's id is the intent's, so
   * a second recorder (a retry, the recovery sweep) inserts nothing and answers with what is there.
   */
  async record(claim: { id: string; claimNumber: string }, intent: ActionIntent, result: ActionResult): Promise<AppliedAction> {
    const claimId = claim.id;
    const event = intent.event;
    const recordedAt = new Date();
    // How far back it is dated, from the day it is recorded (Sydney days): the audit's measure.
    const backdated = daysBack(parseEventTime(event.at).date, sydneyAt(recordedAt.getTime()).date);
    const inserted = await this.ds.transaction(async (m) => {
      const rows: { id: string }[] = await m.query(
        `INSERT INTO claims.claim_actions (id, claim_id, type, event, by_user, role, recorded_at, idempotency_key, outcome, request_hash, seq, backdated_days, backdating_reason)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13) ON CONFLICT DO NOTHING RETURNING id`,
        [
          intent.id,
          claimId,
          event.type,
          JSON.stringify(event),
          intent.by.user,
          intent.by.role,
          recordedAt,
          intent.idempotencyKey,
          result.outcome ? JSON.stringify(result.outcome) : null,
          intent.requestHash,
          result.seq,
          backdated,
          intent.backdatingReason,
        ],
      );
      await m.query(`DELETE FROM claims.action_intents WHERE id = $1`, [intent.id]);
      if (rows.length === 0) return false;
      const data = {
        claimId,
        claimNumber: claim.claimNumber,
        actionId: intent.id,
        action: event,
        ...(result.outcome ? { outcome: result.outcome } : {}),
        by: intent.by,
        recordedAt: recordedAt.toISOString(),
      };
      await enqueue(m, SCHEMA, TOPICS.claims, newEnvelope({ type: 'claim.action-recorded', source: 'wc-claims/claims', subject: claimId, data }));
      return true;
    });
    if (inserted)
      this.log.info('action recorded', {
        action: event.type,
        actionId: intent.id,
        by: intent.by.user,
        ...(result.outcome ? { outcome: result.outcome } : {}),
        ...(backdated > 0 ? { backdatedDays: backdated, backdatingReason: intent.backdatingReason } : {}),
      });
    // Someone recorded it first (a concurrent retry, the sweep): answer as it was recorded.
    const rows: { id: string; seq: number | null; outcome: AppliedAction['outcome'] | null }[] = await this.ds.query(`SELECT id, seq, outcome FROM claims.claim_actions WHERE id = $1`, [intent.id]);
    const r = rows[0];
    if (!r) throw new Error(`action ${intent.id} on claim ${claimId} was applied by the claim but its record is missing`);
    return { accepted: true, actionId: r.id, seq: r.seq ?? result.seq, ...(r.outcome ? { outcome: r.outcome } : {}) };
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
    if (r.request_hash !== null && r.request_hash !== idem.hash) throw keyUsedFor(idem.key, r.type);
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

/** An action written down before it was sent to the claim's workflow (migration 1765700000000). */
export interface ActionIntent {
  id: string;
  claimId: string;
  event: ClaimEvent;
  by: { user: string; role: string };
  idempotencyKey: string | null;
  requestHash: string | null;
  backdatingReason: string | null;
}
export interface IntentRow {
  id: string;
  claim_id: string;
  event: ClaimEvent;
  by_user: string;
  role: string;
  idempotency_key: string | null;
  request_hash: string | null;
  backdating_reason: string | null;
}
export const intentOf = (r: IntentRow): ActionIntent => ({
  id: r.id,
  claimId: r.claim_id,
  event: r.event,
  by: { user: r.by_user, role: r.role },
  idempotencyKey: r.idempotency_key,
  requestHash: r.request_hash,
  backdatingReason: r.backdating_reason,
});

/** The update id an action is sent with: the same for every sending of one intent, so the claim applies it once. */
export const actionUpdateId = (claimId: string, intentId: string) => `action:${claimId}:${intentId}`;

function keyUsedFor(key: string, type: string): ConflictException {
  return new ConflictException({
    statusCode: 409,
    error: 'Conflict',
    message: `Idempotency-Key ${key} was already used on this claim for another action (${type}); send a new key for a new action`,
    problems: [{ field: 'Idempotency-Key', problem: `was used for another action (${type})` }],
  });
}
