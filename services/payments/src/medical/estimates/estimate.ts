import { Dec, LocalDate, WeeklyCompensationResult, ZERO, addDays, daysBetween, decimal, formatMoney, max, money, sum } from '@wc/rules';

/**
 * A claim's estimate (reserve) of what it will still cost, by part, each with the method used and
 * what it counted (issue 17; program 4.5 "Claims estimating": keep estimates up to date, between
 * review points too; use current amounts, ignore inflation; exclude what was already paid). Pure:
 * the service gathers the facts.
 */
export interface EstimateFacts {
  asAt: LocalDate;
  /** The valuation of weekly compensation through `asAt`, including the block in progress. */
  weekly: WeeklyCompensationResult | null;
  /** The last day a certificate of capacity none or some covers, if any. */
  certifiedTo: LocalDate | null;
  /** The first day no longer payable (a discontinuance), if any. */
  noLongerPayableFrom: LocalDate | null;
  /** Weekly payments end after 260 weeks unless WPI is above 20% (s39). */
  weeksCap: number | null;
  /** Weekly compensation for weeks already ended and not yet paid (generated, authorised or in a run counts as paid). */
  weeklyOwed: string;
  approvals: Array<{ unitsLeft: number; maxFeePerUnit: string; items: string[] }>;
  /** Invoice lines held (they may yet be paid). */
  heldCharged: string;
  /** Treatment requested and not yet decided: its stated cost. */
  undecidedRequests: string;
}

export interface EstimatePart {
  amount: string;
  method: string;
  counted: string;
}

export interface Estimate {
  asAt: LocalDate;
  weekly: EstimatePart;
  medical: EstimatePart;
  other: EstimatePart;
  total: string;
}

export function estimate(f: EstimateFacts): Estimate {
  const weekly = weeklyPart(f);
  const medical = medicalPart(f);
  const other: EstimatePart = { amount: '0.00', method: 'none', counted: 'no other costs (investigations, legal, IME fees) are recorded on the platform yet, so none are estimated' };
  return { asAt: f.asAt, weekly, medical, other, total: formatMoney(sum([weekly, medical, other].map((p) => money(p.amount)))) };
}

/**
 * Weekly: "certified incapacity at the current rate". What is owed for ended weeks not yet paid,
 * plus the current week's rate for each remaining day the latest certificate covers, stopping at a
 * discontinuance and at the 260-week limit (s39) where it applies. No certificate ahead: nothing more.
 */
function weeklyPart(f: EstimateFacts): EstimatePart {
  const owed = money(f.weeklyOwed);
  const weeks = f.weekly?.weeks ?? [];
  const current = [...weeks].reverse().find((w) => !w.inProgress) ?? weeks[weeks.length - 1];
  let end = f.certifiedTo;
  if (end && f.noLongerPayableFrom && end >= f.noLongerPayableFrom) end = addDays(f.noLongerPayableFrom, -1);
  const counted = weeks.filter((w) => !w.inProgress).length;
  let days = end && end > f.asAt ? daysBetween(f.asAt, end) : 0;
  if (f.weeksCap !== null) days = Math.min(days, Math.max(0, (f.weeksCap - counted) * 7));
  const rate = current ? money(current.amount) : ZERO;
  const future = rate.times(days).dividedBy(7);
  const amount = owed.plus(future);
  return {
    amount: formatMoney(max(amount, ZERO)),
    method: 'certified incapacity at the current rate',
    counted: `${formatMoney(owed)} owed for ended weeks not yet paid; ${days} certified days ahead (to ${end ?? 'no certificate ahead'}) at ${formatMoney(rate)} a week (the latest week's amount)${f.weeksCap !== null ? `; at most ${f.weeksCap} weeks in all (s39)` : ''}`,
  };
}

/**
 * Medical: "approvals and held lines". Every approved unit not yet used, at the highest fee order
 * maximum of its items; every held line's charge (it may yet be paid); and treatment requested but
 * not yet decided, at the cost the request gave.
 */
function medicalPart(f: EstimateFacts): EstimatePart {
  const approved = sum(f.approvals.map((a) => decimal(String(a.unitsLeft)).times(money(a.maxFeePerUnit))));
  const held = money(f.heldCharged);
  const requested = money(f.undecidedRequests);
  return {
    amount: formatMoney(approved.plus(held).plus(requested)),
    method: 'approvals and held lines',
    counted: `${formatMoney(approved)} for ${f.approvals.reduce((n, a) => n + a.unitsLeft, 0)} approved units not yet used; ${formatMoney(held)} of lines held; ${formatMoney(requested)} requested and not yet decided`,
  };
}

export type { Dec };
