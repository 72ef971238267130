import { MigrationInterface, QueryRunner } from 'typeorm';

/** What became of each copy of each notice (notice.delivery-updated), kept on the claim's record as it happened. */
export class NoticeDeliveries1763770000005 implements MigrationInterface {
  name = 'NoticeDeliveries1763770000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE claims.notice_delivery_events (
      event_id uuid PRIMARY KEY,
      claim_id uuid NOT NULL REFERENCES claims.claims (id),
      notice_id uuid NOT NULL,
      notice_type text NOT NULL,
      delivery_id uuid NOT NULL,
      party_id uuid,
      recipient text NOT NULL,
      channel text,
      status text NOT NULL,
      attempt integer NOT NULL,
      document_id uuid,
      detail text,
      at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX notice_delivery_events_claim ON claims.notice_delivery_events (claim_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE claims.notice_delivery_events`);
  }
}
