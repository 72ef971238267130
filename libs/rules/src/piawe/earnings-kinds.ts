import type { EarningsKind } from './types';

/** Which kinds of pay count towards PIAWE, how, and why the others do not (1987 Act Sch 3 cl 2; docs/sources.md §1.4(a)). */

export type Share = 'ordinary' | 'overtimeAndShift';

/** How each counted kind splits; the split only matters before 21 Oct 2019 (the step-down) and for display. */
export const COUNTED: Readonly<Partial<Record<EarningsKind, Share>>> = {
  ordinary: 'ordinary',
  // Before 21 Oct 2019, allowances other than shift allowance are treated as ordinary earnings: they
  // are paid for ordinary hours and so do not fall away with overtime after 52 weeks.
  allowance: 'ordinary',
  'paid-leave': 'ordinary',
  commission: 'ordinary',
  'piece-rate': 'ordinary',
  'non-monetary-benefit': 'ordinary',
  overtime: 'overtimeAndShift',
  'shift-allowance': 'overtimeAndShift',
};

export const NOT_EARNINGS: Readonly<Partial<Record<EarningsKind, string>>> = {
  'employer-super': 'employer superannuation contributions are not earnings (1987 Act Sch 3 cl 2(1) "gross pre-injury earnings"; SIRA PIAWE guidance, nsw-facts §1.4(a))',
  'workers-compensation': 'compensation for lost earnings is not earnings received for work (1987 Act Sch 3 cl 2(1) "earnings received ... for work"; nsw-facts §1.4(a))',
  'discretionary-bonus':
    'a payment made without obligation by the employer is excluded (Workers Compensation Amendment (Pre-injury Average Weekly Earnings) Regulation 2019, explanatory note (e); nsw-facts §1.4(a))',
};

export const KINDS = new Set<string>([...Object.keys(COUNTED), ...Object.keys(NOT_EARNINGS)]);
