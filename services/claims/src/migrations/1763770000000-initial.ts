import { MigrationInterface, QueryRunner } from 'typeorm';
import { inboxTableSql, outboxTableSql } from '@wc/messaging';

/** The claims schema: claims, their documents and effects, the outbox and the inbox. */
export class Initial1763770000000 implements MigrationInterface {
  name = 'Initial1763770000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE claims.claim_number_seq START 1`);
    await q.query(`CREATE TABLE claims.claims (
      id uuid PRIMARY KEY,
      claim_number text NOT NULL UNIQUE,
      idempotency_key text UNIQUE,
      request_hash text NOT NULL,
      notification jsonb NOT NULL,
      date_of_injury date NOT NULL,
      notification_date date NOT NULL,
      classification text,
      segment text,
      triage_reasons jsonb,
      classified_at timestamptz,
      workflow_id text NOT NULL UNIQUE,
      workflow_started_at timestamptz,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX claims_workflow_not_started ON claims.claims (created_at) WHERE workflow_started_at IS NULL`);
    await q.query(`CREATE TABLE claims.claim_documents (
      document_id uuid PRIMARY KEY,
      claim_id uuid NOT NULL REFERENCES claims.claims(id),
      kind text NOT NULL,
      template text NOT NULL,
      template_version int NOT NULL,
      version int NOT NULL,
      content_hash text NOT NULL,
      created_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX claim_documents_claim ON claims.claim_documents (claim_id)`);
    await q.query(`CREATE TABLE claims.claim_effects (
      id uuid PRIMARY KEY,
      claim_id uuid NOT NULL REFERENCES claims.claims(id),
      kind text NOT NULL,
      effect jsonb NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX claim_effects_claim ON claims.claim_effects (claim_id, recorded_at)`);
    for (const sql of [...outboxTableSql('claims'), ...inboxTableSql('claims')]) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE claims.claim_effects, claims.claim_documents, claims.claims, claims.outbox, claims.inbox`);
    await q.query(`DROP SEQUENCE claims.claim_number_seq`);
  }
}
