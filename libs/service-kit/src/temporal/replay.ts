import fs from 'node:fs';
import path from 'node:path';

/**
 * Replays every recorded history in `dir` (NAME.VERSION.history.json) against the workflow code at
 * `workflowsPath` (a service's replay test, issue 15): what each was, and the error of any that no
 * longer replays (a change that would break a workflow in flight; version it with patched()).
 */
export async function replayRecordedHistories(dir: string, workflowsPath: string): Promise<Array<{ file: string; workflowType: string; error?: string }>> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { Worker, bundleWorkflowCode } = require('@temporalio/worker') as typeof import('@temporalio/worker');
  const { historyFromJSON } = require('@temporalio/common/lib/proto-utils') as typeof import('@temporalio/common/lib/proto-utils');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.history.json'))
    .sort();
  const recorded = files.map((file) => {
    const json = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    return { file, workflowType: json.events[0].workflowExecutionStartedEventAttributes.workflowType.name as string, history: historyFromJSON(json) };
  });
  const noop = () => undefined;
  const workflowBundle = await bundleWorkflowCode({ workflowsPath, logger: { trace: noop, debug: noop, info: noop, warn: noop, log: noop, error: (m: string) => process.stderr.write(`${m}\n`) } });
  const errors = new Map<string, string>();
  for await (const r of Worker.runReplayHistories(
    { workflowBundle },
    recorded.map((h) => ({ workflowId: h.file, history: h.history })),
  ))
    if (r.error) errors.set(r.workflowId, r.error.message);
  return recorded.map((h) => ({ file: h.file, workflowType: h.workflowType, ...(errors.has(h.file) && { error: errors.get(h.file) }) }));
}
