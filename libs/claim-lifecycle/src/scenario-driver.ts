import type { Scenario } from '@wc/contracts';

import { ClaimLifecycle } from './lifecycle';
import { Timeline, TimelineDetails, timelineOf } from './timeline';

/** The last minute of a Sydney day: the timeline is judged at the end of `until`. */
export const END_OF_DAY_MINUTE = 24 * 60 - 1;

/**
 * Feeds a validated scenario straight into the lifecycle, without Temporal. Unit tests use it to
 * check the domain logic quickly; `claimctl simulate` runs the same lifecycle inside the real claim
 * workflow on the time-skipping server instead.
 */
export function runScenarioInProcess(s: Scenario): { timeline: Timeline; details: TimelineDetails; refused: string[] } {
  const lc = ClaimLifecycle.start({ claim: s.claim, tables: s.parameters });
  const refused: string[] = [];
  s.events.forEach((e, i) => {
    const r = lc.apply(e);
    if (!r.ok) refused.push(...r.problems.map((p) => `events[${i}].${p.path}: ${p.message}`));
  });
  lc.advanceTo({ date: s.until, minuteOfDay: END_OF_DAY_MINUTE });
  return { ...timelineOf(lc, s.until, s.name), refused };
}
