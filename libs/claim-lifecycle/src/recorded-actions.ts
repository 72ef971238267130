import type { ClaimEvent } from '@wc/contracts';
import { Dec, EntitlementCheckpoint, LocalDate, WeeklyCompensationResult, ZERO, daysBetween, decimal, formatMoney, sydneyDate } from '@wc/rules';
import { ActionOutcome, Valuation, entitlementFactsFromActions } from './entitlement-facts';
import { ValuationOptions, valueEntitlement } from './valuation';

/** A staff action as the payments service keeps it (claim.action-recorded), with what the claim decided with it. */
export interface RecordedAction {
  event: ClaimEvent;
  outcome?: ActionOutcome;
}

/** The valuation from the published staff actions in the order they were recorded, each read by the lifecycle's own reader. */
export function valueRecordedActions(actions: RecordedAction[], v: Valuation, through: LocalDate, opts: ValuationOptions = {}): WeeklyCompensationResult {
  return valueEntitlement(entitlementFactsFromActions(actions, v), v, through, opts);
}

const SEVEN = new Dec(7);

export interface PeriodEntitlement {
  amount: string;
  /** True when the employer's earnings and hours were used as the week's CWE (the period is an entitlement week). */
  earningsApplied: boolean;
  notes: string[];
}

/**
 * What weekly compensation the worker was entitled to for a pay period an employer reports (a wage
 * reimbursement schedule line, program 4.6): each day contributes a seventh of that day's weekly
 * rate (docs/rules.md §6), summed and rounded to cents once. When the period is exactly an
 * entitlement week, the employer's reported earnings and hours are that week's CWE (a later report
 * replaces an earlier one); otherwise the claim's own earnings reports are used and the note says so.
 */
export function periodEntitlement(actions: RecordedAction[], v: Valuation, period: { start: LocalDate; end: LocalDate; grossEarnings: string; hoursWorked: string }): PeriodEntitlement {
  const notes: string[] = [];
  const facts = entitlementFactsFromActions(actions, v);
  const first = valueEntitlement(facts, v, period.end, { includeBlockInProgress: true }).firstDayOfIncapacity;
  const isEntitlementWeek = !!first && daysBetween(first, period.start) >= 0 && daysBetween(first, period.start) % 7 === 0 && daysBetween(period.start, period.end) === 6;
  if (!isEntitlementWeek) notes.push("the period is not one entitlement week, so the employer's reported earnings were not used as CWE; the claim's own earnings reports were");
  const valued = valueEntitlement(facts, v, period.end, {
    includeBlockInProgress: true,
    moreEarnings: isEntitlementWeek ? [{ weekStarting: period.start, amount: period.grossEarnings, hours: period.hoursWorked }] : [],
  });
  let total = ZERO;
  for (const block of valued.blocks) {
    if (block.to < period.start || block.from > period.end) continue;
    for (const line of block.days) if (line.payable && line.date >= period.start && line.date <= period.end) total = total.plus(decimal(line.weeklyRate).dividedBy(SEVEN));
  }
  notes.push(...valued.warnings);
  return { amount: formatMoney(total), earningsApplied: isEntitlementWeek, notes };
}

/**
 * The first day an action can change the value of (docs/rules.md §6, §8): a certificate from its
 * first day, an earnings report from its week, a dispute, s38 approval, finalisation or s48A
 * compliance from the day recorded, a suspension from its first day, a discontinuance from the
 * earlier of the notice and the first day no longer payable. `null`: it can change any day (WPI,
 * liability accepted or provisional). Actions that change nothing payable give `undefined`.
 */
export function earliestEffect(a: RecordedAction): LocalDate | null | undefined {
  const e = a.event;
  const on = sydneyDate(e.at);
  switch (e.type) {
    case 'certificate.received':
      return e.from < on ? e.from : on;
    case 'earnings.reported':
      return e.weekStarting < on ? e.weekStarting : on;
    case 's48a.warning-issued':
      return e.suspendFrom < on ? e.suspendFrom : on;
    case 'weekly.discontinued':
    case 's48a.terminated': {
      const stop = a.outcome?.discontinuance?.firstDayNotPayable;
      return stop && stop < on ? stop : on;
    }
    // A WPI assessment decides weeks after the 260th whenever it is made (s39(2)); the first decision
    // that is not a dispute makes every earlier certified day payable (docs/rules.md §6).
    case 'wpi.assessed':
    case 'liability.provisional':
    case 'liability.accepted':
      return null;
    case 'liability.disputed':
    case 's38.approved':
    case 'claim.finalised':
    case 's48a.complied':
      return on;
    default:
      return undefined;
  }
}

/** What a kept checkpoint was valued with, to tell whether it still holds. */
export interface KeptValuation {
  checkpoint: EntitlementCheckpoint;
  /** The PIAWE determination it was valued with. */
  piaweId: string;
}

/**
 * Whether a kept valuation can be resumed, given the actions recorded since it was kept, the PIAWE
 * now, and the first day the rate tables now differ from those it was valued with
 * (`firstTableDifference`): it can unless one of them changes a day before its checkpoint (a late
 * certificate, an earnings correction, a new PIAWE, a changed rate row). Returns the first day to
 * value again from, or null when resuming gives what valuing from scratch would (the property test
 * in valuation.property.test.ts).
 */
export function revaluationNeededFrom(kept: KeptValuation, since: RecordedAction[], now: { piaweId: string; tablesChangedFrom: LocalDate | null }): LocalDate | null {
  const { blockFrom, firstDayOfIncapacity } = kept.checkpoint;
  let from: LocalDate | null = null;
  const earlier = (d: LocalDate) => {
    if (d < blockFrom && (from === null || d < from)) from = d;
  };
  if (now.piaweId !== kept.piaweId) earlier(firstDayOfIncapacity);
  if (now.tablesChangedFrom) earlier(now.tablesChangedFrom);
  for (const a of since) {
    const d = earliestEffect(a);
    if (d === undefined) continue;
    earlier(d ?? firstDayOfIncapacity);
  }
  return from;
}
