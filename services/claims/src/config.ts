import { z } from 'zod';
import { baseConfig, loadConfig, port } from '@wc/service-kit';

export const claimsConfigSchema = baseConfig.extend({
  PORT: port(3001),
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
});
export type ClaimsConfig = z.infer<typeof claimsConfigSchema>;
export const CLAIMS_CONFIG = Symbol('claims config');
export const loadClaimsConfig = () => loadConfig(claimsConfigSchema);
export const SCHEMA = 'claims';
