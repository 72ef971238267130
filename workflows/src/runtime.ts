import { DefaultLogger, LogLevel, Runtime } from '@temporalio/worker';

let installed = false;

/**
 * Installs the Temporal runtime once per process with every log on stderr at `level` and above,
 * the native core's logs included (forwarded): commands such as `simulate --json` keep stdout for
 * their output alone.
 */
export function installQuietRuntime(level: LogLevel = 'WARN'): void {
  if (installed) return;
  installed = true;
  Runtime.install({
    logger: new DefaultLogger(level, (entry) => {
      process.stderr.write(
        `${new Date(Number(entry.timestampNanos / 1_000_000n)).toISOString()} [${entry.level}] ${entry.message}${entry.meta ? ` ${JSON.stringify(entry.meta, (_k, v) => (typeof v === 'bigint' ? String(v) : v))}` : ''}\n`,
      );
    }),
    // The test server does not advertise a capability the core warns about on every start: ERROR only for core.
    telemetryOptions: { logging: { filter: { core: 'ERROR', other: level }, forward: {} } },
  });
}
