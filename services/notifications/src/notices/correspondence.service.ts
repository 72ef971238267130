import { randomUUID } from 'node:crypto';
import { BadRequestException, ForbiddenException, Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type Channel, type NoticeDeliveryUpdatedData, type RecordedParty, TOPICS } from '@wc/contracts';
import { type EventEnvelope, enqueue, newEnvelope } from '@wc/messaging';
import { JsonLogger, StaffUser, coversFor, withLogContext } from '@wc/service-kit';
import { sydneyAt } from '@wc/rules';
import { NOTIFICATIONS_CONFIG, NotificationsConfig } from '../config';
import { LOGGER } from '../letters/letters.service';
import { type ClaimRecord, type DecidedFacts, type StaffContact, consentRefusal, decidedContentRefusals, missingParty, partiesFor } from './notice-content';

export type TaskKind = 'notice-content' | 'party-details' | 'consent' | 'delivery-failed' | 'interpreter-booking' | 'invoice-held';

/** What a held medical invoice line waits for, as the case manager reads it (docs/medical-assessment.md's reasons; issue 17). */
const HELD_FOR: Record<string, string> = {
  'no-approval': 'no approval covers it (1987 Act s60(2A)): approve the treatment for payment (on the claim page, Medical costs) or decline it',
  'approval-exhausted': "the approval's units are used up: approve more units or decline the rest",
  'provisional-cap': 'it would take medical payments under provisional liability over the limit (1998 Act s280): it is assessed again when liability is decided',
  'no-liability-decision': 'no liability decision has been made yet: it is assessed again when one is',
};
export type DeliveryStatus = 'awaiting-party' | 'composing' | 'awaiting-content' | 'queued' | 'printing' | 'sent' | 'delivered' | 'bounced' | 'failed' | 'refused' | 'superseded';

export interface DeliveryRow {
  id: string;
  notice_id: string;
  claim_id: string;
  recipient: string;
  party_id: string | null;
  channel: Channel | null;
  kind: string | null;
  status: DeliveryStatus;
  document_id: string | null;
  attempts: number;
  /** How many times a person sent it again (each a new round of attempts). */
  resends: number;
  detail: string | null;
}

/** Statuses a delivery status event is published for (the contract's DELIVERY_STATUSES). */
const PUBLISHED = new Set(['refused', 'sent', 'delivered', 'bounced', 'failed']);

/**
 * What notifications keeps of each claim and the notices it owes: the claim's facts and parties
 * (from the claims service's events), a delivery per notice, party and channel, and the tasks a
 * person must do when a notice cannot go by itself.
 */
@Injectable()
export class CorrespondenceService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
    @Inject(LOGGER) private readonly log: JsonLogger,
  ) {}

  get s() {
    return this.config.DB_SCHEMA;
  }

  // ---- what the claims service tells us (inside the consumer's inbox transaction) ----

  async claimNotified(e: EventEnvelope<'claim.notified'>, m: EntityManager): Promise<void> {
    const d = e.data;
    await m.query(
      `INSERT INTO ${this.s}.claims (claim_id, claim_number, worker, employer, date_of_injury, notification_date, case_manager, team_leader)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (claim_id) DO UPDATE SET worker = EXCLUDED.worker, employer = EXCLUDED.employer, date_of_injury = EXCLUDED.date_of_injury,
         notification_date = EXCLUDED.notification_date, case_manager = COALESCE(${this.s}.claims.case_manager, EXCLUDED.case_manager),
         team_leader = COALESCE(${this.s}.claims.team_leader, EXCLUDED.team_leader), updated_at = now()`,
      [d.claimId, d.claimNumber, JSON.stringify(d.worker), JSON.stringify(d.employer), d.dateOfInjury, d.notificationDate, d.assignment?.caseManager ?? null, d.assignment?.teamLeader ?? null],
    );
  }

  /**
   * The latest action of each type: what notices quote (the date of a decision, an excuse's reason),
   * and who recorded it (`by`): the person who made a decision signs its notice (issue 16).
   */
  async actionRecorded(e: EventEnvelope<'claim.action-recorded'>, m: EntityManager): Promise<void> {
    const d = e.data;
    await m.query(
      `INSERT INTO ${this.s}.claims (claim_id, claim_number, facts) VALUES ($1, $2, jsonb_build_object($3::text, $4::jsonb))
       ON CONFLICT (claim_id) DO UPDATE SET facts = ${this.s}.claims.facts || jsonb_build_object($3::text, $4::jsonb), updated_at = now()`,
      [d.claimId, d.claimNumber, d.action.type, JSON.stringify({ ...d.action, by: d.by.user })],
    );
  }

  /**
   * A new address book: kept if newer than ours; notices waiting for a party try again; copies not
   * yet sent to a party taken off the claim are withdrawn; open tasks follow the claim's case
   * manager; an interpreter need becomes a booking task (program 4.3).
   */
  async partiesRecorded(e: EventEnvelope<'claim.parties-recorded'>, m: EntityManager): Promise<void> {
    const d = e.data;
    await withLogContext({ claimId: d.claimId }, async () => {
      const updated = await m.query(
        `INSERT INTO ${this.s}.claims (claim_id, claim_number, case_manager, team_leader, parties, consents, parties_version) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (claim_id) DO UPDATE SET case_manager = EXCLUDED.case_manager, team_leader = EXCLUDED.team_leader, parties = EXCLUDED.parties,
           consents = EXCLUDED.consents, parties_version = EXCLUDED.parties_version, updated_at = now()
         WHERE ${this.s}.claims.parties_version < EXCLUDED.parties_version
         RETURNING claim_id`,
        [d.claimId, d.claimNumber, d.caseManager, d.teamLeader, JSON.stringify(d.parties), JSON.stringify(d.consents), d.version],
      );
      if (updated.length === 0) return; // an older snapshot, redelivered or out of order
      if (d.caseManager) await m.query(`UPDATE ${this.s}.tasks SET assignee = $2 WHERE claim_id = $1 AND done_at IS NULL`, [d.claimId, d.caseManager]);
      const worker = d.parties.find((p) => p.role === 'worker');
      if (worker?.interpreter) {
        const language = worker.interpreter.language;
        await this.task(m, {
          claimId: d.claimId,
          claimNumber: d.claimNumber,
          assignee: d.caseManager,
          kind: 'interpreter-booking',
          dedupeKey: `interpreter:${d.claimId}:${language.toLowerCase()}`,
          detail: `Book a professional ${language} interpreter for calls and meetings with ${worker.name} (program 4.3, Use of interpreters); notices to the worker carry the interpreter-services paragraph.`,
        });
      }
      await this.withdrawFromRemovedParties(
        m,
        d.claimId,
        d.parties.map((p) => p.partyId),
      );
      await this.withdrawWithoutConsent(m, d.claimId);
      // The notice's decided facts say which provider a treatment decision is for (docs/rules.md §8.1).
      const waiting: Array<DeliveryRow & { decided: DecidedFacts | null }> = await m.query(
        `SELECT d.*, n.decided FROM ${this.s}.deliveries d JOIN ${this.s}.notice_requests n ON n.notice_id = d.notice_id
         WHERE d.claim_id = $1 AND d.status = 'awaiting-party' FOR UPDATE OF d`,
        [d.claimId],
      );
      for (const w of waiting) {
        const found = partiesFor(w.recipient, d.parties, w.decided);
        if (found.length === 0) continue;
        await m.query(`UPDATE ${this.s}.deliveries SET status = 'superseded', updated_at = now(), detail = 'the party was recorded' WHERE id = $1`, [w.id]);
        await this.closeTasks(m, `party:${w.id}`, 'system');
        await this.addDeliveries(m, w.notice_id, d.claimId, w.recipient, found);
      }
    });
  }

  /**
   * A party taken off the claim gets nothing more: its copies not yet sent are refused (and say so
   * on the claim's record), and the tasks about its copies are closed, since there is nothing left
   * for the case manager to do about them.
   */
  private async withdrawFromRemovedParties(m: EntityManager, claimId: string, partyIds: string[]): Promise<void> {
    const gone: DeliveryRow[] = await m.query(
      `SELECT * FROM ${this.s}.deliveries WHERE claim_id = $1 AND party_id IS NOT NULL AND NOT (party_id = ANY($2::uuid[])) AND status IN ('composing', 'awaiting-content', 'queued', 'printing', 'refused', 'bounced', 'failed') FOR UPDATE`,
      [claimId, partyIds],
    );
    for (const g of gone) {
      if (!['refused', 'bounced', 'failed'].includes(g.status)) await this.setStatus(m, g, 'refused', { detail: 'the party was taken off the claim before this copy was sent' });
      await m.query(`UPDATE ${this.s}.tasks SET done_at = now(), done_by = 'system' WHERE delivery_id = $1 AND done_at IS NULL`, [g.id]);
      this.log.info('copy withdrawn: the party was taken off the claim', { deliveryId: g.id, partyId: g.party_id, was: g.status });
    }
  }

  /**
   * Consent withdrawn (or ended) after a copy was written and before it went: program s11 and 1998
   * Act s243 allow the worker's health information to a third party only with consent in force, so
   * a copy waiting to be emailed or in the print queue is refused now, with a task for the case
   * manager, and leaves the print queue (the delivery worker checks again as it sends).
   */
  private async withdrawWithoutConsent(m: EntityManager, claimId: string): Promise<void> {
    const claim = await this.claimRecord(m, claimId);
    if (!claim) return;
    const waiting: DeliveryRow[] = await m.query(`SELECT * FROM ${this.s}.deliveries WHERE claim_id = $1 AND status IN ('queued', 'printing') AND kind IS NOT NULL FOR UPDATE`, [claimId]);
    const today = sydneyAt(Date.now()).date;
    for (const w of waiting) {
      const party = claim.parties.find((p) => p.partyId === w.party_id);
      const why = party ? consentRefusal(w.kind as string, party, claim.consents, today) : null;
      if (!party || !why) continue;
      await this.refuseForConsent(m, w, claim, party, why);
      this.log.info('copy withdrawn: no consent in force any more', { deliveryId: w.id, partyId: party.partyId, was: w.status });
    }
  }

  /** A copy that must not go for want of the worker's consent: refused, logged, and a task to record consent or tell the party another way. */
  async refuseForConsent(m: EntityManager, d: DeliveryRow, claim: ClaimRecord, party: RecordedParty, why: string): Promise<void> {
    await this.setStatus(m, d, 'refused', { kind: d.kind ?? undefined, detail: why });
    this.log.warn('notice refused: no consent to share health information', { deliveryId: d.id, kind: d.kind, partyId: party.partyId, role: party.role });
    await this.task(m, {
      claimId: claim.claimId,
      claimNumber: claim.claimNumber,
      assignee: claim.caseManager,
      kind: 'consent',
      dedupeKey: `consent:${d.notice_id}:${party.partyId}`,
      noticeId: d.notice_id,
      deliveryId: d.id,
      detail: `Not sent to ${party.name} (${party.role}): ${why}. Record the worker's consent (on the claim page, Parties and consents) and send it again (Send again, on this task), or tell the ${party.role} another way.`,
    });
  }

  /** A notice the workflow (or payments) asked for: a delivery for each recorded party and channel. */
  async noticeRequested(e: EventEnvelope<'notice.requested'>, m: EntityManager): Promise<void> {
    await this.recordNotice(m, e.data);
  }

  /**
   * The acknowledgement letter stored at notification (LettersService) is sent to the worker like
   * any notice; its notice id is the claim.notified event's, so the delivery finds that document.
   */
  async acknowledgementRequested(e: EventEnvelope<'claim.notified'>, m: EntityManager): Promise<void> {
    const d = e.data;
    await this.recordNotice(m, { claimId: d.claimId, claimNumber: d.claimNumber, noticeId: e.id, type: 'acknowledgement-letter', on: d.notificationDate, to: ['worker'], cause: 'claim.notified' });
  }

  /**
   * `facts` is what the platform decided that the notice states (docs/rules.md §8): kept as the notice's
   * `decided`, so every copy prints it, a person cannot write over it, and a treatment decision goes
   * to the provider the request named.
   */
  private async recordNotice(
    m: EntityManager,
    d: { claimId: string; claimNumber: string; noticeId: string; type: string; on: string; to: string[]; cause: string; ref?: string; facts?: DecidedFacts },
  ): Promise<void> {
    await withLogContext({ claimId: d.claimId }, async () => {
      const decided = d.facts ?? null;
      const inserted = await m.query(
        `INSERT INTO ${this.s}.notice_requests (notice_id, claim_id, claim_number, type, "on", recipients, cause, status, ref, decided)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'recorded', $8, $9) ON CONFLICT DO NOTHING RETURNING notice_id`,
        [d.noticeId, d.claimId, d.claimNumber, d.type, d.on, JSON.stringify(d.to), d.cause, d.ref ?? null, decided === null ? null : JSON.stringify(decided)],
      );
      if (inserted.length === 0) return;
      const claim = await this.claimRecord(m, d.claimId);
      if (claim) await m.query(`UPDATE ${this.s}.notice_requests SET facts = $2 WHERE notice_id = $1`, [d.noticeId, JSON.stringify(claim.facts)]);
      for (const recipient of d.to) {
        const parties = partiesFor(recipient, claim?.parties ?? [], decided);
        if (parties.length > 0) {
          await this.addDeliveries(m, d.noticeId, d.claimId, recipient, parties);
          continue;
        }
        const id = randomUUID();
        const missing = missingParty(d.type, recipient, decided);
        await m.query(`INSERT INTO ${this.s}.deliveries (id, notice_id, claim_id, recipient, status, detail) VALUES ($1, $2, $3, $4, 'awaiting-party', $5)`, [
          id,
          d.noticeId,
          d.claimId,
          recipient,
          missing.detail,
        ]);
        await this.task(m, {
          claimId: d.claimId,
          claimNumber: d.claimNumber,
          assignee: claim?.caseManager ?? null,
          kind: 'party-details',
          dedupeKey: `party:${id}`,
          noticeId: d.noticeId,
          deliveryId: id,
          detail: missing.task,
        });
      }
      this.log.info('notice requested', { notice: d.type, on: d.on, to: d.to, ...(d.ref ? { ref: d.ref } : {}), ...(decided ? { decided: Object.keys(decided) } : {}) });
    });
  }

  private async addDeliveries(m: EntityManager, noticeId: string, claimId: string, recipient: string, parties: RecordedParty[]): Promise<void> {
    for (const p of parties)
      for (const channel of p.channels)
        await m.query(`INSERT INTO ${this.s}.deliveries (id, notice_id, claim_id, recipient, party_id, channel, status) VALUES ($1, $2, $3, $4, $5, $6, 'composing') ON CONFLICT DO NOTHING`, [
          randomUUID(),
          noticeId,
          claimId,
          recipient,
          p.partyId,
          channel,
        ]);
  }

  // ---- what a person does ----

  /**
   * The case manager's part of a notice (a decision's reasons and reports, an IME's place): merged
   * over what the platform prefilled, and every copy still waiting is written again with it. What
   * the platform decided for this notice (docs/rules.md §8: when a discontinuance takes effect, an s48A
   * suspension's dates, when s39 payments stop) is refused, field by field: staff no longer type it.
   */
  async supplyContent(noticeId: string, content: Record<string, unknown>, by: StaffUser) {
    return this.ds.transaction(async (m) => {
      const rows = await m.query(`SELECT claim_id, claim_number, type, "on", cause, decided, content, content_version FROM ${this.s}.notice_requests WHERE notice_id = $1 FOR UPDATE`, [noticeId]);
      if (rows.length === 0) throw new NotFoundException(`no notice ${noticeId}`);
      const n = rows[0];
      return withLogContext({ claimId: n.claim_id }, async () => {
        const problems = decidedContentRefusals({ type: n.type, on: n.on, cause: n.cause, decided: n.decided }, content);
        if (problems.length > 0) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'invalid request body', problems });
        const open: { n: string }[] = await m.query(`SELECT count(*)::int AS n FROM ${this.s}.deliveries WHERE notice_id = $1 AND status IN ('awaiting-content', 'composing', 'awaiting-party')`, [
          noticeId,
        ]);
        if (Number(open[0].n) === 0)
          throw new UnprocessableEntityException({
            message: `the ${n.type} notice has no copy waiting to be written: a sent notice is not changed (ask for a new one)`,
            problems: [{ field: 'noticeId', problem: 'has nothing waiting for content' }],
          });
        const merged = { ...n.content, ...content };
        const version = n.content_version + 1;
        await m.query(`UPDATE ${this.s}.notice_requests SET content = $2, content_version = $3, content_by = $4 WHERE notice_id = $1`, [noticeId, JSON.stringify(merged), version, by.user]);
        // TypeORM answers an UPDATE with [rows, count].
        const [retried] = await m.query(
          `UPDATE ${this.s}.deliveries SET status = 'composing', attempts = 0, next_attempt_at = now(), content_needed = NULL, updated_at = now() WHERE notice_id = $1 AND status = 'awaiting-content' RETURNING id`,
          [noticeId],
        );
        await m.query(`UPDATE ${this.s}.tasks SET done_at = now(), done_by = $2 WHERE notice_id = $1 AND kind = 'notice-content' AND done_at IS NULL`, [noticeId, by.user]);
        this.log.info('notice content given', { noticeId, notice: n.type, fields: Object.keys(content), contentVersion: version, copies: retried.length });
        return { noticeId, contentVersion: version, content: merged, copiesToWrite: retried.length };
      });
    });
  }

  /**
   * Sends a copy again once a person fixed what stopped it (the worker's consent recorded, an
   * address corrected): it is written afresh from the party's details as they are now.
   */
  async resend(deliveryId: string, by: StaffUser) {
    return this.ds.transaction(async (m) => {
      const rows: DeliveryRow[] = await m.query(`SELECT * FROM ${this.s}.deliveries WHERE id = $1 FOR UPDATE`, [deliveryId]);
      const d = rows[0];
      if (!d) throw new NotFoundException(`no delivery ${deliveryId}`);
      return withLogContext({ claimId: d.claim_id }, async () => {
        if (!['refused', 'bounced', 'failed'].includes(d.status) || d.party_id === null)
          throw new UnprocessableEntityException({
            message: `a ${d.status} copy is not sent again (only refused, bounced or failed ones)`,
            problems: [{ field: 'deliveryId', problem: `is ${d.status}` }],
          });
        const claim = await this.claimRecord(m, d.claim_id);
        if (!claim?.parties.some((p) => p.partyId === d.party_id))
          throw new UnprocessableEntityException({
            message: `the ${d.recipient} this copy was for is no longer a party of the claim`,
            problems: [{ field: 'deliveryId', problem: 'is for a party taken off the claim' }],
          });
        await m.query(`UPDATE ${this.s}.deliveries SET status = 'composing', attempts = 0, next_attempt_at = now(), resends = resends + 1, detail = $2, updated_at = now() WHERE id = $1`, [
          deliveryId,
          `sent again by ${by.user} after ${d.status}`,
        ]);
        await m.query(`UPDATE ${this.s}.tasks SET done_at = now(), done_by = $2 WHERE delivery_id = $1 AND kind IN ('consent', 'delivery-failed') AND done_at IS NULL`, [deliveryId, by.user]);
        this.log.info('delivery sent again', { deliveryId, was: d.status, by: by.user });
        return { deliveryId, status: 'composing', was: d.status };
      });
    });
  }

  async completeTask(id: string, by: StaffUser) {
    const rows = await this.ds.query(`SELECT assignee, claim_id, done_at FROM ${this.s}.tasks WHERE id = $1`, [id]);
    if (rows.length === 0) throw new NotFoundException(`no task ${id}`);
    if (by.role === 'case-manager' && rows[0].assignee !== by.user && !(rows[0].assignee && (await this.coversFor(by.user, rows[0].assignee))))
      throw new ForbiddenException('a case manager completes only their own tasks, and those of a colleague they cover for');
    if (rows[0].done_at) throw new UnprocessableEntityException({ message: 'the task is already done', problems: [{ field: 'id', problem: 'is done' }] });
    await this.ds.query(`UPDATE ${this.s}.tasks SET done_at = now(), done_by = $2 WHERE id = $1 AND done_at IS NULL`, [id, by.user]);
    this.log.info('task done', { claimId: rows[0].claim_id, taskId: id });
    return { id, done: true };
  }

  /** `user` covers for `caseManager` today (a cover the claims service recorded). */
  coversFor(user: string, caseManager: string): Promise<boolean> {
    return coversFor(this.ds, this.s, user, caseManager);
  }

  async saveStaff(user: string, s: Omit<StaffContact, 'user'>) {
    await this.ds.query(
      `INSERT INTO ${this.s}.staff ("user", name, role, phone, email) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ("user") DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role, phone = EXCLUDED.phone, email = EXCLUDED.email, updated_at = now()`,
      [user, s.name, s.role, s.phone, s.email],
    );
    return { user, ...s };
  }

  async staff(m: EntityManager | DataSource, user: string | null): Promise<StaffContact | null> {
    if (!user) return null;
    const rows = await m.query(`SELECT "user", name, role, phone, email FROM ${this.s}.staff WHERE "user" = $1`, [user]);
    return rows[0] ?? null;
  }

  /** The letter was printed and posted: its delivery is sent (the post gives no delivery receipt). */
  async markPrinted(deliveryId: string, by: StaffUser) {
    return this.ds.transaction(async (m) => {
      const rows = await m.query(`SELECT claim_id, printed_at FROM ${this.s}.print_queue WHERE delivery_id = $1 FOR UPDATE`, [deliveryId]);
      if (rows.length === 0) throw new NotFoundException(`no letter ${deliveryId} in the print queue`);
      if (rows[0].printed_at) throw new UnprocessableEntityException({ message: 'already marked printed', problems: [{ field: 'deliveryId', problem: 'is already printed' }] });
      const d: DeliveryRow[] = await m.query(`SELECT * FROM ${this.s}.deliveries WHERE id = $1 FOR UPDATE`, [deliveryId]);
      // Withdrawn while it waited (consent withdrawn, the party taken off the claim): it must not be posted.
      if (d[0].status !== 'printing') {
        throw new UnprocessableEntityException({
          message: 'letter withdrawn: do not post it',
          problems: [{ field: 'deliveryId', problem: `was withdrawn from the print queue (${d[0].status}: ${d[0].detail ?? 'no reason recorded'}); do not post it` }],
        });
      }
      await m.query(`UPDATE ${this.s}.print_queue SET printed_at = now(), printed_by = $2 WHERE delivery_id = $1`, [deliveryId, by.user]);
      await this.setStatus(m, d[0], 'sent', { detail: `printed and posted by ${by.user}`, attempts: d[0].attempts + 1 });
      this.log.info('letter printed', { claimId: rows[0].claim_id, deliveryId });
      return { deliveryId, status: 'sent' };
    });
  }

  // ---- shared with the delivery worker ----

  async claimRecord(m: EntityManager | DataSource, claimId: string): Promise<ClaimRecord | null> {
    const rows = await m.query(`SELECT * FROM ${this.s}.claims WHERE claim_id = $1`, [claimId]);
    const r = rows[0];
    if (!r) return null;
    return {
      claimId: r.claim_id,
      claimNumber: r.claim_number,
      worker: r.worker,
      employer: r.employer,
      dateOfInjury: r.date_of_injury,
      notificationDate: r.notification_date,
      caseManager: r.case_manager,
      teamLeader: r.team_leader,
      facts: r.facts,
      parties: r.parties,
      consents: r.consents,
    };
  }

  /** Moves a delivery on, and publishes what the contract calls a delivery status (in the same transaction). */
  async setStatus(
    m: EntityManager,
    d: DeliveryRow,
    status: DeliveryStatus,
    change: {
      detail?: string | null;
      attempts?: number;
      documentId?: string | null;
      kind?: string | null;
      providerRef?: string | null;
      nextAttemptInMs?: number;
      /** What a person must write, kept while the copy waits for content (and forgotten once it moves on). */
      contentNeeded?: ReadonlyArray<{ field: string; problem: string }>;
    } = {},
  ) {
    await m.query(
      `UPDATE ${this.s}.deliveries SET status = $2, detail = $3, attempts = $4, document_id = $5, kind = $6, provider_ref = COALESCE($7, provider_ref),
         next_attempt_at = now() + ($8::bigint * interval '1 millisecond'), content_needed = $9::jsonb, updated_at = now() WHERE id = $1`,
      [
        d.id,
        status,
        change.detail ?? null,
        change.attempts ?? d.attempts,
        change.documentId !== undefined ? change.documentId : d.document_id,
        change.kind !== undefined ? change.kind : d.kind,
        change.providerRef ?? null,
        change.nextAttemptInMs ?? 0,
        status === 'awaiting-content' ? JSON.stringify(change.contentNeeded ?? []) : null,
      ],
    );
    if (!PUBLISHED.has(status)) return;
    const n = (await m.query(`SELECT claim_number, type FROM ${this.s}.notice_requests WHERE notice_id = $1`, [d.notice_id]))[0];
    const data: NoticeDeliveryUpdatedData = {
      claimId: d.claim_id,
      claimNumber: n.claim_number,
      noticeId: d.notice_id,
      noticeType: n.type,
      deliveryId: d.id,
      partyId: d.party_id,
      recipient: d.recipient,
      channel: d.channel,
      status: status as NoticeDeliveryUpdatedData['status'],
      attempt: change.attempts ?? d.attempts,
      documentId: change.documentId !== undefined ? change.documentId : d.document_id,
      detail: change.detail ? change.detail.slice(0, 1000) : null,
      at: new Date().toISOString(),
    };
    await enqueue(m, this.s, TOPICS.notifications, newEnvelope({ type: 'notice.delivery-updated', source: 'wc-notifications/notifications', subject: d.claim_id, data }));
  }

  /** A task for a person; the same dedupe key never makes a second one. */
  /**
   * Medical invoice lines were assessed (payments' medical-invoice.assessed): a held line is a task
   * for the claim's case manager, saying what would release it; a line no longer held closes its task.
   */
  async medicalInvoiceAssessed(e: EventEnvelope<'medical-invoice.assessed'>, m: EntityManager): Promise<void> {
    const d = e.data;
    await withLogContext({ claimId: d.claimId }, async () => {
      const claim = await this.claimRecord(m, d.claimId);
      for (const h of d.held) {
        await this.task(m, {
          claimId: d.claimId,
          claimNumber: d.claimNumber,
          assignee: claim?.caseManager ?? null,
          kind: 'invoice-held',
          dedupeKey: `invoice-held:${h.lineId}:${h.reason}`,
          detail: `Invoice ${h.invoiceNumber}, line ${h.line}, is held: ${HELD_FOR[h.reason] ?? h.reason}.`,
        });
      }
      const stillHeld = new Set(d.held.map((h) => `invoice-held:${h.lineId}:${h.reason}`));
      for (const id of d.assessedLineIds) {
        await m.query(`UPDATE ${this.s}.tasks SET done_at = now(), done_by = 'system' WHERE dedupe_key LIKE $1 AND NOT (dedupe_key = ANY($2)) AND done_at IS NULL`, [
          `invoice-held:${id}:%`,
          [...stillHeld],
        ]);
      }
    });
  }

  async task(m: EntityManager, t: { claimId: string; claimNumber: string; assignee: string | null; kind: TaskKind; dedupeKey: string; detail: string; noticeId?: string; deliveryId?: string }) {
    const created = await m.query(
      `INSERT INTO ${this.s}.tasks (id, claim_id, claim_number, assignee, kind, dedupe_key, notice_id, delivery_id, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [randomUUID(), t.claimId, t.claimNumber, t.assignee, t.kind, t.dedupeKey, t.noticeId ?? null, t.deliveryId ?? null, t.detail],
    );
    if (created.length > 0) this.log.info('task for the case manager', { claimId: t.claimId, task: t.kind, assignee: t.assignee, detail: t.detail });
  }

  private async closeTasks(m: EntityManager, dedupeKey: string, by: string) {
    await m.query(`UPDATE ${this.s}.tasks SET done_at = now(), done_by = $2 WHERE dedupe_key = $1 AND done_at IS NULL`, [dedupeKey, by]);
  }
}
