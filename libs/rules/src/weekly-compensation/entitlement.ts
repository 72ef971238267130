import { LocalDate, addDays, daysBetween } from '../calendar';
import { Dec, ZERO, decimal, formatMoney, money, roundCents } from '../money';
import { AmountTable, FactorTable, ParameterError, ParameterTables, REVIEW_CYCLES } from '../parameters';
import { Capacity, DayRate, RateSection, weeklyRateForDay } from './formula';
import { IndexationStep, IndexedPiawe } from './indexation';

export type CertificateCapacity = Capacity | 'fit';

export interface CertificateFact {
  capacity: CertificateCapacity;
  from: LocalDate;
  to: LocalDate;
  receivedOn: LocalDate;
}

export type LiabilityDecision = 'provisional' | 'accepted' | 'disputed';

export interface LiabilityFact {
  on: LocalDate;
  decision: LiabilityDecision;
}

export interface EarningsFact {
  weekStarting: LocalDate;
  amount: string;
  hours: string | number;
}

export interface WeeklyCompensationInput {
  piawe: string;
  /** Injuries before 26 Oct 2018: PIAWE without overtime and shift allowance, which values the weeks
   *  after the 52nd (former s44C(1); WCLA Act 2018 removed the step-down for later injuries). */
  piaweAfter52Weeks?: string | null;
  /** In the order received: where certificates overlap, the one received last decides (docs/rules.md §6). */
  certificates: CertificateFact[];
  /** In time order. */
  liability: LiabilityFact[];
  finalisedOn?: LocalDate | null;
  /** A later report for the same week replaces an earlier one (a correction). */
  earnings: EarningsFact[];
  s38ApprovedOn?: LocalDate | null;
  /** Days of an s48A suspension (docs/rules.md §8.2): not payable. */
  suspensions?: { from: LocalDate; to: LocalDate }[];
  /** The first day no longer payable after weekly payments were discontinued (s80, docs/rules.md §8.3) or terminated (s48A(1)(b)). */
  noLongerPayableFrom?: LocalDate | null;
  wpiAssessments?: { on: LocalDate; percent: string | number }[];
  /** Blocks are reported when their last day is on or before this date. */
  through: LocalDate;
  /** Also value the block in progress on `through`, counting only its days up to `through`
   *  (for "has week N started yet?"); its later days are reported as `not-yet`. */
  includeBlockInProgress?: boolean;
  tables: ParameterTables;
  /** Value only the blocks from this checkpoint on (a result's `checkpoint` from the same facts, or
   *  facts changed only on or after its `blockFrom`): what is kept need not be valued again. Ignored
   *  when the first day of incapacity is not the checkpoint's. */
  resume?: EntitlementCheckpoint | null;
  /** How a block's seven daily rates are summed: in integers (the default, faster) or in decimals.
   *  Both are exact and give the same amounts (the property test in weekly-compensation.test.ts). */
  arithmetic?: 'integer' | 'decimal';
}

/** Where a valuation stopped: the next block to value, and how many weeks were counted before it. */
export interface EntitlementCheckpoint {
  firstDayOfIncapacity: LocalDate;
  blockFrom: LocalDate;
  weeksCounted: number;
}

export type NotPayableReason =
  | 'not-yet'
  | 'no-rate-in-force'
  | 'no-certificate'
  | 'fit-for-work'
  | 'liability-not-provisional-or-accepted'
  | 'liability-disputed'
  | 'claim-finalised'
  | 'weekly-payments-discontinued'
  | 's48a-suspended';

export interface DayLine {
  date: LocalDate;
  payable: boolean;
  notPayable?: NotPayableReason;
  capacity?: Capacity;
  p?: string;
  max?: string;
  section?: RateSection;
  formula?: string;
  /** The weekly rate that day (a seventh of it is paid for the day). */
  weeklyRate: string;
}

export interface EntitlementBlock {
  /** Week number n (s32A) when the block is counted, else null. */
  week: number | null;
  from: LocalDate;
  to: LocalDate;
  amount: string;
  cwe: string;
  hoursWorked: string;
  days: DayLine[];
  /** True for the block in progress (includeBlockInProgress). */
  inProgress: boolean;
  /** The PIAWE the block was valued with (before indexation): after the 52nd week, the stepped-down one when there is one. */
  piawe: string;
}

export interface WeeklyCompensationResult {
  firstDayOfIncapacity: LocalDate | null;
  /** Counted weeks only (amount > 0), in week order; the block in progress only when asked for. */
  weeks: EntitlementBlock[];
  /** Every block considered, counted or not, for explanations. */
  blocks: EntitlementBlock[];
  indexation: IndexationStep[];
  /** "Rates not current from D" and other things a person must look at. */
  warnings: string[];
  notCurrentFrom: LocalDate | null;
  /** After the last complete block valued: resume from here when only later days' facts change. */
  checkpoint: EntitlementCheckpoint | null;
  /** The checkpoint this valuation started from, when `resume` was used. */
  resumedFrom: EntitlementCheckpoint | null;
}

const SEVEN = new Dec(7);
const TEN_THOUSAND = new Dec(10_000);

/**
 * A weekly rate in ten-thousandths of a dollar when it is a whole number of them, else null. Every
 * rate is one: P (whole dollars once indexed, else the PIAWE's cents), MAX and CWE are in cents and
 * the multipliers are 0.95 and 0.80, so products have at most four decimal places. The block sum
 * then runs on integers (exact below 2^53, some 9 × 10^11 dollars); a rate that is not such a number
 * sends its block down the decimal path, with the same result.
 */
function inTenThousandths(weekly: Dec): number | null {
  const scaled = weekly.times(TEN_THOUSAND);
  return scaled.isInteger() && scaled.lessThan(Number.MAX_SAFE_INTEGER / 7) ? scaled.toNumber() : null;
}

/** Whole cents as money text ("123456" → "1234.56"), without a decimal on the hot path. */
function centsText(cents: number): string {
  const whole = Math.floor(cents / 100);
  const part = cents - whole * 100;
  return `${whole}.${part < 10 ? '0' : ''}${part}`;
}

/**
 * Weekly compensation per entitlement week (docs/rules.md §6; Workers Compensation Act 1987 s32A,
 * s33–s39, s82A): 7-day blocks from the first day of incapacity; each day is valued with that
 * day's capacity, P and MAX, contributes a seventh, and the block is rounded half-up to cents.
 * A block worth 0 is not counted, so week numbers advance only with paid weeks.
 */
export function computeWeeklyCompensation(input: WeeklyCompensationInput): WeeklyCompensationResult {
  const warnings = new Set<string>();
  const incapacityDays = input.certificates.filter((c) => c.capacity !== 'fit');
  if (incapacityDays.length === 0) {
    return { firstDayOfIncapacity: null, weeks: [], blocks: [], indexation: [], warnings: [], notCurrentFrom: null, checkpoint: null, resumedFrom: null };
  }
  const first = incapacityDays.map((c) => c.from).reduce((a, b) => (a <= b ? a : b));
  const maxTable = new AmountTable('maxWeeklyCompensation', input.tables.maxWeeklyCompensation, REVIEW_CYCLES.maxWeeklyCompensation);
  const factors = new FactorTable(input.tables.indexation);
  const p = new IndexedPiawe(money(input.piawe), first, input.through, factors);
  // Former s44C(1): the stepped-down PIAWE is indexed the same way, and values the weeks after the 52nd.
  const stepped = input.piaweAfter52Weeks != null ? new IndexedPiawe(money(input.piaweAfter52Weeks), first, input.through, factors) : null;
  const resume = input.resume && input.resume.firstDayOfIncapacity === first && daysBetween(first, input.resume.blockFrom) % 7 === 0 ? input.resume : null;
  const earnings = earningsByWeek(input.earnings);
  const latestWpi = input.wpiAssessments?.length ? decimal(String(input.wpiAssessments[input.wpiAssessments.length - 1].percent)) : null;
  const wpiAbove20 = latestWpi !== null && latestWpi.greaterThan(20);
  const everLiable = input.liability.some((l) => l.decision !== 'disputed');
  let notCurrentFrom: LocalDate | null = null;
  // Called for every day: each (table, date) pair is worded once, not once per day.
  const flagged = new Map<string, Set<LocalDate>>();
  const flagStale = (d: LocalDate | null, what: string) => {
    if (!d) return;
    let seen = flagged.get(what);
    if (!seen) flagged.set(what, (seen = new Set()));
    if (seen.has(d)) return;
    seen.add(d);
    warnings.add(`${what} not current from ${d}`);
    if (!notCurrentFrom || d < notCurrentFrom) notCurrentFrom = d;
  };

  const rates = new Map<string, DayRate & { p: string; max: string; weeklyText: string; units: number | null }>();
  const ids = new Map<Dec, number>();
  const idOf = (d: Dec) => {
    let id = ids.get(d);
    if (id === undefined) ids.set(d, (id = ids.size));
    return id;
  };
  const start = resume ? resume.blockFrom : first;
  const missingFactors = p.missingFactorsThrough(input.through);
  let missingIdx = 0;
  const blocks: EntitlementBlock[] = [];
  const weeks: EntitlementBlock[] = [];
  const weeksBefore = resume ? resume.weeksCounted : 0;
  let checkpoint: EntitlementCheckpoint = { firstDayOfIncapacity: first, blockFrom: start, weeksCounted: weeksBefore };
  const lastFrom = input.includeBlockInProgress ? input.through : addDays(input.through, -6);
  for (let from = start; from <= lastFrom; from = addDays(from, 7)) {
    const to = addDays(from, 6);
    const week = weeksBefore + weeks.length + 1;
    const steppedDown = stepped !== null && week > 52;
    const reported = earnings.get(from);
    earnings.delete(from);
    const cwe = reported ? money(reported.amount) : ZERO;
    const hours = reported ? decimal(String(reported.hours)) : ZERO;
    // Seven rates summed exactly, in integers (ten-thousandths of a dollar) while every rate is one.
    let units: number | null = input.arithmetic === 'decimal' ? null : 0;
    const dayRates: Dec[] = [];
    const days: DayLine[] = [];
    for (let i = 0; i < 7; i++) {
      const date = addDays(from, i);
      const why: { reason?: NotPayableReason; capacity?: Capacity } = date > input.through ? { reason: 'not-yet' } : notPayable(date);
      if (why.reason) {
        days.push({ date, payable: false, notPayable: why.reason, weeklyRate: '0.00' });
        continue;
      }
      let maxOn: ReturnType<AmountTable['on']>;
      try {
        maxOn = maxTable.on(date);
      } catch (e) {
        // A day before the table's first row has no MAX: it is not valued, and says so loudly (never
        // a throw: workflow code calls this).
        if (!(e instanceof ParameterError)) throw e;
        warnings.add(`maxWeeklyCompensation has no row in force on ${date}: days before its first row are not valued`);
        days.push({ date, payable: false, notPayable: 'no-rate-in-force', weeklyRate: '0.00' });
        continue;
      }
      flagStale(maxOn.notCurrentFrom, 'maxWeeklyCompensation');
      // Days only move forward, so each missing factor is flagged once, on the first day it matters.
      for (; missingIdx < missingFactors.length && missingFactors[missingIdx] <= date; missingIdx++) flagStale(missingFactors[missingIdx], `indexation (no factor for ${missingFactors[missingIdx]})`);
      const pOn = (steppedDown ? stepped : p).on(date);
      const s38Approved = !!input.s38ApprovedOn && date >= input.s38ApprovedOn;
      // Most days of a long claim repeat the same facts: each distinct combination is valued once
      // (the rate depends on the week only through its period: 1-13, 14-130, 131-260, later).
      const period = week <= 13 ? 1 : week <= 130 ? 2 : week <= 260 ? 3 : 4;
      const key = `${period}|${why.capacity}|${idOf(pOn)}|${idOf(maxOn.value)}|${idOf(cwe)}|${idOf(hours)}|${s38Approved ? 1 : 0}`;
      let rate = rates.get(key);
      if (!rate) {
        const r = weeklyRateForDay({ week, capacity: why.capacity!, p: pOn, max: maxOn.value, cwe, hoursWorked: hours, s38Approved, wpiAbove20 });
        rate = { ...r, p: pOn.toString(), max: formatMoney(maxOn.value), weeklyText: formatMoney(r.weekly), units: inTenThousandths(r.weekly) };
        rates.set(key, rate);
      }
      // Sum the daily rates and divide once: seven rounded sevenths would not add back up exactly.
      units = units !== null && rate.units !== null ? units + rate.units : null;
      dayRates.push(rate.weekly);
      days.push({
        date,
        payable: true,
        capacity: why.capacity,
        p: rate.p,
        max: rate.max,
        section: rate.section,
        formula: rate.formula,
        weeklyRate: rate.weeklyText,
      });
    }
    // The block's amount: the sum over 7, rounded half up to cents (sum/7 ten-thousandths = sum/700 cents).
    let amountText: string;
    if (units !== null) amountText = centsText(Math.floor((units + 350) / 700));
    else amountText = formatMoney(roundCents(dayRates.reduce((a, r) => a.plus(r), ZERO).dividedBy(SEVEN)));
    const counted = amountText !== '0.00';
    const block: EntitlementBlock = {
      week: counted ? week : null,
      from,
      to,
      amount: amountText,
      cwe: formatMoney(cwe),
      hoursWorked: hours.toString(),
      days,
      inProgress: to > input.through,
      piawe: steppedDown ? input.piaweAfter52Weeks! : input.piawe,
    };
    blocks.push(block);
    if (counted) weeks.push(block);
    if (!block.inProgress) checkpoint = { firstDayOfIncapacity: first, blockFrom: addDays(from, 7), weeksCounted: weeksBefore + weeks.length };
  }
  for (const weekStarting of earnings.keys()) {
    if (weekStarting <= input.through && (daysBetween(first, weekStarting) % 7 !== 0 || weekStarting < first)) {
      warnings.add(`earnings reported for week starting ${weekStarting}, which is not the first day of an entitlement week (weeks start ${first}): ignored`);
    }
  }
  return { firstDayOfIncapacity: first, weeks, blocks, indexation: p.steps, warnings: [...warnings], notCurrentFrom, checkpoint, resumedFrom: resume };

  function notPayable(date: LocalDate): { reason?: NotPayableReason; capacity?: Capacity } {
    if (input.finalisedOn && date >= input.finalisedOn) return { reason: 'claim-finalised' };
    // docs/rules.md §6, §8.3: from the first day no longer payable, no day is payable for the rest of the claim.
    if (input.noLongerPayableFrom && date >= input.noLongerPayableFrom) return { reason: 'weekly-payments-discontinued' };
    // docs/rules.md §8.2: days of an s48A suspension are not payable (s48A(3)).
    if (input.suspensions?.some((s) => s.from <= date && date <= s.to)) return { reason: 's48a-suspended' };
    let cert: CertificateFact | undefined;
    for (let i = input.certificates.length - 1; i >= 0; i--) {
      const c = input.certificates[i];
      if (c.from <= date && date <= c.to) {
        cert = c;
        break;
      }
    }
    if (!cert) return { reason: 'no-certificate' };
    if (cert.capacity === 'fit') return { reason: 'fit-for-work' };
    if (!everLiable) return { reason: 'liability-not-provisional-or-accepted' };
    // The decision in force on the day: once disputed, days from then on are not payable until a new acceptance.
    let inForce: LiabilityDecision | undefined;
    for (const l of input.liability) if (l.on <= date) inForce = l.decision;
    if (inForce === 'disputed') return { reason: 'liability-disputed' };
    return { capacity: cert.capacity };
  }
}

function earningsByWeek(facts: EarningsFact[]): Map<LocalDate, EarningsFact> {
  const map = new Map<LocalDate, EarningsFact>();
  for (const f of facts) map.set(f.weekStarting, f);
  return map;
}
