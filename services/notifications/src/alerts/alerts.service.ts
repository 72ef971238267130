import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { EventEnvelope } from '@wc/messaging';
import { JsonLogger, StaffUser, visibleClaimsCondition, withLogContext } from '@wc/service-kit';
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

  /** The reminders of `caseManager` on the claims `who` may see (issue 14: a reassigned claim's reminders go with it). */
  async remindersFor(who: StaffUser, caseManager: string) {
    const visible = visibleClaimsCondition(who, 'health', this.s, 'claim_id', 2);
    const rows = await this.ds.query(
      `SELECT claim_id, claim_number, obligation_id, obligation_type, due_on, "on" FROM ${this.s}.case_manager_reminders
       WHERE case_manager = $1 AND (${visible.sql}) ORDER BY "on", due_on, claim_number`,
      [caseManager, ...visible.params],
    );
    return rows.map((r: Record<string, unknown>) => ({ claimId: r.claim_id, claimNumber: r.claim_number, obligationId: r.obligation_id, type: r.obligation_type, dueOn: r.due_on, on: r.on }));
  }

  /** The alerts sent to `teamLeader` on the claims `who` may see. */
  async alertsFor(who: StaffUser, teamLeader: string) {
    const visible = visibleClaimsCondition(who, 'health', this.s, 'claim_id', 2);
    const rows = await this.ds.query(
      `SELECT claim_id, claim_number, obligation_id, obligation_type, kind, due_on, "on", case_manager FROM ${this.s}.team_leader_alerts
       WHERE team_leader = $1 AND (${visible.sql}) ORDER BY "on", claim_number, obligation_type`,
      [teamLeader, ...visible.params],
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
