import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every action keeps how many days back it was dated, and the reason a team leader gave for dating
 * one beyond the window (actions/backdating.ts; issue 14). Actions recorded before this have no
 * count: their `at` and `recorded_at` say it, and the audit computes it for them.
 */
export class ActionBackdating1765900000000 implements MigrationInterface {
  name = 'ActionBackdating1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claims.action_intents ADD COLUMN backdating_reason text`);
    await q.query(`ALTER TABLE claims.claim_actions ADD COLUMN backdated_days int, ADD COLUMN backdating_reason text`);
    await q.query(`CREATE INDEX claim_actions_backdated ON claims.claim_actions (recorded_at) WHERE backdated_days > 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX claims.claim_actions_backdated`);
    await q.query(`ALTER TABLE claims.claim_actions DROP COLUMN backdated_days, DROP COLUMN backdating_reason`);
    await q.query(`ALTER TABLE claims.action_intents DROP COLUMN backdating_reason`);
  }
}
