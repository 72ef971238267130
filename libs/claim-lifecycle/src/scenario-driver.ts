import { type Scenario, splitAtUntil } from '@wc/contracts';

import { ClaimLifecycle } from './lifecycle';
import { Timeline, TimelineDetails, timelineOf } from './timeline';

/** The last minute of a Sydney day: the timeline is judged at the end of `until`. */
export const END_OF_DAY_MINUTE = 24 * 60 - 1;

/**
 * Feeds a validated scenario straight into the lifecycle, without Temporal. Unit tests use it to
 * check the domain logic quickly; `claimctl simulate` runs the same lifecycle inside the real claim
 * workflow on the time-skipping server instead. Events after `until` are not applied (they cannot
 * change the timeline as at `until`); their indexes are returned.
 */
export function runScenarioInProcess(s: Scenario): { timeline: Timeline; details: TimelineDetails; refused: string[]; afterUntil: number[] } {
  const lc = ClaimLifecycle.start({ claim: s.claim, tables: s.parameters });
  const refused: string[] = [];
  const { applied, afterUntil } = splitAtUntil(s);
  for (const { index, event } of applied) {
    const r = lc.apply(event);
    if (!r.ok) refused.push(...r.problems.map((p) => `events[${index}].${p.path}: ${p.message}`));
  }
  lc.advanceTo({ date: s.until, minuteOfDay: END_OF_DAY_MINUTE });
  return { ...timelineOf(lc, s.until, s.name), refused, afterUntil };
}
