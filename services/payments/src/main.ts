import 'reflect-metadata';
import { bootstrapService, runMain } from '@wc/service-kit';
import { SCHEMA, loadPaymentsConfig } from './config';

async function main() {
  const config = loadPaymentsConfig();
  // Loaded after the configuration is known to be good: the module reads it at import.
  const { AppModule } = await import('./app.module');
  await bootstrapService({
    name: 'payments',
    module: AppModule,
    host: config.HOST,
    port: config.PORT,
    databaseUrl: config.DATABASE_URL,
    schema: SCHEMA,
    logLevel: config.LOG_LEVEL,
    description: "Payments: employers' wage reimbursement schedules in (payments and bank files to come)",
  });
}
runMain('payments', main);
