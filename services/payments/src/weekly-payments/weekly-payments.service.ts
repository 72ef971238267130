import { randomUUID } from 'node:crypto';
import { Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TOPICS } from '@wc/contracts';
import { EntitlementBlock, LocalDate, ParameterTables, PaygScale, computeWeeklyCompensation, decimal, formatMoney, sydneyAt, weeklyWithholding } from '@wc/rules';
import { enqueue, newEnvelope } from '@wc/messaging';
import { JsonLogger, StaffUser, withLogContext } from '@wc/service-kit';
import { LOGGER, SCHEMA } from '../config';
import { audit } from '../authority/audit';
import { PaymentClaim, PaymentClaimsService } from '../claims/payment-claims.service';
import { ParametersService } from '../parameters/parameters.service';
import { PiaweInForce, piaweInForce } from '../piawe/piawe-in-force';
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
 * rules library (rules.md §6; 1987 Act s32A–s39, s82A). For injuries before 26 Oct 2018, weeks
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
    weeks = weeks.map((w) => {
      const stepped = w.block.week !== null && w.block.week > 52 ? byFrom.get(w.block.from) : undefined;
      return stepped ? { block: { ...stepped, week: w.block.week }, piawe: piawe.amountAfter52Weeks! } : w;
    }).filter((w) => w.block.amount !== '0.00');
  }
  return { weeks, warnings: full.warnings, indexation: full.indexation, firstDayOfIncapacity: full.firstDayOfIncapacity };
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
    p: uniq(payable.map((d) => d.p && formatMoney(decimal(d.p)))),
    max: uniq(payable.map((d) => d.max && formatMoney(decimal(d.max)))),
    formulas: uniq(payable.map((d) => d.formula)),
    daysPayable: payable.length,
  };
}

@Injectable()
export class WeeklyPaymentsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly claims: PaymentClaimsService,
    private readonly parameters: ParametersService,
    @Inject(LOGGER) private readonly log: JsonLogger,
  ) {}

  /**
   * Generates a payment, awaiting authorisation, for every counted entitlement week of the claim
   * ended on or before `through` that has none yet. Weeks are only counted while a certificate
   * covers them and liability is provisional or accepted (rules.md §6). Run it again and it
   * generates only what is new: a week has at most one weekly payment (a unique key).
   */
  async generate(claimId: string, through: LocalDate, by: StaffUser): Promise<{ generated: GeneratedPayment[]; warnings: string[] }> {
    return withLogContext({ claimId }, () =>
      this.ds.transaction(async (m) => {
        const claim = await this.claims.get(claimId, m, true);
        if (claim.paidBy === 'employer') throw refused('paidBy', 'the employer pays this worker through payroll and is reimbursed from its wage reimbursement schedules (program 4.6); no direct weekly payments are generated');
        if (!claim.worker) throw refused('payee', "the worker's bank account and tax scale are not recorded (PUT /claims/:claimId/payee)");
        const piawe = await piaweInForce(m, claimId);
        if (!piawe) throw refused('piawe', 'no PIAWE is in force: determine one, or set an interim PIAWE so payments start on time (SoP S7)');
        const params = await this.parameters.current(m);
        const actions = await this.claims.actions(claimId, m);
        const { weeks, warnings } = weeksOf(actions, piawe, through, params.tables);
        const today = sydneyAt(Date.now()).date;
        const generated: GeneratedPayment[] = [];
        for (const w of weeks) {
          const id = randomUUID();
          const tax = weeklyWithholding({ weeklyAmount: w.block.amount, scale: claim.worker.taxScale as PaygScale, paidOn: today });
          const explanation = { ...explainWeek(w), piaweDetermination: piawe.id, piaweBasis: piawe.basis, parameterVersion: params.version, payg: tax, warnings };
          const inserted = await insertPayment(m, {
            id, claim, kind: 'weekly', payee: 'worker', week: w.block.week, from: w.block.from, to: w.block.to, gross: w.block.amount, payg: tax.amount,
            explanation, account: claim.worker, reference: `${claim.claimNumber} WK${String(w.block.week).padStart(2, '0')}`,
            dedupeKey: `weekly:${claimId}:${w.block.from}`, generatedBy: by.user,
          });
          if (!inserted) continue;
          await audit(m, [id], by, null, 'generated', `entitlement week ${w.block.week} (${w.block.from} to ${w.block.to}): ${explainWeek(w).sections.join(', ')}`);
          generated.push({ id, week: w.block.week!, from: w.block.from, to: w.block.to, gross: w.block.amount, payg: tax.amount });
        }
        if (weeks.length > 0) {
          const data = { claimId, claimNumber: claim.claimNumber, through, weeks: weeks.map((w) => ({ week: w.block.week!, from: w.block.from, to: w.block.to, amount: w.block.amount })) };
          await enqueue(m, SCHEMA, TOPICS.payments, newEnvelope({ type: 'entitlement-weeks.counted', source: 'wc-claims/payments', subject: claimId, data }));
        }
        this.log.info('weekly payments generated', { count: generated.length, through, by: by.user, warnings: warnings.length });
        return { generated, warnings };
      }),
    );
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

/** Inserts a generated payment unless its dedupe key exists; true when inserted. */
export async function insertPayment(m: EntityManager, p: NewPayment): Promise<boolean> {
  const rows = await m.query(
    `INSERT INTO payments.payments (id, claim_id, kind, payee, week, period_from, period_to, gross, payg, explanation, bsb, account, account_title, reference, status, dedupe_key, generated_by, remediation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13, $14, 'generated', $15, $16, $17) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [p.id, p.claim.claimId, p.kind, p.payee, p.week, p.from, p.to, p.gross, p.payg, JSON.stringify(p.explanation), p.account.bsb, p.account.account, p.account.accountTitle,
      p.reference.slice(0, 18), p.dedupeKey, p.generatedBy, p.remediationId ?? null],
  );
  return rows.length > 0;
}

function refused(field: string, problem: string): UnprocessableEntityException {
  return new UnprocessableEntityException({ statusCode: 422, error: 'Unprocessable Entity', message: 'no payments generated', problems: [{ field, problem }] });
}
