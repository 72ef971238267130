import { AsyncLocalStorage } from 'node:async_hooks';
import type { LoggerService } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import pino, { type Logger as Pino } from 'pino';
import { requestIdOf } from './observability/tracing';

/** What every log line of the current request or message carries (above all the claim id). */
export interface LogContext {
  claimId?: string;
  requestId?: string;
  user?: string;
}

export const logContext = new AsyncLocalStorage<LogContext>();

/** Runs `fn` with `ctx` merged into the log context (e.g. once a claim id is known). */
export function withLogContext<T>(ctx: LogContext, fn: () => T): T {
  return logContext.run({ ...(logContext.getStore() ?? {}), ...ctx }, fn);
}

/** Adds to the current context in place: later lines of the same request carry it too. */
export function addLogContext(ctx: LogContext): void {
  const store = logContext.getStore();
  if (store) Object.assign(store, ctx);
}

type Level = 'debug' | 'info' | 'warn' | 'error';

/**
 * Health information (Privacy Act 1988 s6FA; HRIP Act 2002 (NSW)) and credentials never reach a log
 * line, however deep a caller nests them: pino replaces these keys at the top level and two levels
 * down (an event's `data.injury`, a request's `body.worker...`) with "[redacted]".
 */
export const HEALTH_INFORMATION_KEYS = ['injury', 'bodyLocation', 'redFlags', 'yellowFlags', 'diagnosis', 'certificate', 'certificates', 'medicalReport', 'clinicalNotes', 'treatment', 'wpi'];
export const SECRET_KEYS = ['authorization', 'cookie', 'token', 'accessToken', 'password', 'apiKey', 'AUTH_JWT_SECRET', 'AUTH_SERVICE_PRIVATE_KEY', 'KAFKA_SASL_PASSWORD', 'TEMPORAL_API_KEY'];
export const REDACTED_PATHS = [...HEALTH_INFORMATION_KEYS, ...SECRET_KEYS]
  .flatMap((k) => [k, `*.${k}`, `*.*.${k}`])
  .concat(['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]']);

/**
 * The platform's one logger: pino, JSON lines on stdout with time (ISO), level (its name), service,
 * msg, the log context (claim id, request id, user; the request id also from OpenTelemetry baggage,
 * so a consumer's or an activity's lines name the staff request that caused them) and the trace and
 * span ids of the active span, so a line leads to its trace. `write` replaces stdout (tests).
 */
export function createPino(service: string, level: Level = 'info', write?: (line: string) => void): Pino {
  const taps = new Set<(line: string) => void>();
  const options: pino.LoggerOptions = {
    level,
    base: { service },
    messageKey: 'msg',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    mixin() {
      const span = trace.getActiveSpan()?.spanContext();
      // A request id that came in baggage (an event, a workflow's activity) when this is not a request of ours.
      const carried = requestIdOf();
      return {
        ...(carried && { requestId: carried }),
        ...(logContext.getStore() ?? {}),
        ...(span && span.traceId !== '00000000000000000000000000000000' ? { traceId: span.traceId, spanId: span.spanId } : {}),
      };
    },
  };
  // Every line written also goes to the taps (JsonLogger.tap: a test reads what a service logged).
  options.hooks = {
    streamWrite: (line) => {
      for (const tap of taps) tap(line);
      return line;
    },
  };
  // Synchronous writes to stdout (pino's default): a line written before a crash is on disk.
  const logger = write ? pino(options, { write }) : pino(options);
  TAPS.set(logger, taps);
  return logger;
}

const TAPS = new WeakMap<Pino, Set<(line: string) => void>>();

/**
 * Nest's LoggerService and the services' structured logger (`info(msg, fields)`), over pino. Nest
 * passes its context name last; an Error anywhere becomes `error` with its stack.
 */
export class JsonLogger implements LoggerService {
  readonly pino: Pino;

  constructor(
    readonly service: string,
    minLevel: Level = 'info',
    write?: (line: string) => void,
  ) {
    this.pino = createPino(service, minLevel, write);
  }

  /** A logger over an existing pino instance (the one nestjs-pino's request logging uses). */
  static over(service: string, instance: Pino): JsonLogger {
    const l = Object.create(JsonLogger.prototype) as JsonLogger;
    Object.assign(l, { service, pino: instance });
    return l;
  }

  log(message: unknown, ...rest: unknown[]) {
    this.emit('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.emit('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.emit('debug', message, rest);
  }

  /**
   * Calls `onLine` with every line this logger writes from now on, at `level` and above (the tests
   * read what a service logged); returns the way to stop.
   */
  tap(onLine: (line: string) => void, level?: Level): () => void {
    if (level) this.pino.level = level;
    const taps = TAPS.get(this.pino);
    taps?.add(onLine);
    return () => void taps?.delete(onLine);
  }

  /** Structured entry point for the services' own code. */
  info(msg: string, fields: Record<string, unknown> = {}) {
    this.emit('info', msg, [fields]);
  }

  private emit(level: Level, message: unknown, rest: unknown[]) {
    if (!this.pino.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    for (const r of rest) {
      if (typeof r === 'string')
        fields.context = r; // Nest passes the context name last
      else if (r instanceof Error) fields.error = r.stack ?? r.message;
      else if (r && typeof r === 'object') Object.assign(fields, r);
    }
    const msg = message instanceof Error ? message.message : typeof message === 'string' ? message : JSON.stringify(message);
    if (message instanceof Error) fields.error ??= message.stack;
    this.pino[level](fields, msg);
  }
}
