import path from 'node:path';
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
