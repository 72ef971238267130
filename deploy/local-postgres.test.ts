/**
 * The local PostgreSQL's settings (deploy/local/postgres.js): durable for `npm start` (issue 18),
 * durability traded for speed only for the tests.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const postgres: { serverSettings(durable: boolean): string[] } = require('./local/postgres');

describe('the local PostgreSQL', () => {
  it('is durable for npm start: PostgreSQL defaults, nothing turned off', () => {
    const settings = postgres.serverSettings(true).join(' ');
    expect(settings).not.toMatch(/fsync|synchronous_commit|full_page_writes/);
    expect(settings).toContain('max_connections=200');
  });

  it('trades durability for speed only for the tests', () => {
    expect(postgres.serverSettings(false)).toEqual(expect.arrayContaining(['fsync=off', 'synchronous_commit=off', 'full_page_writes=off']));
  });
});
