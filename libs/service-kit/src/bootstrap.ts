import { randomUUID } from 'node:crypto';
import { INestApplication, Type } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { getDataSourceToken } from '@nestjs/typeorm';
import { StaffAuthGuard, authKeys, requireToken } from './auth';
import { ClaimAccess, ClaimAccessGuard } from './access/claim-access';
import { ResponseContractInterceptor } from './api-contract';
import { DatabaseInputFilter, StorableTextPipe } from './input-guard';
import { ConfigError, Deployment, ResponseContractMode } from './config';
import { createPino, logContext } from './logger';
import { ServiceMetrics } from './observability/metrics';
import { requestIdOf, withRequestId } from './observability/tracing';
import { LOGGER } from './service.module';

export interface ServiceOptions {
  name: string;
  module: Type<unknown>;
  host: string;
  port: number;
  description: string;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** api-contract.ts; enforce unless said otherwise. */
  responseContract?: ResponseContractMode;
  /** /docs (the OpenAPI document and its UI) only with a token: outside local use. */
  docsNeedToken?: boolean;
}

/**
 * Starts a service the same way everywhere (its module imports ServiceModule): pino logs with
 * request and claim ids, a request id carried on to what the request causes, request metrics,
 * bearer-token auth on every route, OpenAPI at /docs, graceful shutdown on SIGTERM.
 */
export async function bootstrapService(o: ServiceOptions): Promise<INestApplication> {
  const app = await NestFactory.create(o.module, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  const logger = app.get(LOGGER);
  app.use((req: Request, res: Response, next: NextFunction) => {
    // A caller's id is kept (a console, a gateway, or the baggage of a worker's call made for a
    // staff request) when it is a plain token; otherwise a new one.
    const given = req.headers['x-request-id'] ?? requestIdOf();
    const requestId = typeof given === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(given) ? given : randomUUID();
    req.headers['x-request-id'] = requestId;
    res.setHeader('x-request-id', requestId);
    // In baggage too, so the events, workflow steps and calls this request causes carry it.
    withRequestId(requestId, () => logContext.run({ requestId }, () => next()));
  });
  app.use(app.get(ServiceMetrics).middleware());
  // Once per service: the identity provider's keys (AUTH_JWKS_URL) are cached in what it returns.
  const keys = authKeys();
  // In this order: who is asking, then whether they may see the claim the route is about (access/).
  const access = optional(() => app.get(ClaimAccess, { strict: false }));
  app.useGlobalGuards(new StaffAuthGuard(app.get(Reflector), keys), new ClaimAccessGuard(app.get(Reflector), access, access ? app.get(getDataSourceToken()) : undefined));
  if (o.docsNeedToken) app.use('/docs', requireToken(keys));
  app.useGlobalPipes(new StorableTextPipe());
  app.useGlobalFilters(new DatabaseInputFilter(app.getHttpAdapter(), logger));
  const violations = app.get(ServiceMetrics).counter('http_response_contract_violations_total', 'answers that broke their documented contract (api-contract.ts), by route', ['route']);
  app.useGlobalInterceptors(new ResponseContractInterceptor(app.get(Reflector), o.responseContract ?? 'enforce', logger, (route) => violations.inc({ route })));
  app.enableShutdownHooks();
  const doc = new DocumentBuilder().setTitle(`wc-claims ${o.name}`).setDescription(o.description).setVersion('0.1.0').addBearerAuth().build();
  SwaggerModule.setup('docs', app, SwaggerModule.createDocument(app, doc), { jsonDocumentUrl: 'docs/openapi.json' });
  await app.listen(o.port, o.host);
  logger.info(`${o.name} listening`, { url: `http://${o.host}:${o.port}`, openapi: `http://${o.host}:${o.port}/docs` });
  return app;
}

/** A service's entry point: start it, or write one JSON line saying why not and exit 1 (no stack for a bad setting). */
export function runMain(name: string, start: () => Promise<unknown>): void {
  start().catch((e) => {
    const error = e instanceof ConfigError ? e.message : String(e?.stack ?? e);
    createPino(name, 'info', (line) => void process.stderr.write(line)).error({ error }, 'failed to start');
    process.exit(1);
  });
}

/** The settings every service's configuration has that starting it needs. */
export interface StartSettings {
  HOST: string;
  PORT: number;
  DATABASE_URL: string;
  LOG_LEVEL?: ServiceOptions['logLevel'];
  DEPLOYMENT?: Deployment;
  RESPONSE_CONTRACT?: ResponseContractMode;
}

/**
 * Starts a service from its validated configuration. The app module is loaded only afterwards,
 * because modules read the configuration when imported. `port` overrides it (tests pass 0).
 */
export async function startService(o: { name: string; description: string; schema: string; config: StartSettings; appModule: () => Promise<Type<unknown>>; port?: number }): Promise<INestApplication> {
  // Local use (npm start, the tests) fails loudly on a broken answer and shows /docs to anyone.
  const local = (o.config.DEPLOYMENT ?? 'local') === 'local';
  return bootstrapService({
    name: o.name,
    module: await o.appModule(),
    host: o.config.HOST,
    port: o.port ?? o.config.PORT,
    logLevel: o.config.LOG_LEVEL,
    responseContract: o.config.RESPONSE_CONTRACT ?? (local ? 'enforce' : 'report'),
    docsNeedToken: !local,
    description: o.description,
  });
}

function optional<T>(get: () => T): T | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}
