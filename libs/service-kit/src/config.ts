import { z } from 'zod';

export class ConfigError extends Error {}

/**
 * Reads a service's settings from the environment and refuses to start on a bad one, naming each
 * variable and what is wrong (an IT team should never have to read a stack trace to fix a setting).
 */
export function loadConfig<T extends z.ZodTypeAny>(schema: T, env: NodeJS.ProcessEnv = process.env): z.infer<T> {
  const r = schema.safeParse(env);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
}

/** Settings every service has. */
export const baseConfig = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL'),
  KAFKA_BROKERS: z.string().min(1, 'must list host:port pairs, comma-separated'),
  HOST: z.string().default('127.0.0.1'),
  AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  AUTH_KEY_FILE: z.string().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});
export type BaseConfig = z.infer<typeof baseConfig>;

export const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
