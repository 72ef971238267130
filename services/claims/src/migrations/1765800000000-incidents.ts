import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Incidents the claim workflows raise when the claims service refuses a batch of their effects for a
 * reason no retry changes (issue 14): the workflow waits until an operator has it retried. The claim
 * id is kept as given, without a foreign key: an unknown claim is one of the reasons.
 */
export class Incidents1765800000000 implements MigrationInterface {
  name = 'Incidents1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE claims.incidents (
      id uuid PRIMARY KEY,
      key text NOT NULL UNIQUE,
      claim_id uuid NOT NULL,
      workflow_id text NOT NULL,
      run_id text NOT NULL,
      status int NOT NULL,
      message text NOT NULL,
      kinds text[] NOT NULL,
      since timestamptz NOT NULL,
      raised_at timestamptz NOT NULL DEFAULT now(),
      retried_at timestamptz,
      retried_by text
    )`);
    await q.query(`CREATE INDEX incidents_open ON claims.incidents (raised_at) WHERE retried_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE claims.incidents`);
  }
}
