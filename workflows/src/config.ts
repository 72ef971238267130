import { z } from 'zod';
import { serviceCredentialConfig, temporalConfig } from '@wc/service-kit';

/** The worker's settings (validated like a service's: a bad one stops it, named). */
export const workerConfigSchema = z.object({
  ...temporalConfig,
  DEPLOYMENT: z.enum(['local', 'staging', 'production']).default('local'),
  HOST: z.string().default('127.0.0.1'),
  /** /health/live, /health/ready and /metrics. */
  WORKER_PORT: z.coerce.number().int().min(1).max(65535).default(3005),
  /** Where the Temporal core serves its own Prometheus metrics (127.0.0.1 only), appended to /metrics. */
  TEMPORAL_METRICS_PORT: z.coerce.number().int().min(1).max(65535).default(9464),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  CLAIMS_SERVICE_URL: z.string().url('must be a URL, e.g. http://127.0.0.1:3001').optional(),
  /** Its own private key, which its credential (claim-worker, claims:effects) is signed with; it signs no staff token and checks no credential, so it is given neither the staff secret nor the public keys. */
  ...serviceCredentialConfig,
});
