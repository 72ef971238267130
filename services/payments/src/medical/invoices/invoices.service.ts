import { randomUUID } from 'node:crypto';
import { ConflictException, Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TOPICS } from '@wc/contracts';
import { enqueue, newEnvelope } from '@wc/messaging';
import { AssessedLine, InvoiceLine, LineReason, MedicalBatch, assessMedicalBatch, formatMoney, money, sum, sydneyAt } from '@wc/rules';
import { JsonLogger, StaffUser, withLogContext } from '@wc/service-kit';
import { LOGGER, SCHEMA } from '../../config';
import { generatePayments, invoiceLinesWithPayment } from '../../ledger/ledger';
import { PaymentClaimsService } from '../../claims/payment-claims.service';
import { ParametersService } from '../../parameters/parameters.service';
import { FeeOrderService } from '../fee-order/fee-order.service';
import { ProvidersService } from '../providers/providers.service';
import { medicalClaimRecord } from './medical-claim';
import { EstimatesService } from '../estimates/estimates.service';

export interface InvoiceInput {
  providerId: string;
  invoiceNumber: string;
  payee: 'provider' | 'worker';
  lines: Array<{ serviceDate: string; item: string; units: number; charged: string }>;
}

/** A line held for a reason only a later fact can lift: liability decided, or an approval given. */
export type HeldFor = 'liability' | 'approval';
const LIFTED_BY: Record<HeldFor, string[]> = {
  // 1998 Act s280: the provisional cap no longer applies once liability is accepted; no decision yet: a decision.
  liability: ['provisional-cap', 'no-liability-decision'],
  // 1987 Act s60(2A): lines waiting for an approval, or for more approved units.
  approval: ['no-approval', 'approval-exhausted'],
};

interface StoredLine {
  id: string;
  invoice_id: string;
  invoice_number: string;
  provider_id: string;
  payee: 'provider' | 'worker';
  line: number;
  service_date: string;
  item: string;
  units: number;
  charged: string;
  status: string;
  reason: string | null;
}

/**
 * Provider invoices and workers' receipts (issue 17): every line assessed by the one assessment of
 * docs/medical-assessment.md (@wc/rules assessMedicalBatch) against the claim as payments records it; a line paid
 * or reduced becomes a payment waiting for authorisation (maker-checker, authority limits, runs and
 * ABA files as for weekly payments); a held line waits for what would lift it and is assessed again
 * then; the case manager is told (medical-invoice.assessed, which notifications turns into a task).
 * One claim's invoices are assessed one at a time (the claim's row is locked), so two invoices for
 * the same claim never use the same approved units or the same room under the cap.
 */
@Injectable()
export class InvoicesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly claims: PaymentClaimsService,
    private readonly providers: ProvidersService,
    private readonly feeOrder: FeeOrderService,
    private readonly parameters: ParametersService,
    private readonly estimates: EstimatesService,
    @Inject(LOGGER) private readonly log: JsonLogger,
  ) {}

  /** One invoice through the API; the same invoice number from the same provider for the claim again is the same invoice. */
  async submit(claimId: string, invoice: InvoiceInput, by: StaffUser): Promise<{ invoice: ReturnType<InvoicesService['invoiceView']> extends Promise<infer V> ? V : never; created: boolean }> {
    return withLogContext({ claimId }, () =>
      this.ds.transaction(async (m) => {
        await this.claims.get(claimId, m, true);
        await this.providers.get(invoice.providerId, m);
        const existing = await m.query(`SELECT id FROM payments.medical_invoices WHERE claim_id = $1 AND provider_id = $2 AND invoice_number = $3`, [
          claimId,
          invoice.providerId,
          invoice.invoiceNumber,
        ]);
        if (existing.length) {
          const same = await this.sameLines(m, existing[0].id, invoice);
          if (!same)
            throw new ConflictException({
              statusCode: 409,
              message: `invoice ${invoice.invoiceNumber} of this provider was already received for the claim with other lines`,
              problems: [{ field: 'invoiceNumber', problem: 'was already received with other lines: a corrected invoice needs a number of its own' }],
            });
          return { invoice: await this.invoiceView(m, existing[0].id), created: false };
        }
        const id = await this.record(m, claimId, invoice, null, by);
        return { invoice: await this.invoiceView(m, id), created: true };
      }),
    );
  }

  /**
   * Stores an invoice and assesses its lines, in the caller's transaction (the claim's row locked
   * by the caller). Returns the invoice id.
   */
  async record(m: EntityManager, claimId: string, invoice: InvoiceInput, importId: string | null, by: StaffUser): Promise<string> {
    const id = randomUUID();
    await m.query(`INSERT INTO payments.medical_invoices (id, claim_id, provider_id, invoice_number, payee, import_id, received_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      id,
      claimId,
      invoice.providerId,
      invoice.invoiceNumber,
      invoice.payee,
      importId,
      by.user,
    ]);
    const lines: StoredLine[] = invoice.lines.map((l, i) => ({
      id: randomUUID(),
      invoice_id: id,
      invoice_number: invoice.invoiceNumber,
      provider_id: invoice.providerId,
      payee: invoice.payee,
      line: i + 1,
      service_date: l.serviceDate,
      item: l.item,
      units: l.units,
      charged: l.charged,
      status: 'hold',
      reason: null,
    }));
    const col = <T>(f: (l: StoredLine) => T) => lines.map(f);
    // Stored held until assessed below, in the same transaction: nothing is ever seen half-assessed.
    await m.query(
      `INSERT INTO payments.medical_invoice_lines (id, invoice_id, claim_id, line, service_date, item, units, charged, status, reason, payable)
       SELECT id, $2, $3, line, d, item, units, charged, 'hold', 'not-assessed', 0 FROM unnest($1::uuid[], $4::int[], $5::date[], $6::text[], $7::int[], $8::numeric[]) AS u(id, line, d, item, units, charged)`,
      [col((l) => l.id), id, claimId, col((l) => l.line), col((l) => l.service_date), col((l) => l.item), col((l) => l.units), col((l) => l.charged)],
    );
    await this.assess(m, claimId, lines, by, 'received');
    return id;
  }

  /**
   * Assesses held lines again after what held them may have changed (liability accepted, an
   * approval given), in the caller's transaction.
   */
  async reassessHeld(m: EntityManager, claimId: string, for_: HeldFor, by: StaffUser): Promise<number> {
    await m.query(`SELECT 1 FROM payments.claims WHERE claim_id = $1 FOR UPDATE`, [claimId]);
    const held: StoredLine[] = await m.query(
      `SELECT l.id, l.invoice_id, i.invoice_number, i.provider_id, i.payee, l.line, l.service_date::text AS service_date, l.item, l.units, l.charged::text AS charged, l.status, l.reason
       FROM payments.medical_invoice_lines l JOIN payments.medical_invoices i ON i.id = l.invoice_id
       WHERE l.claim_id = $1 AND l.status = 'hold' AND l.reason = ANY($2) ORDER BY l.seq`,
      [claimId, LIFTED_BY[for_]],
    );
    if (held.length === 0) return 0;
    await this.assess(m, claimId, held, by, for_ === 'liability' ? 'assessed again: liability decided' : 'assessed again: an approval was given');
    return held.length;
  }

  private async assess(m: EntityManager, claimId: string, lines: StoredLine[], by: StaffUser, why: string): Promise<void> {
    const tables = (await this.parameters.current(m)).tables;
    const record = await medicalClaimRecord(m, this.claims, claimId, tables);
    let assessed: Map<string, AssessedLine>;
    if (!record.facts) {
      // No liability decision yet: nothing can be paid; the lines wait for one (1998 Act s267, s280).
      assessed = new Map(lines.map((l) => [l.id, { line: 0, status: 'hold' as const, payable: '0.00', reasons: ['no-liability-decision' as LineReason] }]));
    } else {
      const { feeOrder, exemptItems } = await this.feeOrder.rows([...new Set(lines.map((l) => l.item))], m);
      const providers = await this.providers.forAssessment([...new Set([...lines.map((l) => l.provider_id), ...record.paidLines.map((p) => p.provider)])], m);
      const batchLines: InvoiceLine[] = lines.map((l, i) => ({
        line: i + 1,
        invoice: l.invoice_number,
        provider: l.provider_id,
        serviceDate: l.service_date,
        item: l.item,
        units: l.units,
        charged: l.charged,
      }));
      const batch: MedicalBatch = { claim: record.facts, providers, feeOrder, exemptItems, approvals: record.approvals, paidLines: record.paidLines, lines: batchLines };
      const result = assessMedicalBatch(batch);
      assessed = new Map(result.lines.map((a) => [lines[a.line - 1].id, a]));
    }
    const provisional = record.facts?.liability === 'provisional';
    for (const l of lines) {
      const a = assessed.get(l.id)!;
      await m.query(
        `UPDATE payments.medical_invoice_lines SET status = $2, reason = $3, payable = $4, approval_id = $5, paid_while_provisional = $6, assessed_at = now(),
           assessments = assessments + (CASE WHEN reason = 'not-assessed' THEN 0 ELSE 1 END) WHERE id = $1`,
        [l.id, a.status, a.reasons[0] ?? null, a.payable, a.approval ?? null, provisional && (a.status === 'pay' || a.status === 'reduce')],
      );
    }
    await this.generatePayments(m, { claimId }, by);
    const held = lines.filter((l) => assessed.get(l.id)!.status === 'hold').map((l) => ({ lineId: l.id, invoiceNumber: l.invoice_number, line: l.line, reason: assessed.get(l.id)!.reasons[0] }));
    const claim = await this.claims.get(claimId, m);
    const data = {
      claimId,
      claimNumber: claim.claimNumber,
      why,
      lines: lines.length,
      payable: formatMoney(sum(lines.map((l) => money(assessed.get(l.id)!.payable)))),
      held,
      assessedLineIds: lines.map((l) => l.id),
      refused: lines.filter((l) => assessed.get(l.id)!.status === 'refuse').length,
    };
    await enqueue(m, SCHEMA, TOPICS.payments, newEnvelope({ type: 'medical-invoice.assessed', source: 'wc-claims/payments', subject: claimId, data }));
    await this.estimates.recompute(m, claimId, `medical invoice lines ${why}`);
    this.log.info('medical lines assessed', { why, lines: lines.length, held: held.length, payable: data.payable, by: by.user });
  }

  /**
   * A payment, waiting for authorisation, for every paid or reduced line that has none and whose
   * payee's account is known (a provider's, or the worker's for receipts). Lines of a payee with no
   * account yet get theirs when the account is recorded.
   */
  async generatePayments(m: EntityManager, scope: { claimId?: string; providerId?: string }, by: StaffUser): Promise<number> {
    const rows: Array<StoredLine & { payable: string; claim_id: string; claim_number: string; bsb: string; account: string; account_title: string; reason: string | null; received_by: string }> =
      await m.query(
        `SELECT l.id, l.claim_id, c.claim_number, i.invoice_number, i.provider_id, i.payee, l.line, l.service_date::text AS service_date, l.item, l.units, l.charged::text AS charged, l.payable::text AS payable, l.status, l.reason, i.received_by,
              CASE WHEN i.payee = 'provider' THEN p.bsb ELSE c.payee_bsb END AS bsb,
              CASE WHEN i.payee = 'provider' THEN p.account ELSE c.payee_account END AS account,
              CASE WHEN i.payee = 'provider' THEN p.account_title ELSE c.payee_account_title END AS account_title
       FROM payments.medical_invoice_lines l JOIN payments.medical_invoices i ON i.id = l.invoice_id JOIN payments.claims c ON c.claim_id = l.claim_id JOIN payments.providers p ON p.id = i.provider_id
       WHERE l.status IN ('pay', 'reduce') AND l.payment_id IS NULL AND l.payable > 0
         AND ($1::uuid IS NULL OR l.claim_id = $1) AND ($2::uuid IS NULL OR i.provider_id = $2)
       ORDER BY l.seq`,
        [scope.claimId ?? null, scope.providerId ?? null],
      );
    const ready = rows.filter((r) => r.bsb);
    if (ready.length === 0) return 0;
    const ids = ready.map(() => randomUUID());
    await generatePayments(
      m,
      ready.map((r, i) => ({
        id: ids[i],
        claim: { claimId: r.claim_id },
        kind: 'medical',
        payee: r.payee,
        providerId: r.provider_id,
        week: null,
        from: r.service_date,
        to: r.service_date,
        gross: r.payable,
        payg: '0.00',
        explanation: { invoice: r.invoice_number, line: r.line, item: r.item, units: r.units, charged: r.charged, payable: r.payable, status: r.status, reason: r.reason },
        account: { bsb: r.bsb, account: r.account, accountTitle: r.account_title },
        reference: `${r.claim_number} ${r.invoice_number}`,
        dedupeKey: `medical:${r.id}`,
        // The maker is whoever sent the invoice in: another person authorises it (maker-checker).
        generatedBy: r.received_by,
        reason: `medical invoice ${r.invoice_number} line ${r.line}: ${r.item} × ${r.units} on ${r.service_date}, ${r.status}${r.reason ? ` (${r.reason})` : ''}`,
      })),
      { user: by.user, role: by.role },
    );
    await m.query(`UPDATE payments.medical_invoice_lines l SET payment_id = u.p FROM unnest($1::uuid[], $2::uuid[]) AS u(l, p) WHERE l.id = u.l`, [ready.map((r) => r.id), ids]);
    return ids.length;
  }

  /** After a payee's account is recorded (a provider's, or the worker's): payments for its lines waiting for one. */
  async payPending(scope: { claimId?: string; providerId?: string }, by: StaffUser): Promise<number> {
    const n = await this.ds.transaction((m) => this.generatePayments(m, scope, by));
    if (n) this.log.info('medical payments generated once the payee account was known', { ...scope, payments: n });
    return n;
  }

  private async sameLines(m: EntityManager, invoiceId: string, invoice: InvoiceInput): Promise<boolean> {
    const [i] = await m.query(`SELECT payee FROM payments.medical_invoices WHERE id = $1`, [invoiceId]);
    const rows: { service_date: string; item: string; units: number; charged: string }[] = await m.query(
      `SELECT service_date::text AS service_date, item, units, charged::text AS charged FROM payments.medical_invoice_lines WHERE invoice_id = $1 ORDER BY line`,
      [invoiceId],
    );
    return (
      i.payee === invoice.payee &&
      rows.length === invoice.lines.length &&
      rows.every(
        (r, k) => r.service_date === invoice.lines[k].serviceDate && r.item === invoice.lines[k].item && r.units === invoice.lines[k].units && money(r.charged).equals(money(invoice.lines[k].charged)),
      )
    );
  }

  async invoiceView(m: EntityManager, invoiceId: string) {
    const [i] = await m.query(
      `SELECT i.id, i.claim_id AS "claimId", i.provider_id AS "providerId", p.name AS "providerName", i.invoice_number AS "invoiceNumber", i.payee, i.import_id AS "importId", i.received_by AS "receivedBy", i.received_at AS "receivedAt"
       FROM payments.medical_invoices i JOIN payments.providers p ON p.id = i.provider_id WHERE i.id = $1`,
      [invoiceId],
    );
    if (!i) throw new NotFoundException(`no invoice ${invoiceId}`);
    const lines = await invoiceLinesWithPayment(m, invoiceId);
    const charged = sum(lines.map((l: { charged: string }) => money(l.charged)));
    const payable = sum(lines.map((l: { payable: string }) => money(l.payable)));
    return { ...i, lines, totals: { charged: formatMoney(charged), payable: formatMoney(payable) } };
  }

  /** A claim's invoices, newest first, each with its lines as assessed. */
  async ofClaim(claimId: string) {
    await this.claims.get(claimId);
    const ids: { id: string }[] = await this.ds.query(`SELECT id FROM payments.medical_invoices WHERE claim_id = $1 ORDER BY received_at DESC, id LIMIT 500`, [claimId]);
    return Promise.all(ids.map((r) => this.invoiceView(this.ds.manager, r.id)));
  }

  async get(invoiceId: string) {
    return this.invoiceView(this.ds.manager, invoiceId);
  }

  /** Today in Sydney (a service date after it is refused before assessment: an invoice is for treatment given). */
  static today(): string {
    return sydneyAt(Date.now()).date;
  }

  static refuseFutureServices(invoice: InvoiceInput, field = 'lines'): void {
    const today = InvoicesService.today();
    const problems = invoice.lines.flatMap((l, i) =>
      l.serviceDate > today ? [{ field: `${field}[${i}].serviceDate`, problem: `is in the future (after ${today}): an invoice is for treatment already given` }] : [],
    );
    if (problems.length) throw new UnprocessableEntityException({ statusCode: 422, error: 'Unprocessable Entity', message: 'invoice refused; nothing recorded', problems });
  }
}
