import { MigrationInterface, QueryRunner } from 'typeorm';

/** A rate table load (a remediation with corrected parameters) is held for a second person too (issue 14); what an approval made is kept with it. */
export class RateTableChanges1765600000001 implements MigrationInterface {
  name = 'RateTableChanges1765600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE payments.pending_changes DROP CONSTRAINT pending_changes_kind_check`);
    await q.query(`ALTER TABLE payments.pending_changes ADD CONSTRAINT pending_changes_kind_check CHECK (kind IN ('payee', 'authority-limit', 'rate-tables'))`);
    // What an approval made (the remediation it started), for whoever follows it.
    await q.query(`ALTER TABLE payments.pending_changes ADD COLUMN result jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE payments.pending_changes DROP COLUMN result`);
    await q.query(`ALTER TABLE payments.pending_changes DROP CONSTRAINT pending_changes_kind_check`);
    await q.query(`ALTER TABLE payments.pending_changes ADD CONSTRAINT pending_changes_kind_check CHECK (kind IN ('payee', 'authority-limit'))`);
  }
}
