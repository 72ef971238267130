import { LocalDate, WeeklyCompensationInput, addDays, computeWeeklyCompensation, daysBetween } from '@wc/rules';
import type { ObligationLedger } from './ledger';
import type { ClaimState } from './state';

/** Entitlement weeks whose first day opens a work capacity assessment (rules.md §4; program 5.6, s44A). */
const WCA_WEEKS = [
  { week: 74, type: 'wca.78-weeks' as const },
  { week: 131, type: 'wca.biennial' as const },
];

export interface WeekContext {
  state: ClaimState;
  ledger: ObligationLedger;
  entitlementInput(through: LocalDate): WeeklyCompensationInput;
  highestNeeds(): boolean;
}

export function initialWeekTriggers(): ClaimState['weekTriggers'] {
  return WCA_WEEKS.map((w) => ({ week: w.week, startedOn: null, nextCheck: null }));
}

/** Opens the WCA obligations on the first day of entitlement weeks 74 and 131 (rules.md §4). */
export function checkWeekTriggers(ctx: WeekContext, day: LocalDate): void {
  const pending = ctx.state.weekTriggers.filter((t) => !t.startedOn && t.nextCheck && t.nextCheck <= day);
  if (!pending.length) return;
  const r = computeWeeklyCompensation({ ...ctx.entitlementInput(day), includeBlockInProgress: true });
  if (!r.firstDayOfIncapacity) return;
  const counted = r.weeks.length;
  const currentBlock = Math.floor(daysBetween(r.firstDayOfIncapacity, day) / 7);
  const nextBlockStart = addDays(r.firstDayOfIncapacity, 7 * (currentBlock + 1));
  for (const t of pending) {
    const started = r.weeks.find((w) => w.week === t.week);
    if (started) {
      t.startedOn = started.from;
      const def = WCA_WEEKS.find((w) => w.week === t.week)!;
      if (def.type === 'wca.biennial' && ctx.highestNeeds()) continue;
      ctx.ledger.open(def.type, started.from, {});
    } else {
      // Each block adds at most one counted week; the block in progress may still become counted
      // (a certificate later today), so week N cannot start before this.
      t.nextCheck = addDays(nextBlockStart, 7 * Math.max(0, t.week - counted - 1 - 1));
    }
  }
}

/** A new certificate may move the first day of incapacity: make sure the triggers look again in time. */
export function scheduleWeekTriggers(ctx: WeekContext): void {
  const firsts = ctx.state.certificates.filter((c) => c.capacity !== 'fit').map((c) => c.from);
  if (!firsts.length) return;
  const first = firsts.reduce((a, b) => (a <= b ? a : b));
  for (const t of ctx.state.weekTriggers) {
    if (t.startedOn) continue;
    const earliest = addDays(first, 7 * (t.week - 1));
    const check = earliest < ctx.state.clock.date ? ctx.state.clock.date : earliest;
    if (!t.nextCheck || check < t.nextCheck) t.nextCheck = check;
  }
  checkWeekTriggers(ctx, ctx.state.clock.date);
}
