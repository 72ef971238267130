import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two more outcomes of a schedule line (issue 14): `other-policy`, a claim insured under another
 * policy than the schedule's; `already-reimbursed`, a period that overlaps one reimbursed before
 * (the same schedule uploaded twice). Neither is reimbursed. The index finds a claim's reimbursed
 * periods.
 */
export class ReimbursementGuards1765300000000 implements MigrationInterface {
  name = 'ReimbursementGuards1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE payments.reconciliations DROP CONSTRAINT reconciliations_status_check`);
    await q.query(
      `ALTER TABLE payments.reconciliations ADD CONSTRAINT reconciliations_status_check CHECK (status IN ('matched', 'discrepancy', 'unknown-claim', 'no-piawe', 'other-policy', 'already-reimbursed'))`,
    );
    await q.query(`CREATE INDEX reconciliations_reimbursed ON payments.reconciliations (claim_id, period_start) WHERE payment_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX payments.reconciliations_reimbursed`);
    await q.query(`ALTER TABLE payments.reconciliations DROP CONSTRAINT reconciliations_status_check`);
    await q.query(`ALTER TABLE payments.reconciliations ADD CONSTRAINT reconciliations_status_check CHECK (status IN ('matched', 'discrepancy', 'unknown-claim', 'no-piawe'))`);
  }
}
