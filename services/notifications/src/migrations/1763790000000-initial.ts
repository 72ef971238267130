import { MigrationInterface, QueryRunner } from 'typeorm';
import { inboxTableSql } from '@wc/messaging';
import { assertSchemaName } from '@wc/service-kit';

/** The service's schema is configurable (DB_SCHEMA), so migrations take it from the connection. */
export const schemaOf = (q: QueryRunner) => assertSchemaName((q.connection.options as { schema?: string }).schema ?? 'notifications');

/** The notifications schema: the letters requested for each event, and the inbox of handled events. */
export class NotificationsInitial1763790000000 implements MigrationInterface {
  name = 'NotificationsInitial1763790000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`CREATE TABLE ${s}.letter_requests (
      event_id uuid PRIMARY KEY,
      claim_id uuid NOT NULL,
      kind text NOT NULL,
      document_id uuid NOT NULL,
      requested_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX letter_requests_claim ON ${s}.letter_requests (claim_id, requested_at)`);
    for (const sql of inboxTableSql(s)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP TABLE ${s}.letter_requests, ${s}.inbox`);
  }
}
