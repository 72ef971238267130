/**
 * The logger this library writes to. Deliberately tiny and structural, so a service can pass its own
 * (service-kit's JSON logger, a Nest adapter) without this library depending on it.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** True when `level` is at least as severe as `threshold`. */
export function atLeast(level: LogLevel, threshold: LogLevel): boolean {
  return RANK[level] >= RANK[threshold];
}

/** Errors do not survive JSON.stringify (their fields are not enumerable): keep name, message, cause. */
export function errorFields(err: unknown): LogFields {
  if (err instanceof Error) {
    const out: LogFields = { name: err.name, message: err.message };
    if (err.cause !== undefined) out.cause = errorFields(err.cause);
    return out;
  }
  return { message: String(err) };
}

/** One short line for a database column or a log message, whatever was thrown. */
export function errorText(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err, depth = 0; e !== undefined && depth < 5; depth++) {
    parts.push(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
    e = e instanceof Error ? e.cause : undefined;
  }
  return parts.join(' <- caused by ');
}

/**
 * JSON lines (one object per line: time, level, msg, fields), the default when a caller gives no
 * logger. Writes to stderr so it never mixes with a CLI's stdout.
 */
export function jsonLogger(
  options: { level?: LogLevel; base?: LogFields; write?: (line: string) => void } = {},
): Logger {
  const threshold = options.level ?? 'info';
  const write = options.write ?? ((line: string) => process.stderr.write(line + '\n'));
  const emit = (level: LogLevel) => (message: string, fields?: LogFields) => {
    if (!atLeast(level, threshold)) return;
    const record: LogFields = { time: new Date().toISOString(), level, msg: message, ...options.base };
    for (const [k, v] of Object.entries(fields ?? {})) record[k] = v instanceof Error ? errorFields(v) : v;
    let line: string;
    try {
      line = JSON.stringify(record);
    } catch {
      // A circular or BigInt field must not turn a log call into a crash.
      line = JSON.stringify({ time: record.time, level, msg: message, unserialisable: true });
    }
    write(line);
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
