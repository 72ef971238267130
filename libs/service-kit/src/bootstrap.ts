import { randomUUID } from 'node:crypto';
import { INestApplication, Type } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { StaffAuthGuard, signingKey } from './auth';
import { ConfigError } from './config';
import { ensureSchema } from './database';
import { JsonLogger, logContext } from './logger';

export interface ServiceOptions {
  name: string;
  module: Type<unknown>;
  host: string;
  port: number;
  databaseUrl: string;
  schema: string;
  description: string;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
}

/**
 * Starts a service the same way everywhere: its schema, JSON logs with request and claim ids,
 * bearer-token auth on every route, OpenAPI at /docs, graceful shutdown on SIGTERM.
 */
export async function bootstrapService(o: ServiceOptions): Promise<INestApplication> {
  const logger = new JsonLogger(o.name, o.logLevel);
  await ensureSchema(o.databaseUrl, o.schema);
  const app = await NestFactory.create(o.module, { logger });
  app.use((req: Request, res: Response, next: NextFunction) => {
    const requestId = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
    res.setHeader('x-request-id', requestId);
    const started = Date.now();
    logContext.run({ requestId }, () => {
      const store = logContext.getStore();
      res.on('finish', () => logContext.run(store ?? {}, () => logger.info('request', { method: req.method, path: req.originalUrl, status: res.statusCode, ms: Date.now() - started })));
      next();
    });
  });
  app.useGlobalGuards(new StaffAuthGuard(app.get(Reflector), signingKey()));
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
    process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'error', service: name, msg: 'failed to start', error })}\n`);
    process.exit(1);
  });
}

/** The settings every service's configuration has that starting it needs. */
export interface StartSettings {
  HOST: string;
  PORT: number;
  DATABASE_URL: string;
  LOG_LEVEL?: ServiceOptions['logLevel'];
}

/**
 * Starts a service from its validated configuration. The app module is loaded only afterwards,
 * because modules read the configuration when imported. `port` overrides it (tests pass 0).
 */
export async function startService(o: { name: string; description: string; schema: string; config: StartSettings; appModule: () => Promise<Type<unknown>>; port?: number }): Promise<INestApplication> {
  return bootstrapService({
    name: o.name,
    module: await o.appModule(),
    host: o.config.HOST,
    port: o.port ?? o.config.PORT,
    databaseUrl: o.config.DATABASE_URL,
    schema: o.schema,
    logLevel: o.config.LOG_LEVEL,
    description: o.description,
  });
}
