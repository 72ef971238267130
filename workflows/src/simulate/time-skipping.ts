import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { installQuietRuntime } from '../runtime';

/** The repository's local-engines module (plain JS, deploy/local): the one place engines are started. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const engines = require(path.resolve(__dirname, '..', '..', '..', 'deploy', 'local', 'engines.js'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cache = require(path.resolve(__dirname, '..', '..', '..', 'deploy', 'local', 'cache.js'));

export interface TimeSkippingServer {
  env: TestWorkflowEnvironment;
  stop(): Promise<void>;
}

/**
 * The time-skipping test server behind one module, so the harness can switch to time skipping in
 * the real server when Temporal ships it (infrastructure.md). We start the JVM ourselves (or reuse
 * TEMPORAL_TEST_SERVER_ADDRESS) and give the SDK a stand-in executable that only waits, because
 * the SDK allows a server it spawns just 5 seconds to answer.
 */
export async function startTimeSkippingServer(): Promise<TimeSkippingServer> {
  installQuietRuntime();
  const started = await engines.up({ only: ['test-server'], handleSignals: false, quiet: true });
  const address: string = started.env.TEMPORAL_TEST_SERVER_ADDRESS;
  const port = Number(address.slice(address.lastIndexOf(':') + 1));
  const attach = path.join(cache.config().cacheBin, 'temporal-test-server-attach');
  try {
    const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: attach }, port } });
    return {
      env,
      async stop() {
        await env.teardown();
        await started.stop();
      },
    };
  } catch (e) {
    await started.stop();
    throw e;
  }
}

/**
 * Waits until a workflow has no workflow task or activity outstanding. The time-skipping test
 * server counts each outstanding task as a lock on its clock, and a workflow terminated while an
 * activity is scheduled but not yet started never gives its lock back: from then on no sleep on that
 * server ever ends (seen 3 times in 4 runs, 2026-11-22: a claim terminated right after an
 * ActivityTaskScheduled event, and the next simulation hung). Nothing moves the clock here, so once
 * settled the workflow stays settled until we act. Whoever terminates a workflow on this server
 * (a simulation, a test) waits for this first: one leaked lock hangs every later user of a shared server.
 */
export async function settled(handle: { fetchHistory(): Promise<{ events?: Array<{ eventType?: unknown }> | null }> }, timeoutMs = 60_000): Promise<void> {
  const busy = new Set(['EVENT_TYPE_WORKFLOW_TASK_SCHEDULED', 'EVENT_TYPE_WORKFLOW_TASK_STARTED', 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED', 'EVENT_TYPE_ACTIVITY_TASK_STARTED']);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const events = (await handle.fetchHistory()).events ?? [];
    const last = events[events.length - 1];
    if (!last || !busy.has(eventTypeName(last.eventType))) return;
    if (Date.now() > deadline) throw new Error(`the workflow was still busy after ${timeoutMs} ms (last event ${eventTypeName(last.eventType)})`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** History events carry their type as an enum number; compare by name. */
function eventTypeName(t: unknown): string {
  return typeof t === 'number' ? (temporal.api.enums.v1.EventType[t] ?? String(t)) : String(t);
}
