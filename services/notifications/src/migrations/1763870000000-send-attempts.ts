import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './1763790000000-initial';

/**
 * Each email attempt, committed before the message goes to the relay: if the platform stops between
 * the relay accepting a message and the delivery's status being committed, the next attempt finds
 * the earlier one unfinished and asks a person, instead of emailing the worker twice.
 *
 * No foreign key to deliveries: the sending transaction holds the delivery row FOR UPDATE, and the
 * key check would wait for that same transaction.
 */
export class SendAttempts1763870000000 implements MigrationInterface {
  name = 'SendAttempts1763870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE ${schemaOf(q)}.send_attempts (
      delivery_id uuid NOT NULL,
      round integer NOT NULL,
      attempt integer NOT NULL,
      started_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (delivery_id, round, attempt)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ${schemaOf(q)}.send_attempts`);
  }
}
