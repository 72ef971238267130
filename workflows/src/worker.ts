import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { claimWorkflowBundle } from './bundle';
import { ClaimEffectsPort, TemporalClaimParts, createClaimActivities } from './claim/activities';
import { ClaimsServiceEffects } from './claim/claims-service-effects';
import { CLAIM_TASK_QUEUE } from './claim/definitions';
import { installQuietRuntime } from './runtime';

/**
 * The claims service when CLAIMS_SERVICE_URL is set (a service token signed with the platform key);
 * otherwise each step's effects are logged as JSON lines with the claim id.
 */
function effectsFromEnv(): ClaimEffectsPort {
  const url = process.env.CLAIMS_SERVICE_URL;
  if (url) {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { mintToken, signingKey } = require('@wc/service-kit') as typeof import('@wc/service-kit');
    const key = signingKey();
    let cached: { token: string; until: number } | undefined;
    const token = async () => {
      if (!cached || cached.until < Date.now()) cached = { token: await mintToken({ user: 'claim-worker', role: 'admin' }, key, 3600), until: Date.now() + 50 * 60_000 };
      return cached.token;
    };
    return new ClaimsServiceEffects(url.replace(/\/$/, ''), token);
  }
  return {
    async record(claimId, effects) {
      for (const e of effects) process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'info', service: 'claim-worker', claimId, msg: 'effect', effect: e.kind, detail: e })}\n`);
    },
  };
}

/** The production worker: claim workflows on the `claims` task queue of TEMPORAL_ADDRESS. */
export async function runWorker(effects: ClaimEffectsPort = effectsFromEnv()): Promise<void> {
  installQuietRuntime('INFO');
  const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
  const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
  const connection = await NativeConnection.connect({ address });
  // The parts of a claim (IME referrals, reviews, complaints, ...) are started and signalled through a client.
  const clientConnection = await Connection.connect({ address });
  const worker = await Worker.create({
    connection,
    namespace,
    taskQueue: CLAIM_TASK_QUEUE,
    workflowBundle: await claimWorkflowBundle(),
    activities: createClaimActivities({ effects, parts: new TemporalClaimParts(new Client({ connection: clientConnection, namespace })) }),
  });
  process.stdout.write(`${JSON.stringify({ level: 'info', msg: 'claim worker started', address, taskQueue: CLAIM_TASK_QUEUE })}\n`);
  await worker.run(); // resolves after SIGINT/SIGTERM (the SDK shuts the worker down gracefully)
  await clientConnection.close();
  await connection.close();
}

if (require.main === module) {
  runWorker().catch((e) => {
    process.stderr.write(`${JSON.stringify({ level: 'error', msg: 'claim worker failed', error: String(e?.stack ?? e) })}\n`);
    process.exit(1);
  });
}
