import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { END_OF_DAY_MINUTE, type Effect, Timeline, TimelineDetails } from '@wc/claim-lifecycle';
import { type Scenario, splitAtUntil } from '@wc/contracts';
import { parseEventTime, sydneyInstant } from '@wc/rules';
import { claimWorkflowBundle } from '../bundle';
import { Resource } from '@opentelemetry/resources';
import { NoopSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { workerTelemetry } from '../telemetry';
import { InMemoryEffects, TemporalClaimParts, createClaimActivities } from '../claim/activities';
import { TRACED_MEMO, actionUpdate, partEffectsSignal, partQuery, partsQuery, timelineQuery } from '../claim/definitions';
import type { claimWorkflow } from '../claim/workflows';
import { installQuietRuntime } from '../runtime';
import { TimeSkippingServer, settled, startTimeSkippingServer } from './time-skipping';

export interface SimulationResult {
  file: string;
  timeline: Timeline;
  details: TimelineDetails;
  /** Events the platform refused, `events[3]: what is wrong`. */
  refused: string[];
  /** Indexes of events dated after `until`: not applied (they cannot change the timeline as at `until`). */
  afterUntil: number[];
  /** How long the run took on the server, in real milliseconds. */
  elapsedMs: number;
  /** The claim's workflow went through continueAsNew at least once. */
  continuedAsNew: boolean;
  /** The parts run as workflows of their own (IME referrals, reviews, complaints, case conferences, assessments) and how each ended. */
  parts: Array<{ id: string; kind: string; workflowId: string; status: string; effectsCarriedOut: number | null }>;
  /** Every effect carried out for the claim, by its own workflow and by its parts', in the order they arrived. */
  effects: Effect[];
}

export interface SimulateOptions {
  server?: TimeSkippingServer;
  /** continueAsNew threshold for the claim workflow (tests cross it on purpose). */
  historyLimit?: number;
  /** Where to write each run's event history as JSON, for replay tests. */
  historyDir?: string;
  /**
   * Start the claim and its parts traced, as the claims service and the production worker do
   * (claim/tracing-interceptors.ts), spans dropped: to record histories of traced runs for replay.
   */
  traced?: boolean;
}

const instantOf = (at: string) => {
  const m = parseEventTime(at);
  return sydneyInstant(m.date, m.minuteOfDay);
};

/**
 * Runs scenarios through the real claim workflow on the time-skipping server (docs/simulate.md): the
 * same workflow and lifecycle code production runs; only the effects go to memory.
 */
export async function simulateScenarios(items: { file: string; scenario: Scenario }[], options: SimulateOptions = {}): Promise<SimulationResult[]> {
  installQuietRuntime();
  const server = options.server ?? (await startTimeSkippingServer());
  const { env } = server;
  const effects = new InMemoryEffects();
  const taskQueue = `simulate-${randomUUID()}`;
  // A plain client beside the time-skipping one, whose result() lets the server's clock run while it
  // waits. Parts are signalled and awaited through this one, so the claim's clock never moves past
  // the moment the simulation asked for.
  const direct = new Client({ connection: env.connection, namespace: env.namespace });
  try {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await claimWorkflowBundle(),
      activities: createClaimActivities({ effects, parts: new TemporalClaimParts(direct, { traced: options.traced }) }),
      ...workerTelemetry(options.traced ? { processor: new NoopSpanProcessor(), resource: new Resource({ 'service.name': 'simulate' }) } : undefined),
    });
    return await worker.runUntil(async () => {
      const results: SimulationResult[] = [];
      for (const item of items) results.push(await runOne(item, { env, direct, effects }, taskQueue, options));
      return results;
    });
  } finally {
    if (!options.server) await server.stop();
  }
}

interface SimulationContext {
  env: TimeSkippingServer['env'];
  direct: Client;
  effects: InMemoryEffects;
}

async function runOne({ file, scenario }: { file: string; scenario: Scenario }, { env, direct, effects }: SimulationContext, taskQueue: string, options: SimulateOptions): Promise<SimulationResult> {
  const t0 = Date.now();
  const start = instantOf(scenario.claim.notifiedAt);
  const serverNow = await env.currentTimeMs();
  // The claim's clock = server clock + offset; the server can only move forward.
  const clockOffsetMs = start - serverNow;
  const claimNow = async () => (await env.currentTimeMs()) + clockOffsetMs;
  const claimId = `simulation-${randomUUID()}`;
  const handle = await env.client.workflow.start<typeof claimWorkflow>('claimWorkflow', {
    taskQueue,
    workflowId: claimId,
    args: [{ claimId, claim: scenario.claim, tables: scenario.parameters, clockOffsetMs, historyLimit: options.historyLimit }],
    ...(options.traced && { memo: { [TRACED_MEMO]: true } }),
  });
  const refused: string[] = [];
  const advanceTo = async (instant: number) => {
    const wait = instant - (await claimNow());
    if (wait > 0) await env.sleep(wait);
  };
  const { applied, afterUntil } = splitAtUntil(scenario);
  for (const { index, event } of applied) {
    await advanceTo(instantOf(event.at));
    try {
      await handle.executeUpdate(actionUpdate, { args: [event] });
    } catch (e) {
      refused.push(`events[${index}]: ${refusalMessage(e)}`);
    }
  }
  await advanceTo(sydneyInstant(scenario.until, END_OF_DAY_MINUTE));
  const { timeline, details } = await withRetry(() => handle.query(timelineQuery, scenario.until));
  // The claim may be carrying out what the last moment decided: let it finish before ending it.
  await settled(handle);
  const parts = await partsOf(direct, await withRetry(() => handle.query(partsQuery)));
  const description = await handle.describe();
  if (description.status.name === 'RUNNING') await handle.terminate('simulation finished');
  // The parts' workflows are not the claim's children: a simulation ends those still open, the way
  // the claim would, and waits for them, so none is left behind on the server.
  for (const p of parts)
    if (p.status === 'RUNNING') {
      const h = direct.workflow.getHandle(p.workflowId);
      await h.signal(partEffectsSignal, [], true, 'simulation-finished');
      await h.result();
    }
  if (options.historyDir) {
    // The first run's history: what a worker replays when it picks up an in-flight claim.
    const first = env.client.workflow.getHandle(claimId, handle.firstExecutionRunId);
    const history = await first.fetchHistory();
    fs.mkdirSync(options.historyDir, { recursive: true });
    fs.writeFileSync(path.join(options.historyDir, `${path.basename(file, '.json')}.history.json`), historyToJSON(history));
    // And each part's, whose code is versioned the same way.
    for (const p of parts) {
      const partHistory = await direct.workflow.getHandle(p.workflowId).fetchHistory();
      fs.writeFileSync(path.join(options.historyDir, `${path.basename(file, '.json')}.${p.id}.history.json`), historyToJSON(partHistory));
    }
  }
  return {
    file,
    timeline: { name: scenario.name, ...timeline },
    details,
    refused,
    afterUntil,
    elapsedMs: Date.now() - t0,
    continuedAsNew: description.runId !== handle.firstExecutionRunId,
    parts,
    effects: effects.byClaim.get(claimId) ?? [],
  };
}

/** Each part's workflow: its status, and how many effects it carried out (its result once it ended). */
async function partsOf(client: Client, parts: Array<{ id: string; kind: string; workflowId: string }>): Promise<SimulationResult['parts']> {
  const out: SimulationResult['parts'] = [];
  for (const p of parts) {
    const h = client.workflow.getHandle(p.workflowId);
    const status = (await h.describe()).status.name;
    let effectsCarriedOut: number | null = null;
    if (status === 'COMPLETED') effectsCarriedOut = ((await h.result()) as { effectsCarriedOut: number }).effectsCarriedOut;
    else if (status === 'RUNNING') effectsCarriedOut = (await withRetry(() => h.query(partQuery))).effectsCarriedOut;
    out.push({ id: p.id, kind: p.kind, workflowId: p.workflowId, status, effectsCarriedOut });
  }
  return out;
}

/** A query can race a continueAsNew (the new run has no worker task yet): try again briefly. */
async function withRetry<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (i >= attempts) throw e;
      await new Promise((r) => setTimeout(r, 200 * i));
    }
  }
}

function refusalMessage(e: unknown): string {
  if (e instanceof WorkflowUpdateFailedError && e.cause) return e.cause.message;
  return e instanceof Error ? e.message : String(e);
}
