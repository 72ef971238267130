/**
 * Requests for the staff-API fuzz test (issue 14): a plausible value for each OpenAPI schema the
 * services publish (the zod contracts they validate with), and mutations of it that a careless
 * client, a broken integration or an attacker would send. Seeded, so a failure replays exactly.
 */

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  example?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  pattern?: string;
  nullable?: boolean;
  additionalProperties?: boolean | JsonSchema;
};

/** Mulberry32: small, fast and the same sequence for the same seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

/** Values that pass the common patterns of the contracts (dates, money, uuids), so a sample gets past the first check. */
function sampleString(s: JsonSchema, rnd: () => number): string {
  if (typeof s.example === 'string') return s.example;
  switch (s.format) {
    case 'date':
      return '2026-11-20';
    case 'date-time':
      return '2026-11-20T09:30:00.000Z';
    case 'uuid':
      return '00000000-0000-4000-8000-000000000001';
    case 'email':
      return 'alex@example.com';
  }
  if (s.pattern && /\\d\{2\}\$|\\\.\\d/.test(s.pattern)) return '100.00';
  if (s.pattern === '^\\d{3}-\\d{3}$') return '062-000';
  const base = pick(rnd, ['Alex', 'left wrist', 'WI-100234', 'physiotherapy']);
  return s.minLength && base.length < s.minLength ? base.padEnd(s.minLength, 'x') : base;
}

/** A plausible value for the schema: required fields and about half of the optional ones. */
export function sample(s: JsonSchema | undefined, rnd: () => number, depth = 0): unknown {
  if (!s || depth > 8) return null;
  if (s.example !== undefined && typeof s.example !== 'string') return s.example;
  if (s.enum?.length) return pick(rnd, s.enum);
  const choices = s.oneOf ?? s.anyOf;
  if (choices?.length) return sample(pick(rnd, choices), rnd, depth + 1);
  if (s.allOf?.length) return Object.assign({}, ...s.allOf.map((p) => sample(p, rnd, depth + 1)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, p] of Object.entries(s.properties ?? {})) if (s.required?.includes(k) || rnd() < 0.5) out[k] = sample(p, rnd, depth + 1);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(s.minItems ?? 0, 1) }, () => sample(s.items, rnd, depth + 1));
    case 'integer':
      return Math.max(s.minimum ?? 1, Math.min(s.maximum ?? 5, 5));
    case 'number':
      return Math.max(s.minimum ?? 1, Math.min(s.maximum ?? 37.5, 37.5));
    case 'boolean':
      return rnd() < 0.5;
    case 'string':
      return sampleString(s, rnd);
    default:
      return s.nullable ? null : 'x';
  }
}

/** Paths into a JSON value, each leaf and each container, so a mutation can land anywhere. */
function paths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}

function setAt(root: unknown, at: (string | number)[], value: unknown, remove = false): unknown {
  if (at.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const k of at.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = at[at.length - 1];
  if (remove) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

/** What goes in place of a value: wrong types, values no database column holds, text it cannot store, sizes no one should send. */
const HOSTILE: unknown[] = [
  null,
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  'x'.repeat(20_000),
  '\ud800',
  '💥'.repeat(300),
  "'; drop table claims; --",
  '../../etc/passwd',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31',
  '-1.00',
  '1e308',
  '99999999999999999999999.99',
  'NaN',
  0,
  -1,
  1.5,
  2 ** 31,
  2 ** 53,
  -(2 ** 53),
  1e308,
  true,
  [],
  [null],
  {},
  { __proto__: { polluted: true } },
  { constructor: { prototype: { polluted: true } } },
];

export type Mutation = { what: string; value: unknown };

/** One mutation of a sample: a field replaced, removed or added, or the whole body swapped for junk. */
export function mutate(body: unknown, rnd: () => number): Mutation {
  const r = rnd();
  if (r < 0.08) return { what: 'body replaced', value: pick(rnd, HOSTILE) };
  const all = paths(body);
  const at = pick(rnd, all);
  if (r < 0.2 && at.length > 0) return { what: `removed ${at.join('.')}`, value: setAt(body, at, undefined, true) };
  if (r < 0.3 && body && typeof body === 'object' && !Array.isArray(body)) return { what: 'unknown field', value: { ...(body as object), ['extra\u0000field']: 1 } };
  const hostile = pick(rnd, HOSTILE);
  return { what: `${at.join('.') || '(body)'} = ${JSON.stringify(hostile)?.slice(0, 40)}`, value: setAt(body, at, hostile) };
}

/** Path parameters: the known claim for a claim id, otherwise a uuid that names nothing, or junk. */
export function pathValue(name: string, known: Record<string, string>, rnd: () => number): string {
  const r = rnd();
  if (r < 0.7 && known[name]) return known[name];
  if (r < 0.85) return '00000000-0000-4000-8000-00000000abcd';
  return encodeURIComponent(pick(rnd, ['not-a-uuid', 'a\u0000b', 'x'.repeat(3000), '%', '..', '💥']));
}

/**
 * A sample with the fields named like a known value (claimId) set to it: a request about a claim the
 * caller works on gets past per-claim access to the handler, where the mutations are aimed.
 */
export function withKnown(value: unknown, known: Record<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => withKnown(v, known));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, known[k] !== undefined && typeof v === 'string' ? known[k] : withKnown(v, known)]));
}

/** Query values: the sample (a known value for its name), a hostile value, or the parameter repeated (an array where text was expected). */
export function queryString(params: { name: string; schema?: JsonSchema; required?: boolean }[], rnd: () => number, known: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  for (const p of params) {
    const r = rnd();
    if (!p.required && r < 0.3) continue;
    if (r < 0.55) q.append(p.name, known[p.name] ?? String(sample(p.schema, rnd)));
    else if (r < 0.8) q.append(p.name, String(pick(rnd, HOSTILE)));
    else {
      q.append(p.name, 'a');
      q.append(p.name, 'b');
    }
  }
  if (rnd() < 0.1) q.append('unknown', '1');
  const s = q.toString();
  return s ? `?${s}` : '';
}
