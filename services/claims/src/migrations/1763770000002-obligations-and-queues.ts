import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 4: who handles a claim, its obligations as the workflow reports them, escalations, notices, actions. */
export class ObligationsAndQueues1763770000002 implements MigrationInterface {
  name = 'ObligationsAndQueues1763770000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claims.claims ADD COLUMN case_manager text, ADD COLUMN team_leader text`);
    await q.query(`CREATE INDEX claims_case_manager ON claims.claims (case_manager)`);
    await q.query(`CREATE INDEX claims_team_leader ON claims.claims (team_leader)`);
    await q.query(`CREATE TABLE claims.obligations (
      claim_id uuid NOT NULL REFERENCES claims.claims(id),
      obligation_id text NOT NULL,
      type text NOT NULL,
      ref text,
      opened_on date NOT NULL,
      due_on date NOT NULL,
      completed_on date,
      cancelled_on date,
      escalated_on date,
      reminded_on date,
      overdue_notified_on date,
      rule text NOT NULL,
      source text NOT NULL,
      PRIMARY KEY (claim_id, obligation_id)
    )`);
    await q.query(`CREATE INDEX obligations_open_by_due ON claims.obligations (due_on) WHERE completed_on IS NULL AND cancelled_on IS NULL`);
    await q.query(`CREATE TABLE claims.escalation_tasks (
      id uuid PRIMARY KEY,
      claim_id uuid NOT NULL REFERENCES claims.claims(id),
      obligation_id text NOT NULL,
      "on" date NOT NULL,
      overdue_on date,
      team_leader text,
      resolved_on date
    )`);
    // One open task per obligation: becoming overdue updates it (the team leader is told again).
    await q.query(`CREATE UNIQUE INDEX escalation_tasks_one_open ON claims.escalation_tasks (claim_id, obligation_id) WHERE resolved_on IS NULL`);
    await q.query(`CREATE INDEX escalation_tasks_open ON claims.escalation_tasks (team_leader, "on") WHERE resolved_on IS NULL`);
    await q.query(`CREATE TABLE claims.notices (
      id uuid PRIMARY KEY,
      claim_id uuid NOT NULL REFERENCES claims.claims(id),
      type text NOT NULL,
      "on" date NOT NULL,
      "to" jsonb NOT NULL,
      cause text NOT NULL,
      ref text
    )`);
    await q.query(`CREATE INDEX notices_claim ON claims.notices (claim_id, "on")`);
    await q.query(`CREATE TABLE claims.claim_actions (
      id uuid PRIMARY KEY,
      claim_id uuid NOT NULL REFERENCES claims.claims(id),
      type text NOT NULL,
      event jsonb NOT NULL,
      by_user text NOT NULL,
      role text NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX claim_actions_claim ON claims.claim_actions (claim_id, recorded_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE claims.claim_actions, claims.notices, claims.escalation_tasks, claims.obligations`);
    await q.query(`ALTER TABLE claims.claims DROP COLUMN case_manager, DROP COLUMN team_leader`);
  }
}
