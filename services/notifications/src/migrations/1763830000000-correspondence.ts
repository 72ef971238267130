import { MigrationInterface, QueryRunner } from 'typeorm';
import { dropOutboxTableSql, outboxTableSql } from '@wc/messaging';
import { schemaOf } from './1763790000000-initial';

/**
 * Delivering notices (issue 6): what this service knows of each claim (from the claims service's
 * events), the staff directory, one delivery per notice, party and channel with its status and
 * retries, case managers' tasks, the local SMS provider's messages, the print queue, team leaders'
 * digests, and the outbox for delivery status events.
 */
export class Correspondence1763830000000 implements MigrationInterface {
  name = 'Correspondence1763830000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`CREATE TABLE ${s}.claims (
      claim_id uuid PRIMARY KEY,
      claim_number text NOT NULL,
      worker jsonb,
      employer jsonb,
      date_of_injury date,
      notification_date date,
      case_manager text,
      team_leader text,
      facts jsonb NOT NULL DEFAULT '{}',
      parties jsonb NOT NULL DEFAULT '[]',
      consents jsonb NOT NULL DEFAULT '[]',
      parties_version integer NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE ${s}.staff (
      "user" text PRIMARY KEY,
      name text NOT NULL,
      role text NOT NULL,
      phone text NOT NULL,
      email text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`ALTER TABLE ${s}.notice_requests ADD COLUMN content jsonb NOT NULL DEFAULT '{}', ADD COLUMN content_version integer NOT NULL DEFAULT 0, ADD COLUMN content_by text`);
    await q.query(`CREATE TABLE ${s}.deliveries (
      id uuid PRIMARY KEY,
      notice_id uuid NOT NULL REFERENCES ${s}.notice_requests (notice_id),
      claim_id uuid NOT NULL,
      recipient text NOT NULL,
      party_id uuid,
      channel text CHECK (channel IN ('email', 'sms', 'post')),
      kind text,
      status text NOT NULL CHECK (status IN ('awaiting-party', 'composing', 'awaiting-content', 'queued', 'printing', 'sent', 'delivered', 'bounced', 'failed', 'refused', 'superseded')),
      document_id uuid,
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      detail text,
      provider_ref text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (party_id IS NOT NULL OR status IN ('awaiting-party', 'superseded'))
    )`);
    await q.query(`CREATE UNIQUE INDEX deliveries_one_per_channel ON ${s}.deliveries (notice_id, recipient, party_id, channel) WHERE party_id IS NOT NULL`);
    await q.query(`CREATE INDEX deliveries_due ON ${s}.deliveries (next_attempt_at) WHERE status IN ('composing', 'queued')`);
    await q.query(`CREATE INDEX deliveries_claim ON ${s}.deliveries (claim_id, created_at)`);
    await q.query(`CREATE TABLE ${s}.tasks (
      id uuid PRIMARY KEY,
      claim_id uuid NOT NULL,
      claim_number text NOT NULL,
      assignee text,
      kind text NOT NULL CHECK (kind IN ('notice-content', 'party-details', 'consent', 'delivery-failed', 'interpreter-booking', 'print')),
      dedupe_key text NOT NULL UNIQUE,
      notice_id uuid,
      delivery_id uuid,
      detail text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      done_at timestamptz,
      done_by text
    )`);
    await q.query(`CREATE INDEX tasks_open ON ${s}.tasks (assignee, created_at) WHERE done_at IS NULL`);
    await q.query(`CREATE TABLE ${s}.sms_messages (
      id uuid PRIMARY KEY,
      delivery_id uuid NOT NULL UNIQUE,
      claim_id uuid NOT NULL,
      "to" text NOT NULL,
      body text NOT NULL,
      status text NOT NULL,
      sent_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE ${s}.print_queue (
      delivery_id uuid PRIMARY KEY,
      claim_id uuid NOT NULL,
      claim_number text NOT NULL,
      document_id uuid NOT NULL,
      addressee text NOT NULL,
      address jsonb NOT NULL,
      queued_at timestamptz NOT NULL DEFAULT now(),
      printed_at timestamptz,
      printed_by text
    )`);
    await q.query(`CREATE TABLE ${s}.digests (
      id uuid PRIMARY KEY,
      team_leader text NOT NULL,
      email text NOT NULL,
      alerts integer NOT NULL,
      sent_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`ALTER TABLE ${s}.team_leader_alerts ADD COLUMN digest_id uuid REFERENCES ${s}.digests (id)`);
    await q.query(`CREATE INDEX team_leader_alerts_undigested ON ${s}.team_leader_alerts (team_leader) WHERE digest_id IS NULL`);
    for (const sql of outboxTableSql(s)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    for (const sql of dropOutboxTableSql(s)) await q.query(sql);
    await q.query(`ALTER TABLE ${s}.team_leader_alerts DROP COLUMN digest_id`);
    await q.query(`DROP TABLE ${s}.digests, ${s}.print_queue, ${s}.sms_messages, ${s}.tasks, ${s}.deliveries, ${s}.staff, ${s}.claims`);
    await q.query(`ALTER TABLE ${s}.notice_requests DROP COLUMN content, DROP COLUMN content_version, DROP COLUMN content_by`);
  }
}
