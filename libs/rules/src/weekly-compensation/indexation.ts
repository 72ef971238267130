import { LocalDate } from '../calendar';
import { Dec } from '../money';
import { FactorTable, REVIEW_CYCLES, reviewDatesBetween } from '../parameters';

export interface IndexationStep {
  on: LocalDate;
  factor: string | null;
  before: string;
  after: string;
  /** Why `after` is what it is (applied, factor below 1, factor missing). */
  note: 'applied' | 'factor-below-one' | 'factor-missing' | 'rounding-would-reduce';
}

const THOUSAND = new Dec(1000);

/**
 * s82D (as SIRA GN 5.13 states it): an indexed amount below $1,000 rounds to the nearest whole $1,
 * otherwise to the nearest whole $10, half up.
 */
export function roundIndexed(value: Dec): Dec {
  const unit = value.lessThan(THOUSAND) ? new Dec(1) : new Dec(10);
  return value.dividedBy(unit).toDecimalPlaces(0, Dec.ROUND_HALF_UP).times(unit);
}

/**
 * Indexed PIAWE over time (s82A; docs/rules.md §6): on each review date (1 April, 1 October) strictly
 * after the first day of incapacity, P becomes P × factor, compounding from the PIAWE, each result
 * rounded per s82D; a factor below 1 leaves P unchanged (GN 5.13 no-reduction rule).
 * The same no-reduction rule is applied when s82D rounding alone would take P below its previous
 * value (e.g. $1,231 × 1.003 = $1,234.69 → $1,230): indexation never lowers P.
 */
export class IndexedPiawe {
  readonly steps: IndexationStep[] = [];
  private readonly values: { from: LocalDate; p: Dec }[] = [];

  constructor(
    readonly piawe: Dec,
    readonly firstDayOfIncapacity: LocalDate,
    through: LocalDate,
    factors: FactorTable,
  ) {
    let p = piawe;
    this.values.push({ from: firstDayOfIncapacity, p });
    for (const on of reviewDatesBetween(REVIEW_CYCLES.indexation, firstDayOfIncapacity, through)) {
      const factor = factors.factorOn(on);
      const before = p;
      let note: IndexationStep['note'] = 'applied';
      if (!factor) note = 'factor-missing';
      else if (factor.lessThan(1)) note = 'factor-below-one';
      else {
        const indexed = roundIndexed(p.times(factor));
        if (indexed.lessThan(p)) note = 'rounding-would-reduce';
        else p = indexed;
      }
      this.steps.push({ on, factor: factor ? factor.toString() : null, before: before.toString(), after: p.toString(), note });
      this.values.push({ from: on, p });
    }
  }

  /** P in force on `day` (the PIAWE itself before the first review date). */
  on(day: LocalDate): Dec {
    let p = this.piawe;
    for (const v of this.values) if (v.from <= day) p = v.p;
    return p;
  }

  /** Review dates up to `day` whose factor is missing: the loud "rates not current" signal. */
  missingFactorsThrough(day: LocalDate): LocalDate[] {
    return this.steps.filter((s) => s.note === 'factor-missing' && s.on <= day).map((s) => s.on);
  }
}
