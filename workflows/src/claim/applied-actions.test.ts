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
import { InMemoryEffects, TemporalClaimParts, createClaimActivities } from './activities';
import { actionUpdate, appliedActionQuery, decisionsQuery } from './definitions';
import type { claimWorkflow } from './workflows';

// Workflow version 9 (issue 14): an action sent again with its update id after the claim continued
// as new is answered as the first time and not applied again; the claims service asks the claim
// whether it applied an update it could not record.
jest.setTimeout(300_000);

const fracture: Scenario = scenarioSchema.parse(JSON.parse(fs.readFileSync(ownCase('scenarios', 'fracture-provisional-then-accepted.json'), 'utf8')));

let server: TimeSkippingServer;
beforeAll(async () => {
  server = await startTimeSkippingServer();
}, 120_000);
afterAll(() => server?.stop());

it('an update id applied in an earlier run is answered from memory, not applied twice', async () => {
  const { env } = server;
  const taskQueue = `applied-actions-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await claimWorkflowBundle(),
    activities: createClaimActivities({ effects: new InMemoryEffects(), parts: new TemporalClaimParts(env.client) }),
    ...workerTelemetry(),
  });
  await worker.runUntil(async () => {
    const notified = parseEventTime(fracture.claim.notifiedAt);
    const clockOffsetMs = sydneyInstant(notified.date, notified.minuteOfDay) - (await env.currentTimeMs());
    const claimId = `applied-actions-${randomUUID()}`;
    const handle = await env.client.workflow.start<typeof claimWorkflow>('claimWorkflow', {
      taskQueue,
      workflowId: claimId,
      // The least history limit the claims service allows: a few actions cross continueAsNew.
      args: [{ claimId, claim: fracture.claim, tables: fracture.parameters, clockOffsetMs, historyLimit: 20 }],
    });
    try {
      await rememberedAcrossContinueAsNew(handle, notified.date);
    } finally {
      // Even when it fails: a claim left running on the shared test server, its next timer's task
      // never taken, locks the server's clock for every later test.
      await settled(handle).catch(() => undefined);
      await handle.terminate('test finished').catch(() => undefined);
    }
  });
});

async function rememberedAcrossContinueAsNew(handle: WorkflowHandle<typeof claimWorkflow>, on: string): Promise<void> {
  const treatment = { at: on, type: 'treatment.requested' as const, treatment: 'physiotherapy', provider: 'Granville Physio', cost: '380.00' };
  const first = await handle.executeUpdate(actionUpdate, { args: [treatment], updateId: 'action:treatment-1' });
  expect(first).toMatchObject({ ok: true, outcome: { ref: 'treatment-1' } });
  expect(await handle.query(appliedActionQuery, 'action:treatment-1')).toEqual(first);
  expect(await handle.query(appliedActionQuery, 'action:never-sent')).toBeNull();

  const firstRun = (await handle.describe()).runId;
  let last = first.seq;
  for (let i = 0; i < 30 && (await handle.describe()).runId === firstRun; i++) {
    last = (await handle.executeUpdate(actionUpdate, { args: [{ at: on, type: 'contact.made', party: 'worker' }] })).seq;
    await settled(handle);
  }
  expect((await handle.describe()).runId).not.toBe(firstRun);

  // Sent again in the new run, where Temporal no longer knows the update id.
  const again = await handle.executeUpdate(actionUpdate, { args: [treatment], updateId: 'action:treatment-1' });
  expect(again).toEqual(first);
  expect(await handle.query(appliedActionQuery, 'action:treatment-1')).toEqual(first);
  // Not applied again: one treatment request, and the next action is the next step after the last.
  expect((await handle.query(decisionsQuery)).treatmentRequests.map((t) => t.ref)).toEqual(['treatment-1']);
  const next = await handle.executeUpdate(actionUpdate, { args: [{ at: on, type: 'contact.made', party: 'employer' }] });
  expect(next.seq).toBe(last + 1);
}
