import type { LocalDate } from '../calendar';
import type { PiaweRegime } from './regime';

/** What a PIAWE determination takes and gives (see piawe.ts for how it is worked out). */

export type EarningsKind =
  'ordinary' | 'overtime' | 'shift-allowance' | 'allowance' | 'paid-leave' | 'commission' | 'piece-rate' | 'non-monetary-benefit' | 'employer-super' | 'workers-compensation' | 'discretionary-bonus';

export interface EarningsLine {
  id: string;
  employment: string;
  /** A pay period, inclusive. */
  from: LocalDate;
  to: LocalDate;
  kind: EarningsKind;
  /** Money text: digits with at most two decimal places. */
  amount: string;
}

export interface Employment {
  id: string;
  employer: string;
  startedOn: LocalDate;
  /** A financially material, ongoing change to the arrangement (Reg cl 8C), e.g. full-time to part-time or a pay rise. */
  materialChangeOn?: LocalDate | null;
  /** Reg cl 8F short-term worker: what the worker could reasonably have been expected to earn per week
   *  (contract, award), as given by the case manager. */
  expectedWeeklyEarnings?: string | null;
}

export interface UnpaidLeave {
  employment: string;
  from: LocalDate;
  to: LocalDate;
}

export interface PiaweInput {
  dateOfInjury: LocalDate;
  /** Before 21 Oct 2019 the FIRST employment is taken as the one in which the worker was injured. */
  employments: Employment[];
  earnings: EarningsLine[];
  unpaidLeave?: UnpaidLeave[];
}

export interface PiaweAdjustment {
  /** e.g. 'Reg cl 8C'. */
  clause: string;
  effect: string;
}

export interface EmploymentPiawe {
  employment: string;
  /** `days` are the counted days (unpaid leave taken out); `weeks` is days ÷ 7 for display, to at most 6 places. */
  period: { from: LocalDate; to: LocalDate; days: number; weeks: string };
  /** Totals over the period (not weekly), to cents for display: everything counted except overtime and shift allowance … */
  ordinary: string;
  /** … and overtime plus shift allowance. */
  overtimeAndShift: string;
  weeklyAverage: string;
  adjustments: PiaweAdjustment[];
  linesUsed: string[];
  linesExcluded: { id: string; reason: string }[];
}

export interface PiaweResult {
  regime: PiaweRegime;
  amount: string;
  /** Only for injuries before 26 Oct 2018: the PIAWE after 52 weeks of weekly payments, without overtime and shift allowance. */
  amountAfter52Weeks: string | null;
  complete: boolean;
  /** Plain-English reasons an interim PIAWE is needed (SoP S7). */
  missing: string[];
  employments: EmploymentPiawe[];
  /** Employments that do not count under the regime (before 21 Oct 2019: all but the injuring one), with their lines. */
  employmentsExcluded: { employment: string; reason: string; lines: string[] }[];
  explanation: string[];
}

export interface PiaweProblem {
  /** e.g. `earnings[3].to`. */
  path: string;
  message: string;
}

export class PiaweInputError extends Error {
  constructor(readonly problems: PiaweProblem[]) {
    super(`invalid PIAWE input: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    this.name = 'PiaweInputError';
  }
}
