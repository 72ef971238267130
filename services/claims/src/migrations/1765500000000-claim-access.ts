import { MigrationInterface, QueryRunner } from 'typeorm';
import { staffCoversTableSql } from '@wc/service-kit';

/**
 * Per-claim access (issue 14): reviewers assigned to a claim, covers between case managers, the
 * claim_staffing view every access decision reads (the other services keep a table of the same
 * shape from claim.staffing-recorded), and the audit of reads of health information.
 */
export class ClaimAccess1765500000000 implements MigrationInterface {
  name = 'ClaimAccess1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE claims.claim_reviewers (
      claim_id uuid NOT NULL REFERENCES claims.claims (id),
      reviewer text NOT NULL,
      assigned_by text NOT NULL,
      assigned_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (claim_id, reviewer)
    )`);
    await q.query(`CREATE INDEX claim_reviewers_reviewer ON claims.claim_reviewers (reviewer)`);
    for (const sql of staffCoversTableSql('claims')) await q.query(sql);
    await q.query(`ALTER TABLE claims.staff_covers ADD COLUMN recorded_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`CREATE VIEW claims.claim_staffing AS
      SELECT c.id AS claim_id, c.case_manager, c.team_leader,
             coalesce((SELECT array_agg(r.reviewer ORDER BY r.reviewer) FROM claims.claim_reviewers r WHERE r.claim_id = c.id), '{}') AS reviewers
        FROM claims.claims c`);
    // One row per read; event_id is the health-information.read event another service published (null for the claims service's own).
    await q.query(`CREATE TABLE claims.health_reads (
      id bigserial PRIMARY KEY,
      event_id uuid UNIQUE,
      claim_id uuid NOT NULL,
      "user" text NOT NULL,
      role text NOT NULL,
      basis text NOT NULL,
      service text NOT NULL,
      what text NOT NULL,
      at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX health_reads_claim ON claims.health_reads (claim_id, at)`);
    await q.query(`CREATE INDEX health_reads_user ON claims.health_reads ("user", at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE claims.health_reads`);
    await q.query(`DROP VIEW claims.claim_staffing`);
    await q.query(`DROP TABLE claims.staff_covers, claims.claim_reviewers`);
  }
}
