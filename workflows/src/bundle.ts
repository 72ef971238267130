import { bundleWorkflowCode, WorkflowBundleWithSourceMap } from '@temporalio/worker';

let cached: Promise<WorkflowBundleWithSourceMap> | undefined;

/**
 * The workflow code, bundled once per process (webpack is slow on 2 cores). Without OpenTelemetry's
 * workflow interceptors: added as they are, they change how a workflow yields, and histories
 * recorded before them no longer replay (TMPRL1100 on an update's completion, seen in replay.test).
 * Tracing into the workflow needs them gated by a patch (telemetry.ts).
 */
export function claimWorkflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  cached ??= bundleWorkflowCode({ workflowsPath: require.resolve('./workflows'), logger: quietLogger });
  return cached;
}

const noop = () => undefined;
const quietLogger = { trace: noop, debug: noop, info: noop, warn: (m: string) => process.stderr.write(`workflow bundle: ${m}\n`), error: (m: string) => process.stderr.write(`workflow bundle: ${m}\n`), log: noop };
