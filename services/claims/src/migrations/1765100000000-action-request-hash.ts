import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An Idempotency-Key on a staff action is compared by the request as sent: the same key with
 * another body is a 409 (as notifications answers), and a retry answers with the first answer,
 * its place in the claim's history, without reaching the workflow again.
 */
export class ActionRequestHash1765100000000 implements MigrationInterface {
  name = 'ActionRequestHash1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claims.claim_actions ADD COLUMN request_hash text, ADD COLUMN seq int`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claims.claim_actions DROP COLUMN request_hash, DROP COLUMN seq`);
  }
}
