import { createHash } from 'node:crypto';

/** JSON with object keys sorted: key order never changes what a request is (or its hash). */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** The sha256 of a value's canonical JSON, hex. */
export const canonicalHash = (value: unknown) => createHash('sha256').update(canonical(value)).digest('hex');
