import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { WorkflowHandle } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { type Scenario, scenarioSchema } from '@wc/contracts';
import { parseEventTime, sydneyInstant } from '@wc/rules';
import { ownCase } from '../../../tools/test-cases/src';
import { claimWorkflowBundle } from '../bundle';
import { workerTelemetry } from '../telemetry';
import { TimeSkippingServer, settled, startTimeSkippingServer } from '../simulate/time-skipping';
import { createClaimActivities } from './activities';
import { partsQuery } from './definitions';
import type { claimWorkflow } from './workflows';

/** Any significant claim will do for a workflow test: the repository's own fracture (its notification only). */
export const fracture: Scenario = scenarioSchema.parse(JSON.parse(fs.readFileSync(ownCase('scenarios', 'fracture-provisional-then-accepted.json'), 'utf8')));

/** A time-skipping server for the test file, started before its tests and stopped after them. */
export function timeSkippingServerForTests(): () => TimeSkippingServer {
  let server: TimeSkippingServer;
  beforeAll(async () => {
    server = await startTimeSkippingServer();
  }, 120_000);
  afterAll(() => server?.stop());
  return () => server;
}

/**
 * Runs `fn` with the fracture's claim workflow started on a worker of its own (its activities built
 * from `deps`), the claim's clock at its notification. Afterwards, passed or failed, the claim is
 * ended once idle: a claim left running on the shared test server, or ended with an activity
 * scheduled, locks the server's clock for every later test (seen on a CI run).
 */
export async function withFractureClaim(
  server: TimeSkippingServer,
  deps: Parameters<typeof createClaimActivities>[0],
  options: { historyLimit?: number; claimId?: string },
  fn: (claim: { handle: WorkflowHandle<typeof claimWorkflow>; claimId: string; notified: string }) => Promise<void>,
): Promise<void> {
  const { env } = server;
  const taskQueue = `claim-test-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await claimWorkflowBundle(),
    activities: createClaimActivities(deps),
    ...workerTelemetry(),
  });
  await worker.runUntil(async () => {
    const notified = parseEventTime(fracture.claim.notifiedAt);
    const clockOffsetMs = sydneyInstant(notified.date, notified.minuteOfDay) - (await env.currentTimeMs());
    const claimId = options.claimId ?? `claim-test-${randomUUID()}`;
    const handle = await env.client.workflow.start<typeof claimWorkflow>('claimWorkflow', {
      taskQueue,
      workflowId: claimId,
      args: [{ claimId, claim: fracture.claim, tables: fracture.parameters, clockOffsetMs, ...(options.historyLimit ? { historyLimit: options.historyLimit } : {}) }],
    });
    try {
      await fn({ handle, claimId, notified: notified.date });
    } finally {
      await endIdle(handle);
      // Its parts' workflows too (a treatment request, a complaint): they are not its children, and
      // one left running wakes on its next timer with no worker to take the task.
      const parts = await handle.query(partsQuery).catch(() => []);
      for (const p of parts) await endIdle(env.client.workflow.getHandle(p.workflowId));
    }
  });
}

/** Ends a workflow on the test server once it has no task outstanding (settled), if it is still running. */
export async function endIdle(handle: WorkflowHandle): Promise<void> {
  await settled(handle).catch(() => undefined);
  await handle.terminate('test finished').catch(() => undefined);
}
