import { z } from 'zod';
import { baseConfig, loadConfig, port } from '@wc/service-kit';

export const notificationsConfigSchema = baseConfig.extend({
  PORT: port(3003),
  /** The service's own schema; tests give each run its own. */
  DB_SCHEMA: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'must be lower-case letters, digits and _').default('notifications'),
  DOCUMENTS_SERVICE_URL: z.string().url('must be a URL, e.g. http://127.0.0.1:3002').default('http://127.0.0.1:3002'),
  /** The consumer group reading claim events (tests use their own). */
  CLAIMS_CONSUMER_GROUP: z.string().min(1).default('notifications-service.claims'),
});
export type NotificationsConfig = z.infer<typeof notificationsConfigSchema>;
export const NOTIFICATIONS_CONFIG = Symbol('notifications config');
export const loadNotificationsConfig = () => loadConfig(notificationsConfigSchema);
