import { type LocalDate, daysBetween } from '@wc/rules';
import type { Role } from '@wc/service-kit';

/**
 * How far back a staff action may be dated (issue 14: the backdating window of actions is bounded and
 * audited). An action is dated when it happened; recording it days later is ordinary (a call made on
 * Friday, written up on Monday). Dated further back than the window, it could make a missed
 * statutory deadline look met, so only a team leader records it, and says why; every backdated
 * action keeps how many days back it was dated and the reason (GET /audit/backdated-actions).
 */
export const BACKDATING_REASON_HEADER = 'backdating-reason';
/** Who may record an action dated before the window: a team leader (and an administrator, whom every role check lets through). */
const BEYOND_THE_WINDOW: Role[] = ['team-leader', 'admin'];

export type BackdatingRefusal = { status: 400 | 403; field: string; in: 'header' | 'body'; problem: string };

export function backdatingRefusal(o: { at: LocalDate; today: LocalDate; role: Role | 'service'; reason: string | undefined; windowDays: number }): BackdatingRefusal | null {
  const days = daysBack(o.at, o.today);
  if (o.reason !== undefined && (o.reason.trim().length < 5 || o.reason.length > 500)) return { status: 400, field: 'Backdating-Reason', in: 'header', problem: 'must be 5 to 500 characters' };
  if (days <= o.windowDays) return null;
  if (o.role === 'service' || !BEYOND_THE_WINDOW.includes(o.role))
    return {
      status: 403,
      field: 'at',
      in: 'body',
      problem: `is ${days} days ago, more than the ${o.windowDays} days an action may be backdated: a team leader records it, giving a Backdating-Reason`,
    };
  if (o.reason === undefined) return { status: 400, field: 'Backdating-Reason', in: 'header', problem: `is required for an action dated ${days} days ago (more than ${o.windowDays})` };
  return null;
}

/** Whole Sydney days between the day an action is dated and the day it is recorded (0: the same day). */
export function daysBack(at: LocalDate, today: LocalDate): number {
  return Math.max(0, daysBetween(at, today));
}
