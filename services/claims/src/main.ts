import './tracing';
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { runMain, startService } from '@wc/service-kit';
import { SCHEMA, loadClaimsConfig } from './config';

/** Starts the service (tests pass `port: 0` for an ephemeral port). */
export async function start(overrides: { port?: number } = {}): Promise<INestApplication> {
  const config = loadClaimsConfig();
  return startService({
    name: 'claims',
    description: 'Staff API and system of record for workers compensation claims',
    schema: SCHEMA,
    config,
    appModule: async () => (await import('./app.module')).AppModule,
    port: overrides.port,
  });
}

if (require.main === module) runMain('claims', start);
