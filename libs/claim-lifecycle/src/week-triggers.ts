import { LocalDate, addDays, daysBetween } from '@wc/rules';
import type { ChapterContext, LifecycleFeatures } from './chapters/chapter';
import { settleFromEarlierEvents } from './chapters/intake';
import { reviewMedicalPeriod } from './chapters/treatment';
import type { ClaimState } from './state';

/**
 * Entitlement weeks whose first day changes something (s32A: weeks count only when paid):
 *  - 74: the 78-week work capacity assessment opens (docs/rules.md §4; program 5.6, s44A);
 *  - 131: the biennial assessment opens unless the worker has highest needs (program 5.6);
 *  - 235: the s39 notice opens unless the latest WPI is above 20% (docs/rules.md §8.4; SoP S17);
 *  - 260: weekly payments will cease when it ends (s39), which starts the s59A medical period.
 * 235 and 260 exist on claims whose workflow took docs/rules.md §8 (LifecycleFeatures.rules8Clocks).
 */
const TRIGGERS: Array<{ week: number; rules8?: true; onStart(ctx: ChapterContext, startedOn: LocalDate): void }> = [
  { week: 74, onStart: (ctx, d) => void ctx.ledger.open('wca.78-weeks', d, {}) },
  { week: 131, onStart: (ctx, d) => void (highestNeeds(ctx.state) ? undefined : ctx.ledger.open('wca.biennial', d, {})) },
  {
    week: 235,
    rules8: true,
    onStart: (ctx, d) => {
      if (wpiAbove(ctx.state, 20)) return;
      const o = ctx.ledger.open('s39.notice', d, {});
      // docs/rules.md §8.4: a notice issued before the obligation opens completes it on opening.
      if (o) settleFromEarlierEvents(ctx, o);
    },
  },
  { week: 260, rules8: true, onStart: (ctx, d) => reviewMedicalPeriod(ctx, d) },
];

/** program 5.6: WPI above 30% (highest needs) ends the biennial assessments. */
export function highestNeeds(state: ClaimState): boolean {
  return wpiAbove(state, 30);
}

/** Whether the latest WPI assessed is above `percent`. */
export function wpiAbove(state: ClaimState, percent: number): boolean {
  const w = state.wpi[state.wpi.length - 1];
  return !!w && w.percent > percent;
}

export function initialWeekTriggers(features: Pick<LifecycleFeatures, 'rules8Clocks'>): ClaimState['weekTriggers'] {
  return TRIGGERS.filter((t) => features.rules8Clocks || !t.rules8).map((t) => ({ week: t.week, startedOn: null, nextCheck: null }));
}

/** A claim started before docs/rules.md §8 takes its week triggers when its workflow takes the new version: looked at from the next day. */
export function addMissingWeekTriggers(state: ClaimState, features: Pick<LifecycleFeatures, 'rules8Clocks'>): void {
  for (const t of initialWeekTriggers(features)) {
    if (!state.weekTriggers.some((w) => w.week === t.week)) state.weekTriggers.push({ ...t, nextCheck: state.clock.date });
  }
}

/** At 00:00 of `day`: the triggers due to be looked at find out whether their week has started. */
export function checkWeekTriggers(ctx: ChapterContext, day: LocalDate): void {
  const pending = ctx.state.weekTriggers.filter((t) => !t.startedOn && t.nextCheck && t.nextCheck <= day);
  if (!pending.length) return;
  const r = ctx.valueEntitlement(day, { includeBlockInProgress: true });
  if (!r.firstDayOfIncapacity) return;
  const counted = r.weeks.length;
  const currentBlock = Math.floor(daysBetween(r.firstDayOfIncapacity, day) / 7);
  const nextBlockStart = addDays(r.firstDayOfIncapacity, 7 * (currentBlock + 1));
  for (const t of pending) {
    const started = r.weeks.find((w) => w.week === t.week);
    if (started) {
      t.startedOn = started.from;
      TRIGGERS.find((w) => w.week === t.week)!.onStart(ctx, started.from);
    } else {
      // Each block adds at most one counted week; the block in progress may still become counted
      // (a certificate later today), so week N cannot start before this.
      t.nextCheck = addDays(nextBlockStart, 7 * Math.max(0, t.week - counted - 1 - 1));
    }
  }
}

/** A new certificate may move the first day of incapacity: make sure the triggers look again in time. */
export function scheduleWeekTriggers(ctx: ChapterContext): void {
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
