import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13: GET /wage-reimbursement-schedules/discrepancies is read a page at a time in (period,
 * claim number, schedule, line) order from the last line of the page before; this index hands each
 * page over in that order instead of sorting every line not matched again.
 */
export class DiscrepanciesListed1766200000001 implements MigrationInterface {
  name = 'DiscrepanciesListed1766200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX reconciliations_listed ON payments.reconciliations (period_start, claim_number, schedule_id, line_number) WHERE status <> 'matched'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX payments.reconciliations_listed`);
  }
}
