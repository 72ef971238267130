import { z } from 'zod';
import { baseConfig, loadConfig, port } from '@wc/service-kit';

export const paymentsConfigSchema = baseConfig.extend({
  PORT: port(3004),
});
export type PaymentsConfig = z.infer<typeof paymentsConfigSchema>;
export const PAYMENTS_CONFIG = Symbol('payments config');
export const LOGGER = Symbol('logger');
export const loadPaymentsConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(paymentsConfigSchema, env);
export const SCHEMA = 'payments';
/** Largest schedule accepted over HTTP (CSV or JSON): about 30,000 lines of a typical payroll export. */
export const MAX_BODY = '5mb';
