import { z } from 'zod';
import { baseConfig, loadConfig, port } from '@wc/service-kit';
import { LOCAL_INSURER, type Insurer, insurerSchema } from './templates/letterhead';

const INSURER_SETTINGS = {
  INSURER_LEGAL_NAME: 'legalName',
  INSURER_NAME: 'name',
  INSURER_ABN: 'abn',
  INSURER_ADDRESS: 'address',
  INSURER_REPLY_ADDRESS: 'replyAddress',
  INSURER_PHONE: 'phone',
  INSURER_EMAIL: 'email',
  INSURER_WEB: 'web',
} as const satisfies Record<string, keyof Insurer>;
type InsurerSetting = keyof typeof INSURER_SETTINGS;

export const documentsConfigSchema = baseConfig
  .extend({
    PORT: port(3002),
    /** The service's own schema; tests give each run its own. */
    DB_SCHEMA: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,62}$/, 'must be lower-case letters, digits and _')
      .default('documents'),
    /** The group that reads claim.notified (claims/claims-directory.ts); default: one per schema. */
    CLAIMS_CONSUMER_GROUP: z.string().min(1, 'must not be empty').optional(),
    ...(Object.fromEntries(Object.keys(INSURER_SETTINGS).map((k) => [k, z.string().optional()])) as Record<InsurerSetting, z.ZodOptional<z.ZodString>>),
  })
  .transform((c, ctx) => {
    const given = Object.fromEntries(Object.entries(INSURER_SETTINGS).flatMap(([env, field]) => (c[env as InsurerSetting] === undefined ? [] : [[field, c[env as InsurerSetting]]])));
    if (c.DEPLOYMENT !== 'local')
      for (const env of Object.keys(INSURER_SETTINGS) as InsurerSetting[])
        if (c[env] === undefined) ctx.addIssue({ code: 'custom', path: [env], message: `is required when DEPLOYMENT is ${c.DEPLOYMENT} (the insurer's details printed on every letter)` });
    const r = insurerSchema.safeParse({ ...LOCAL_INSURER, ...given });
    if (!r.success) {
      const envOf = Object.fromEntries(Object.entries(INSURER_SETTINGS).map(([env, field]) => [field, env]));
      for (const i of r.error.issues) ctx.addIssue({ code: 'custom', path: [envOf[String(i.path[0])] ?? String(i.path[0])], message: i.message });
      return z.NEVER;
    }
    return { ...c, insurer: r.data };
  });
export type DocumentsConfig = z.infer<typeof documentsConfigSchema>;
export const DOCUMENTS_CONFIG = Symbol('documents config');
export const loadDocumentsConfig = () => loadConfig(documentsConfigSchema);
