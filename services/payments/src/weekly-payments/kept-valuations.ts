import type { EntityManager } from 'typeorm';
import type { KeptValuation as ValuedTo } from '@wc/claim-lifecycle';
import type { LocalDate } from '@wc/rules';

/** Where a claim's weekly compensation was last valued to (the library's checkpoint and PIAWE), and what else it was valued with. */
export interface KeptValuation extends ValuedTo {
  parameterVersion: number;
  /** The last of the claim's recorded actions (claim_actions.seq) the valuation saw. */
  actionSeq: number;
}

export async function keptValuations(m: EntityManager, claimIds: string[]): Promise<Map<string, KeptValuation>> {
  const rows: { claim_id: string; first_day: LocalDate; block_from: LocalDate; weeks_counted: number; piawe_id: string; parameter_version: number; action_seq: string }[] = await m.query(
    `SELECT claim_id, first_day::text AS first_day, block_from::text AS block_from, weeks_counted, piawe_id, parameter_version, action_seq FROM payments.kept_valuations WHERE claim_id = ANY($1::uuid[])`,
    [claimIds],
  );
  return new Map(
    rows.map((r) => [
      r.claim_id,
      {
        checkpoint: { firstDayOfIncapacity: r.first_day, blockFrom: r.block_from, weeksCounted: r.weeks_counted },
        piaweId: r.piawe_id,
        parameterVersion: r.parameter_version,
        actionSeq: Number(r.action_seq),
      },
    ]),
  );
}

/** Keeps where each claim was valued to, in one statement, replacing what was kept. */
export async function keepValuations(m: EntityManager, kept: Map<string, KeptValuation>): Promise<void> {
  if (kept.size === 0) return;
  const ids = [...kept.keys()];
  const col = <T>(f: (k: KeptValuation) => T) => ids.map((id) => f(kept.get(id)!));
  await m.query(
    `INSERT INTO payments.kept_valuations (claim_id, first_day, block_from, weeks_counted, piawe_id, parameter_version, action_seq)
     SELECT * FROM unnest($1::uuid[], $2::date[], $3::date[], $4::int[], $5::uuid[], $6::int[], $7::bigint[])
     ON CONFLICT (claim_id) DO UPDATE SET first_day = EXCLUDED.first_day, block_from = EXCLUDED.block_from, weeks_counted = EXCLUDED.weeks_counted,
       piawe_id = EXCLUDED.piawe_id, parameter_version = EXCLUDED.parameter_version, action_seq = EXCLUDED.action_seq, kept_at = now()`,
    [
      ids,
      col((k) => k.checkpoint.firstDayOfIncapacity),
      col((k) => k.checkpoint.blockFrom),
      col((k) => k.checkpoint.weeksCounted),
      col((k) => k.piaweId),
      col((k) => k.parameterVersion),
      col((k) => k.actionSeq),
    ],
  );
}

/**
 * Forgets where these claims were valued to: the next cycle values them from their first week. For
 * what the kept valuation cannot see by itself: a weekly payment cancelled (its week is to be
 * generated again).
 */
export async function forgetValuations(m: EntityManager, claimIds: string[]): Promise<void> {
  if (claimIds.length === 0) return;
  await m.query(`DELETE FROM payments.kept_valuations WHERE claim_id = ANY($1::uuid[])`, [claimIds]);
}
