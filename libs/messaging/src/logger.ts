import pino from 'pino';

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
 * JSON lines through pino (time, level, msg, fields), the default when a caller gives no logger.
 * Writes to stderr so it never mixes with a CLI's stdout. Services pass their own logger instead
 * (service-kit's, the same pino shape with the service name and the claim id).
 */
export function jsonLogger(options: { level?: LogLevel; base?: LogFields; write?: (line: string) => void } = {}): Logger {
  const write = options.write;
  const p = pino(
    {
      level: options.level ?? 'info',
      base: options.base ?? null,
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    write ? { write: (line: string) => write(line.replace(/\n$/, '')) } : pino.destination(2),
  );
  const emit = (level: LogLevel) => (message: string, fields?: LogFields) => {
    if (!p.isLevelEnabled(level)) return;
    const record: LogFields = {};
    for (const [k, v] of Object.entries(fields ?? {})) record[k] = v instanceof Error ? errorFields(v) : v;
    p[level](record, message);
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
