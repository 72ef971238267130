import type { EntityManager } from 'typeorm';
import { entitlementFactsFromActions, weeklyPaymentsState } from '@wc/claim-lifecycle';
import { LocalDate, MedicalApproval, MedicalClaimFacts, PaidMedicalLine, ParameterTables, sydneyAt } from '@wc/rules';
import type { PaymentClaimsService } from '../../claims/payment-claims.service';
import { piaweInForce } from '../../piawe/piawe-in-force';

/**
 * What docs/medical-assessment.md's assessment needs to know of a claim, from payments' own records: the claim's
 * dates, its liability and WPI and whether weekly payments ever were, still are, or ceased to be
 * payable (read from the claim's facts with the lifecycle's own code), medical amounts paid while
 * liability was provisional, its approvals, and the lines already paid.
 */
export interface MedicalClaimRecord {
  facts: MedicalClaimFacts | null;
  /** Why lines cannot be assessed yet (no liability decision), when facts is null. */
  notYet?: string;
  approvals: MedicalApproval[];
  paidLines: PaidMedicalLine[];
}

/**
 * Payability decides `weeklyPayments`, not amounts; without a PIAWE in force the weeks are valued
 * at a nominal one so a payable week still counts (s32A counts weeks worth more than 0).
 */
const NOMINAL_PIAWE = '1000.00';

export async function medicalClaimRecord(
  m: EntityManager,
  claims: PaymentClaimsService,
  claimId: string,
  tables: ParameterTables,
  today: LocalDate = sydneyAt(Date.now()).date,
): Promise<MedicalClaimRecord> {
  const claim = await claims.get(claimId, m);
  const [{ notification_date }] = await m.query(`SELECT notification_date::text FROM payments.claims WHERE claim_id = $1`, [claimId]);
  const actions = await claims.actions(claimId, m);
  const piawe = await piaweInForce(m, claimId);
  const valuation = { piawe: piawe?.amount ?? NOMINAL_PIAWE, tables };
  const facts = entitlementFactsFromActions(actions, valuation);
  const last = facts.liability[facts.liability.length - 1]?.decision;
  const approvals: MedicalApproval[] = (
    await m.query(`SELECT id, provider_id, items, units, "from"::text AS "from", "to"::text AS "to" FROM payments.medical_approvals WHERE claim_id = $1 ORDER BY created_at, id`, [claimId])
  ).map((a: { id: string; provider_id: string; items: string[]; units: number; from: string; to: string }) => ({
    id: a.id,
    provider: a.provider_id,
    items: a.items,
    from: a.from,
    to: a.to,
    units: a.units,
  }));
  // Lines paid before: in the order they were assessed (docs/medical-assessment.md uses paid lines' units first, in order).
  const paidLines: PaidMedicalLine[] = (
    await m.query(
      `SELECT i.provider_id AS provider, l.service_date::text AS "serviceDate", l.item, l.units FROM payments.medical_invoice_lines l JOIN payments.medical_invoices i ON i.id = l.invoice_id
       WHERE l.claim_id = $1 AND l.status IN ('pay', 'reduce') ORDER BY l.assessed_at, l.seq`,
      [claimId],
    )
  ).map((p: PaidMedicalLine) => ({ provider: p.provider, serviceDate: p.serviceDate, item: p.item, units: p.units }));
  if (!last) return { facts: null, notYet: 'no liability decision has been made on the claim yet (1998 Act s267, s280)', approvals, paidLines };
  const [{ paid }] = await m.query(
    `SELECT coalesce(sum(payable), 0)::text AS paid FROM payments.medical_invoice_lines WHERE claim_id = $1 AND status IN ('pay', 'reduce') AND paid_while_provisional`,
    [claimId],
  );
  const w = weeklyPaymentsState(facts, valuation, today);
  return {
    facts: {
      claimNumber: claim.claimNumber,
      dateOfInjury: claim.dateOfInjury,
      // The day the claim was first made; a claim known before this column existed falls back to its date of injury.
      claimMadeOn: notification_date ?? claim.dateOfInjury,
      liability: last,
      wpi: facts.wpi.length ? facts.wpi[facts.wpi.length - 1].percent : null,
      weeklyPayments: w,
      medicalPaidToDate: paid,
    },
    approvals,
    paidLines,
  };
}
