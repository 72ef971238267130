import './tracing';
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { runMain, startService } from '@wc/service-kit';
import { loadDocumentsConfig } from './config';

/** Starts the service (tests pass `port: 0` for an ephemeral port). */
export async function start(overrides: { port?: number } = {}): Promise<INestApplication> {
  const config = loadDocumentsConfig();
  return startService({
    name: 'documents',
    description: 'Renders notices to PDF from versioned templates and stores them with their content hash; every read of a document is recorded',
    schema: config.DB_SCHEMA,
    config,
    appModule: async () => (await import('./app.module')).AppModule,
    port: overrides.port,
  });
}

if (require.main === module) runMain('documents', start);
