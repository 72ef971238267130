import type { EarningsFact, EntitlementBlock, EntitlementCheckpoint, AmountRow, FactorRow, LocalDate, ParameterTables, WeeklyCompensationInput, WeeklyCompensationResult } from '@wc/rules';
import { computeWeeklyCompensation, decimal, formatMoney, suspendedDays } from '@wc/rules';
import type { EntitlementFacts, Valuation } from './entitlement-facts';

export interface ValuationOptions {
  /** Also value the block in progress on `through` (docs/rules.md §6: "has week N started yet?"). */
  includeBlockInProgress?: boolean;
  /** Value only from this checkpoint on: see `revaluationNeededFrom` for when that is allowed. */
  resume?: EntitlementCheckpoint | null;
  /** Earnings reported from elsewhere (an employer's wage reimbursement schedule), after the claim's own: a later report for a week wins. */
  moreEarnings?: EarningsFact[];
}

/**
 * THE valuation of a claim's weekly compensation (docs/rules.md §6 and §8; 1987 Act s32A–s39,
 * s82A; former s44C(1) for the step-down after 52 weeks): the claim's facts, its PIAWE and the rate
 * tables in, its entitlement blocks, days and counted weeks out. The claim's lifecycle, weekly
 * payments, wage reimbursement reconciliation and remediation all value weeks here and nowhere else.
 */
export function valueEntitlement(facts: EntitlementFacts, v: Valuation, through: LocalDate, opts: ValuationOptions = {}): WeeklyCompensationResult {
  const input = entitlementInputOf(facts, v, through);
  return computeWeeklyCompensation({
    ...input,
    earnings: opts.moreEarnings?.length ? [...input.earnings, ...opts.moreEarnings] : input.earnings,
    includeBlockInProgress: opts.includeBlockInProgress ?? false,
    resume: opts.resume ?? null,
  });
}

/** The same, from the published staff actions in the order they were recorded (read by the lifecycle's own reader). */
/** The input of the weekly compensation rules (docs/rules.md §6) from the facts, valued through `through`. */
export function entitlementInputOf(f: EntitlementFacts, v: Valuation, through: LocalDate): WeeklyCompensationInput {
  return {
    piawe: v.piawe,
    piaweAfter52Weeks: v.piaweAfter52Weeks ?? null,
    certificates: f.certificates,
    liability: f.liability,
    finalisedOn: f.finalisedOn,
    earnings: f.earnings,
    s38ApprovedOn: f.s38ApprovedOn,
    wpiAssessments: f.wpi,
    suspensions: (f.s48aWarnings ?? []).map(suspendedDays).filter((d): d is { from: LocalDate; to: LocalDate } => d !== null),
    noLongerPayableFrom: f.discontinuance?.firstDayNotPayable ?? null,
    through,
    tables: v.tables,
  };
}

/** What a valued week says about how it was valued, compactly: the sections, P and MAX that applied (stored with each payment, compared by remediation). */
export interface WeekExplanation {
  week: number | null;
  from: LocalDate;
  to: LocalDate;
  amount: string;
  piawe: string;
  cwe: string;
  hoursWorked: string;
  sections: string[];
  p: string[];
  max: string[];
  formulas: string[];
  daysPayable: number;
}

/** Amount texts as money ("1000" → "1000.00"): a remediation asks for the same few values millions of times. */
const moneyTexts = new Map<string, string>();
function asMoney(text: string): string {
  let out = moneyTexts.get(text);
  if (out === undefined) {
    if (moneyTexts.size > 10_000) moneyTexts.clear();
    moneyTexts.set(text, (out = formatMoney(decimal(text))));
  }
  return out;
}

export function explainWeek(block: EntitlementBlock): WeekExplanation {
  const uniq = <T>(xs: (T | undefined)[]) => [...new Set(xs.filter((x): x is T => x !== undefined))];
  const payable = block.days.filter((d) => d.payable);
  return {
    week: block.week,
    from: block.from,
    to: block.to,
    amount: block.amount,
    piawe: block.piawe,
    cwe: block.cwe,
    hoursWorked: block.hoursWorked,
    sections: uniq(payable.map((d) => d.section)),
    p: uniq(payable.map((d) => d.p && asMoney(d.p))),
    max: uniq(payable.map((d) => d.max && asMoney(d.max))),
    formulas: uniq(payable.map((d) => d.formula)),
    daysPayable: payable.length,
  };
}

/** The first day on which two versions of the rate tables weekly compensation uses differ (MAX and indexation), or null when they agree. */
export function firstTableDifference(a: ParameterTables, b: ParameterTables): LocalDate | null {
  const amounts = (rows: AmountRow[]) => new Map(rows.map((r) => [r.from, decimal(r.amount).toString()]));
  const factors = (rows: FactorRow[]) => new Map(rows.map((r) => [r.on, decimal(r.factor).toString()]));
  let first: LocalDate | null = null;
  const differ = (x: Map<LocalDate, string>, y: Map<LocalDate, string>) => {
    for (const d of new Set([...x.keys(), ...y.keys()])) if (x.get(d) !== y.get(d) && (first === null || d < first)) first = d;
  };
  differ(amounts(a.maxWeeklyCompensation), amounts(b.maxWeeklyCompensation));
  differ(factors(a.indexation), factors(b.indexation));
  return first;
}
