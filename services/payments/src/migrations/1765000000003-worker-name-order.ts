import { MigrationInterface, QueryRunner } from 'typeorm';

/** The order the worker writes their name in (claim.notified's worker.nameOrder), for the remittance advice's name (issue 16). */
export class WorkerNameOrder1765000000003 implements MigrationInterface {
  name = 'WorkerNameOrder1765000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE payments.claims ADD COLUMN worker_name_order text CHECK (worker_name_order IN ('given-first', 'family-first'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE payments.claims DROP COLUMN worker_name_order`);
  }
}
