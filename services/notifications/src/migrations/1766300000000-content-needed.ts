import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './1763790000000-initial';

/**
 * What a copy waiting for content needs a person to write (issue 13): the documents service's
 * problems with the notice's data (`reasons`: is required), kept as it named them so the console can
 * ask for exactly those fields. Null once the copy is written again.
 */
export class ContentNeeded1766300000000 implements MigrationInterface {
  name = 'ContentNeeded1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${schemaOf(q)}".deliveries ADD COLUMN content_needed jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${schemaOf(q)}".deliveries DROP COLUMN content_needed`);
  }
}
