'use strict';
// Jest globalSetup: start the local engines (or check the ones named by DATABASE_URL, KAFKA_BROKERS,
// TEMPORAL_ADDRESS, TEMPORAL_TEST_SERVER_ADDRESS, SMTP_URL) and publish their addresses to the test workers.
//   WC_ENGINES=kafka,postgres   start only these (default: all)
//   WC_KEEP_ENGINES=1           leave them running after the run (next run reuses them; `engines.js down` stops)
// Engines already started by `node deploy/local/engines.js up` in another terminal are reused, not restarted.
const { up } = require('./engines');

module.exports = async function globalSetup() {
  const handle = await up({
    only: process.env.WC_ENGINES || undefined,
    detach: process.env.WC_KEEP_ENGINES === '1',
    handleSignals: true, // Ctrl-C of Jest stops the engines instead of orphaning them
  });
  // Workers are started after globalSetup and inherit process.env.
  Object.assign(process.env, handle.env);
  // Only globalTeardown can read this (same process).
  globalThis.__WC_ENGINES__ = handle;
};
