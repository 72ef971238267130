import 'reflect-metadata';
import { ConfigError, bootstrapService } from '@wc/service-kit';
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

main().catch((e) => {
  const msg = e instanceof ConfigError ? e.message : String(e?.stack ?? e);
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'error', service: 'claims', msg: 'failed to start', error: msg })}\n`);
  process.exit(1);
});
