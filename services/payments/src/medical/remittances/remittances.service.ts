import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DocumentsServiceClient } from '@wc/service-kit';
import { JsonLogger, StaffUser, visibleClaimsCondition } from '@wc/service-kit';
import { formatMoney, money, sum, sydneyAt } from '@wc/rules';
import { LOGGER, PAYMENTS_CONFIG, PaymentsConfig, SCHEMA } from '../../config';
import { PaymentRunsService, remittanceReference } from '../../payment-runs/payment-runs.service';
import { remittanceLines } from '../../ledger/ledger';

/** The documents service as payments calls it: remittance advices for providers. */
@Injectable()
export class PaymentsDocumentsClient extends DocumentsServiceClient {
  constructor(@Inject(PAYMENTS_CONFIG) config: PaymentsConfig) {
    super(config.DOCUMENTS_SERVICE_URL, 'payments-service');
  }
}

const RETRY_BASE_MS = 2_000;
const RETRY_MAX_MS = 10 * 60_000;

/**
 * Remittance advices (issue 17): once a run's bank file is complete, each provider paid gets, per
 * claim, a PDF listing every invoice line of that claim paid to it in the run and every line of the
 * same invoices not paid in full, with why. Written by the documents service, stored against the
 * claim; a failure is retried with back-off, and a restart picks up what was left. The same
 * (run, provider, claim) always gives the same document (the Idempotency-Key).
 */
@Injectable()
export class RemittancesService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private working?: Promise<void>;
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly documents: PaymentsDocumentsClient,
    runs: PaymentRunsService,
    @Inject(PAYMENTS_CONFIG) private readonly config: PaymentsConfig,
    @Inject(LOGGER) private readonly log: JsonLogger,
  ) {
    runs.afterRun = () => this.kick();
  }

  onApplicationBootstrap() {
    this.timer = setInterval(() => this.kick(), 30_000);
    this.timer.unref();
    this.kick();
  }

  async onApplicationShutdown() {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    await this.working;
  }

  /** Writes every remittance due now; resolves when done (tests wait on it). */
  kick(): Promise<void> {
    this.working ??= this.writeDue().finally(() => (this.working = undefined));
    return this.working;
  }

  private async writeDue(): Promise<void> {
    for (;;) {
      if (this.stopping) return;
      const [due] = await this.ds.query(
        `SELECT run_id, provider_id, claim_id, attempts FROM payments.remittances WHERE status = 'pending' AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT 1`,
      );
      if (!due) return;
      try {
        const documentId = await this.write(due.run_id, due.provider_id, due.claim_id);
        await this.ds.query(
          `UPDATE payments.remittances SET status = 'stored', document_id = $4, attempts = attempts + 1, last_error = NULL WHERE run_id = $1 AND provider_id = $2 AND claim_id = $3`,
          [due.run_id, due.provider_id, due.claim_id, documentId],
        );
        this.log.info('remittance advice stored', { claimId: due.claim_id, runId: due.run_id, providerId: due.provider_id, documentId });
      } catch (e) {
        const wait = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** due.attempts);
        await this.ds.query(
          `UPDATE payments.remittances SET attempts = attempts + 1, last_error = $4, next_attempt_at = now() + ($5::bigint * interval '1 millisecond') WHERE run_id = $1 AND provider_id = $2 AND claim_id = $3`,
          [due.run_id, due.provider_id, due.claim_id, (e as Error).message.slice(0, 1000), wait],
        );
        this.log.warn('remittance advice not written yet; retried later', { claimId: due.claim_id, runId: due.run_id, providerId: due.provider_id, error: (e as Error).message, retryInMs: wait });
      }
    }
  }

  private async write(runId: string, providerId: string, claimId: string): Promise<string> {
    const [run] = await this.ds.query(`SELECT processing_date::text AS d FROM payments.payment_runs WHERE id = $1`, [runId]);
    const [p] = await this.ds.query(`SELECT name, abn, bsb, account FROM payments.providers WHERE id = $1`, [providerId]);
    const [c] = await this.ds.query(`SELECT claim_number, worker_given_name, worker_family_name, worker_name_order, worker_name FROM payments.claims WHERE claim_id = $1`, [claimId]);
    // The lines this run paid, and the other lines of the same invoices (held or not paid), so the provider sees the whole invoice.
    const lines = await remittanceLines(this.ds.manager, runId, providerId, claimId);
    const paid = sum(lines.filter((l) => l.paid_here).map((l) => money(l.payable)));
    const [given, family] = c.worker_given_name ? [c.worker_given_name, c.worker_family_name] : splitName(c.worker_name);
    const data = {
      claimNumber: c.claim_number,
      issuedOn: sydneyAt(Date.now()).date,
      worker: { givenName: given, familyName: family, ...(c.worker_name_order ? { nameOrder: c.worker_name_order } : {}) },
      provider: { name: p.name, abn: p.abn, bank: { bsb: p.bsb, accountEnding: String(p.account).replace(/\D/g, '').slice(-3).padStart(3, '0') } },
      payment: { reference: remittanceReference(runId), processingDate: run.d, amount: formatMoney(paid) },
      lines: lines.map((l) => ({
        invoice: l.invoice_number,
        serviceDate: l.service_date,
        item: l.item,
        ...(l.description ? { description: l.description.slice(0, 200) } : {}),
        units: l.units,
        charged: l.charged,
        paid: l.paid_here ? l.payable : '0.00',
        status: l.status,
        ...(l.reason ? { reason: l.reason } : {}),
      })),
      contact: {
        caseManager: this.config.PROVIDER_PAYMENTS_CONTACT_NAME,
        phone: this.config.PROVIDER_PAYMENTS_CONTACT_PHONE,
        email: this.config.PROVIDER_PAYMENTS_CONTACT_EMAIL,
        postalAddress: this.config.PROVIDER_PAYMENTS_POSTAL_ADDRESS,
      },
    };
    const doc = await this.documents.createDocument({ claimId, kind: 'remittance-advice', data }, `remittance:${runId}:${providerId}:${claimId}`);
    return doc.id;
  }

  /** A run's remittances on the claims `who` may see (issue 14: one per claim, so a list like any other). */
  async ofRun(runId: string, who: StaffUser) {
    const visible = visibleClaimsCondition(who, 'payments', SCHEMA, 'r.claim_id', 2);
    return this.ds.query(
      `SELECT r.provider_id AS "providerId", p.name AS "providerName", r.claim_id AS "claimId", c.claim_number AS "claimNumber", r.status, r.document_id AS "documentId", r.attempts, r.last_error AS "lastError"
       FROM payments.remittances r JOIN payments.providers p ON p.id = r.provider_id JOIN payments.claims c ON c.claim_id = r.claim_id WHERE r.run_id = $1 AND (${visible.sql}) ORDER BY p.name, c.claim_number`,
      [runId, ...visible.params],
    );
  }
}

/** Claims recorded before the given and family names were kept: "Family Given" as stored then. */
function splitName(stored: string): [string, string] {
  const i = stored.indexOf(' ');
  return i < 0 ? [stored, stored] : [stored.slice(i + 1), stored.slice(0, i)];
}
