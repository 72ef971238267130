import { z } from 'zod';
import { baseConfig, cronSetting, loadConfig, localDefaults, port, serviceCredentialConfig, temporalConfig } from '@wc/service-kit';

const paymentsSettings = baseConfig.extend({
  PORT: port(3004),
  /** Signs its own credential for the documents service (SERVICE_GRANTS). */
  ...serviceCredentialConfig,
  /** Payment runs, remediations and the weekly cycle run as Temporal workflows (issue 15). */
  ...temporalConfig,
  /** The task queue of the payments service's workflows (every replica's worker polls it); one per platform on a shared namespace. */
  PAYMENTS_TASK_QUEUE: z.string().min(1).max(200).default('payments'),
  /**
   * The weekly cycle's Temporal Schedules, as cron expressions (minute hour day-of-month month
   * day-of-week) in SCHEDULE_TIME_ZONE; empty: no schedule (an existing one is deleted).
   * Generation of the week's payments, then payment runs of what staff have authorised.
   */
  WEEKLY_PAYMENTS_SCHEDULE: cronSetting.default('0 5 * * MON'),
  PAYMENT_RUN_SCHEDULE: cronSetting.default('0 15 * * MON-FRI'),
  SCHEDULE_TIME_ZONE: z.string().min(1).default('Australia/Sydney'),
  /** How long a remediation's activity works before it reports back to its workflow (each slice is a step in the Web UI). */
  REMEDIATION_SLICE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  CLAIMS_CONSUMER_GROUP: z.string().min(1).default('payments-service.claims'),
  /** A new consumer group reads the claims topic from its start (every claim's facts); tests sharing a topic across databases set false. */
  CLAIMS_FROM_BEGINNING: z.enum(['true', 'false']).default('true'),
  /** The insurer's bank details for the ABA file's descriptive record and trace fields (docs/sources.md §7.2). */
  ABA_FINANCIAL_INSTITUTION: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be the 3-letter bank abbreviation, e.g. WBC')
    .optional(),
  ABA_USER_NAME: z.string().min(1).max(26).optional(),
  ABA_USER_ID: z
    .string()
    .regex(/^\d{1,6}$/, 'must be the 1-6 digit APCA user id')
    .optional(),
  ABA_DESCRIPTION: z.string().min(1).max(12).optional(),
  ABA_REMITTER_BSB: z
    .string()
    .regex(/^\d{3}-\d{3}$/, 'must be NNN-NNN')
    .optional(),
  ABA_REMITTER_ACCOUNT: z
    .string()
    .regex(/^[0-9 -]{1,9}$/, 'must be up to 9 digits, hyphens or spaces')
    .optional(),
  ABA_REMITTER_NAME: z.string().min(1).max(16).optional(),
  ABA_BALANCING_RECORD: z.enum(['true', 'false']).default('false'),
  /** Where remittance advices are rendered and stored (issue 17). */
  DOCUMENTS_SERVICE_URL: z.string().url('must be a URL, e.g. http://127.0.0.1:3002').default('http://127.0.0.1:3002'),
  /** Who providers contact about a remittance advice (printed on it); the insurer's own outside local use (below). */
  PROVIDER_PAYMENTS_CONTACT_NAME: z.string().min(1).max(200).optional(),
  PROVIDER_PAYMENTS_CONTACT_PHONE: z
    .string()
    .regex(/^\+?[0-9][0-9 ()-]{5,19}$/, 'must be a phone number')
    .optional(),
  PROVIDER_PAYMENTS_CONTACT_EMAIL: z.string().email().optional(),
  PROVIDER_PAYMENTS_POSTAL_ADDRESS: z.string().min(5).max(200).optional(),
  /** Claims a remediation or a run works through per transaction. */
  BATCH_SIZE: z.coerce.number().int().min(1).max(100000).default(2000),
  /** Batches of the weekly cycle or of a remediation worked at once (issue 15): one is written while the next is valued. */
  BATCH_CONCURRENCY: z.coerce.number().int().min(1).max(8).default(2),
});
/**
 * The insurer's bank details in every ABA file: the placeholders (BSB 032-000, account 000000000)
 * serve local use only; staging and production must be given the insurer's own (issue 18).
 */
export const paymentsConfigSchema = localDefaults(
  paymentsSettings,
  {
    ABA_FINANCIAL_INSTITUTION: 'WBC',
    ABA_USER_NAME: 'WC CLAIMS PLATFORM',
    ABA_USER_ID: '000000',
    ABA_DESCRIPTION: 'WEEKLY COMP',
    ABA_REMITTER_BSB: '032-000',
    ABA_REMITTER_ACCOUNT: '000000000',
    ABA_REMITTER_NAME: 'WC CLAIMS',
    PROVIDER_PAYMENTS_CONTACT_NAME: 'Provider payments team',
    PROVIDER_PAYMENTS_CONTACT_PHONE: '02 9000 0000',
    PROVIDER_PAYMENTS_CONTACT_EMAIL: 'provider.payments@insurer.example',
    PROVIDER_PAYMENTS_POSTAL_ADDRESS: 'Postal address not configured (set PROVIDER_PAYMENTS_POSTAL_ADDRESS)',
  },
  "the insurer's own bank details go into every ABA file, its provider contact onto every remittance advice",
);

export type PaymentsConfig = z.infer<typeof paymentsConfigSchema>;
export const PAYMENTS_CONFIG = Symbol('payments config');
/** The service module's logger (service-kit). */
export { LOGGER } from '@wc/service-kit';
export const loadPaymentsConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(paymentsConfigSchema, env);
export const SCHEMA = 'payments';
/** Largest schedule accepted over HTTP (CSV or JSON): about 30,000 lines of a typical payroll export. */
export const MAX_BODY = '5mb';
