import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './1763790000000-initial';

/** A medical invoice line held (issue 17: no approval, the provisional cap, no liability decision) is a task for the case manager. */
export class InvoiceHeldTasks1763890000000 implements MigrationInterface {
  name = 'InvoiceHeldTasks1763890000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`ALTER TABLE ${s}.tasks DROP CONSTRAINT tasks_kind_check`);
    await q.query(
      `ALTER TABLE ${s}.tasks ADD CONSTRAINT tasks_kind_check CHECK (kind IN ('notice-content', 'party-details', 'consent', 'delivery-failed', 'interpreter-booking', 'print', 'invoice-held'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`ALTER TABLE ${s}.tasks DROP CONSTRAINT tasks_kind_check`);
    await q.query(`ALTER TABLE ${s}.tasks ADD CONSTRAINT tasks_kind_check CHECK (kind IN ('notice-content', 'party-details', 'consent', 'delivery-failed', 'interpreter-booking', 'print'))`);
  }
}
