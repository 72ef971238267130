import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { bootstrapService, runMain } from '@wc/service-kit';
import { loadDocumentsConfig } from './config';

/** Starts the service (tests pass `port: 0` for an ephemeral port). */
export async function start(overrides: { port?: number } = {}): Promise<INestApplication> {
  const config = loadDocumentsConfig();
  // Loaded after the configuration is known to be good: the module reads it at import.
  const { AppModule } = await import('./app.module');
  return bootstrapService({
    name: 'documents',
    module: AppModule,
    host: config.HOST,
    port: overrides.port ?? config.PORT,
    databaseUrl: config.DATABASE_URL,
    schema: config.DB_SCHEMA,
    logLevel: config.LOG_LEVEL,
    description: 'Renders notices to PDF from versioned templates and stores them with their content hash; every read of a document is recorded',
  });
}

if (require.main === module) runMain('documents', start);
