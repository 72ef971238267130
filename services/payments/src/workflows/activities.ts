import { Context } from '@temporalio/activity';
import type { PaymentActivities } from './definitions';

/** What the activities need of the service: its own services, as they are (no second copy of their SQL). */
export interface PaymentActivityDeps {
  runs: { build(runId: string): Promise<void>; createScheduled(): Promise<{ runId: string | null; processingDate: string }> };
  remediation: { runSlice(remediationId: string): Promise<{ complete: boolean; claimsDone: number }> };
  weekly: { generateScheduled(): Promise<{ through: string; claims: number; payments: number }> };
}

/**
 * The activities, built from the service's own parts (samples-typescript's factory). Each heartbeats
 * while it works, so a process that dies (kill -9, a lost pod) is noticed within the workflow's
 * heartbeat timeout and its work retried by a live replica; the work itself resumes from what the
 * database holds (a run's payments, a remediation's cursor).
 */
export function createPaymentActivities(deps: PaymentActivityDeps): PaymentActivities {
  return {
    buildRunFile: (runId) => heartbeating(() => deps.runs.build(runId)),
    remediateSlice: (remediationId) => heartbeating(() => deps.remediation.runSlice(remediationId)),
    generateWeeklyPayments: () => heartbeating(() => deps.weekly.generateScheduled()),
    startScheduledRun: () => heartbeating(() => deps.runs.createScheduled()),
  };
}

const HEARTBEAT_EVERY_MS = 5000;

async function heartbeating<T>(work: () => Promise<T>): Promise<T> {
  const ctx = Context.current();
  const beat = setInterval(() => ctx.heartbeat(), HEARTBEAT_EVERY_MS);
  try {
    return await work();
  } finally {
    clearInterval(beat);
  }
}
