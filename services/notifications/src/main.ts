import './tracing';
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { runMain, startService } from '@wc/service-kit';
import { loadNotificationsConfig } from './config';

/** Starts the service (tests pass `port: 0` for an ephemeral port). */
export async function start(overrides: { port?: number } = {}): Promise<INestApplication> {
  const config = loadNotificationsConfig();
  return startService({
    name: 'notifications',
    description: 'Turns platform events into notices: asks the documents service for each letter and records the request',
    schema: config.DB_SCHEMA,
    config,
    appModule: async () => (await import('./app.module')).AppModule,
    port: overrides.port,
  });
}

if (require.main === module) runMain('notifications', start);
