import { z } from 'zod';
import type { Client } from '@temporalio/client';
import type { JsonLogger } from '../logger';

export interface KeptSchedule {
  /** Unique in the namespace: services prefix it with their task queue, so two platforms on one namespace keep theirs apart. */
  scheduleId: string;
  /** Five-field cron expression in `timeZone`; empty: no schedule (an existing one is deleted). */
  cron: string;
  timeZone: string;
  workflowType: string;
  taskQueue: string;
}

/**
 * Temporal Schedules as a service's settings say (issue 15): each is created, or updated to the
 * settings, by whichever replica connects; one whose setting is empty is deleted. Temporal starts
 * each scheduled workflow once per time, however many replicas run, skips a time while the previous
 * one still runs, and catches up on a time missed within a day (Temporal down at the time).
 */
export async function keepSchedules(client: Client, schedules: KeptSchedule[], log: JsonLogger): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ScheduleAlreadyRunning, ScheduleNotFoundError, ScheduleOverlapPolicy } = require('@temporalio/client') as typeof import('@temporalio/client');
  for (const s of schedules) {
    const handle = client.schedule.getHandle(s.scheduleId);
    if (!s.cron) {
      await handle.delete().then(
        () => log.info('schedule deleted (its setting is empty)', { scheduleId: s.scheduleId }),
        (e) => {
          if (!(e instanceof ScheduleNotFoundError)) throw e;
        },
      );
      continue;
    }
    const spec = { cronExpressions: [s.cron], timezone: s.timeZone };
    const action = { type: 'startWorkflow' as const, workflowType: s.workflowType, taskQueue: s.taskQueue, args: [] };
    const policies = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' as const };
    try {
      await client.schedule.create({ scheduleId: s.scheduleId, spec, action, policies });
      log.info('schedule created', { scheduleId: s.scheduleId, cron: s.cron, timeZone: s.timeZone });
    } catch (e) {
      if (!(e instanceof ScheduleAlreadyRunning)) throw e;
      await handle.update((prev) => ({ ...prev, spec, action, policies }));
    }
  }
}

/** A schedule's setting: five fields, as Temporal's cron expressions take them (in the schedule's time zone); empty turns it off. */
export const cronSetting = z.string().regex(/^$|^\S+( \S+){4}$/, 'must be a cron expression of five fields (minute hour day-of-month month day-of-week), or empty for none');
