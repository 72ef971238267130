import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13: GET /payments is read a page at a time, by status, in (generated_at, period_from, id)
 * order from the last payment of the page before. A weekly cycle of a large book leaves hundreds of
 * thousands of payments waiting; without this index each page sorted all of them again.
 */
export class PaymentsListed1766200000000 implements MigrationInterface {
  name = 'PaymentsListed1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX payments_listed ON payments.payments (status, generated_at, period_from, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX payments.payments_listed`);
  }
}
