import { bundleWorkflowCode, WorkflowBundleWithSourceMap } from '@temporalio/worker';

let cached: Promise<WorkflowBundleWithSourceMap> | undefined;

/**
 * The workflow code, bundled once per process (webpack is slow on 2 cores), with OpenTelemetry's
 * workflow interceptors for the runs started to be traced (claim/tracing-interceptors.ts says why
 * only those).
 */
export function claimWorkflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  cached ??= bundleWorkflowCode({
    workflowsPath: require.resolve('./workflows'),
    workflowInterceptorModules: [require.resolve('./claim/tracing-interceptors')],
    logger: quietLogger,
  });
  return cached;
}

const noop = () => undefined;
const quietLogger = {
  trace: noop,
  debug: noop,
  info: noop,
  warn: (m: string) => process.stderr.write(`workflow bundle: ${m}\n`),
  error: (m: string) => process.stderr.write(`workflow bundle: ${m}\n`),
  log: noop,
};
