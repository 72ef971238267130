/**
 * The notifications service's workflows (issue 15). Deterministic: they call activities only. Keep
 * changes versioned (patched) once in production.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { DigestActivities } from './definitions';

const { digestsDue, sendDailyDigest } = proxyActivities<DigestActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 10 },
});

/** Started by the daily digest schedule: each team leader's digest of the day, one at a time (one team leader's failure does not hold up the rest). */
export async function teamLeaderDigestWorkflow(): Promise<{ day: string; sent: number; notSent: string[] }> {
  const { day, teamLeaders } = await digestsDue();
  let sent = 0;
  const notSent: string[] = [];
  for (const teamLeader of teamLeaders) {
    try {
      if ((await sendDailyDigest(teamLeader, day)).sent) sent++;
    } catch {
      // Retries exhausted (the mail server refused for an hour or so): the alerts stay undigested, for tomorrow's.
      notSent.push(teamLeader);
    }
  }
  return { day, sent, notSent };
}
