import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './1763790000000-initial';

/** A letter the documents service refuses for good is recorded as failed instead of retried for ever. */
export class LetterFailures1763820000000 implements MigrationInterface {
  name = 'LetterFailures1763820000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`ALTER TABLE ${s}.letter_requests ALTER COLUMN document_id DROP NOT NULL, ADD COLUMN failure text`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`ALTER TABLE ${s}.letter_requests DROP COLUMN failure, ALTER COLUMN document_id SET NOT NULL`);
  }
}
