import { randomUUID } from 'node:crypto';
import { Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Envelope, TOPICS } from '@wc/contracts';
import { EntitlementBlock, LocalDate, ParameterTables, PaygScale, ZERO, computeWeeklyCompensation, decimal, formatMoney, money, sydneyAt, weeklyWithholding } from '@wc/rules';
import { enqueueMany, newEnvelope } from '@wc/messaging';
import { JsonLogger, StaffUser, withLogContext } from '@wc/service-kit';
import { LOGGER, PAYMENTS_CONFIG, PaymentsConfig, SCHEMA } from '../config';
import { auditEach } from '../authority/audit';
import { PaymentClaim, PaymentClaimsService } from '../claims/payment-claims.service';
import { ParametersService } from '../parameters/parameters.service';
import { PiaweInForce, piaweInForce, piawesInForce } from '../piawe/piawe-in-force';
import { entitlementInputFrom } from './claim-facts';

export interface GeneratedPayment {
  id: string;
  week: number;
  from: LocalDate;
  to: LocalDate;
  gross: string;
  payg: string;
}

export interface WeekAmount {
  block: EntitlementBlock;
  /** The PIAWE the week was valued with: before 26 Oct 2018 injuries step down after week 52. */
  piawe: string;
}

/**
 * The counted entitlement weeks of a claim ended on or before `through`, each valued with the
 * rules library (docs/rules.md §6; 1987 Act s32A–s39, s82A). For injuries before 26 Oct 2018, weeks
 * after the 52nd are valued without overtime and shift allowance (former s44C(1); WCLA Act 2018
 * removed that step-down for later injuries): the blocks are the same either way, only their value
 * changes, so both valuations are run and each week takes the one that applies to it.
 */
export function weeksOf(actions: Parameters<typeof entitlementInputFrom>[0], piawe: PiaweInForce, through: LocalDate, tables: ParameterTables) {
  const full = computeWeeklyCompensation(entitlementInputFrom(actions, piawe.amount, through, tables));
  let weeks: WeekAmount[] = full.weeks.map((block) => ({ block, piawe: piawe.amount }));
  if (piawe.amountAfter52Weeks !== null) {
    const after = computeWeeklyCompensation(entitlementInputFrom(actions, piawe.amountAfter52Weeks, through, tables));
    const byFrom = new Map(after.blocks.map((b) => [b.from, b]));
    weeks = weeks
      .map((w) => {
        const stepped = w.block.week !== null && w.block.week > 52 ? byFrom.get(w.block.from) : undefined;
        return stepped ? { block: { ...stepped, week: w.block.week }, piawe: piawe.amountAfter52Weeks! } : w;
      })
      .filter((w) => w.block.amount !== '0.00');
  }
  return { weeks, warnings: full.warnings, indexation: full.indexation, firstDayOfIncapacity: full.firstDayOfIncapacity };
}

/** Amount texts as money ("1000" → "1000.00"): a remediation asks for the same few values millions of times. */
const moneyTexts = new Map<string, string>();
function asMoney(text: string): string {
  let out = moneyTexts.get(text);
  if (out === undefined) {
    if (moneyTexts.size > 10_000) moneyTexts.clear();
    moneyTexts.set(text, (out = formatMoney(decimal(text))));
  }
  return out;
}

/** What a day line says about how the week was valued, compactly: the sections, P and MAX that applied. */
export function explainWeek(w: WeekAmount) {
  const uniq = <T>(xs: (T | undefined)[]) => [...new Set(xs.filter((x): x is T => x !== undefined))];
  const payable = w.block.days.filter((d) => d.payable);
  return {
    week: w.block.week,
    from: w.block.from,
    to: w.block.to,
    amount: w.block.amount,
    piawe: w.piawe,
    cwe: w.block.cwe,
    hoursWorked: w.block.hoursWorked,
    sections: uniq(payable.map((d) => d.section)),
    p: uniq(payable.map((d) => d.p && asMoney(d.p))),
    max: uniq(payable.map((d) => d.max && asMoney(d.max))),
    formulas: uniq(payable.map((d) => d.formula)),
    daysPayable: payable.length,
  };
}

export interface GenerationSummary {
  claims: number;
  payments: number;
  gross: string;
  warnings: string[];
}

@Injectable()
export class WeeklyPaymentsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly claims: PaymentClaimsService,
    private readonly parameters: ParametersService,
    @Inject(PAYMENTS_CONFIG) private readonly config: PaymentsConfig,
    @Inject(LOGGER) private readonly log: JsonLogger,
  ) {}

  /**
   * Generates a payment, awaiting authorisation, for every counted entitlement week of the claim
   * ended on or before `through` that has none yet. Weeks are only counted while a certificate
   * covers them and liability is provisional or accepted (docs/rules.md §6). Run it again and it
   * generates only what is new: a week has at most one weekly payment (a unique key).
   */
  async generate(claimId: string, through: LocalDate, by: StaffUser): Promise<{ generated: GeneratedPayment[]; warnings: string[] }> {
    return withLogContext({ claimId }, () =>
      this.ds.transaction(async (m) => {
        const claim = await this.claims.get(claimId, m, true);
        if (claim.paidBy === 'employer')
          throw refused('paidBy', 'the employer pays this worker through payroll and is reimbursed from its wage reimbursement schedules (program 4.6); no direct weekly payments are generated');
        if (!claim.worker) throw refused('payee', "the worker's bank account and tax scale are not recorded (PUT /claims/:claimId/payee)");
        const piawe = await piaweInForce(m, claimId);
        if (!piawe) throw refused('piawe', 'no PIAWE is in force: determine one, or set an interim PIAWE so payments start on time (SoP S7); either is in force once a second person approves it');
        const result = await this.generateBatch(m, [claimId], through, by);
        const mine = result.generated.get(claimId) ?? [];
        this.log.info('weekly payments generated', { count: mine.length, through, by: by.user, warnings: result.warnings.length });
        return { generated: mine, warnings: result.warnings };
      }),
    );
  }

  /**
   * The same for every claim the insurer pays directly that has a payee account and a PIAWE in
   * force: the weekly payment cycle over the whole book, in batches of BATCH_SIZE claims, each
   * batch one transaction (a failure leaves earlier batches generated and says where it stopped).
   */
  async generateAll(through: LocalDate, by: StaffUser, onProgress?: (claimsDone: number) => void): Promise<GenerationSummary> {
    let cursor = '00000000-0000-0000-0000-000000000000';
    const summary = { claims: 0, payments: 0, gross: ZERO, warnings: new Set<string>() };
    for (;;) {
      const done = await this.ds.transaction(async (m) => {
        const batch: { claim_id: string }[] = await m.query(
          `SELECT claim_id FROM payments.claims c WHERE claim_id > $1::uuid AND paid_by = 'insurer' AND payee_bsb IS NOT NULL
             AND EXISTS (SELECT 1 FROM payments.piawe_determinations d WHERE d.claim_id = c.claim_id AND d.status IN ('final', 'interim'))
           ORDER BY claim_id LIMIT $2 FOR UPDATE`,
          [cursor, this.config.BATCH_SIZE],
        );
        if (batch.length === 0) return true;
        const ids = batch.map((b) => b.claim_id);
        const r = await this.generateBatch(m, ids, through, by);
        cursor = ids[ids.length - 1];
        summary.claims += ids.length;
        for (const list of r.generated.values())
          for (const g of list) {
            summary.payments++;
            summary.gross = summary.gross.plus(money(g.gross));
          }
        r.warnings.forEach((w) => summary.warnings.add(w));
        return false;
      });
      onProgress?.(summary.claims);
      if (done) break;
    }
    this.log.info('weekly payments generated for the book', { claims: summary.claims, payments: summary.payments, through, by: by.user });
    return { claims: summary.claims, payments: summary.payments, gross: formatMoney(summary.gross), warnings: [...summary.warnings].sort() };
  }

  /** The claims must be locked by the caller; claims without a worker account or PIAWE are skipped. */
  private async generateBatch(m: EntityManager, claimIds: string[], through: LocalDate, by: StaffUser): Promise<{ generated: Map<string, GeneratedPayment[]>; warnings: string[] }> {
    const claims = await this.claims.many(claimIds, m);
    const piawes = await piawesInForce(m, claimIds);
    const actions = await this.claims.actionsOf(claimIds, m);
    const params = await this.parameters.current(m);
    const paid: { claim_id: string; from: string; to: string; week: number }[] = await m.query(
      `SELECT claim_id, period_from::text AS from, period_to::text AS to, week FROM payments.payments WHERE claim_id = ANY($1::uuid[]) AND kind = 'weekly' AND status <> 'cancelled'`,
      [claimIds],
    );
    const paidOf = new Map<string, { from: string; to: string; week: number }[]>();
    for (const r of paid) paidOf.set(r.claim_id, [...(paidOf.get(r.claim_id) ?? []), r]);
    const today = sydneyAt(Date.now()).date;
    const warnings = new Set<string>();
    const rows: NewPayment[] = [];
    const reasons: string[] = [];
    const events: Envelope<unknown>[] = [];
    const generated = new Map<string, GeneratedPayment[]>();
    for (const claimId of claimIds) {
      const claim = claims.get(claimId);
      const piawe = piawes.get(claimId);
      if (!claim?.worker || !piawe || claim.paidBy !== 'insurer') continue;
      const { weeks, warnings: w } = weeksOf(actions.get(claimId) ?? [], piawe, through, params.tables);
      w.forEach((x) => warnings.add(x));
      const mine: GeneratedPayment[] = [];
      for (const week of weeks) {
        // A week already paid, or one overlapping a paid week (issue 14: a certificate from before the
        // first moves the claim's weeks, and its new weeks would pay days already paid): never paid
        // again here. What the claim is owed for the moved weeks is a remediation's to work out.
        const overlapping = (paidOf.get(claimId) ?? []).find((p) => p.from <= week.block.to && week.block.from <= p.to);
        if (overlapping) {
          if (overlapping.from !== week.block.from || overlapping.to !== week.block.to)
            warnings.add(
              `week ${week.block.week} (${week.block.from} to ${week.block.to}) of claim ${claim.claimNumber} overlaps week ${overlapping.week} already paid (${overlapping.from} to ${overlapping.to}): not generated; revalue the claim with a remediation`,
            );
          continue;
        }
        const tax = weeklyWithholding({ weeklyAmount: week.block.amount, scale: claim.worker.taxScale as PaygScale, paidOn: today });
        tax.warnings.forEach((x) => warnings.add(x));
        const e = explainWeek(week);
        const id = randomUUID();
        rows.push({
          id,
          claim,
          kind: 'weekly',
          payee: 'worker',
          week: week.block.week,
          from: week.block.from,
          to: week.block.to,
          gross: week.block.amount,
          payg: tax.amount,
          explanation: {
            ...e,
            piaweDetermination: piawe.id,
            piaweBasis: piawe.basis,
            parameterVersion: params.version,
            payg: { amount: tax.amount, scale: tax.scale, formula: tax.formula, tableFrom: tax.tableFrom },
            warnings: w,
          },
          account: claim.worker,
          reference: `${claim.claimNumber} WK${String(week.block.week).padStart(2, '0')}`,
          dedupeKey: `weekly:${claimId}:${week.block.from}`,
          generatedBy: by.user,
        });
        reasons.push(`entitlement week ${week.block.week} (${week.block.from} to ${week.block.to}): ${e.sections.join(', ')}`);
        mine.push({ id, week: week.block.week!, from: week.block.from, to: week.block.to, gross: week.block.amount, payg: tax.amount });
      }
      if (mine.length > 0) {
        generated.set(claimId, mine);
        const data = { claimId, claimNumber: claim.claimNumber, through, weeksCounted: weeks.length, newWeeks: mine.map((x) => ({ week: x.week, from: x.from, to: x.to, amount: x.gross })) };
        events.push(newEnvelope({ type: 'entitlement-weeks.counted', source: 'wc-claims/payments', subject: claimId, data }));
      }
    }
    await insertPayments(m, rows);
    await auditEach(
      m,
      rows.map((r) => r.id),
      by,
      reasons,
    );
    await enqueueMany(m, SCHEMA, TOPICS.payments, events);
    return { generated, warnings: [...warnings] };
  }
}

export interface NewPayment {
  id: string;
  claim: PaymentClaim;
  kind: 'weekly' | 'reimbursement' | 'arrears';
  payee: 'worker' | 'employer';
  week: number | null;
  from: LocalDate;
  to: LocalDate;
  gross: string;
  payg: string;
  explanation: unknown;
  account: { bsb: string; account: string; accountTitle: string };
  reference: string;
  dedupeKey: string;
  generatedBy: string;
  remediationId?: string;
}

/**
 * Many generated payments in one statement. Callers have excluded weeks already paid (under the
 * claims' row locks), so a dedupe-key conflict here is a bug and fails the batch.
 */
export async function insertPayments(m: EntityManager, ps: NewPayment[]): Promise<void> {
  if (ps.length === 0) return;
  const col = <T>(f: (p: NewPayment) => T) => ps.map(f);
  await m.query(
    `INSERT INTO payments.payments (id, claim_id, kind, payee, week, period_from, period_to, gross, payg, explanation, bsb, account, account_title, reference, status, dedupe_key, generated_by, remediation_id)
     SELECT id, claim_id, kind, payee, week, period_from, period_to, gross, payg, explanation, bsb, account, account_title, reference, 'generated', dedupe_key, generated_by, remediation_id
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::int[], $6::date[], $7::date[], $8::numeric[], $9::numeric[], $10::jsonb[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::uuid[])
       AS u(id, claim_id, kind, payee, week, period_from, period_to, gross, payg, explanation, bsb, account, account_title, reference, dedupe_key, generated_by, remediation_id)`,
    [
      col((p) => p.id),
      col((p) => p.claim.claimId),
      col((p) => p.kind),
      col((p) => p.payee),
      col((p) => p.week),
      col((p) => p.from),
      col((p) => p.to),
      col((p) => p.gross),
      col((p) => p.payg),
      col((p) => JSON.stringify(p.explanation)),
      col((p) => p.account.bsb),
      col((p) => p.account.account),
      col((p) => p.account.accountTitle),
      col((p) => p.reference.slice(0, 18)),
      col((p) => p.dedupeKey),
      col((p) => p.generatedBy),
      col((p) => p.remediationId ?? null),
    ],
  );
}

/** Inserts a generated payment unless its dedupe key exists; true when inserted. */
export async function insertPayment(m: EntityManager, p: NewPayment): Promise<boolean> {
  const rows = await m.query(
    `INSERT INTO payments.payments (id, claim_id, kind, payee, week, period_from, period_to, gross, payg, explanation, bsb, account, account_title, reference, status, dedupe_key, generated_by, remediation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13, $14, 'generated', $15, $16, $17) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [
      p.id,
      p.claim.claimId,
      p.kind,
      p.payee,
      p.week,
      p.from,
      p.to,
      p.gross,
      p.payg,
      JSON.stringify(p.explanation),
      p.account.bsb,
      p.account.account,
      p.account.accountTitle,
      p.reference.slice(0, 18),
      p.dedupeKey,
      p.generatedBy,
      p.remediationId ?? null,
    ],
  );
  return rows.length > 0;
}

function refused(field: string, problem: string): UnprocessableEntityException {
  return new UnprocessableEntityException({ statusCode: 422, error: 'Unprocessable Entity', message: 'no payments generated', problems: [{ field, problem }] });
}
