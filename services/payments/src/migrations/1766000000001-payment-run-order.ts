import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15: a payment run writes its bank file in (reference, id) order, a page at a time. With only
 * an index on run_id, every page sorted the whole run again (100,000 payments: 50 sorts of 100,000
 * rows); this index hands each page over in order.
 */
export class PaymentRunOrder1766000000001 implements MigrationInterface {
  name = 'PaymentRunOrder1766000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX payments_run_order ON payments.payments (run_id, reference, id) WHERE run_id IS NOT NULL`);
    await q.query(`DROP INDEX payments.payments_run`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX payments_run ON payments.payments (run_id) WHERE run_id IS NOT NULL`);
    await q.query(`DROP INDEX payments.payments_run_order`);
  }
}
