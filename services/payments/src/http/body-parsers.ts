import { HttpException, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { ExpressAdapter } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { MAX_BODY } from '../config';

/**
 * Body parsers for schedules: JSON and text/csv (kept as bytes, so the controller can refuse what is
 * not UTF-8) up to MAX_BODY. Nest's own JSON parser stops at 100 kB, and bootstrapService gives no
 * option, so they are registered on the Express instance while the module is built, before Nest
 * adds its defaults (it skips a `jsonParser` already in place), through the same adapter method as
 * NestExpressApplication.useBodyParser. Their errors (413, bad JSON, …) become HTTP errors here;
 * Nest would answer them with a 500 otherwise.
 *
 * Better home: a `bodyParsers`/`bodyLimit` option of bootstrapService in @wc/service-kit.
 */
@Injectable()
export class BodyParsers {
  constructor(host: HttpAdapterHost) {
    const adapter = host.httpAdapter as unknown as ExpressAdapter | undefined;
    if (!adapter || typeof adapter.useBodyParser !== 'function') return; // not Express (e.g. a bare module test)
    adapter.useBodyParser('json', false, { limit: MAX_BODY });
    adapter.useBodyParser('raw', false, { type: 'text/csv', limit: MAX_BODY });
    adapter.use(bodyParserErrors);
  }
}

/** body-parser's errors carry `type` and `status` (entity.too.large 413, entity.parse.failed 400, …). */
function bodyParserErrors(err: unknown, _req: Request, _res: Response, next: NextFunction) {
  const e = err as { type?: unknown; status?: unknown; message?: string };
  if (typeof e?.type === 'string' && typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    const message = e.type === 'entity.too.large' ? `the request body is larger than ${MAX_BODY}` : (e.message ?? 'the request body could not be read');
    return next(new HttpException({ statusCode: e.status, message }, e.status));
  }
  next(err);
}
