import type { EntityManager } from 'typeorm';
import type { Valuation } from '@wc/claim-lifecycle';
import type { ParameterTables } from '@wc/rules';

export interface PiaweInForce {
  id: string;
  basis: 'calculated' | 'interim' | 'agreement';
  status: 'final' | 'interim';
  amount: string;
  /** Injuries before 26 Oct 2018: PIAWE without overtime and shift allowance, after week 52 (former s44C). */
  amountAfter52Weeks: string | null;
}

/**
 * The final PIAWE if there is one, else the latest interim one (SoP S7: payments start on time). A
 * determination awaiting review, interim ones included, is never in force: an interim one has status
 * 'interim' only once a second person approved it (issue 14).
 */
export async function piaweInForce(m: EntityManager, claimId: string): Promise<PiaweInForce | null> {
  const rows = await m.query(
    `SELECT id, basis, status, amount::text AS amount, amount_after_52_weeks::text AS after FROM payments.piawe_determinations
     WHERE claim_id = $1 AND status IN ('final', 'interim') ORDER BY (status = 'final') DESC, determined_at DESC LIMIT 1`,
    [claimId],
  );
  if (rows.length === 0) return null;
  const r = rows[0];
  return { id: r.id, basis: r.basis, status: r.status, amount: r.amount, amountAfter52Weeks: r.after };
}

/** piaweInForce for many claims in one query. */
export async function piawesInForce(m: EntityManager, claimIds: string[]): Promise<Map<string, PiaweInForce>> {
  const rows = await m.query(
    `SELECT DISTINCT ON (claim_id) claim_id, id, basis, status, amount::text AS amount, amount_after_52_weeks::text AS after FROM payments.piawe_determinations
     WHERE claim_id = ANY($1::uuid[]) AND status IN ('final', 'interim') ORDER BY claim_id, (status = 'final') DESC, determined_at DESC`,
    [claimIds],
  );
  return new Map(rows.map((r: Record<string, string>) => [r.claim_id, { id: r.id, basis: r.basis, status: r.status, amount: r.amount, amountAfter52Weeks: r.after }] as [string, PiaweInForce]));
}

/** What a claim's weeks are valued with (libs/claim-lifecycle valuation.ts): its PIAWE in force, the step-down after 52 weeks when there is one, and the rate tables. */
export function valuationWith(piawe: PiaweInForce, tables: ParameterTables): Valuation {
  return { piawe: piawe.amount, piaweAfter52Weeks: piawe.amountAfter52Weeks, tables };
}
