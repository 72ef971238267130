import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { EventEnvelope } from '@wc/messaging';
import { JsonLogger, withLogContext } from '@wc/service-kit';
import { NOTIFICATIONS_CONFIG, NotificationsConfig } from '../config';
import { LOGGER } from '../letters/letters.service';

/** Escalation alerts and reminders from the claims' workflows, recorded as they arrive (inside the inbox transaction). */
@Injectable()
export class AlertsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
    @Inject(LOGGER) private readonly log: JsonLogger,
  ) {}

  private get s() {
    return this.config.DB_SCHEMA;
  }

  async obligationEscalated(e: EventEnvelope<'obligation.escalated'>, m: EntityManager): Promise<void> {
    const d = e.data;
    await withLogContext({ claimId: d.claimId }, async () => {
      await m.query(
        `INSERT INTO ${this.s}.team_leader_alerts (event_id, claim_id, claim_number, obligation_id, obligation_type, kind, due_on, "on", team_leader, case_manager)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
        [e.id, d.claimId, d.claimNumber, d.obligationId, d.type, d.kind, d.dueOn, d.on, d.teamLeader, d.caseManager],
      );
      this.log.warn('team leader alerted', { obligation: d.type, kind: d.kind, teamLeader: d.teamLeader });
    });
  }

  async obligationReminder(e: EventEnvelope<'obligation.reminder'>, m: EntityManager): Promise<void> {
    const d = e.data;
    await withLogContext({ claimId: d.claimId }, async () => {
      await m.query(
        `INSERT INTO ${this.s}.case_manager_reminders (event_id, claim_id, claim_number, obligation_id, obligation_type, due_on, "on", case_manager)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
        [e.id, d.claimId, d.claimNumber, d.obligationId, d.type, d.dueOn, d.on, d.caseManager],
      );
      this.log.info('case manager reminded', { obligation: d.type, dueOn: d.dueOn, caseManager: d.caseManager });
    });
  }

  async remindersFor(caseManager: string) {
    const rows = await this.ds.query(
      `SELECT claim_id, claim_number, obligation_id, obligation_type, due_on, "on" FROM ${this.s}.case_manager_reminders WHERE case_manager = $1 ORDER BY "on", due_on, claim_number`,
      [caseManager],
    );
    return rows.map((r: Record<string, unknown>) => ({ claimId: r.claim_id, claimNumber: r.claim_number, obligationId: r.obligation_id, type: r.obligation_type, dueOn: r.due_on, on: r.on }));
  }

  async alertsFor(teamLeader: string) {
    const rows = await this.ds.query(
      `SELECT claim_id, claim_number, obligation_id, obligation_type, kind, due_on, "on", case_manager FROM ${this.s}.team_leader_alerts WHERE team_leader = $1 ORDER BY "on", claim_number, obligation_type`,
      [teamLeader],
    );
    return rows.map((r: Record<string, unknown>) => ({
      claimId: r.claim_id,
      claimNumber: r.claim_number,
      obligationId: r.obligation_id,
      type: r.obligation_type,
      kind: r.kind,
      dueOn: r.due_on,
      on: r.on,
      caseManager: r.case_manager,
    }));
  }
}
