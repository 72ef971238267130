import { z } from 'zod';
import { parseEventTime, compareMoments } from '@wc/rules';
import { claimEventSchema } from './claim-events';
import { notificationChecks, notificationFields } from './notification';
import { decimalText, localDate, moneyText, nonEmpty } from './primitives';

const amountRows = z.array(z.object({ from: localDate, amount: moneyText }).strict()).min(1);

/** docs/simulate.md's scenario: a claim, optional parameter tables, dated events, and how far to run. */
export const scenarioSchema = z
  .object({
    name: nonEmpty,
    claim: notificationFields.extend({ piawe: moneyText }).strict().superRefine(notificationChecks),
    parameters: z
      .object({
        maxWeeklyCompensation: amountRows.optional(),
        indexation: z.array(z.object({ on: localDate, factor: decimalText }).strict()).optional(),
        employerExcessCap: amountRows.optional(),
      })
      .strict()
      .optional(),
    events: z.array(claimEventSchema),
    until: localDate,
  })
  .strict()
  .superRefine((s, ctx) => {
    // MAX and the excess cap must be known on the date of injury (s160 reads both there).
    for (const table of ['maxWeeklyCompensation', 'employerExcessCap'] as const) {
      const rows = s.parameters?.[table];
      if (rows && !rows.some((r) => r.from <= s.claim.injury.dateOfInjury)) {
        ctx.addIssue({ code: 'custom', path: ['parameters', table], message: `has no row in force on the date of injury (${s.claim.injury.dateOfInjury})` });
      }
    }
    const start = parseEventTime(s.claim.notifiedAt);
    if (s.until < start.date) ctx.addIssue({ code: 'custom', path: ['until'], message: 'is before notifiedAt' });
    let previous = start;
    s.events.forEach((e, i) => {
      const at = parseEventTime(e.at);
      if (compareMoments(at, start) < 0) ctx.addIssue({ code: 'custom', path: ['events', i, 'at'], message: 'is before notifiedAt' });
      else if (compareMoments(at, previous) < 0) ctx.addIssue({ code: 'custom', path: ['events', i, 'at'], message: 'is before the previous event (events must be in time order)' });
      previous = at;
    });
  });

export type Scenario = z.infer<typeof scenarioSchema>;

/**
 * docs/simulate.md asks for events between notifiedAt and until; a scenario may still list later ones
 * (the shared `discontinued-after-work-capacity-decision` does). The timeline is as at the end of
 * `until`, so a later event cannot change it: it is not applied, and the run says which were not.
 */
export function splitAtUntil(s: Scenario): { applied: Array<{ index: number; event: Scenario['events'][number] }>; afterUntil: number[] } {
  const applied: Array<{ index: number; event: Scenario['events'][number] }> = [];
  const afterUntil: number[] = [];
  s.events.forEach((event, index) => (parseEventTime(event.at).date > s.until ? afterUntil.push(index) : applied.push({ index, event })));
  return { applied, afterUntil };
}
