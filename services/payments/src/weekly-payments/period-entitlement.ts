import { Dec, EarningsFact, LocalDate, ParameterTables, ZERO, addDays, computeWeeklyCompensation, daysBetween, decimal, formatMoney } from '@wc/rules';
import type { PiaweInForce } from '../piawe/piawe-in-force';
import { RecordedAction, entitlementInputFrom } from './claim-facts';

const SEVEN = new Dec(7);

export interface PeriodEntitlement {
  amount: string;
  /** True when the employer's earnings and hours were used as the week's CWE (the period is an entitlement week). */
  earningsApplied: boolean;
  notes: string[];
}

/**
 * What weekly compensation the worker was entitled to for a pay period an employer reports (a
 * wage reimbursement schedule line): each day contributes a seventh of that day's weekly rate
 * (docs/rules.md §6), summed and rounded to cents once. When the period is exactly an entitlement week,
 * the employer's reported earnings and hours are that week's CWE (a later report replaces an
 * earlier one); otherwise the claim's own earnings reports are used and the note says so.
 */
export function periodEntitlement(
  actions: RecordedAction[],
  piawe: PiaweInForce,
  period: { start: LocalDate; end: LocalDate; grossEarnings: string; hoursWorked: string },
  tables: ParameterTables,
): PeriodEntitlement {
  const notes: string[] = [];
  const base = entitlementInputFrom(actions, piawe.amount, period.end, tables);
  const probe = computeWeeklyCompensation({ ...base, includeBlockInProgress: true });
  const first = probe.firstDayOfIncapacity;
  let earningsApplied = false;
  let earnings: EarningsFact[] = base.earnings;
  if (first && daysBetween(first, period.start) >= 0 && daysBetween(first, period.start) % 7 === 0 && daysBetween(period.start, period.end) === 6) {
    earnings = [...base.earnings, { weekStarting: period.start, amount: period.grossEarnings, hours: period.hoursWorked }];
    earningsApplied = true;
  } else {
    notes.push("the period is not one entitlement week, so the employer's reported earnings were not used as CWE; the claim's own earnings reports were");
  }
  const valued = (p: string) => computeWeeklyCompensation({ ...base, piawe: p, earnings, includeBlockInProgress: true });
  const main = valued(piawe.amount);
  const stepped = piawe.amountAfter52Weeks !== null ? valued(piawe.amountAfter52Weeks) : null;
  let total = ZERO;
  for (let d = period.start; d <= period.end; d = addDays(d, 1)) {
    const block = main.blocks.find((b) => b.from <= d && d <= b.to);
    const useStepped = stepped && block?.week != null && block.week > 52;
    const line = (useStepped ? stepped.blocks : main.blocks).flatMap((b) => b.days).find((x) => x.date === d);
    if (line?.payable) total = total.plus(decimal(line.weeklyRate).dividedBy(SEVEN));
  }
  notes.push(...main.warnings);
  return { amount: formatMoney(total), earningsApplied, notes };
}
