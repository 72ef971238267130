import { LocalDate, addDays, addMonthsClamped } from '../calendar';
import { decimal } from '../money';
import { s80Periods } from '../parameters';
import type { WeeklyCompensationResult } from './entitlement';

export type DiscontinuanceBasis = 'work-capacity-decision' | 'other';
export type S80NoticePeriod = 'none' | '2 weeks' | '6 weeks' | '3 months';

/** When weekly payments stop after notice of a discontinuance, and why (docs/rules.md §8.3). */
export interface Discontinuance {
  /** N: the day notice was given. */
  noticeOn: LocalDate;
  basis: DiscontinuanceBasis;
  /** C: consecutive days ending on N whose daily amount is more than 0. */
  continuousDays: number;
  period: S80NoticePeriod;
  /** The last day still payable (F − 1). */
  lastPayableDay: LocalDate;
  /** F: from this day on nothing is payable for the rest of the claim. */
  firstDayNotPayable: LocalDate;
  /** The rule applied, in words, with its source. */
  rule: string;
}

/**
 * The s80 notice period (Workplace Injury Management and Workers Compensation Act 1998 s80;
 * docs/rules.md §8.3; docs/sources.md T19). The period runs from the day after notice (Interpretation Act
 * 1987 s36) and payments continue until it has expired (s80(1)); F is never rolled to a business day.
 *  - s80(2): no notice period unless payments were continuous for at least 12 weeks: F = N + 1;
 *  - s80(3): a decision based on a work capacity decision: 3 months, F = the day after the same
 *    day of the month 3 months after N (the last day of that month if it has none);
 *  - s80(4)(a): otherwise, continuous for less than 1 year: 2 weeks, F = N + 15;
 *  - s80(4)(b): 1 year or more: 6 weeks, F = N + 43.
 */
export function s80Discontinuance(noticeOn: LocalDate, basis: DiscontinuanceBasis, continuousDays: number): Discontinuance {
  const p = s80Periods(noticeOn);
  const out = (period: S80NoticePeriod, lastPayableDay: LocalDate, rule: string): Discontinuance => ({
    noticeOn,
    basis,
    continuousDays,
    period,
    lastPayableDay,
    firstDayNotPayable: addDays(lastPayableDay, 1),
    rule: `${rule} (${p.section})`,
  });
  if (continuousDays < p.continuousDaysBeforeNoticeApplies) {
    return out('none', noticeOn, `paid continuously for ${continuousDays} days, fewer than ${p.continuousDaysBeforeNoticeApplies}: no notice period, s80(2)`);
  }
  if (basis === 'work-capacity-decision') {
    return out('3 months', addMonthsClamped(noticeOn, p.workCapacityDecisionMonths), `a work capacity decision: ${p.workCapacityDecisionMonths} months' notice, s80(3)`);
  }
  if (continuousDays < p.oneYearDays) {
    return out('2 weeks', addDays(noticeOn, p.lessThanOneYearDays), `paid continuously for ${continuousDays} days, less than a year: 2 weeks' notice, s80(4)(a)`);
  }
  return out('6 weeks', addDays(noticeOn, p.oneYearOrMoreDays), `paid continuously for ${continuousDays} days, a year or more: 6 weeks' notice, s80(4)(b)`);
}

/**
 * C of docs/rules.md §8.3: the number of consecutive days ending on `day` whose daily amount (docs/rules.md
 * §6, a seventh of that day's weekly rate) is more than 0, from a valuation that reaches `day`
 * (`includeBlockInProgress`). 0 when `day` itself is not payable.
 */
export function continuousPaidDaysEndingOn(valuation: WeeklyCompensationResult, day: LocalDate): number {
  const lines = new Map<LocalDate, { payable: boolean; weeklyRate: string }>();
  for (const b of valuation.blocks) for (const d of b.days) lines.set(d.date, d);
  let n = 0;
  for (let d = day; ; d = addDays(d, -1)) {
    const line = lines.get(d);
    if (!line || !line.payable || !decimal(line.weeklyRate).greaterThan(0)) return n;
    n++;
  }
}
