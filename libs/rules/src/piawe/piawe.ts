import { LocalDate, addDays, daysBetween, maxDate, minDate } from '../calendar';
import { Dec, ZERO, formatMoney, money, roundCents, sum } from '../money';
import { COUNTED, NOT_EARNINGS } from './earnings-kinds';
import { PIAWE_REGIME_CITATIONS, piaweRegime } from './regime';
import type { EarningsLine, Employment, EmploymentPiawe, PiaweAdjustment, PiaweInput, PiaweResult, UnpaidLeave } from './types';
import { validate } from './validate';

/**
 * Pre-injury average weekly earnings (PIAWE) under the three NSW regimes (docs/sources.md §1.4, §9.1 W12).
 * Pure and deterministic: no clock, no I/O; every amount is an exact decimal and is rounded to cents
 * once, at the end of each employment's average.
 */

export * from './regime';
export * from './types';

const SEVEN = new Dec(7);
/** Sch 3 cl 2(2): 52 weeks ending immediately before the date of injury. */
const RELEVANT_PERIOD_DAYS = 364;
/** Reg cl 8E: only unpaid leave of at least 7 consecutive calendar days moves the period. */
const MIN_UNPAID_LEAVE_DAYS = 7;
/** Reg cl 8F trigger as the platform applies it (docs/sources.md §1.4(a): from S38, not confirmed in the clause text). */
const SHORT_TERM_DAYS = 28;

/** Determines PIAWE; throws PiaweInputError listing every problem with the input. */
export function determinePiawe(input: PiaweInput): PiaweResult {
  validate(input);
  const regime = piaweRegime(input.dateOfInjury);
  // Sorting makes every output independent of the order the lines arrive in (ids are unique, so the order is total).
  const lines = [...input.earnings].sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to) || cmp(a.id, b.id));
  const leave = [...(input.unpaidLeave ?? [])].sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to));
  const ctx: Ctx = { doi: input.dateOfInjury, missing: [], explanation: [`Regime ${regime}: ${PIAWE_REGIME_CITATIONS[regime]}.`] };
  const linesOf = (e: Employment) => lines.filter((l) => l.employment === e.id);
  const leaveOf = (e: Employment) => leave.filter((l) => l.employment === e.id);

  if (regime === 'from-2019-10-21') {
    const employments = input.employments.map((e) => currentEmployment(ctx, e, linesOf(e), leaveOf(e)));
    // Our choice: each employment's average is rounded to cents and the total is the sum of those
    // rounded averages, so the figures shown per employment always add up to the PIAWE.
    const amount = sum(employments.map((e) => new Dec(e.weeklyAverage)));
    if (employments.length > 1) {
      ctx.explanation.push(
        `Concurrent employment (Sch 3 cl 2(1): "any employment in which the worker was engaged at the time of the injury"): ` +
          `${employments.map((e) => e.weeklyAverage).join(' + ')} = ${formatMoney(amount)}.`,
      );
    }
    return {
      regime,
      amount: formatMoney(amount),
      amountAfter52Weeks: null,
      complete: ctx.missing.length === 0,
      missing: ctx.missing,
      employments,
      employmentsExcluded: [],
      explanation: ctx.explanation,
    };
  }

  const [injuring, ...others] = input.employments;
  const employmentsExcluded = others.map((e) => ({
    employment: e.id,
    reason: `former s44C counts only the employment in which the worker was injured (taken to be the first employment, ${injuring.id}); concurrent employment counts only for injuries from 21 Oct 2019`,
    lines: linesOf(e).map((l) => l.id),
  }));
  for (const x of employmentsExcluded) ctx.explanation.push(`Employment ${x.employment} not counted: ${x.reason}.`);
  const { employment, ordinaryAverage } = formerEmployment(ctx, injuring, linesOf(injuring), leaveOf(injuring));
  let amountAfter52Weeks: string | null = null;
  if (regime === 'before-2018-10-26') {
    amountAfter52Weeks = formatMoney(ordinaryAverage);
    ctx.explanation.push(
      `After 52 weeks of weekly payments PIAWE steps down to average ordinary earnings only, ${amountAfter52Weeks} ` +
        `(former s44C(1)/(2): overtime and shift allowance count only for the first 52 weeks; injury before 26 Oct 2018).`,
    );
  } else {
    ctx.explanation.push('No step-down after 52 weeks: injury on or after 26 Oct 2018 (Workers Compensation Legislation Amendment Act 2018).');
  }
  return {
    regime,
    amount: employment.weeklyAverage,
    amountAfter52Weeks,
    complete: ctx.missing.length === 0,
    missing: ctx.missing,
    employments: [employment],
    employmentsExcluded,
    explanation: ctx.explanation,
  };
}

interface Ctx {
  doi: LocalDate;
  missing: string[];
  explanation: string[];
}

/** Injuries from 21 Oct 2019: 1987 Act Sch 3 cl 2 with the Reg cl 8A–8F adjustments, in the cl 8A(2) order. */
function currentEmployment(ctx: Ctx, e: Employment, lines: EarningsLine[], leave: UnpaidLeave[]): EmploymentPiawe {
  const label = `Employment ${e.id} (${e.employer})`;
  const adjustments: PiaweAdjustment[] = [];
  const linesExcluded: { id: string; reason: string }[] = [];
  // Sch 3 cl 2(2): the 52 weeks ending immediately before the date of injury.
  let from = addDays(ctx.doi, -RELEVANT_PERIOD_DAYS);
  let to = addDays(ctx.doi, -1);
  ctx.explanation.push(`${label}: relevant earning period ${from} to ${to}, the 52 weeks ending immediately before the injury (Sch 3 cl 2(2)).`);
  // Set when cl 8B or 8C fixes the start: cl 8D may then not reach back before it.
  let fixedStart: { on: LocalDate; clause: string } | null = null;

  // Reg cl 8B: not continuously employed for the whole 52 weeks.
  if (e.startedOn > from) {
    adjustments.push({ clause: 'Reg cl 8B', effect: `not employed for the whole 52 weeks: the period starts when the employment started, ${e.startedOn}` });
    from = e.startedOn;
    fixedStart = { on: from, clause: 'Reg cl 8B' };
  }
  // Reg cl 8C: a financially material ongoing change; the period before it is excluded.
  if (e.materialChangeOn) {
    if (e.materialChangeOn > from) {
      adjustments.push({ clause: 'Reg cl 8C', effect: `financially material change to the arrangement on ${e.materialChangeOn}: the period before it is excluded` });
      from = e.materialChangeOn;
      fixedStart = { on: from, clause: 'Reg cl 8C' };
    } else {
      ctx.explanation.push(`${label}: the material change on ${e.materialChangeOn} is not after the period's start ${from}, so Reg cl 8C changes nothing.`);
    }
  }

  // Excluded kinds go first so that they can never move the period under cl 8D.
  const candidates: EarningsLine[] = [];
  for (const l of lines) {
    const notEarnings = NOT_EARNINGS[l.kind];
    if (notEarnings) linesExcluded.push({ id: l.id, reason: `${l.kind}: ${notEarnings}` });
    else if (l.to > to) linesExcluded.push({ id: l.id, reason: `pay period ${l.from} to ${l.to} does not end before the injury on ${ctx.doi} (Sch 3 cl 2(2); Reg cl 8D)` });
    else if (l.to < from) linesExcluded.push({ id: l.id, reason: `pay period ${l.from} to ${l.to} ends before the relevant earning period starts on ${from} (Sch 3 cl 2(2); Reg cl 8D)` });
    else if (fixedStart && l.from < fixedStart.on) {
      linesExcluded.push({
        id: l.id,
        reason: `pay period ${l.from} to ${l.to} straddles ${fixedStart.on}, where ${fixedStart.clause} starts the period; Reg cl 8D cannot move the start back before it`,
      });
    } else candidates.push(l);
  }

  // Reg cl 8D: align with the pay periods ending within the period — from the first such pay period's
  // start to the last one's end.
  if (candidates.length > 0) {
    const alignedFrom = candidates.map((l) => l.from).reduce(minDate);
    const alignedTo = candidates.map((l) => l.to).reduce(maxDate);
    if (alignedFrom !== from || alignedTo !== to) {
      adjustments.push({
        clause: 'Reg cl 8D',
        effect: `aligned with the pay periods ending within ${from} to ${to}: the period is now ${alignedFrom} to ${alignedTo}`,
      });
      from = alignedFrom;
      to = alignedTo;
    }
  }

  // Reg cl 8E: unpaid leave of at least 7 consecutive calendar days comes out of the period.
  const { excludedDays, used } = applyUnpaidLeave(ctx, label, 'Reg cl 8E', from, to, leave, candidates, adjustments, linesExcluded);
  const days = daysBetween(from, to) + 1 - excludedDays;

  const totals = totalsOf(used.map((l) => ({ line: l, amount: money(l.amount) })));
  let average = days > 0 ? roundCents(totals.gross.times(SEVEN).dividedBy(days)) : ZERO;
  let shortTermCovered = false;

  // Reg cl 8F: a short-term worker's PIAWE is what they could reasonably have been expected to earn.
  if (days < SHORT_TERM_DAYS) {
    if (e.expectedWeeklyEarnings) {
      const expected = money(e.expectedWeeklyEarnings);
      adjustments.push({
        clause: 'Reg cl 8F',
        effect: `short-term worker (period ${days} days, under 4 weeks): the average is the expected weekly earnings ${formatMoney(expected)} instead of ${formatMoney(average)} from the earnings in the period`,
      });
      average = expected;
      shortTermCovered = true;
    } else {
      ctx.missing.push(
        `${label}: the relevant earning period is only ${days} days (under 4 weeks), so Reg cl 8F asks what the worker could reasonably have been expected to earn (contract, award or agreement); ` +
          `give expectedWeeklyEarnings. Until then an interim PIAWE of ${formatMoney(average)} from the earnings in the period (SoP S7).`,
      );
    }
  }
  // An expected weekly amount under cl 8F stands in for pay not yet received, so no payslips is not a gap then.
  if (used.length === 0 && !shortTermCovered) {
    ctx.missing.push(`${label}: no earnings for pay periods ending within ${from} to ${to}; an interim PIAWE is needed until the earnings are known (SoP S7).`);
  }
  ctx.explanation.push(
    shortTermCovered
      ? `${label}: weekly average ${formatMoney(average)} (Reg cl 8F).`
      : `${label}: gross earnings ${formatMoney(totals.gross)} over ${days} days = ${weeksText(days)} weeks; weekly average ${formatMoney(totals.gross)} × 7 ÷ ${days} = ${formatMoney(average)} (rounded half-up to cents).`,
  );
  return {
    employment: e.id,
    period: { from, to, days, weeks: weeksText(days) },
    ordinary: formatMoney(totals.ordinary),
    overtimeAndShift: formatMoney(totals.overtimeAndShift),
    weeklyAverage: formatMoney(average),
    adjustments,
    linesUsed: used.map((l) => l.id),
    linesExcluded,
  };
}

/** Injuries before 21 Oct 2019: former s44C, injuring employment only. */
function formerEmployment(ctx: Ctx, e: Employment, lines: EarningsLine[], leave: UnpaidLeave[]): { employment: EmploymentPiawe; ordinaryAverage: Dec } {
  const label = `Employment ${e.id} (${e.employer})`;
  const adjustments: PiaweAdjustment[] = [];
  const linesExcluded: { id: string; reason: string }[] = [];
  const to = addDays(ctx.doi, -1);
  let from = addDays(ctx.doi, -RELEVANT_PERIOD_DAYS);
  ctx.explanation.push(`${label}: relevant period ${from} to ${to}, the 52 weeks before the injury (former s44C).`);
  if (e.startedOn > from) {
    adjustments.push({ clause: 'former s44C', effect: `employed for less than 52 weeks: the period starts when the employment started, ${e.startedOn}` });
    from = e.startedOn;
  }
  if (e.materialChangeOn) ctx.explanation.push(`${label}: the material change on ${e.materialChangeOn} is not applied: Reg cl 8C governs only injuries from 21 Oct 2019.`);
  if (e.expectedWeeklyEarnings) ctx.explanation.push(`${label}: expectedWeeklyEarnings is not used: Reg cl 8F governs only injuries from 21 Oct 2019.`);

  const candidates: EarningsLine[] = [];
  for (const l of lines) {
    const notEarnings = NOT_EARNINGS[l.kind];
    if (notEarnings) linesExcluded.push({ id: l.id, reason: `${l.kind}: ${notEarnings}` });
    else if (l.to < from) linesExcluded.push({ id: l.id, reason: `pay period ${l.from} to ${l.to} ends before the relevant period starts on ${from} (former s44C)` });
    else if (l.from > to) linesExcluded.push({ id: l.id, reason: `pay period ${l.from} to ${l.to} starts on or after the injury on ${ctx.doi} (former s44C)` });
    else candidates.push(l);
  }
  // Former s44C: "excluding weeks not worked and not on paid leave"; read as unpaid leave of at least a
  // week (7 consecutive days), the same test as Reg cl 8E.
  const { excludedDays, used } = applyUnpaidLeave(ctx, label, 'former s44C', from, to, leave, candidates, adjustments, linesExcluded);
  const days = daysBetween(from, to) + 1 - excludedDays;

  // The former law has no pay-period alignment (that is Reg cl 8D, from 21 Oct 2019), so a pay period
  // crossing either end of the period contributes only its share of days inside it.
  const shares = used.map((l) => {
    const length = daysBetween(l.from, l.to) + 1;
    const inside = daysBetween(maxDate(l.from, from), minDate(l.to, to)) + 1;
    const full = money(l.amount);
    if (inside === length) return { line: l, amount: full };
    const part = full.times(inside).dividedBy(length);
    ctx.explanation.push(`${label}: line ${l.id} (${l.from} to ${l.to}) has ${inside} of its ${length} days in the period: ${l.amount} × ${inside} ÷ ${length} = ${formatMoney(part)} counted.`);
    return { line: l, amount: part };
  });
  const totals = totalsOf(shares);
  const perWeek = (x: Dec) => (days > 0 ? x.times(SEVEN).dividedBy(days) : ZERO);
  // PIAWE = average ordinary earnings + average overtime and shift allowance; rounding once, on the sum.
  const average = roundCents(perWeek(totals.gross));
  const ordinaryAverage = roundCents(perWeek(totals.ordinary));
  if (used.length === 0) ctx.missing.push(`${label}: no earnings in the relevant period ${from} to ${to}; an interim PIAWE is needed until the earnings are known (SoP S7).`);
  else if (days <= 0) ctx.missing.push(`${label}: the relevant period has no days left to average over; the earnings need a case manager's review (SoP S7).`);
  ctx.explanation.push(
    `${label}: ordinary ${formatMoney(totals.ordinary)} + overtime and shift allowance ${formatMoney(totals.overtimeAndShift)} over ${days} days = ${weeksText(days)} weeks; ` +
      `weekly average ${formatMoney(perWeek(totals.ordinary))} + ${formatMoney(perWeek(totals.overtimeAndShift))} = ${formatMoney(average)} (each shown to cents; the sum is rounded once).`,
  );
  return {
    employment: {
      employment: e.id,
      period: { from, to, days, weeks: weeksText(days) },
      ordinary: formatMoney(totals.ordinary),
      overtimeAndShift: formatMoney(totals.overtimeAndShift),
      weeklyAverage: formatMoney(average),
      adjustments,
      linesUsed: used.map((l) => l.id),
      linesExcluded,
    },
    ordinaryAverage,
  };
}

/**
 * Takes qualifying unpaid leave (at least 7 consecutive days) out of the period's day count and the
 * pay periods wholly inside it out of the earnings. Overlapping ranges are counted once.
 */
function applyUnpaidLeave(
  ctx: Ctx,
  label: string,
  clause: string,
  from: LocalDate,
  to: LocalDate,
  leave: UnpaidLeave[],
  candidates: EarningsLine[],
  adjustments: PiaweAdjustment[],
  linesExcluded: { id: string; reason: string }[],
): { excludedDays: number; used: EarningsLine[] } {
  const excluded = new Set<number>();
  const qualifying: UnpaidLeave[] = [];
  for (const u of leave) {
    const length = daysBetween(u.from, u.to) + 1;
    if (length < MIN_UNPAID_LEAVE_DAYS) {
      ctx.explanation.push(`${label}: unpaid leave ${u.from} to ${u.to} is ${length} days, under 7 consecutive days, so it stays in the period (${clause}).`);
      continue;
    }
    const start = maxDate(u.from, from);
    const end = minDate(u.to, to);
    if (start > end) {
      ctx.explanation.push(`${label}: unpaid leave ${u.from} to ${u.to} falls outside the period ${from} to ${to}.`);
      continue;
    }
    const before = excluded.size;
    for (let d = daysBetween(from, start); d <= daysBetween(from, end); d++) excluded.add(d);
    qualifying.push(u);
    adjustments.push({ clause, effect: `unpaid leave ${u.from} to ${u.to} (${length} days): ${excluded.size - before} days taken out of the period` });
  }
  const used: EarningsLine[] = [];
  for (const l of candidates) {
    const within = qualifying.find((u) => u.from <= l.from && l.to <= u.to);
    if (within) linesExcluded.push({ id: l.id, reason: `pay period ${l.from} to ${l.to} lies wholly within unpaid leave ${within.from} to ${within.to} (${clause})` });
    else used.push(l);
  }
  return { excludedDays: excluded.size, used };
}

function totalsOf(shares: { line: EarningsLine; amount: Dec }[]): { ordinary: Dec; overtimeAndShift: Dec; gross: Dec } {
  const ordinary = sum(shares.filter((s) => COUNTED[s.line.kind] === 'ordinary').map((s) => s.amount));
  const overtimeAndShift = sum(shares.filter((s) => COUNTED[s.line.kind] === 'overtimeAndShift').map((s) => s.amount));
  return { ordinary, overtimeAndShift, gross: ordinary.plus(overtimeAndShift) };
}

/** Weeks for display only: the averages divide by days once (× 7 ÷ days) so no rounded week count feeds them. */
function weeksText(days: number): string {
  return new Dec(days).dividedBy(SEVEN).toDecimalPlaces(6).toString();
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
