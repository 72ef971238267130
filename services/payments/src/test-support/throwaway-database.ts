/**
 * A database of a test's own on the engines' PostgreSQL (the payments service's tests that change
 * the whole book, or kill the service, each take one), made and dropped here.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface ThrowawayDatabase {
  name: string;
  /** The engines' DATABASE_URL, pointed at this database. */
  url: string;
  drop(): Promise<void>;
}

async function onEngine<T>(engineUrl: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: engineUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function createThrowawayDatabase(engineUrl: string, prefix: string): Promise<ThrowawayDatabase> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await onEngine(engineUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(engineUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => dropDatabase(engineUrl, name) };
}

const INSUFFICIENT_PRIVILEGE = '42501';

/**
 * Drops the database, ending any session still in it (a killed service's, not yet noticed gone).
 *
 * WITH (FORCE) is refused to a role that is not a superuser while an autovacuum worker is in the
 * database: PostgreSQL 15 checks the right to terminate each process there, and a worker has no role
 * ("must be a member of the role whose process is being terminated", SQLSTATE 42501: CI, the
 * payments engines tests, 2026-12-07). A plain DROP DATABASE stops autovacuum workers itself and
 * waits up to 5 s for other sessions, so it is what follows that refusal; a session outlasting the
 * wait is forced out on the next attempt.
 */
export async function dropDatabase(engineUrl: string, name: string, attempts = 5): Promise<void> {
  await onEngine(engineUrl, async (c) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        return;
      } catch (e) {
        if ((e as { code?: string }).code !== INSUFFICIENT_PRIVILEGE || attempt >= attempts) throw e;
      }
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name}`);
        return;
      } catch (e) {
        if (attempt >= attempts) throw e;
      }
    }
  });
}
