import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './1763780000000-initial';

/**
 * The claims the documents service has heard of (claim.notified), with their numbers: a document
 * request's claim number must be its claim's (issue 16).
 */
export class Claims1765000000000 implements MigrationInterface {
  name = 'Claims1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE ${schemaOf(q)}.claims (
      claim_id uuid PRIMARY KEY,
      claim_number text NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ${schemaOf(q)}.claims`);
  }
}
