import 'reflect-metadata';
import { bootstrapService, runMain } from '@wc/service-kit';
import { SCHEMA, loadClaimsConfig } from './config';

async function main() {
  const config = loadClaimsConfig();
  // Loaded after the configuration is known to be good: the module reads it at import.
  const { AppModule } = await import('./app.module');
  await bootstrapService({
    name: 'claims',
    module: AppModule,
    host: config.HOST,
    port: config.PORT,
    databaseUrl: config.DATABASE_URL,
    schema: SCHEMA,
    logLevel: config.LOG_LEVEL,
    description: 'Staff API and system of record for workers compensation claims',
  });
}
runMain('claims', main);
