import { z } from 'zod';
import { baseConfig, loadConfig, port } from '@wc/service-kit';

export const documentsConfigSchema = baseConfig.extend({
  PORT: port(3002),
  /** The service's own schema; tests give each run its own. */
  DB_SCHEMA: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'must be lower-case letters, digits and _').default('documents'),
});
export type DocumentsConfig = z.infer<typeof documentsConfigSchema>;
export const DOCUMENTS_CONFIG = Symbol('documents config');
export const loadDocumentsConfig = () => loadConfig(documentsConfigSchema);
