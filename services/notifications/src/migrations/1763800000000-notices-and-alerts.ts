import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './1763790000000-initial';

/**
 * Notices the claims' workflows decided on (docs/rules.md §5) and team leaders' escalation alerts
 * (docs/rules.md §4), as received. Rendering each notice and delivering it by email, SMS or post comes
 * with the notices work (issue 6); `status` says how far each has got.
 */
export class NoticesAndAlerts1763800000000 implements MigrationInterface {
  name = 'NoticesAndAlerts1763800000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`CREATE TABLE ${s}.notice_requests (
      notice_id uuid PRIMARY KEY,
      claim_id uuid NOT NULL,
      claim_number text NOT NULL,
      type text NOT NULL,
      "on" date NOT NULL,
      recipients jsonb NOT NULL,
      cause text NOT NULL,
      status text NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX notice_requests_claim ON ${s}.notice_requests (claim_id, "on")`);
    await q.query(`CREATE TABLE ${s}.team_leader_alerts (
      event_id uuid PRIMARY KEY,
      claim_id uuid NOT NULL,
      claim_number text NOT NULL,
      obligation_id text NOT NULL,
      obligation_type text NOT NULL,
      kind text NOT NULL,
      due_on date NOT NULL,
      "on" date NOT NULL,
      team_leader text,
      case_manager text,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX team_leader_alerts_leader ON ${s}.team_leader_alerts (team_leader, "on")`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP TABLE ${s}.team_leader_alerts, ${s}.notice_requests`);
  }
}
