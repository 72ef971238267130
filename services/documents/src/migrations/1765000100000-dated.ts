import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './1763780000000-initial';

/** A letter dated other than the day it was written says why (who: created_by), for audit (issue 16). */
export class Dated1765000100000 implements MigrationInterface {
  name = 'Dated1765000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${schemaOf(q)}.documents ADD COLUMN dated_reason text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${schemaOf(q)}.documents DROP COLUMN dated_reason`);
  }
}
