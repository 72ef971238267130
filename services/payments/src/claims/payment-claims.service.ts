import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ClaimEvent } from '@wc/contracts';
import type { RecordedAction } from '@wc/claim-lifecycle';
import { StaffUser, visibleClaimsCondition } from '@wc/service-kit';
import { stopClocks } from '../payment-clocks/payment-clocks';
import type { Payee } from '@wc/contracts';

export interface PaymentClaim {
  claimId: string;
  claimNumber: string;
  workerName: string;
  employerName: string;
  employerPolicyNumber: string;
  dateOfInjury: string;
  paidBy: 'insurer' | 'employer';
  worker: { bsb: string; account: string; accountTitle: string; taxScale: string } | null;
  employer: { bsb: string; account: string; accountTitle: string } | null;
}

/** What payments knows of the claim's staff actions, so staff can see why a week is or is not payable. */
export interface PaymentFact {
  type: string;
  at: string;
  recordedAt: string;
}

const SELECT_CLAIM = `SELECT claim_id, claim_number, worker_name, employer_name, employer_policy_number, date_of_injury::text AS date_of_injury,
  paid_by, payee_bsb, payee_account, payee_account_title, tax_scale, employer_bsb, employer_account, employer_account_title FROM payments.claims`;

function toClaim(r: Record<string, string | null>): PaymentClaim {
  return {
    claimId: r.claim_id!,
    claimNumber: r.claim_number!,
    workerName: r.worker_name!,
    employerName: r.employer_name!,
    employerPolicyNumber: r.employer_policy_number!,
    dateOfInjury: r.date_of_injury!,
    paidBy: r.paid_by as 'insurer' | 'employer',
    worker: r.payee_bsb ? { bsb: r.payee_bsb, account: r.payee_account!, accountTitle: r.payee_account_title!, taxScale: r.tax_scale! } : null,
    employer: r.employer_bsb ? { bsb: r.employer_bsb, account: r.employer_account!, accountTitle: r.employer_account_title! } : null,
  };
}

/** A recorded action with its place in the order payments received the claim's actions (claim_actions.seq). */
export type KeptAction = RecordedAction & { seq: number };

/** Payments' view of a claim: projected from claims events, plus the payee details payments officers keep. */
@Injectable()
export class PaymentClaimsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async get(claimId: string, m: EntityManager = this.ds.manager, lock = false): Promise<PaymentClaim> {
    const rows = await m.query(`${SELECT_CLAIM} WHERE claim_id = $1${lock ? ' FOR UPDATE' : ''}`, [claimId]);
    if (rows.length === 0) throw new NotFoundException(`payments knows no claim ${claimId} (it learns of a claim from the claims service's claim.notified event)`);
    return toClaim(rows[0]);
  }

  /**
   * The claim of this number, if the reader may see what it is paid (issue 14: filtered in SQL, so a
   * claim they may not see is not told from one that does not exist). claim_number is unique.
   */
  async findByNumber(claimNumber: string, who: StaffUser): Promise<PaymentClaim[]> {
    const visible = visibleClaimsCondition(who, 'payments', 'payments', 'claim_id', 2);
    const rows = await this.ds.query(`${SELECT_CLAIM} WHERE claim_number = $1 AND (${visible.sql})`, [claimNumber, ...visible.params]);
    return rows.map(toClaim);
  }

  async many(claimIds: string[], m: EntityManager = this.ds.manager): Promise<Map<string, PaymentClaim>> {
    const rows = await m.query(`${SELECT_CLAIM} WHERE claim_id = ANY($1::uuid[])`, [claimIds]);
    return new Map(rows.map((r: Record<string, string | null>) => [r.claim_id!, toClaim(r)]));
  }

  /** The payment-relevant staff actions of many claims, each claim's in published order. */
  async actionsOf(claimIds: string[], m: EntityManager = this.ds.manager): Promise<Map<string, KeptAction[]>> {
    const rows: { claim_id: string; seq: string; action: ClaimEvent; outcome: RecordedAction['outcome'] | null }[] = await m.query(
      `SELECT claim_id, seq, action, outcome FROM payments.claim_actions WHERE claim_id = ANY($1::uuid[]) ORDER BY claim_id, seq`,
      [claimIds],
    );
    const out = new Map<string, KeptAction[]>();
    for (const r of rows) {
      let list = out.get(r.claim_id);
      if (!list) out.set(r.claim_id, (list = []));
      list.push({ ...recorded(r), seq: Number(r.seq) });
    }
    return out;
  }

  async byNumber(claimNumbers: string[], m: EntityManager = this.ds.manager): Promise<Map<string, PaymentClaim>> {
    const rows = await m.query(`${SELECT_CLAIM} WHERE claim_number = ANY($1)`, [claimNumbers]);
    return new Map(rows.map((r: Record<string, string | null>) => [r.claim_number!, toClaim(r)]));
  }

  async facts(claimId: string): Promise<PaymentFact[]> {
    const rows: { type: string; action: { at: string }; recorded_at: Date }[] = await this.ds.query(`SELECT type, action, recorded_at FROM payments.claim_actions WHERE claim_id = $1 ORDER BY seq`, [
      claimId,
    ]);
    return rows.map((r) => ({ type: r.type, at: r.action.at, recordedAt: r.recorded_at.toISOString() }));
  }

  /** The payment-relevant staff actions, in the order the claims service published them. */
  async actions(claimId: string, m: EntityManager = this.ds.manager): Promise<RecordedAction[]> {
    const rows: { action: ClaimEvent; outcome: RecordedAction['outcome'] | null }[] = await m.query(`SELECT action, outcome FROM payments.claim_actions WHERE claim_id = $1 ORDER BY seq`, [claimId]);
    return rows.map(recorded);
  }

  async setPayee(claimId: string, p: Payee, by: StaffUser): Promise<PaymentClaim> {
    return this.ds.transaction(async (m) => {
      await this.get(claimId, m, true);
      return this.recordPayee(m, claimId, p, by.user);
    });
  }

  /** Records the payee in the caller's transaction (the claim's row locked); `by` made the change. */
  async recordPayee(m: EntityManager, claimId: string, p: Payee, by: string): Promise<PaymentClaim> {
    await m.query(
      `UPDATE payments.claims SET paid_by = $2, payee_bsb = $3, payee_account = $4, payee_account_title = $5, tax_scale = $6,
           employer_bsb = $7, employer_account = $8, employer_account_title = $9, updated_by = $10, updated_at = now() WHERE claim_id = $1`,
      [
        claimId,
        p.paidBy,
        p.worker?.bsb ?? null,
        p.worker?.account ?? null,
        p.worker?.accountTitle ?? null,
        p.worker?.taxScale ?? null,
        p.employer?.bsb ?? null,
        p.employer?.account ?? null,
        p.employer?.accountTitle ?? null,
        by,
      ],
    );
    const claim = await this.get(claimId, m);
    // program 4.6: an employer paying through payroll is reimbursed on its schedule instead.
    if (p.paidBy === 'employer') await stopClocks(m, claim, 'weekly-payment', 'the employer pays the worker through payroll (wage reimbursement)');
    return claim;
  }
}

const recorded = (r: { action: ClaimEvent; outcome: RecordedAction['outcome'] | null }): RecordedAction => (r.outcome ? { event: r.action, outcome: r.outcome } : { event: r.action });
