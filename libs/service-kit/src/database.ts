import { Client, types } from 'pg';

// A calendar date stays a 'YYYY-MM-DD' string: turning it into a JS Date at local midnight would
// shift it by a day in any time zone east or west of the server's.
types.setTypeParser(types.builtins.DATE, (v: string) => v);
import { DataSource, type DataSourceOptions } from 'typeorm';

/** Schema names are identifiers we put into SQL: only plain lower-case names. */
export function assertSchemaName(schema: string): string {
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(schema)) throw new RangeError(`schema name must be lower-case letters, digits and _ : ${schema}`);
  return schema;
}

/** Each service owns one schema; it must exist before TypeORM puts its migrations table there. */
export async function ensureSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${assertSchemaName(schema)}`);
  } finally {
    await client.end();
  }
}

/**
 * TypeORM options for a service's own schema: migrations only (never synchronize), each in its own
 * transaction, run at start so a fresh database is ready without a separate step (the service
 * module opens it with openMigrated, under a lock).
 */
export function serviceDataSourceOptions(o: { url: string; schema: string; entities: DataSourceOptions['entities']; migrations: DataSourceOptions['migrations'] }): DataSourceOptions {
  return {
    type: 'postgres',
    url: o.url,
    schema: assertSchemaName(o.schema),
    entities: o.entities,
    migrations: o.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { max: 10, application_name: `wc-${o.schema}` },
  };
}

/**
 * Opens a service's data source after running its pending migrations, one process at a time per
 * schema: a PostgreSQL advisory lock (held by a session of its own, so a process that dies lets go)
 * makes replicas that start together wait, and each then finds nothing pending (issue 18: migrations
 * run once, never raced). The schema is created under the same lock.
 */
export async function openMigrated(options: DataSourceOptions): Promise<DataSource> {
  const o = options as DataSourceOptions & { url?: string; schema?: string };
  if (o.type !== 'postgres' || !o.url || !o.schema) throw new Error('openMigrated needs postgres options with url and schema (serviceDataSourceOptions)');
  const schema = assertSchemaName(o.schema);
  const key = `wc-migrations:${schema}`;
  const lock = new Client({ connectionString: o.url, application_name: `wc-${schema}-migrations` });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
    await lock.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    const ds = new DataSource({ ...o, migrationsRun: false } as DataSourceOptions);
    await ds.initialize();
    try {
      await ds.runMigrations({ transaction: 'each' });
    } catch (e) {
      await ds.destroy().catch(() => undefined);
      throw e;
    }
    return ds;
  } finally {
    await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch(() => undefined);
    await lock.end().catch(() => undefined);
  }
}
