import { randomUUID } from 'node:crypto';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import type { Effect, ObligationRecord } from '@wc/claim-lifecycle';
import { NoticeRequestedData, ObligationEscalatedData, ObligationReminderData, TOPICS } from '@wc/contracts';
import { enqueue, newEnvelope } from '@wc/messaging';
import { JsonLogger, withLogContext } from '@wc/service-kit';
import { SCHEMA } from '../config';
import { ClaimEffectEntity, ClaimEntity } from '../claims/claim.entity';
import { LOGGER } from '../claims/claims.service';
import { EscalationTask, NoticeRow, ObligationView } from '../obligations/obligation.entities';

/**
 * Records what a claim's workflow did (its activity calls this) and keeps the views staff work
 * from: obligations, the team leaders' escalation tasks, notices (each also published, through the
 * outbox, for the notifications service). A retried activity sends the same batch key: recorded once.
 */
@Injectable()
export class EffectsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(LOGGER) private readonly log: JsonLogger,
  ) {}

  async record(claimId: string, batchKey: string, effects: Effect[]): Promise<{ recorded: boolean }> {
    return withLogContext({ claimId }, () =>
      this.ds.transaction(async (m) => {
        // Locked: a reassignment committing meanwhile must not leave a new task with the old team leader.
        const claim = await m.getRepository(ClaimEntity).findOne({ where: { id: claimId }, lock: { mode: 'pessimistic_write' } });
        if (!claim) throw new NotFoundException(`no claim ${claimId}`);
        const fresh = await m.query(`INSERT INTO ${SCHEMA}.effect_batches (batch_key, claim_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING batch_key`, [batchKey, claimId]);
        if (fresh.length === 0) return { recorded: false };
        for (const e of effects) {
          await m.getRepository(ClaimEffectEntity).insert({ id: randomUUID(), claimId, kind: e.kind, effect: e });
          await this.project(m, claim, e);
        }
        return { recorded: true };
      }),
    );
  }

  private async project(m: EntityManager, claim: ClaimEntity, e: Effect): Promise<void> {
    switch (e.kind) {
      case 'classified':
        await m.getRepository(ClaimEntity).update({ id: claim.id }, { classification: e.classification, segment: e.segment, triageReasons: e.reasons, classifiedAt: new Date() });
        this.log.info('claim classified', { classification: e.classification, segment: e.segment });
        return;
      case 'obligation-opened':
        await this.upsertObligation(m, claim.id, e.obligation);
        return;
      case 'reminder': {
        await this.upsertObligation(m, claim.id, e.obligation);
        const data: ObligationReminderData = {
          claimId: claim.id,
          claimNumber: claim.claimNumber,
          obligationId: e.obligation.id,
          type: e.obligation.type,
          dueOn: e.obligation.dueOn,
          on: e.on,
          caseManager: claim.caseManager,
        };
        await enqueue(m, SCHEMA, TOPICS.claims, newEnvelope({ type: 'obligation.reminder', source: 'wc-claims/claims', subject: claim.id, data }));
        return;
      }
      case 'obligation-closed':
        await this.upsertObligation(m, claim.id, e.obligation);
        // Done or no longer required: it leaves the team leader's queue.
        await m
          .getRepository(EscalationTask)
          .update({ claimId: claim.id, obligationId: e.obligation.id, resolvedOn: IsNull() }, { resolvedOn: e.obligation.completedOn ?? e.obligation.cancelledOn ?? undefined });
        return;
      case 'obligation-rescheduled':
        await this.upsertObligation(m, claim.id, e.obligation);
        // The escalation was against the old due date; the new one starts afresh.
        await m.getRepository(EscalationTask).update({ claimId: claim.id, obligationId: e.obligation.id, resolvedOn: IsNull() }, { resolvedOn: e.on });
        return;
      case 'escalated':
      case 'overdue': {
        await this.upsertObligation(m, claim.id, e.obligation);
        const tasks = m.getRepository(EscalationTask);
        const open = await tasks.findOneBy({ claimId: claim.id, obligationId: e.obligation.id, resolvedOn: IsNull() });
        if (e.kind === 'overdue' && open) await tasks.update({ id: open.id }, { overdueOn: e.on });
        else if (!open)
          await tasks.insert({
            id: randomUUID(),
            claimId: claim.id,
            obligationId: e.obligation.id,
            on: e.on,
            overdueOn: e.kind === 'overdue' ? e.on : null,
            teamLeader: claim.teamLeader,
            resolvedOn: null,
          });
        const data: ObligationEscalatedData = {
          claimId: claim.id,
          claimNumber: claim.claimNumber,
          obligationId: e.obligation.id,
          type: e.obligation.type,
          dueOn: e.obligation.dueOn,
          on: e.on,
          kind: e.kind,
          teamLeader: claim.teamLeader,
          caseManager: claim.caseManager,
        };
        await enqueue(m, SCHEMA, TOPICS.claims, newEnvelope({ type: 'obligation.escalated', source: 'wc-claims/claims', subject: claim.id, data }));
        this.log.warn('obligation escalated to the team leader', { obligation: e.obligation.type, dueOn: e.obligation.dueOn, kind: e.kind, teamLeader: claim.teamLeader });
        return;
      }
      case 'notice': {
        const noticeId = randomUUID();
        await m
          .getRepository(NoticeRow)
          .insert({ id: noticeId, claimId: claim.id, type: e.notice.type, on: e.notice.on, to: e.notice.to, cause: e.notice.cause, ref: e.notice.ref ?? null, facts: e.notice.facts ?? null });
        const data: NoticeRequestedData = {
          claimId: claim.id,
          claimNumber: claim.claimNumber,
          noticeId,
          type: e.notice.type,
          on: e.notice.on,
          to: e.notice.to,
          cause: e.notice.cause,
          ...(e.notice.ref ? { ref: e.notice.ref } : {}),
          ...(e.notice.facts ? { facts: e.notice.facts } : {}),
        };
        await enqueue(m, SCHEMA, TOPICS.claims, newEnvelope({ type: 'notice.requested', source: 'wc-claims/claims', subject: claim.id, data }));
        return;
      }
    }
  }

  private async upsertObligation(m: EntityManager, claimId: string, o: ObligationRecord): Promise<void> {
    await m.getRepository(ObligationView).upsert(
      {
        claimId,
        obligationId: o.id,
        type: o.type,
        ref: o.ref ?? null,
        openedOn: o.openedOn,
        dueOn: o.dueOn,
        completedOn: o.completedOn,
        cancelledOn: o.cancelledOn,
        escalatedOn: o.escalatedOn,
        remindedOn: o.remindedOn,
        overdueNotifiedOn: o.overdueNotifiedOn,
        rule: o.due.rule,
        source: o.due.source,
      },
      ['claimId', 'obligationId'],
    );
  }
}
