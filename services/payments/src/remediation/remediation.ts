import { Dec, ZERO, formatMoney, money } from '@wc/rules';
import { explainWeek } from '@wc/claim-lifecycle';
import type { EntitlementBlock } from '@wc/rules';

/** How a paid week was valued when it was paid (the weekly payment's stored explanation). */
export interface PaidWeek {
  from: string;
  to: string;
  week: number | null;
  /** What has been paid for the week so far: the weekly payment plus earlier arrears. */
  paid: Dec;
  was: { piawe: string; p: string[]; max: string[]; sections: string[]; amount: string };
}

export interface WeekCorrection {
  from: string;
  to: string;
  week: number | null;
  oldAmount: string;
  newAmount: string;
  difference: string;
  changed: string[];
  explanation: string;
}

/**
 * Compares what was paid for each week with what the rules give now, and says which input changed:
 * the PIAWE, indexation (P moved with the same PIAWE), MAX, the claim's facts (certificates,
 * earnings, liability: the section or formula changed), or none of them ('paid': the amount paid
 * differed from the week's value at the time). A week no longer payable is worth 0 now.
 */
export function correctWeeks(paid: PaidWeek[], now: EntitlementBlock[]): WeekCorrection[] {
  const byFrom = new Map(now.map((w) => [w.from, w]));
  const out: WeekCorrection[] = [];
  for (const p of paid) {
    const w = byFrom.get(p.from);
    const newAmount = w ? money(w.amount) : ZERO;
    const diff = newAmount.minus(p.paid);
    if (diff.isZero()) continue;
    const e = w ? explainWeek(w) : null;
    const changed: string[] = [];
    const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
    if (!e) changed.push('facts');
    else {
      if (e.piawe !== p.was.piawe) changed.push('piawe');
      else if (!same(e.p, p.was.p)) changed.push('indexation');
      if (!same(e.max, p.was.max)) changed.push('max');
      if (!same(e.sections, p.was.sections) || (changed.length === 0 && e.amount !== p.was.amount)) changed.push('facts');
      // Nothing in the valuation moved: what was paid differs from what the week was worth then.
      if (changed.length === 0) changed.push('paid');
    }
    const parts = [`week ${p.week ?? '?'} (${p.from} to ${p.to}): paid ${formatMoney(p.paid)}, now ${formatMoney(newAmount)} (${diff.greaterThan(0) ? '+' : ''}${formatMoney(diff)})`];
    if (!e) parts.push('the week is no longer payable');
    else {
      if (changed.includes('piawe')) parts.push(`PIAWE ${p.was.piawe} → ${e.piawe}`);
      if (changed.includes('indexation')) parts.push(`P ${p.was.p.join('/')} → ${e.p.join('/')} (indexation, s82A)`);
      if (changed.includes('max')) parts.push(`MAX ${p.was.max.join('/')} → ${e.max.join('/')} (s34)`);
      if (changed.includes('facts')) parts.push(`${p.was.sections.join('/') || '-'} → ${e.sections.join('/') || '-'} (the claim's facts)`);
      if (changed.includes('paid')) parts.push(`the week was worth ${p.was.amount} when paid, but ${formatMoney(p.paid)} was paid for it`);
    }
    out.push({ from: p.from, to: p.to, week: p.week, oldAmount: formatMoney(p.paid), newAmount: formatMoney(newAmount), difference: formatMoney(diff), changed, explanation: parts.join('; ') });
  }
  return out;
}
