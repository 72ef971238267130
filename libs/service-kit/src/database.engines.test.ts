import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { openMigrated, serviceDataSourceOptions } from './database';

// Issue 18: replicas starting together run a schema's migrations once, never racing (openMigrated
// holds an advisory lock per schema). Four "replicas" open the same fresh schema at once; the
// migration is slow on purpose, so without the lock they would all run it and all but one fail.

const schema = `mig_${randomBytes(4).toString('hex')}`;

class Slow1700000000000 implements MigrationInterface {
  name = 'Slow1700000000000';
  async up(q: QueryRunner) {
    await q.query(`CREATE TABLE ${schema}.runs (at timestamptz NOT NULL DEFAULT clock_timestamp())`);
    await q.query('SELECT pg_sleep(0.5)');
    await q.query(`INSERT INTO ${schema}.runs DEFAULT VALUES`);
  }
  async down(q: QueryRunner) {
    await q.query(`DROP TABLE ${schema}.runs`);
  }
}

const db = new Client({ connectionString: process.env.DATABASE_URL });
beforeAll(() => db.connect());
afterAll(async () => {
  await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await db.end();
});

it('four processes opening a fresh schema together run each migration once, and all start', async () => {
  const options = serviceDataSourceOptions({ url: process.env.DATABASE_URL!, schema, entities: [], migrations: [Slow1700000000000] });
  const opened = await Promise.all([1, 2, 3, 4].map(() => openMigrated(options)));
  try {
    expect((await db.query(`SELECT count(*)::int AS n FROM ${schema}.runs`)).rows[0].n).toBe(1);
    expect((await db.query(`SELECT name FROM ${schema}.migrations`)).rows).toEqual([{ name: 'Slow1700000000000' }]);
    // The lock is let go: nothing left holding it.
    expect((await db.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = hashtext($1)::oid`, [`wc-migrations:${schema}`])).rows[0].n).toBe(0);
  } finally {
    await Promise.all(opened.map((ds) => ds.destroy()));
  }
});
