import { LocalDate, addDays } from '../calendar';
import { Dec, ZERO, formatMoney, money, sum } from '../money';
import { s59aMedicalPeriod } from './s59a-period';

/**
 * Assessing medical, hospital and rehabilitation invoice lines before they are paid
 * (docs/medical-assessment.md, "Assessment"; the project's own words in docs/medical-assessment.md).
 * One pure function: the payments service applies it to every invoice line it imports and
 * `claimctl medical assess` runs it on one batch.
 */
export type RegistrationStatus = 'current' | 'suspended' | 'disqualified' | 'disciplinary-conditions';
export type MedicalLiability = 'provisional' | 'accepted' | 'disputed';
export type WeeklyPaymentsState = { status: 'never' } | { status: 'current' } | { status: 'ceased'; on: LocalDate; payableAgain?: Array<{ from: LocalDate; to: LocalDate }> };

export interface MedicalClaimFacts {
  claimNumber: string;
  dateOfInjury: LocalDate;
  claimMadeOn: LocalDate;
  liability: MedicalLiability;
  /** The latest whole person impairment assessed, or null. */
  wpi: number | null;
  weeklyPayments: WeeklyPaymentsState;
  /** Medical amounts already paid while liability was provisional. */
  medicalPaidToDate: string;
}

export interface MedicalProvider {
  id: string;
  name: string;
  /** Over time: the row in force on a date is the one with the latest `from` on or before it. */
  registration: Array<{ status: RegistrationStatus; from: LocalDate }>;
}

export interface FeeOrderRow {
  item: string;
  description?: string;
  from: LocalDate;
  /** Maximum fee per unit, excluding GST. */
  maxFee: string;
}

export interface MedicalApproval {
  id: string;
  provider: string;
  items: string[];
  from: LocalDate;
  to: LocalDate;
  /** Units approved in total for those items. */
  units: number;
}

export interface PaidMedicalLine {
  provider: string;
  serviceDate: LocalDate;
  item: string;
  units: number;
}

export interface InvoiceLine extends PaidMedicalLine {
  line: number;
  invoice?: string;
  charged: string;
}

export interface MedicalBatch {
  claim: MedicalClaimFacts;
  parameters?: { provisionalMedicalCap?: string };
  providers: MedicalProvider[];
  feeOrder: FeeOrderRow[];
  exemptItems: string[];
  approvals: MedicalApproval[];
  paidLines: PaidMedicalLine[];
  lines: InvoiceLine[];
}

export type LineStatus = 'pay' | 'reduce' | 'hold' | 'refuse';
export type LineReason =
  | 'unknown-provider'
  | 'provider-not-eligible'
  | 'unknown-item'
  | 'before-injury'
  | 'liability-disputed'
  | 'outside-entitlement-period'
  | 'duplicate'
  | 'no-approval'
  | 'approval-exhausted'
  | 'over-fee-order'
  | 'provisional-cap';

export interface AssessedLine {
  line: number;
  status: LineStatus;
  payable: string;
  reasons: LineReason[];
  /** The approval whose units the line used, when it needed one. */
  approval?: string;
}

export interface MedicalAssessment {
  claimNumber: string;
  lines: AssessedLine[];
  totals: { charged: string; payable: string; held: string; refused: string };
}

/** SIRA's provisional liability limit for medical expenses (docs/sources.md §3: $10,000), unless the batch gives another. */
export const DEFAULT_PROVISIONAL_MEDICAL_CAP = '10000.00';

/** The row in force on a date: the latest `from` on or before it. */
function inForce<R extends { from: LocalDate }>(rows: readonly R[], on: LocalDate): R | undefined {
  let found: R | undefined;
  for (const r of rows) if (r.from <= on && (!found || r.from > found.from)) found = r;
  return found;
}

/** 1987 Act s60(2A)(d); SIRA GN 3.4: no payment to a practitioner suspended, disqualified or under disciplinary conditions. */
const ELIGIBLE: ReadonlySet<RegistrationStatus> = new Set(['current']);

/** docs/medical-assessment.md check 5 (1987 Act s59A): the last day of the medical entitlement period, or null when it has no end. */
export function entitlementLastDay(claim: MedicalClaimFacts): LocalDate | null {
  const w = claim.weeklyPayments;
  if (w.status === 'current') return null;
  const period = s59aMedicalPeriod({ wpiPercent: claim.wpi, weeklyCeasedOn: w.status === 'ceased' ? w.on : null, claimFirstMadeOn: claim.claimMadeOn, everPayable: w.status === 'ceased' });
  return period ? period.lastDay : null;
}

/**
 * Assesses every line in `line` order (docs/medical-assessment.md): the first check that fails decides the line.
 * Earlier lines of the batch count as paid when they are `pay` or `reduce`.
 */
export function assessMedicalBatch(batch: MedicalBatch): MedicalAssessment {
  const { claim } = batch;
  const cap = money(batch.parameters?.provisionalMedicalCap ?? DEFAULT_PROVISIONAL_MEDICAL_CAP);
  const providers = new Map(batch.providers.map((p) => [p.id, p]));
  const exempt = new Set(batch.exemptItems);
  const lastDay = entitlementLastDay(claim);
  const payableAgain = claim.weeklyPayments.status === 'ceased' ? (claim.weeklyPayments.payableAgain ?? []) : [];
  // s60(2A): treatment within 48 hours of the injury needs no prior approval; times are not captured,
  // so the day of injury and the two days after it all get the benefit of the doubt.
  const within48Hours = (d: LocalDate) => d >= claim.dateOfInjury && d <= addDays(claim.dateOfInjury, 2);
  const needsApproval = (l: PaidMedicalLine) => !exempt.has(l.item) && !within48Hours(l.serviceDate);
  const matching = (l: PaidMedicalLine) => batch.approvals.filter((a) => a.provider === l.provider && a.items.includes(l.item) && a.from <= l.serviceDate && l.serviceDate <= a.to);
  // Units left per approval, after the lines already paid took theirs (in the order given).
  const left = new Map(batch.approvals.map((a) => [a.id, a.units]));
  const fitting = (l: PaidMedicalLine) =>
    matching(l)
      .map((a, i) => ({ a, i }))
      .filter(({ a }) => left.get(a.id)! >= l.units)
      .sort((x, y) => (x.a.from < y.a.from ? -1 : x.a.from > y.a.from ? 1 : x.i - y.i))[0]?.a;
  const take = (l: PaidMedicalLine) => {
    const a = needsApproval(l) ? fitting(l) : undefined;
    if (a) left.set(a.id, left.get(a.id)! - l.units);
    return a;
  };
  for (const p of batch.paidLines) take(p);
  const seen = new Set(batch.paidLines.map((p) => `${p.provider}|${p.serviceDate}|${p.item}`));

  let paidProvisionally = money(claim.medicalPaidToDate);
  const out: AssessedLine[] = [];
  for (const l of [...batch.lines].sort((a, b) => a.line - b.line)) {
    const decide = (status: LineStatus, reason?: LineReason, payable: Dec = ZERO, approval?: string): AssessedLine => ({
      line: l.line,
      status,
      payable: formatMoney(payable),
      reasons: reason ? [reason] : [],
      ...(approval ? { approval } : {}),
    });
    const key = `${l.provider}|${l.serviceDate}|${l.item}`;
    const result = ((): AssessedLine => {
      // 1. Provider (1987 Act s60(2A); SIRA GN 3.4).
      const provider = providers.get(l.provider);
      if (!provider) return decide('refuse', 'unknown-provider');
      const reg = inForce(provider.registration, l.serviceDate);
      if (!reg || !ELIGIBLE.has(reg.status)) return decide('refuse', 'provider-not-eligible');
      // 2. Item: the fee order row in force on the service date.
      const fee = inForce(
        batch.feeOrder.filter((f) => f.item === l.item),
        l.serviceDate,
      );
      if (!fee) return decide('refuse', 'unknown-item');
      // 3. Date.
      if (l.serviceDate < claim.dateOfInjury) return decide('refuse', 'before-injury');
      // 4. Liability.
      if (claim.liability === 'disputed') return decide('refuse', 'liability-disputed');
      // 5. Entitlement period (1987 Act s59A; s59A(3): payable again revives it).
      if (lastDay && l.serviceDate > lastDay && !payableAgain.some((p) => p.from <= l.serviceDate && l.serviceDate <= p.to)) return decide('refuse', 'outside-entitlement-period');
      // 6. Duplicate of a paid line, or of an earlier line paid, reduced or held in this batch.
      if (seen.has(key)) return decide('refuse', 'duplicate');
      // 7. Approval (1987 Act s60(2A)).
      let approval: string | undefined;
      if (needsApproval(l)) {
        if (matching(l).length === 0) return decide('hold', 'no-approval');
        const a = fitting(l);
        if (!a) return decide('hold', 'approval-exhausted');
        approval = a.id;
      }
      // 8. Fee (1987 Act s61): at most the fee order's maximum for the units.
      const charged = money(l.charged);
      const max = money(fee.maxFee).times(l.units);
      const [status, payable, reason]: [LineStatus, Dec, LineReason | undefined] = charged.greaterThan(max) ? ['reduce', max, 'over-fee-order'] : ['pay', charged, undefined];
      // 9. Provisional cap (1998 Act s280; SIRA GN 3.2): the whole line waits when it would go over.
      if (claim.liability === 'provisional' && paidProvisionally.plus(payable).greaterThan(cap)) return decide('hold', 'provisional-cap');
      return decide(status, reason, payable, approval);
    })();
    if (result.status === 'pay' || result.status === 'reduce') {
      if (result.approval) left.set(result.approval, left.get(result.approval)! - l.units);
      if (claim.liability === 'provisional') paidProvisionally = paidProvisionally.plus(money(result.payable));
    }
    if (result.status !== 'refuse') seen.add(key);
    out.push(result);
  }
  const byLine = new Map(batch.lines.map((l) => [l.line, money(l.charged)]));
  const chargedOf = (status: LineStatus) => sum(out.filter((o) => o.status === status).map((o) => byLine.get(o.line)!));
  return {
    claimNumber: claim.claimNumber,
    lines: out,
    totals: {
      charged: formatMoney(sum(batch.lines.map((l) => money(l.charged)))),
      payable: formatMoney(sum(out.map((o) => money(o.payable)))),
      held: formatMoney(chargedOf('hold')),
      refused: formatMoney(chargedOf('refuse')),
    },
  };
}
