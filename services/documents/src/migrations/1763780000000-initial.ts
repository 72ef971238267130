import { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxTableSql } from '@wc/messaging';
import { assertSchemaName } from '@wc/service-kit';

/** The service's schema is configurable (DB_SCHEMA), so migrations take it from the connection. */
export const schemaOf = (q: QueryRunner) => assertSchemaName((q.connection.options as { schema?: string }).schema ?? 'documents');

/** The documents schema: documents, who read them, and the outbox (document.created). */
export class DocumentsInitial1763780000000 implements MigrationInterface {
  name = 'DocumentsInitial1763780000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`CREATE TABLE ${s}.documents (
      id uuid PRIMARY KEY,
      claim_id uuid NOT NULL,
      kind text NOT NULL,
      template text NOT NULL,
      template_version int NOT NULL CHECK (template_version > 0),
      version int NOT NULL CHECK (version > 0),
      content_hash text NOT NULL CHECK (content_hash ~ '^sha256:[0-9a-f]{64}$'),
      media_type text NOT NULL,
      bytes bytea NOT NULL,
      size int NOT NULL CHECK (size = octet_length(bytes)),
      idempotency_key text NOT NULL UNIQUE,
      request_hash text NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX documents_claim ON ${s}.documents (claim_id, created_at)`);
    await q.query(`CREATE TABLE ${s}.document_reads (
      id bigserial PRIMARY KEY,
      document_id uuid NOT NULL REFERENCES ${s}.documents(id),
      "user" text NOT NULL,
      role text NOT NULL,
      read_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX document_reads_document ON ${s}.document_reads (document_id, read_at)`);
    for (const sql of outboxTableSql(s)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP TABLE ${s}.document_reads, ${s}.documents, ${s}.outbox`);
  }
}
