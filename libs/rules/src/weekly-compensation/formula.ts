import { Dec, ZERO, max, min } from '../money';

export type Capacity = 'none' | 'some';

/** Which section decides a day's rate; the source cited in explanations. */
export type RateSection = 's36' | 's37' | 's38' | 's39';

export interface DayFacts {
  /** Entitlement week number n (s32A). */
  week: number;
  capacity: Capacity;
  /** Indexed PIAWE in force that day. */
  p: Dec;
  /** MAX in force that day (s34). */
  max: Dec;
  /** Current weekly earnings of the block (0 when none reported). */
  cwe: Dec;
  hoursWorked: Dec;
  /** The day is on or after an s38 approval. */
  s38Approved: boolean;
  /** WPI assessed at more than 20% (s39(2)). */
  wpiAbove20: boolean;
}

export interface DayRate {
  weekly: Dec;
  section: RateSection;
  formula: string;
}

const P95 = new Dec('0.95');
const P80 = new Dec('0.80');
const FIFTEEN_HOURS = new Dec(15);

function ncwc(rate: Dec, f: DayFacts): Dec {
  return min(rate.times(f.p), f.max);
}

function cwc(rate: Dec, f: DayFacts): Dec {
  return min(rate.times(f.p).minus(f.cwe), f.max.minus(f.cwe));
}

/**
 * The weekly rate that applies on one day (docs/rules.md §6 table; Workers Compensation Act 1987
 * Pt 3 Div 2). A negative result counts as 0. CWE is deducted in full (NSW, not 80% as in Vic).
 */
export function weeklyRateForDay(f: DayFacts): DayRate {
  const out = (weekly: Dec, section: RateSection, formula: string): DayRate => ({ weekly: max(weekly, ZERO), section, formula });
  if (f.week <= 13) {
    // s36: first entitlement period.
    return f.capacity === 'none' ? out(ncwc(P95, f), 's36', 'min(0.95×P, MAX)') : out(cwc(P95, f), 's36', 'min(0.95×P − CWE, MAX − CWE)');
  }
  if (f.week <= 130) {
    // s37: second entitlement period; the 95% rate continues for a worker back at work ≥ 15 h (s37(2)).
    if (f.capacity === 'none') return out(ncwc(P80, f), 's37', 'min(0.80×P, MAX)');
    return f.hoursWorked.greaterThanOrEqualTo(FIFTEEN_HOURS)
      ? out(cwc(P95, f), 's37', 'min(0.95×P − CWE, MAX − CWE), worked ≥ 15 h')
      : out(cwc(P80, f), 's37', 'min(0.80×P − CWE, MAX − CWE), worked < 15 h');
  }
  if (f.week > 260 && !f.wpiAbove20) return out(ZERO, 's39', 'no weekly payments after 260 weeks unless WPI > 20%');
  const section: RateSection = f.week > 260 ? 's39' : 's38';
  // s38: after the second entitlement period; a worker with capacity needs an approved s38 application.
  if (f.capacity === 'none') return out(ncwc(P80, f), section, 'min(0.80×P, MAX)');
  return f.s38Approved ? out(cwc(P80, f), section, 'min(0.80×P − CWE, MAX − CWE), s38 approved') : out(ZERO, section, 'current work capacity after week 130 without s38 approval');
}
