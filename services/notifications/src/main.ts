import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { bootstrapService, runMain } from '@wc/service-kit';
import { loadNotificationsConfig } from './config';

/** Starts the service (tests pass `port: 0` for an ephemeral port). */
export async function start(overrides: { port?: number } = {}): Promise<INestApplication> {
  const config = loadNotificationsConfig();
  // Loaded after the configuration is known to be good: the module reads it at import.
  const { AppModule } = await import('./app.module');
  return bootstrapService({
    name: 'notifications',
    module: AppModule,
    host: config.HOST,
    port: overrides.port ?? config.PORT,
    databaseUrl: config.DATABASE_URL,
    schema: config.DB_SCHEMA,
    logLevel: config.LOG_LEVEL,
    description: 'Turns platform events into notices: asks the documents service for each letter and records the request',
  });
}

if (require.main === module) runMain('notifications', start);
