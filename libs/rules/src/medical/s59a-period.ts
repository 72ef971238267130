import { LocalDate, addDays, addYearsClamped } from '../calendar';
import { s59aPeriods } from '../parameters';

/**
 * How long medical, hospital and rehabilitation expenses are paid for (Workers Compensation Act
 * 1987 s59A; SIRA GN 3.11; docs/sources.md §3): a period of 2 years when the whole person impairment
 * is 10% or less or not assessed, 5 years when it is more than 10% and not more than 20%, starting
 * on the day weekly payments cease to be payable, or on the day the claim was first made when none
 * were ever payable (s59A(2)); no limit above 20% (s59A(6), the worker with highest needs).
 */
export type MedicalPeriodBasis = 'weekly payments ceased' | 'claim first made';

export interface MedicalPeriod {
  period: '2 years' | '5 years';
  years: number;
  /** The day the period starts. */
  from: LocalDate;
  basis: MedicalPeriodBasis;
  /** The first day treatment given is no longer paid for (the period is `years` long from `from`). */
  ceaseOn: LocalDate;
  /** The last day of the period. */
  lastDay: LocalDate;
  rule: string;
}

export interface MedicalPeriodInput {
  /** The latest WPI assessed (s65), or null when none has been. */
  wpiPercent: number | null;
  /** The first day weekly payments are no longer payable, when that is known; null while they are. */
  weeklyCeasedOn: LocalDate | null;
  /** The day the claim was first made: the start when no weekly payment was ever payable. */
  claimFirstMadeOn: LocalDate;
  /** Whether any weekly payment was ever payable. */
  everPayable: boolean;
}

/** The medical compensation period as the facts stand, or null when it has no end (WPI above 20%, or weekly payments still payable). */
export function s59aMedicalPeriod(input: MedicalPeriodInput): MedicalPeriod | null {
  let from: LocalDate;
  let basis: MedicalPeriodBasis;
  if (input.everPayable) {
    if (!input.weeklyCeasedOn) return null;
    from = input.weeklyCeasedOn;
    basis = 'weekly payments ceased';
  } else {
    from = input.claimFirstMadeOn;
    basis = 'claim first made';
  }
  const p = s59aPeriods(from);
  const wpi = input.wpiPercent ?? 0;
  const row = p.periods.find((r) => wpi <= r.wpiAtMost);
  if (!row) return null;
  const period = row.years === 2 ? '2 years' : '5 years';
  const wpiText = input.wpiPercent === null ? 'WPI not assessed' : `WPI ${input.wpiPercent}%`;
  const ceaseOn = sameDateYearsLater(from, row.years);
  return {
    period,
    years: row.years,
    from,
    basis,
    ceaseOn,
    lastDay: addDays(ceaseOn, -1),
    rule: `${wpiText}: ${period} from ${from} (${basis}), s59A(2); ${p.section}`,
  };
}

/**
 * A period of N years starting on D ends on the day before the same date N years later; for a
 * period starting on 29 February that date is 1 March (docs/medical-assessment.md check 5), so the first day no
 * longer covered is 1 March, not 28 February.
 */
export function sameDateYearsLater(from: LocalDate, years: number): LocalDate {
  return from.endsWith('-02-29') ? addDays(addYearsClamped(from, years), 1) : addYearsClamped(from, years);
}
