import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { type Scenario, scenarioSchema } from '@wc/contracts';
import { parseEventTime, sydneyInstant } from '@wc/rules';
import { ownCase } from '../../../tools/test-cases/src';
import { claimWorkflowBundle } from '../bundle';
import { workerTelemetry } from '../telemetry';
import { TimeSkippingServer, settled, startTimeSkippingServer } from '../simulate/time-skipping';
import { type ClaimPartsPort, InMemoryEffects, TemporalClaimParts, createClaimActivities } from './activities';
import { actionUpdate, partsQuery } from './definitions';
import type { claimWorkflow } from './workflows';

// A claim finalised while the workflow is still sending its complaint's first effects (seen on a
// fresh-clone CI run: claim-WC0000007/complaint-1 had two runs). The complaint must end once, with
// its last effects (the cancellations finalisation made), in the one workflow of its own.
jest.setTimeout(300_000);

// Any significant claim will do (only its notification is used): the repository's own fracture.
const fracture: Scenario = scenarioSchema.parse(JSON.parse(fs.readFileSync(ownCase('scenarios', 'fracture-provisional-then-accepted.json'), 'utf8')));

let server: TimeSkippingServer;
beforeAll(async () => {
  server = await startTimeSkippingServer();
}, 120_000);
afterAll(() => server?.stop());

it('a part ends once, after the effects the claim decided for it, when an action arrives while its first effects are being sent', async () => {
  const { env } = server;
  const direct = new Client({ connection: env.connection, namespace: env.namespace });
  const sends: Array<{ part: string; kinds: string[]; end: boolean }> = [];
  // The first send to the complaint waits until the test lets it go: the finalisation is applied meanwhile.
  let hold: () => void = () => undefined;
  const held = new Promise<void>((r) => (hold = r));
  let reached: () => void = () => undefined;
  const atTheGate = new Promise<void>((r) => (reached = r));
  const real = new TemporalClaimParts(direct);
  const parts: ClaimPartsPort = {
    async send(input) {
      sends.push({ part: input.part.id, kinds: input.effects.map((e) => e.kind), end: input.end });
      if (input.part.id === 'complaint-1' && sends.filter((s) => s.part === 'complaint-1').length === 1) {
        reached();
        await held;
      }
      await real.send(input);
    },
  };
  const taskQueue = `parts-race-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await claimWorkflowBundle(),
    activities: createClaimActivities({ effects: new InMemoryEffects(), parts }),
    ...workerTelemetry(),
  });
  await worker.runUntil(async () => {
    const notified = parseEventTime(fracture.claim.notifiedAt);
    const clockOffsetMs = sydneyInstant(notified.date, notified.minuteOfDay) - (await env.currentTimeMs());
    const claimId = `parts-race-${randomUUID()}`;
    const handle = await env.client.workflow.start<typeof claimWorkflow>('claimWorkflow', {
      taskQueue,
      workflowId: claimId,
      args: [{ claimId, claim: fracture.claim, tables: fracture.parameters, clockOffsetMs }],
    });
    try {
      await handle.executeUpdate(actionUpdate, { args: [{ at: notified.date, type: 'complaint.received' }] });
      await atTheGate;
      await handle.executeUpdate(actionUpdate, { args: [{ at: notified.date, type: 'claim.finalised', reason: 'withdrawn by the worker' }] });
      hold();
      // Done when the claim says the complaint has ended and its workflow has completed.
      for (let i = 0; i < 200; i++) {
        const ps = await handle.query(partsQuery);
        if (ps.length === 1 && !ps[0].running) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const complaint = direct.workflow.getHandle(`${claimId}/complaint-1`);
      const { effectsCarriedOut } = (await complaint.result()) as { effectsCarriedOut: number };
      // Two sends: the complaint's two obligations opened, then both cancelled with the end. Before
      // version 7 an end with no effects went between them, and the cancellations started a second run.
      expect(sends.filter((s) => s.part === 'complaint-1')).toEqual([
        { part: 'complaint-1', kinds: ['obligation-opened', 'obligation-opened'], end: false },
        { part: 'complaint-1', kinds: ['obligation-closed', 'obligation-closed'], end: true },
      ]);
      // The part's workflow (its latest run, the only one) carried out all four.
      expect(effectsCarriedOut).toBe(4);
    } finally {
      // Terminated only once idle, and even when the test fails: a claim ended with an activity
      // scheduled, or left running with a timer no worker will take, locks the shared test server's
      // clock, and every later simulation on it waits forever (seen on a CI run).
      hold();
      for (const h of [handle, direct.workflow.getHandle(`${claimId}/complaint-1`)]) {
        await settled(h).catch(() => undefined);
        await h.terminate('test finished').catch(() => undefined);
      }
    }
  });
});
