import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { runMain, startService } from '@wc/service-kit';
import { SCHEMA, loadPaymentsConfig } from './config';

/** Starts the service (tests pass `port: 0` for an ephemeral port). */
export async function start(overrides: { port?: number } = {}): Promise<INestApplication> {
  const config = loadPaymentsConfig();
  return startService({
    name: 'payments',
    description: "Payments: employers' wage reimbursement schedules in (payments and bank files to come)",
    schema: SCHEMA,
    config,
    appModule: async () => (await import('./app.module')).AppModule,
    port: overrides.port,
  });
}

if (require.main === module) runMain('payments', start);
