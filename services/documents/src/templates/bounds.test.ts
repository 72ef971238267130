import { z } from 'zod';
import { TEMPLATE_HISTORY } from './index';

// Issue 14: what a notice is given has size limits. Every list a template takes says how long it may
// be, and every number how large: a new template (or field) without a bound fails here.

type Json = {
  type?: string | string[];
  maxItems?: number;
  maximum?: number;
  properties?: Record<string, Json>;
  items?: Json | Json[];
  anyOf?: Json[];
  oneOf?: Json[];
  allOf?: Json[];
  additionalProperties?: Json | boolean;
};

function unbounded(s: Json, at: string, out: string[]): string[] {
  const types = Array.isArray(s.type) ? s.type : [s.type];
  if (types.includes('array') && s.maxItems === undefined) out.push(`${at}: a list without maxItems`);
  if ((types.includes('integer') || types.includes('number')) && s.maximum === undefined) out.push(`${at}: a number without maximum`);
  for (const [k, v] of Object.entries(s.properties ?? {})) unbounded(v, `${at}.${k}`, out);
  for (const v of [s.items].flat()) if (v) unbounded(v, `${at}[]`, out);
  for (const v of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) unbounded(v, at, out);
  if (s.additionalProperties && typeof s.additionalProperties === 'object') unbounded(s.additionalProperties, `${at}.*`, out);
  return out;
}

it.each(TEMPLATE_HISTORY.map((t) => [`${t.kind} v${t.version}`, t] as const))('%s: every list and number in its data has an upper bound', (_, t) => {
  const schema = z.toJSONSchema(t.data as z.ZodType, { io: 'input', unrepresentable: 'any' }) as Json;
  expect(unbounded(schema, 'data', [])).toEqual([]);
});
