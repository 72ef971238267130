import { MigrationInterface, QueryRunner } from 'typeorm';

/** A staff action retried with the same Idempotency-Key is recorded once (and applied once: the key is the workflow update id). */
export class ActionIdempotency1763770000003 implements MigrationInterface {
  name = 'ActionIdempotency1763770000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claims.claim_actions ADD COLUMN idempotency_key text`);
    await q.query(`CREATE UNIQUE INDEX claim_actions_idempotency ON claims.claim_actions (claim_id, idempotency_key) WHERE idempotency_key IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX claims.claim_actions_idempotency`);
    await q.query(`ALTER TABLE claims.claim_actions DROP COLUMN idempotency_key`);
  }
}
