import { MigrationInterface, QueryRunner } from 'typeorm';

/** Parties taken off a claim, with who, when and why: the address book keeps its history. */
export class RemovedParties1763860000000 implements MigrationInterface {
  name = 'RemovedParties1763860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claims.claim_parties ADD COLUMN removed jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claims.claim_parties DROP COLUMN removed`);
  }
}
