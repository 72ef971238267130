import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { StaffUser, visibleClaimsCondition } from '@wc/service-kit';
import { NOTIFICATIONS_CONFIG, NotificationsConfig } from '../config';

/**
 * What staff read of correspondence: each claim's notices and how far each copy got, the task
 * queues, the print queue and the text messages sent. Read-only; what changes correspondence is in
 * CorrespondenceService. Every list is health information (issue 14): it shows only the rows of
 * claims its reader may see (visibleClaimsCondition), so a list never shows nor counts another's.
 */
@Injectable()
export class CorrespondenceViews {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  private get s() {
    return this.config.DB_SCHEMA;
  }

  async tasks(who: StaffUser, assignee: string | null, includeDone: boolean) {
    const visible = visibleClaimsCondition(who, 'health', this.s, 'claim_id', 3);
    const rows = await this.ds.query(
      `SELECT id, claim_id, claim_number, assignee, kind, notice_id, delivery_id, detail, created_at, done_at, done_by FROM ${this.s}.tasks
       WHERE ($1::text IS NULL AND assignee IS NULL OR assignee = $1) AND ($2 OR done_at IS NULL) AND (${visible.sql}) ORDER BY created_at, id`,
      [assignee, includeDone, ...visible.params],
    );
    return rows.map((r: Record<string, unknown>) => ({
      id: r.id,
      claimId: r.claim_id,
      claimNumber: r.claim_number,
      assignee: r.assignee,
      kind: r.kind,
      noticeId: r.notice_id,
      deliveryId: r.delivery_id,
      detail: r.detail,
      createdAt: (r.created_at as Date).toISOString(),
      doneAt: r.done_at ? (r.done_at as Date).toISOString() : null,
      doneBy: r.done_by,
    }));
  }

  /** Every notice of the claim and how far each copy got (none when the reader may not see the claim). */
  async noticesFor(who: StaffUser, claimId: string) {
    // The route refuses another's claim (ClaimScoped) before this runs; the filter is the second lock, not the first.
    const visible = visibleClaimsCondition(who, 'health', this.s, 'claim_id', 2);
    const notices = await this.ds.query(
      `SELECT notice_id, type, "on", recipients, cause, ref, decided, content_version FROM ${this.s}.notice_requests WHERE claim_id = $1 AND (${visible.sql}) ORDER BY "on", type, notice_id`,
      [claimId, ...visible.params],
    );
    const deliveries = await this.ds.query(
      `SELECT id, notice_id, recipient, party_id, channel, kind, status, document_id, attempts, detail, provider_ref, content_needed, updated_at FROM ${this.s}.deliveries
       WHERE claim_id = $1 AND (${visible.sql}) ORDER BY created_at, id`,
      [claimId, ...visible.params],
    );
    return notices.map((n: Record<string, unknown>) => {
      const copies = deliveries
        .filter((d: Record<string, unknown>) => d.notice_id === n.notice_id)
        .map((d: Record<string, unknown>) => ({
          deliveryId: d.id,
          recipient: d.recipient,
          partyId: d.party_id,
          channel: d.channel,
          kind: d.kind,
          status: d.status,
          documentId: d.document_id,
          attempts: d.attempts,
          detail: d.detail,
          providerRef: d.provider_ref,
          // Only while the copy waits for a person to write it.
          contentNeeded: d.status === 'awaiting-content' ? (d.content_needed ?? []) : null,
          updatedAt: (d.updated_at as Date).toISOString(),
        }));
      return {
        noticeId: n.notice_id,
        type: n.type,
        on: n.on,
        to: n.recipients,
        cause: n.cause,
        ref: n.ref,
        decided: n.decided,
        contentVersion: n.content_version,
        status: noticeStatus(copies.map((c: { status: string }) => c.status)),
        deliveries: copies,
      };
    });
  }

  async printQueue(who: StaffUser, includePrinted: boolean) {
    const visible = visibleClaimsCondition(who, 'health', this.s, 'q.claim_id', 2);
    const rows = await this.ds.query(
      // A letter withdrawn while it waited (consent withdrawn, the party taken off the claim) is not to be printed.
      `SELECT q.delivery_id, q.claim_id, q.claim_number, q.document_id, d.kind, q.addressee, q.address, q.queued_at, q.printed_at, q.printed_by FROM ${this.s}.print_queue q
         JOIN ${this.s}.deliveries d ON d.id = q.delivery_id WHERE ($1 OR (q.printed_at IS NULL AND d.status = 'printing')) AND (${visible.sql}) ORDER BY q.queued_at, q.delivery_id`,
      [includePrinted, ...visible.params],
    );
    return rows.map((r: Record<string, unknown>) => ({
      deliveryId: r.delivery_id,
      claimId: r.claim_id,
      claimNumber: r.claim_number,
      documentId: r.document_id,
      kind: r.kind,
      content: `/documents/${r.document_id}/content`,
      addressee: r.addressee,
      address: r.address,
      queuedAt: (r.queued_at as Date).toISOString(),
      printedAt: r.printed_at ? (r.printed_at as Date).toISOString() : null,
      printedBy: r.printed_by,
    }));
  }

  async smsFor(who: StaffUser, claimId: string) {
    const visible = visibleClaimsCondition(who, 'health', this.s, 'claim_id', 2);
    const rows = await this.ds.query(`SELECT id, delivery_id, "to", body, status, sent_at FROM ${this.s}.sms_messages WHERE claim_id = $1 AND (${visible.sql}) ORDER BY sent_at, id`, [
      claimId,
      ...visible.params,
    ]);
    return rows.map((r: Record<string, unknown>) => ({ id: r.id, deliveryId: r.delivery_id, to: r.to, body: r.body, status: r.status, sentAt: (r.sent_at as Date).toISOString() }));
  }
}

/** One word for a notice from its copies: done when every copy reached an end, waiting when any waits on a person. */
export function noticeStatus(statuses: string[]): string {
  const live = statuses.filter((s) => s !== 'superseded');
  if (live.length === 0) return 'no-copies';
  if (live.some((s) => s === 'awaiting-party' || s === 'awaiting-content')) return 'needs-attention';
  if (live.some((s) => s === 'composing' || s === 'queued' || s === 'printing')) return 'in-progress';
  if (live.every((s) => s === 'sent' || s === 'delivered')) return 'sent';
  return 'partly-sent';
}
