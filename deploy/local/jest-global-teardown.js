'use strict';
// Jest globalTeardown: stop exactly the engines globalSetup started (nothing reused or external).
module.exports = async function globalTeardown() {
  const handle = globalThis.__WC_ENGINES__;
  if (handle && process.env.WC_KEEP_ENGINES !== '1') await handle.stop();
  delete globalThis.__WC_ENGINES__;
};
