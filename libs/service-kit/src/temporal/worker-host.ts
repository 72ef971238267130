import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { NativeConnection, Worker, WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { TemporalConfig, temporalConnection } from '../config';
import type { JsonLogger } from '../logger';

export interface WorkerHostOptions {
  /** Named in logs and in readiness (e.g. "payments worker"). */
  name: string;
  config: TemporalConfig;
  taskQueue: string;
  /** The workflows module (its path, require.resolve'd by the caller), bundled once per process. */
  workflowsPath: string;
  activities: object;
  log: JsonLogger;
  /** Run each time the worker has connected and polls (keep schedules, start unfinished work). */
  afterConnect?: () => Promise<void>;
  /** Wait between attempts to connect (default 5 s). */
  reconnectMs?: number;
}

const bundles = new Map<string, Promise<WorkflowBundleWithSourceMap>>();

/**
 * A service's own Temporal worker (issue 15): for the long jobs a service runs as workflows, every
 * replica polls the service's task queue, so work whose replica died is picked up by another. It
 * connects in the background and again after losing Temporal, so the service's API answers
 * meanwhile (readiness says the worker is not polling). The Temporal SDK is loaded only by the
 * services that host one.
 */
export class TemporalWorkerHost {
  private worker?: Worker;
  private running?: Promise<void>;
  private stopping = false;
  private polling = false;

  constructor(private readonly o: WorkerHostOptions) {}

  start(): void {
    this.running ??= this.keepRunning();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.shutdownWorker();
    await this.running;
  }

  /** Readiness: the worker polls its task queue. */
  async ping(): Promise<void> {
    if (!this.polling) throw new Error(`the ${this.o.name} is not polling task queue ${this.o.taskQueue}`);
  }

  private async keepRunning(): Promise<void> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sdk = require('@temporalio/worker') as typeof import('@temporalio/worker');
    const { name, taskQueue, log } = this.o;
    installRuntimeOnce(sdk, log);
    while (!this.stopping) {
      let connection: NativeConnection | undefined;
      try {
        connection = await sdk.NativeConnection.connect(temporalConnection(this.o.config));
        this.worker = await sdk.Worker.create({
          connection,
          namespace: this.o.config.TEMPORAL_NAMESPACE,
          taskQueue,
          workflowBundle: await bundleOf(sdk, this.o.workflowsPath),
          activities: this.o.activities,
          // An activity still running when the service stops is cancelled after this; its work is retried elsewhere.
          shutdownGraceTime: '10 seconds',
        });
        const done = this.worker.run();
        // Stopped while it was being created: run and shut down at once (a worker created and never
        // run would hold its native resources, and the process, open).
        if (this.stopping) {
          this.shutdownWorker();
          await done;
          return;
        }
        this.polling = true;
        log.info(`${name} polling`, { taskQueue });
        await this.o.afterConnect?.();
        await done;
      } catch (e) {
        this.polling = false;
        if (this.stopping) return;
        log.error(`${name} stopped; connecting again`, { taskQueue, error: (e as Error).message });
        this.shutdownWorker();
        await new Promise((r) => setTimeout(r, this.o.reconnectMs ?? 5000).unref());
      } finally {
        this.polling = false;
        this.worker = undefined;
        await connection?.close().catch(() => undefined);
      }
    }
  }

  private shutdownWorker() {
    try {
      this.worker?.shutdown();
    } catch {
      // not running (never started, or already stopping)
    }
  }
}

let runtimeInstalled = false;
/**
 * The SDK's own logs (and its native core's) as the service's JSON lines, warnings and errors only:
 * its default logger prints multi-line text at INFO. Once per process, before the first connection
 * (a process that already has a runtime, e.g. a test running several services, keeps it).
 */
function installRuntimeOnce(sdk: typeof import('@temporalio/worker'), log: JsonLogger) {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    sdk.Runtime.install({
      logger: new sdk.DefaultLogger('WARN', (entry) => {
        const meta = entry.meta ? JSON.parse(JSON.stringify(entry.meta, (_k, v) => (typeof v === 'bigint' ? String(v) : v))) : {};
        if (entry.level === 'ERROR') log.error(entry.message, { ...meta, source: 'temporal' });
        else log.warn(entry.message, { ...meta, source: 'temporal' });
      }),
      telemetryOptions: { logging: { filter: { core: 'WARN', other: 'WARN' }, forward: {} } },
    });
  } catch {
    // installed already in this process
  }
}

/** The workflow code, bundled once per process (webpack is slow on 2 cores). */
function bundleOf(sdk: typeof import('@temporalio/worker'), workflowsPath: string): Promise<WorkflowBundleWithSourceMap> {
  let b = bundles.get(workflowsPath);
  if (!b) {
    b = sdk.bundleWorkflowCode({ workflowsPath, logger: quietBundler });
    b.catch(() => bundles.delete(workflowsPath));
    bundles.set(workflowsPath, b);
  }
  return b;
}

const noop = () => undefined;
const quietBundler = {
  trace: noop,
  debug: noop,
  info: noop,
  log: noop,
  warn: (m: string) => process.stderr.write(`workflow bundle: ${m}\n`),
  error: (m: string) => process.stderr.write(`workflow bundle: ${m}\n`),
};

/**
 * A service's worker as a Nest provider: started once the application is up, stopped with it
 * (running activities get the host's grace time), and its readiness check. Extend it and set
 * `host` in the constructor.
 */
export abstract class HostedTemporalWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  protected abstract readonly host: TemporalWorkerHost;

  onApplicationBootstrap() {
    this.host.start();
  }

  onApplicationShutdown() {
    return this.host.stop();
  }

  /** Readiness (`temporal` in /health/ready). */
  ping() {
    return this.host.ping();
  }
}
