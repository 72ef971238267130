import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A staff action is written down before it is sent to the claim's workflow, and removed when the
 * action is recorded (issue 14: exactly once even if the service dies between the workflow's update
 * and its own commit). The row's id is the action's id and, through the update id, the workflow's
 * memory of it: a retry with the same Idempotency-Key sends the same update again, and the recovery
 * sweep (actions/action-recovery.ts) asks the workflow about rows left behind by a dead process.
 */
export class ActionIntents1765700000000 implements MigrationInterface {
  name = 'ActionIntents1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE claims.action_intents (
      id uuid PRIMARY KEY,
      claim_id uuid NOT NULL REFERENCES claims.claims (id),
      event jsonb NOT NULL,
      by_user text NOT NULL,
      role text NOT NULL,
      idempotency_key text,
      request_hash text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE UNIQUE INDEX action_intents_idempotency ON claims.action_intents (claim_id, idempotency_key) WHERE idempotency_key IS NOT NULL`);
    await q.query(`CREATE INDEX action_intents_created ON claims.action_intents (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE claims.action_intents`);
  }
}
