import { NativeConnection, Worker } from '@temporalio/worker';
import { claimWorkflowBundle } from './bundle';
import { ClaimEffectsPort, createClaimActivities } from './claim/activities';
import { CLAIM_TASK_QUEUE } from './claim/definitions';
import { installQuietRuntime } from './runtime';

/** Logs each step's effects as JSON lines with the claim id, until the claims service adapter replaces it. */
const loggingEffects: ClaimEffectsPort = {
  async record(claimId, effects) {
    for (const e of effects) process.stdout.write(`${JSON.stringify({ level: 'info', claimId, effect: e.kind, detail: e })}\n`);
  },
};

/** The production worker: claim workflows on the `claims` task queue of TEMPORAL_ADDRESS. */
export async function runWorker(effects: ClaimEffectsPort = loggingEffects): Promise<void> {
  installQuietRuntime('INFO');
  const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection,
    namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: CLAIM_TASK_QUEUE,
    workflowBundle: await claimWorkflowBundle(),
    activities: createClaimActivities({ effects }),
  });
  process.stdout.write(`${JSON.stringify({ level: 'info', msg: 'claim worker started', address, taskQueue: CLAIM_TASK_QUEUE })}\n`);
  await worker.run(); // resolves after SIGINT/SIGTERM (the SDK shuts the worker down gracefully)
  await connection.close();
}

if (require.main === module) {
  runWorker().catch((e) => {
    process.stderr.write(`${JSON.stringify({ level: 'error', msg: 'claim worker failed', error: String(e?.stack ?? e) })}\n`);
    process.exit(1);
  });
}
