import { createHash, randomUUID } from 'node:crypto';
import { ConflictException, Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { checkMedicalInvoices, type MedicalInvoiceLine } from '@wc/payment-files';
import { formatMoney, sydneyAt } from '@wc/rules';
import { JsonLogger, StaffUser, visibleClaimsCondition } from '@wc/service-kit';
import { LOGGER, SCHEMA } from '../../config';
import { InvoiceInput, InvoicesService } from './invoices.service';

type Problem = { line: number; column: string; message: string };

/**
 * A bulk file of invoice lines (docs/medical-invoices.md): checked line by line like a wage
 * reimbursement schedule, then every claim number and provider ABN must be known, no invoice may
 * have been received before, and no service may be in the future. Any problem refuses the whole
 * file; otherwise every invoice is recorded and assessed in one transaction, so a file is never
 * half imported (a crash leaves all of it or none of it). The same Idempotency-Key, or the same
 * bytes, again is the same import.
 */
@Injectable()
export class InvoiceImportService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly invoices: InvoicesService,
    @Inject(LOGGER) private readonly log: JsonLogger,
  ) {}

  async import(csv: string, idempotencyKey: string | undefined, by: StaffUser, retried = false): Promise<Awaited<ReturnType<InvoiceImportService['view']>> & { created: boolean }> {
    const sha256 = createHash('sha256').update(csv).digest('hex');
    if (idempotencyKey) {
      const keyed = await this.ds.query(`SELECT id, sha256 FROM payments.medical_imports WHERE idempotency_key = $1`, [idempotencyKey]);
      if (keyed.length && keyed[0].sha256 !== sha256)
        throw new ConflictException({
          statusCode: 409,
          message: `Idempotency-Key ${idempotencyKey} was used for another file`,
          problems: [{ field: 'Idempotency-Key', problem: 'was used for another file' }],
        });
      if (keyed.length) return { ...(await this.view(keyed[0].id, by)), created: false };
    }
    // The same bytes sent again (a retry without a key) are the same import, never a second one.
    const same = await this.ds.query(`SELECT id FROM payments.medical_imports WHERE sha256 = $1`, [sha256]);
    if (same.length) return { ...(await this.view(same[0].id, by)), created: false };
    const file = checkMedicalInvoices(csv);
    if (!file.ok) throw refused(file.problems);
    const problems: Problem[] = [];
    const claims = new Map<string, string>(
      (await this.ds.query(`SELECT claim_number, claim_id FROM payments.claims WHERE claim_number = ANY($1)`, [[...new Set(file.lines.map((l) => l.claimNumber))]])).map(
        (r: { claim_number: string; claim_id: string }) => [r.claim_number, r.claim_id],
      ),
    );
    const providers = new Map<string, string>(
      (await this.ds.query(`SELECT abn, id FROM payments.providers WHERE abn = ANY($1)`, [[...new Set(file.lines.map((l) => l.providerAbn))]])).map((r: { abn: string; id: string }) => [r.abn, r.id]),
    );
    const today = sydneyAt(Date.now()).date;
    for (const l of file.lines) {
      if (!claims.has(l.claimNumber)) problems.push({ line: l.line, column: 'claim_number', message: `no claim ${l.claimNumber} is known to payments` });
      if (!providers.has(l.providerAbn)) problems.push({ line: l.line, column: 'provider_abn', message: `no provider with ABN ${l.providerAbn} is registered (POST /providers)` });
      if (l.serviceDate > today) problems.push({ line: l.line, column: 'service_date', message: `is in the future (after ${today}): an invoice is for treatment already given` });
    }
    // Group lines into invoices (claim, provider, invoice number); one payee per invoice.
    const invoices = new Map<string, { claimId: string; firstLine: number; input: InvoiceInput }>();
    for (const l of file.lines) {
      const claimId = claims.get(l.claimNumber);
      const providerId = providers.get(l.providerAbn);
      if (!claimId || !providerId) continue;
      const key = `${claimId}|${providerId}|${l.invoiceNumber}`;
      const inv = invoices.get(key) ?? { claimId, firstLine: l.line, input: { providerId, invoiceNumber: l.invoiceNumber, payee: l.payee, lines: [] } };
      if (inv.input.payee !== l.payee) problems.push({ line: l.line, column: 'payee', message: `is ${l.payee}, but line ${inv.firstLine} of the same invoice is ${inv.input.payee}` });
      inv.input.lines.push(line(l));
      invoices.set(key, inv);
    }
    const known: { claim_id: string; provider_id: string; invoice_number: string }[] = await this.ds.query(
      `SELECT claim_id, provider_id, invoice_number FROM payments.medical_invoices WHERE (claim_id, provider_id, invoice_number) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[]))`,
      [[...invoices.values()].map((i) => i.claimId), [...invoices.values()].map((i) => i.input.providerId), [...invoices.values()].map((i) => i.input.invoiceNumber)],
    );
    for (const k of known) {
      const inv = invoices.get(`${k.claim_id}|${k.provider_id}|${k.invoice_number}`)!;
      problems.push({ line: inv.firstLine, column: 'invoice_number', message: `invoice ${k.invoice_number} of this provider was already received for this claim` });
    }
    if (problems.length) throw refused(problems.sort((a, b) => a.line - b.line));
    const id = randomUUID();
    try {
      await this.store(id, csv, sha256, idempotencyKey, file.lines.length, invoices, by);
    } catch (e) {
      // The same file, or an invoice in it, arrived at the same moment from another request: asking
      // again answers as if it had come first (the same import, or the invoice already received).
      if ((e as { code?: string }).code === '23505' && !retried) return this.import(csv, idempotencyKey, by, true);
      throw e;
    }
    this.log.info('medical invoices imported', { importId: id, lines: file.lines.length, invoices: invoices.size, charged: file.summary.charged, by: by.user });
    return { ...(await this.view(id, by)), created: true };
  }

  private async store(
    id: string,
    _csv: string,
    sha256: string,
    idempotencyKey: string | undefined,
    lines: number,
    invoices: Map<string, { claimId: string; firstLine: number; input: InvoiceInput }>,
    by: StaffUser,
  ): Promise<void> {
    await this.ds.transaction(async (m) => {
      await m.query(`INSERT INTO payments.medical_imports (id, idempotency_key, sha256, lines, received_by) VALUES ($1, $2, $3, $4, $5)`, [id, idempotencyKey ?? null, sha256, lines, by.user]);
      // Claims in a fixed order, each locked while its invoices are assessed (two imports never deadlock).
      const byClaim = [...invoices.values()].sort((a, b) => (a.claimId < b.claimId ? -1 : a.claimId > b.claimId ? 1 : a.firstLine - b.firstLine));
      for (const inv of byClaim) {
        await m.query(`SELECT 1 FROM payments.claims WHERE claim_id = $1 FOR UPDATE`, [inv.claimId]);
        await this.invoices.record(m, inv.claimId, inv.input, id, by);
      }
    });
  }

  /**
   * The import as `who` may see it (issue 14): the file's own particulars (its lines, hash, sender),
   * and of its invoices, and their lines' sums, only those on claims `who` may see.
   */
  async view(id: string, who: StaffUser) {
    const [imp] = await this.ds.query(`SELECT id, lines, sha256, received_by AS "receivedBy", received_at AS "receivedAt" FROM payments.medical_imports WHERE id = $1`, [id]);
    if (!imp) throw new NotFoundException(`no import ${id}`);
    const visible = visibleClaimsCondition(who, 'payments', SCHEMA, 'i.claim_id', 2);
    const statuses: { status: string; n: number; charged: string; payable: string }[] = await this.ds.query(
      `SELECT l.status, count(*)::int AS n, sum(l.charged)::text AS charged, sum(l.payable)::text AS payable FROM payments.medical_invoice_lines l JOIN payments.medical_invoices i ON i.id = l.invoice_id
        WHERE i.import_id = $1 AND (${visible.sql}) GROUP BY l.status ORDER BY l.status`,
      [id, ...visible.params],
    );
    const invoices: { id: string }[] = await this.ds.query(`SELECT i.id FROM payments.medical_invoices i WHERE i.import_id = $1 AND (${visible.sql}) ORDER BY i.received_at, i.id`, [
      id,
      ...visible.params,
    ]);
    return { ...imp, byStatus: statuses, invoices: invoices.map((i) => i.id) };
  }
}

const line = (l: MedicalInvoiceLine) => ({ serviceDate: l.serviceDate, item: l.item, units: l.units, charged: formatMoney(l.charged) });

function refused(problems: Problem[]) {
  return new UnprocessableEntityException({
    statusCode: 422,
    error: 'Unprocessable Entity',
    message: 'invoice file refused; nothing imported',
    problems: problems.map((p) => ({ line: p.line, column: p.column, message: p.message, text: `line ${p.line}: ${p.column}: ${p.message}` })),
  });
}
