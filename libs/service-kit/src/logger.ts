import { AsyncLocalStorage } from 'node:async_hooks';
import type { LoggerService } from '@nestjs/common';

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

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];

/** JSON lines on stdout: time, level, service, message, and the claim id when there is one. */
export class JsonLogger implements LoggerService {
  constructor(private readonly service: string, private readonly minLevel: Level = 'info', private readonly write: (line: string) => void = (l) => void process.stdout.write(l)) {}

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

  /** Structured entry point for the services' own code. */
  info(msg: string, fields: Record<string, unknown> = {}) {
    this.emit('info', msg, [fields]);
  }

  private emit(level: Level, message: unknown, rest: unknown[]) {
    if (LEVELS.indexOf(level) < LEVELS.indexOf(this.minLevel)) return;
    const fields: Record<string, unknown> = {};
    let context: string | undefined;
    for (const r of rest) {
      if (typeof r === 'string') context = r; // Nest passes the context name last
      else if (r instanceof Error) fields.error = r.stack ?? r.message;
      else if (r && typeof r === 'object') Object.assign(fields, r);
    }
    const msg = message instanceof Error ? message.message : typeof message === 'string' ? message : JSON.stringify(message);
    if (message instanceof Error) fields.error ??= message.stack;
    const line = { time: new Date().toISOString(), level, service: this.service, ...(context ? { context } : {}), msg, ...(logContext.getStore() ?? {}), ...fields };
    this.write(`${JSON.stringify(line)}\n`);
  }
}
