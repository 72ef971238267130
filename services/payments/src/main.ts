import './tracing';
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { runMain, startService } from '@wc/service-kit';
import { SCHEMA, loadPaymentsConfig } from './config';

/** Starts the service (tests pass `port: 0` for an ephemeral port). */
export async function start(overrides: { port?: number } = {}): Promise<INestApplication> {
  const config = loadPaymentsConfig();
  return startService({
    name: 'payments',
    description: 'Payments: PIAWE, weekly payments with maker-checker, payment runs and ABA files, wage reimbursement schedules and reconciliation, remediation',
    schema: SCHEMA,
    config,
    appModule: async () => (await import('./app.module')).AppModule,
    port: overrides.port,
  });
}

if (require.main === module) runMain('payments', start);
