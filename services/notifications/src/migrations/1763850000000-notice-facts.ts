import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './1763790000000-initial';

/**
 * The claim's facts as they were when a notice was requested: a second IME booked before the first
 * notice is written must not change the first notice's appointment. Resends are allowed again after a
 * person fixed what stopped a copy (a consent recorded, an address corrected).
 */
export class NoticeFacts1763850000000 implements MigrationInterface {
  name = 'NoticeFacts1763850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${schemaOf(q)}.notice_requests ADD COLUMN facts jsonb`);
    await q.query(`ALTER TABLE ${schemaOf(q)}.deliveries ADD COLUMN resends integer NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${schemaOf(q)}.deliveries DROP COLUMN resends`);
    await q.query(`ALTER TABLE ${schemaOf(q)}.notice_requests DROP COLUMN facts`);
  }
}
