import { LocalDate, daysBetween } from '../calendar';
import { Dec, ZERO, formatMoney, min, money, roundCents } from '../money';
import { AmountTable, ParameterTables, REVIEW_CYCLES } from '../parameters';

export interface EmployerExcessInput {
  piawe: string;
  dateOfInjury: LocalDate;
  employerAwareOn: LocalDate;
  /** The Sydney date the insurer first received the notification, complete or not. */
  firstReceivedOn: LocalDate;
  tables: ParameterTables;
}

export interface EmployerExcessResult {
  amount: string;
  daysToNotify: number;
  explanation: string;
  warnings: string[];
}

const LATE_AFTER_DAYS = 5;

/**
 * Employer excess (Workers Compensation Act 1987 s160; program 3.3.2; docs/rules.md §7): nothing if the
 * insurer was notified within 5 days of the employer becoming aware, otherwise the lesser of the
 * s36 weekly amount (0.95 × PIAWE capped at MAX on the date of injury) and the excess cap then.
 */
export function employerExcess(input: EmployerExcessInput): EmployerExcessResult {
  const days = daysBetween(input.employerAwareOn, input.firstReceivedOn);
  if (days <= LATE_AFTER_DAYS) {
    return { amount: formatMoney(ZERO), daysToNotify: days, explanation: `notified ${days} day(s) after the employer became aware (within ${LATE_AFTER_DAYS})`, warnings: [] };
  }
  const maxOn = new AmountTable('maxWeeklyCompensation', input.tables.maxWeeklyCompensation, REVIEW_CYCLES.maxWeeklyCompensation).on(input.dateOfInjury);
  const capOn = new AmountTable('employerExcessCap', input.tables.employerExcessCap, REVIEW_CYCLES.employerExcessCap).on(input.dateOfInjury);
  const weekly = min(roundCents(new Dec('0.95').times(money(input.piawe))), maxOn.value);
  const amount = min(weekly, capOn.value);
  const warnings: string[] = [];
  if (maxOn.notCurrentFrom) warnings.push(`maxWeeklyCompensation not current from ${maxOn.notCurrentFrom}`);
  if (capOn.notCurrentFrom) warnings.push(`employerExcessCap not current from ${capOn.notCurrentFrom}`);
  return {
    amount: formatMoney(amount),
    daysToNotify: days,
    explanation: `notified ${days} days after the employer became aware (more than ${LATE_AFTER_DAYS}): min(min(0.95 × ${input.piawe}, MAX ${formatMoney(maxOn.value)}), cap ${formatMoney(capOn.value)})`,
    warnings,
  };
}
