import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The claim's parties and the worker's consents, kept whole per claim with a version: every change
 * is published as one snapshot (claim.parties-recorded), so a consumer never sees half an address book.
 */
export class Parties1763770000004 implements MigrationInterface {
  name = 'Parties1763770000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE claims.claim_parties (
      claim_id uuid PRIMARY KEY REFERENCES claims.claims (id),
      version integer NOT NULL DEFAULT 0,
      parties jsonb NOT NULL DEFAULT '[]',
      consents jsonb NOT NULL DEFAULT '[]',
      updated_by text,
      updated_at timestamptz
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE claims.claim_parties`);
  }
}
