import { z } from 'zod';
import { baseConfig, cronSetting, loadConfig, port, serviceCredentialConfig, temporalConfig } from '@wc/service-kit';

export const notificationsConfigSchema = baseConfig.extend({
  PORT: port(3003),
  /** Signs its own credential for the documents service (SERVICE_GRANTS). */
  ...serviceCredentialConfig,
  /** The service's own schema; tests give each run its own. */
  DB_SCHEMA: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,62}$/, 'must be lower-case letters, digits and _')
    .default('notifications'),
  DOCUMENTS_SERVICE_URL: z.string().url('must be a URL, e.g. http://127.0.0.1:3002').default('http://127.0.0.1:3002'),
  /** The consumer group reading claim events (tests use their own). */
  CLAIMS_CONSUMER_GROUP: z.string().min(1).default('notifications-service.claims'),
  /** Where email goes out: smtp://host:port (smtps:// for TLS; user:pass@ when the relay needs it). `npm start` runs a local server. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// URL, e.g. smtp://127.0.0.1:2525')
    .default('smtp://127.0.0.1:2525'),
  MAIL_FROM: z.string().min(3).default('Workers Compensation Claims <claims@localhost>'),
  /** Named in SMS texts. */
  SENDER_NAME: z.string().min(1).default('Workers Compensation Claims'),
  /** How often the delivery worker looks for notices to write and send. */
  DISPATCH_INTERVAL_MS: z.coerce.number().int().min(50, 'must be at least 50').default(1000),
  /** A failed send waits base × 2^(attempt-1) before the next attempt... */
  DELIVERY_RETRY_BASE_MS: z.coerce.number().int().min(1, 'must be at least 1').default(60_000),
  /** ...and gives up after this many attempts, becoming a task for the case manager. */
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1, 'must be at least 1').max(20, 'must be at most 20').default(5),
  /** The team leaders' daily digest runs as a Temporal workflow (issue 15). */
  ...temporalConfig,
  /** The task queue of the service's workflows (every replica's worker polls it); one per platform on a shared namespace. */
  NOTIFICATIONS_TASK_QUEUE: z.string().min(1).max(200).default('notifications'),
  /** When team leaders are emailed the escalations not yet in a digest: a cron expression in SCHEDULE_TIME_ZONE (07:00 daily); empty, never (they may still ask). */
  DIGEST_SCHEDULE: cronSetting.default('0 7 * * *'),
  SCHEDULE_TIME_ZONE: z.string().min(1).default('Australia/Sydney'),
});
export type NotificationsConfig = z.infer<typeof notificationsConfigSchema>;
export const NOTIFICATIONS_CONFIG = Symbol('notifications config');
export const loadNotificationsConfig = () => loadConfig(notificationsConfigSchema);
