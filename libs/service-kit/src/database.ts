import { Client, types } from 'pg';

// A calendar date stays a 'YYYY-MM-DD' string: turning it into a JS Date at local midnight would
// shift it by a day in any time zone east or west of the server's.
types.setTypeParser(types.builtins.DATE, (v: string) => v);
import type { DataSourceOptions } from 'typeorm';

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
 * transaction, run at start so a fresh database is ready without a separate step.
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
