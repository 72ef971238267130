import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './1763780000000-initial';

/** A document says which interpreter paragraph (language, version, translated or not) it carries, as it says which template. */
export class LanguageAssistance1763840000000 implements MigrationInterface {
  name = 'LanguageAssistance1763840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${schemaOf(q)}.documents ADD COLUMN language_assistance jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${schemaOf(q)}.documents DROP COLUMN language_assistance`);
  }
}
