import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Changes that move money, held until a second person approves them (issue 14): a payee's bank
 * account replaced, an authority limit set. One pending change per thing changed: a newer proposal
 * supersedes the one waiting.
 */
export class PendingChanges1765600000000 implements MigrationInterface {
  name = 'PendingChanges1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE payments.pending_changes (
      id uuid PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('payee', 'authority-limit')),
      subject text NOT NULL,
      claim_id uuid,
      change jsonb NOT NULL,
      reason text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'superseded')),
      proposed_by text NOT NULL,
      proposed_at timestamptz NOT NULL DEFAULT now(),
      decided_by text,
      decided_at timestamptz,
      note text,
      CHECK ((kind = 'payee') = (claim_id IS NOT NULL)),
      CHECK (decided_by IS NULL OR decided_by <> proposed_by)
    )`);
    await q.query(`CREATE UNIQUE INDEX pending_changes_one_waiting ON payments.pending_changes (kind, subject) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX pending_changes_claim ON payments.pending_changes (claim_id, proposed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payments.pending_changes`);
  }
}
