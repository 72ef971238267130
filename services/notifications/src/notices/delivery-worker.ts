import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { sydneyAt } from '@wc/rules';
import { JsonLogger, canonicalHash, refusedForDate, withLogContext } from '@wc/service-kit';
import { NOTIFICATIONS_CONFIG, NotificationsConfig } from '../config';
import { DocumentsClient, DocumentsServiceError } from '../documents.client';
import { LOGGER } from '../letters/letters.service';
import { PermanentDeliveryError, type SendResult, SmtpEmail, mailDomain } from './channels/email';
import { LocalSmsProvider, type SmsProvider } from './channels/sms';
import { CorrespondenceService, type DeliveryRow } from './correspondence.service';
import { type ClaimRecord, type NoticeStaff, addressRefusal, consentRefusal, decisionMaker, documentData, documentKind, smsText } from './notice-content';

export const EMAIL = Symbol('email');
export const SMS = Symbol('sms');

const TITLES: Record<string, string> = {
  imp: 'Injury management plan',
  'ime-notice': 'Independent medical examination',
  'piawe-decision': 'Pre-injury average weekly earnings (PIAWE) decision',
  'provisional-liability-employer': 'Provisional liability (employer)',
  's48a-warning': 'Warning under section 48A',
  's48a-suspension': 'Suspension under section 48A',
  's39-notice': 'Notice under section 39',
  's59a-notice': 'Notice under section 59A',
};
export const titleOf = (kind: string) => TITLES[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1).replace(/-/g, ' ');

/** Key order must not change the hash (the same content is the same document). */

/**
 * Writes and sends notices, one delivery at a time, for as long as the service runs: a delivery
 * being composed becomes a stored document (or waits for the case manager's content, or is refused
 * for want of consent); a queued one goes by email, SMS or the print queue. Each delivery is taken
 * with FOR UPDATE SKIP LOCKED, so two instances never send the same copy at once; a send that
 * fails transiently waits base × 2^(attempt-1) and, after the last attempt, becomes a task.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
    @Inject(LOGGER) private readonly log: JsonLogger,
    private readonly correspondence: CorrespondenceService,
    private readonly documents: DocumentsClient,
    @Inject(EMAIL) private readonly email: SmtpEmail,
    @Inject(SMS) private readonly sms: SmsProvider,
  ) {}

  onApplicationBootstrap() {
    this.timer = setInterval(() => void this.tick(), this.config.DISPATCH_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown() {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    this.email.close();
  }

  /** One pass over what is due (single-flight: a slow pass is not overlapped by the next). */
  tick(): Promise<void> {
    if (this.running || this.stopped) return this.running ?? Promise.resolve();
    this.running = (async () => {
      try {
        for (let i = 0; i < 50 && !this.stopped; i++) if (!(await this.processNext())) break;
      } catch (e) {
        this.log.error('delivery worker pass failed; next pass retries', { error: (e as Error).message });
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  private get s() {
    return this.config.DB_SCHEMA;
  }

  /** Takes one due delivery and moves it on; false when nothing is due. */
  async processNext(): Promise<boolean> {
    let taken: DeliveryRow | undefined;
    try {
      return await this.ds.transaction(async (m) => {
        const rows: DeliveryRow[] = await m.query(
          `SELECT * FROM ${this.s}.deliveries WHERE status IN ('composing', 'queued') AND next_attempt_at <= now() ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        );
        taken = rows[0];
        if (!taken) return false;
        const d = taken;
        await withLogContext({ claimId: d.claim_id }, () => (d.status === 'composing' ? this.compose(m, d) : this.send(m, d)));
        return true;
      });
    } catch (e) {
      if (!taken) throw e;
      // Not a delivery failure but our own (a bug, the database): back off so one row cannot spin the worker.
      this.log.error('delivery step failed; retrying later', { claimId: taken.claim_id, deliveryId: taken.id, error: (e as Error).message });
      await this.ds.query(`UPDATE ${this.s}.deliveries SET next_attempt_at = now() + ($2::bigint * interval '1 millisecond'), detail = $3 WHERE id = $1`, [
        taken.id,
        this.config.DELIVERY_RETRY_BASE_MS,
        `internal error: ${(e as Error).message}`.slice(0, 1000),
      ]);
      return true;
    }
  }

  private today(): string {
    return sydneyAt(Date.now()).date;
  }

  private async context(m: EntityManager, d: DeliveryRow) {
    const claim = await this.correspondence.claimRecord(m, d.claim_id);
    const party = claim?.parties.find((p) => p.partyId === d.party_id);
    const notice = (await m.query(`SELECT notice_id, type, "on", cause, ref, decided, content, content_version, facts FROM ${this.s}.notice_requests WHERE notice_id = $1`, [d.notice_id]))[0];
    // The notice speaks of the claim as it was when the notice was asked for.
    if (claim && notice?.facts) claim.facts = notice.facts;
    return { claim, party, notice };
  }

  private async compose(m: EntityManager, d: DeliveryRow): Promise<void> {
    const { claim, party, notice } = await this.context(m, d);
    if (!claim?.worker) return this.retryOrFail(m, d, claim, new Error('the claim is not known to notifications yet (its claim.notified event has not arrived)'));
    if (!party) return this.correspondence.setStatus(m, d, 'refused', { detail: 'the party is no longer recorded on the claim' });
    const kind = documentKind(notice.type, party);
    const misaddressed = addressRefusal(kind, party);
    if (misaddressed) return this.giveUp(m, d, claim, 'failed', misaddressed);
    const issuedOn = this.today();
    if (await this.refusedForConsent(m, d, claim, kind, issuedOn)) return;
    // The notice as requested, with what the platform decided (docs/rules.md §8) for documentData to print.
    const requested = { noticeId: notice.notice_id, type: notice.type, on: notice.on, cause: notice.cause, ref: notice.ref, content: notice.content, decided: notice.decided };
    // The staff directory's entries for the case manager (every notice's contact) and for whoever made the decision (its signatory).
    const maker = decisionMaker(requested, claim);
    const staff: NoticeStaff = {
      caseManager: await this.correspondence.staff(m, claim.caseManager),
      decisionMaker: maker ? { user: maker, contact: await this.correspondence.staff(m, maker) } : null,
    };
    const data = documentData(kind, requested, claim, party, staff, issuedOn);
    const languageAssistance = party.role === 'worker' && party.interpreter ? { language: party.interpreter.language } : undefined;
    if (kind === 'acknowledgement-letter' && !languageAssistance) {
      // Already stored at notification (LettersService): send that document rather than a second copy.
      const [letter] = await m.query(`SELECT document_id FROM ${this.s}.letter_requests WHERE event_id = $1 AND document_id IS NOT NULL`, [d.notice_id]);
      if (letter) {
        await this.correspondence.setStatus(m, d, 'queued', { kind, documentId: letter.document_id, attempts: 0, detail: null });
        return;
      }
    }
    const request = { claimId: claim.claimId, kind, data, ...(languageAssistance ? { languageAssistance } : {}) };
    // Same content, same document: every channel of this party shares it, and a retry never makes a second one.
    const key = `notice:${d.notice_id}:${d.party_id}:${canonicalHash(request).slice(0, 32)}`;
    try {
      const doc = await this.documents.createDocument(request, key);
      await this.correspondence.setStatus(m, d, 'queued', { kind, documentId: doc.id, attempts: 0, detail: null });
      this.log.info('notice written', { deliveryId: d.id, kind, documentId: doc.id, contentHash: doc.contentHash, channel: d.channel });
    } catch (e) {
      // Composed before midnight, refused after: compose again (with today's date) on the next attempt.
      if (refusedForDate(e)) return this.retryOrFail(m, d, claim, e as Error);
      if (e instanceof DocumentsServiceError && e.status === 400) {
        // The notice needs what only a person can write: the documents service named each field of its data.
        const needed = contentNeeded(e.problems);
        await this.correspondence.setStatus(m, d, 'awaiting-content', { kind, detail: e.message, contentNeeded: needed });
        await this.correspondence.task(m, {
          claimId: claim.claimId,
          claimNumber: claim.claimNumber,
          assignee: claim.caseManager,
          kind: 'notice-content',
          dedupeKey: `content:${d.notice_id}:v${notice.content_version}`,
          noticeId: d.notice_id,
          deliveryId: d.id,
          detail: `Write the ${titleOf(kind).toLowerCase()} for claim ${claim.claimNumber}: ${needed.length ? needed.map((p) => `${p.field} ${p.problem}`).join('; ') : e.message}.`.slice(0, 2000),
        });
        return;
      }
      if (e instanceof DocumentsServiceError && e.status !== undefined && e.status >= 400 && e.status < 500 && ![401, 408, 409, 429].includes(e.status)) {
        return this.giveUp(m, d, claim, 'failed', `the documents service refused the notice: ${e.message}`);
      }
      return this.retryOrFail(m, d, claim, e as Error);
    }
  }

  private async send(m: EntityManager, d: DeliveryRow): Promise<void> {
    const { claim, party } = await this.context(m, d);
    if (!claim || !party) return this.correspondence.setStatus(m, d, 'refused', { detail: 'the party is no longer recorded on the claim' });
    const kind = d.kind as string;
    // Consent may have been withdrawn since the notice was written.
    if (await this.refusedForConsent(m, d, claim, kind, this.today())) return;
    const attempt = d.attempts + 1;
    let result: SendResult;
    try {
      switch (d.channel) {
        case 'email': {
          if (!party.email) return this.giveUp(m, d, claim, 'failed', `${party.name} has no email address recorded any more`);
          const pdf = await this.documents.content(d.document_id as string);
          const staff = await this.correspondence.staff(m, claim.caseManager);
          const messageId = `<delivery-${d.id}@${mailDomain(this.config.MAIL_FROM)}>`;
          if (!(await this.attemptStarts(d, attempt)))
            return this.giveUp(
              m,
              d,
              claim,
              'failed',
              `the platform stopped while sending attempt ${attempt}, so the email may have gone (message id ${messageId}): check the mail relay's log or with ${party.name} before sending it again`,
              attempt,
            );
          result = await this.email.send({
            messageId,
            to: party.email,
            subject: `${titleOf(kind)}: workers compensation claim ${claim.claimNumber}`,
            text: [
              `Dear ${party.name},`,
              '',
              `Please find attached a letter about workers compensation claim ${claim.claimNumber}: ${titleOf(kind)}.`,
              '',
              staff ? `If you have any questions, contact ${staff.name} on ${staff.phone} or at ${staff.email}.` : 'If you have any questions, call us and quote the claim number.',
              '',
              this.config.SENDER_NAME,
            ].join('\n'),
            attachment: { filename: `${kind}-${claim.claimNumber}.pdf`, content: pdf },
          });
          break;
        }
        case 'sms': {
          if (!party.mobile) return this.giveUp(m, d, claim, 'failed', `${party.name} has no mobile number recorded any more`);
          result = await this.sms.send(m, { deliveryId: d.id, claimId: d.claim_id, to: party.mobile, body: smsText(titleOf(kind), claim.claimNumber, this.config.SENDER_NAME, party.channels) });
          break;
        }
        case 'post': {
          if (!party.postalAddress) return this.giveUp(m, d, claim, 'failed', `${party.name} has no postal address recorded any more`);
          await m.query(`INSERT INTO ${this.s}.print_queue (delivery_id, claim_id, claim_number, document_id, addressee, address) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`, [
            d.id,
            d.claim_id,
            claim.claimNumber,
            d.document_id,
            party.name,
            JSON.stringify(party.postalAddress),
          ]);
          await this.correspondence.setStatus(m, d, 'printing', { detail: 'in the print queue' });
          this.log.info('notice queued for print', { deliveryId: d.id, kind });
          return;
        }
        default:
          return this.giveUp(m, d, claim, 'failed', `unknown channel ${d.channel}`);
      }
    } catch (e) {
      if (e instanceof PermanentDeliveryError) return this.giveUp(m, d, claim, e.bounce ? 'bounced' : 'failed', e.message, attempt);
      return this.retryOrFail(m, d, claim, e as Error);
    }
    await this.correspondence.setStatus(m, d, result.status, { attempts: attempt, providerRef: result.providerRef, detail: result.detail });
    this.log.info('notice sent', { deliveryId: d.id, kind, channel: d.channel, status: result.status, attempt });
  }

  private async refusedForConsent(m: EntityManager, d: DeliveryRow, claim: ClaimRecord, kind: string, on: string): Promise<boolean> {
    const party = claim.parties.find((p) => p.partyId === d.party_id);
    const why = party ? consentRefusal(kind, party, claim.consents, on) : null;
    if (!why || !party) return false;
    await this.correspondence.refuseForConsent(m, { ...d, kind }, claim, party, why);
    return true;
  }

  /**
   * Records, in its own commit, that this attempt is about to hand the email to the relay; false
   * when it was already recorded, i.e. an earlier run stopped during this very attempt (after the
   * relay may have accepted the message, before the status was committed). Emailing again then could
   * send the worker the same letter twice, so a person decides.
   */
  private async attemptStarts(d: DeliveryRow, attempt: number): Promise<boolean> {
    const rows = await this.ds.query(`INSERT INTO ${this.s}.send_attempts (delivery_id, round, attempt) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING attempt`, [d.id, d.resends, attempt]);
    return rows.length === 1;
  }

  private async retryOrFail(m: EntityManager, d: DeliveryRow, claim: ClaimRecord | null, e: Error): Promise<void> {
    const attempt = d.attempts + 1;
    if (attempt >= this.config.DELIVERY_MAX_ATTEMPTS) return this.giveUp(m, d, claim, 'failed', `gave up after ${attempt} attempts: ${e.message}`, attempt);
    const waitMs = this.config.DELIVERY_RETRY_BASE_MS * 2 ** (attempt - 1);
    await this.correspondence.setStatus(m, d, d.status, { attempts: attempt, detail: `attempt ${attempt} failed: ${e.message}`.slice(0, 1000), nextAttemptInMs: waitMs });
    this.log.warn('delivery attempt failed; will retry', { deliveryId: d.id, channel: d.channel, attempt, retryInMs: waitMs, error: e.message });
  }

  private async giveUp(m: EntityManager, d: DeliveryRow, claim: ClaimRecord | null, status: 'failed' | 'bounced', why: string, attempts = d.attempts): Promise<void> {
    await this.correspondence.setStatus(m, d, status, { attempts, detail: why.slice(0, 1000) });
    this.log.error(`notice ${status}`, { deliveryId: d.id, channel: d.channel, error: why });
    if (!claim) return;
    const party = claim.parties.find((p) => p.partyId === d.party_id);
    await this.correspondence.task(m, {
      claimId: claim.claimId,
      claimNumber: claim.claimNumber,
      assignee: claim.caseManager,
      kind: 'delivery-failed',
      dedupeKey: `delivery:${d.id}:${status}`,
      noticeId: d.notice_id,
      deliveryId: d.id,
      detail:
        `The ${titleOf(d.kind ?? 'notice').toLowerCase()} to ${party?.name ?? d.recipient} by ${d.channel} ${status === 'bounced' ? 'bounced' : 'could not be sent'}: ${why}. Check the contact details and send it another way.`.slice(
          0,
          2000,
        ),
    });
  }
}

export const smtpEmailProvider = {
  provide: EMAIL,
  inject: [NOTIFICATIONS_CONFIG],
  useFactory: (c: NotificationsConfig) => new SmtpEmail(c.SMTP_URL, c.MAIL_FROM),
};
export const smsProvider = {
  provide: SMS,
  inject: [NOTIFICATIONS_CONFIG],
  useFactory: (c: NotificationsConfig): SmsProvider => new LocalSmsProvider(c.DB_SCHEMA),
};

/**
 * The fields of a notice's data a person must write, as the documents service named them (`data.reasons`
 * is the notice's `reasons`, the key POST /notifications/notices/:id/content takes). Problems outside
 * the data are the platform's, not a person's to write.
 */
export function contentNeeded(problems: ReadonlyArray<{ field: string; problem: string }>): Array<{ field: string; problem: string }> {
  return problems.filter((p) => p.field.startsWith('data.')).map((p) => ({ field: p.field.slice('data.'.length), problem: p.problem }));
}
