import { ArgumentMetadata, ArgumentsHost, BadRequestException, Catch, HttpServer, Injectable, PipeTransform } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { formatPath } from '@wc/contracts';
import type { JsonLogger } from './logger';

/**
 * Input the database cannot store is the caller's mistake, not the server's: a 400 naming the
 * field, before anything is changed (issue 14: a NUL character in a field gave a 500).
 */

const NUL = '\u0000';
const MAX_DEPTH = 64;

/**
 * Where in a request value the first string (or key) with a NUL character is, if any. Every body
 * passes through here (a schedule can be tens of thousands of lines), so the path is built only for
 * the one found, on the way back up. Deeper than MAX_DEPTH is not searched: the database backstop
 * (DatabaseInputFilter) still answers 400 for a NUL there.
 */
export function nulAt(value: unknown): (string | number)[] | null {
  const found = search(value, 0);
  return found && found.reverse();
}

function search(value: unknown, depth: number): (string | number)[] | null {
  if (typeof value === 'string') return value.includes(NUL) ? [] : null;
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = search(value[i], depth + 1);
      if (found) return (found.push(i), found);
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    if (k.includes(NUL)) return [k.replaceAll(NUL, '\\0')];
    const found = search(v, depth + 1);
    if (found) return (found.push(k), found);
  }
  return null;
}

/**
 * Every body, query and path parameter a route reads: no NUL character anywhere in it. (Node's
 * HTTP parser already refuses one in a header; `@Req()` and `@Res()` are not request values.)
 */
@Injectable()
export class StorableTextPipe implements PipeTransform {
  transform(value: unknown, meta: ArgumentMetadata): unknown {
    if (meta.type === 'custom') return value;
    const at = nulAt(value);
    if (!at) return value;
    const where = meta.type === 'param' ? 'path' : meta.type;
    const field = [meta.type === 'body' ? '' : (meta.data ?? ''), formatPath(at)].filter(Boolean).join('.') || '(root)';
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: `invalid request ${where}`,
      problems: [{ field, problem: 'must not contain a NUL character (U+0000): it cannot be stored' }],
    });
  }
}

/** PostgreSQL's class 22 (data exception): a value the column cannot hold (too long, out of range, a NUL byte, a bad date). */
function dataException(e: unknown): { code: string; column?: string; detail: string } | null {
  const err = e as { code?: unknown; column?: unknown; message?: unknown; driverError?: unknown } | null;
  const pg = (err?.driverError ?? err) as { code?: unknown; column?: unknown; message?: unknown; severity?: unknown } | null;
  if (!pg || typeof pg.code !== 'string' || !/^22[0-9A-Z]{3}$/.test(pg.code) || pg.severity === undefined) return null;
  return { code: pg.code, column: typeof pg.column === 'string' ? pg.column : undefined, detail: String(pg.message ?? '') };
}

/**
 * The backstop for what validation let through: a value the database refused as data (class 22)
 * is a 400 that says so, logged as a warning so the missing bound gets added to the contract; the
 * transaction it was in rolled back, so nothing changed. Anything else is Nest's usual answer.
 */
@Catch()
export class DatabaseInputFilter extends BaseExceptionFilter {
  constructor(
    adapter: HttpServer,
    private readonly log: JsonLogger,
  ) {
    super(adapter);
  }

  override catch(exception: unknown, host: ArgumentsHost): void {
    const data = dataException(exception);
    if (!data) return super.catch(exception, host);
    this.log.warn('the database refused a value validation let through', { sqlState: data.code, column: data.column, detail: data.detail });
    const field = data.column ?? '(a value)';
    super.catch(
      new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'invalid request: a value is out of the range the platform stores',
        problems: [{ field, problem: `cannot be stored (${data.detail})` }],
      }),
      host,
    );
  }
}
