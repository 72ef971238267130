import { tracing } from './tracing'; // first: OpenTelemetry patches http and fetch as they load
import { Client, Connection } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createPino, loadConfig, temporalConnection } from '@wc/service-kit';
import { claimWorkflowBundle } from './bundle';
import { ClaimEffectsPort, IncidentsPort, TemporalClaimParts, createClaimActivities } from './claim/activities';
import { ClaimsServiceEffects, ClaimsServiceIncidents } from './claim/claims-service-effects';
import { CLAIM_TASK_QUEUE } from './claim/definitions';
import { workerTelemetry } from './telemetry';
import { serveWorkerHttp } from './worker-http';
import { workerConfigSchema } from './config';

const log = createPino('claim-worker', (process.env.LOG_LEVEL as 'info' | undefined) ?? 'info');

/**
 * The claims service when CLAIMS_SERVICE_URL is set (the worker's own credential, claim-worker with
 * scope claims:effects, signed with its own private key, never the staff one nor another process's):
 * effects, and incidents when it refuses them. Otherwise each step's effects and each incident are
 * logged with the claim id.
 */
function claimsServiceFrom(url: string | undefined): { effects: ClaimEffectsPort; incidents: IncidentsPort } {
  if (url) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { mintServiceToken, servicePrivateKey } = require('@wc/service-kit') as typeof import('@wc/service-kit');
    const key = servicePrivateKey('claim-worker');
    let cached: { token: string; until: number } | undefined;
    const token = async () => {
      if (!cached || cached.until < Date.now()) cached = { token: await mintServiceToken('claim-worker', ['claims:effects'], key, 3600), until: Date.now() + 50 * 60_000 };
      return cached.token;
    };
    const base = url.replace(/\/$/, '');
    return { effects: new ClaimsServiceEffects(base, token), incidents: new ClaimsServiceIncidents(base, token) };
  }
  return {
    effects: {
      async record(claimId, effects) {
        for (const e of effects) log.info({ claimId, effect: e.kind, detail: e }, 'effect');
      },
    },
    incidents: {
      async raise(incident) {
        log.error({ ...incident }, 'claim effects refused: the workflow waits for an operator');
      },
    },
  };
}

/** The production worker: claim workflows on the `claims` task queue of TEMPORAL_ADDRESS. */
export async function runWorker(): Promise<void> {
  const c = loadConfig(workerConfigSchema);
  const levels = { debug: 'DEBUG', info: 'INFO', warn: 'WARN', error: 'ERROR' } as const;
  // The SDK's and the core's logs through the same pino lines; its metrics on a local Prometheus port.
  Runtime.install({
    logger: new DefaultLogger(levels[c.LOG_LEVEL], (entry) => {
      const meta = entry.meta ? JSON.parse(JSON.stringify(entry.meta, (_k, v) => (typeof v === 'bigint' ? String(v) : v))) : {};
      log[entry.level === 'TRACE' ? 'debug' : (entry.level.toLowerCase() as 'info')]({ ...meta, source: 'temporal' }, entry.message);
    }),
    telemetryOptions: {
      logging: { filter: { core: 'WARN', other: levels[c.LOG_LEVEL] }, forward: {} },
      metrics: { prometheus: { bindAddress: `127.0.0.1:${c.TEMPORAL_METRICS_PORT}` } },
    },
  });
  const options = temporalConnection(c);
  const connection = await NativeConnection.connect(options);
  // The parts of a claim (IME referrals, reviews, complaints, ...) are started and signalled through a client.
  const clientConnection = await Connection.connect(options);
  const worker = await Worker.create({
    connection,
    namespace: c.TEMPORAL_NAMESPACE,
    taskQueue: CLAIM_TASK_QUEUE,
    workflowBundle: await claimWorkflowBundle(),
    activities: createClaimActivities({
      ...claimsServiceFrom(c.CLAIMS_SERVICE_URL),
      parts: new TemporalClaimParts(new Client({ connection: clientConnection, namespace: c.TEMPORAL_NAMESPACE, interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor()] } }), {
        traced: true,
      }),
    }),
    ...workerTelemetry(tracing),
  });
  const server = await serveWorkerHttp({
    host: c.HOST,
    port: c.WORKER_PORT,
    coreMetricsUrl: `http://127.0.0.1:${c.TEMPORAL_METRICS_PORT}/metrics`,
    probe: { running: () => worker.getState() === 'RUNNING', temporal: () => clientConnection.workflowService.getSystemInfo({}) },
    log,
  });
  log.info({ address: c.TEMPORAL_ADDRESS, taskQueue: CLAIM_TASK_QUEUE, http: `http://${c.HOST}:${c.WORKER_PORT}` }, 'claim worker started');
  await worker.run(); // resolves after SIGINT/SIGTERM (the SDK shuts the worker down gracefully)
  server.close();
  await clientConnection.close();
  await connection.close();
  await tracing.provider.shutdown().catch(() => undefined);
}

if (require.main === module) {
  runWorker().catch((e) => {
    log.error({ error: String(e?.stack ?? e) }, 'claim worker failed');
    process.exit(1);
  });
}
