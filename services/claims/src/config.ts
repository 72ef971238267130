import { z } from 'zod';
import { baseConfig, loadConfig, port, temporalConfig } from '@wc/service-kit';

export const claimsConfigSchema = baseConfig.extend({
  PORT: port(3001),
  ...temporalConfig,
  /**
   * How long lodging a claim waits to reach Temporal before answering without the workflow (the
   * claim is committed; the reconciler starts its workflow when Temporal is back). The SDK's own
   * default, 10 s per attempt, kept staff waiting 14-20 s per claim while Temporal was down.
   */
  TEMPORAL_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100, 'must be at least 100').max(60_000, 'must be at most 60000').default(3000),
  /**
   * A claim's workflow continues as new once its history has more events than this (the workflow's
   * own default when unset). Tests set it low to cross continueAsNew in a few actions.
   */
  CLAIM_HISTORY_LIMIT: z.coerce.number().int().min(20, 'must be at least 20').max(50_000).optional(),
  /**
   * A staff action sent to a claim's workflow but not recorded after this many seconds was left by
   * a process that died (actions/action-recovery.ts): no live request takes this long.
   */
  /**
   * How many days back a case manager may date an action (actions/backdating.ts): further back, a
   * team leader records it with a Backdating-Reason. An insurer's policy, so a setting.
   */
  ACTION_BACKDATING_DAYS: z.coerce.number().int().min(0, 'must be at least 0').max(365, 'must be at most 365').default(14),
  ACTION_RECOVERY_AFTER_S: z.coerce.number().int().min(1, 'must be at least 1').max(3600, 'must be at most 3600').default(30),
});
export type ClaimsConfig = z.infer<typeof claimsConfigSchema>;
export const CLAIMS_CONFIG = Symbol('claims config');
export const loadClaimsConfig = () => loadConfig(claimsConfigSchema);
export const SCHEMA = 'claims';
