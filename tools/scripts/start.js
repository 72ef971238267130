#!/usr/bin/env node
// `npm start`: install what is missing, build, start the engines, then the four services and the
// claim worker against them, and the staff console in front of them. Ctrl-C stops everything.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
// Node 22 LTS: on an older node, run again under the project's own (tools/scripts/node-runtime.js).
require('./node-runtime').reexecUnderSupportedNode(__filename);
const step = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

/**
 * A PostgreSQL left running by the tests (fsync off) is reused rather than restarted: say so, and
 * how to get a durable one, rather than run staff's data on it silently.
 */
async function warnIfNotDurable(url) {
  const { Client } = require(path.join(root, 'node_modules', 'pg'));
  const db = new Client({ connectionString: url });
  try {
    await db.connect();
    const { rows } = await db.query(`SELECT current_setting('fsync') AS fsync`);
    if (rows[0].fsync !== 'on')
      process.stderr.write(
        `\n[start] PostgreSQL is running with fsync ${rows[0].fsync} (started by the tests): a crash may lose data. Stop the engines (node deploy/local/engines.js down) and run npm start again for a durable one.\n\n`,
      );
  } catch (e) {
    process.stderr.write(`[start] could not check PostgreSQL's durability: ${e.message}\n`);
  } finally {
    await db.end().catch(() => undefined);
  }
}

(async () => {
  if (!fs.existsSync(path.join(root, 'node_modules', '.bin', 'tsc'))) step('npm', ['ci', '--no-audit', '--no-fund']);
  step(process.execPath, [path.join(root, 'deploy', 'local', 'engines.js'), 'prepare']);
  step('npm', ['run', 'build', '--silent']);
  // Durable: what staff enter survives a crash of the machine (the tests' engines run with fsync off).
  process.env.WC_PG_DURABLE = '1';
  const engines = await require(path.join(root, 'deploy', 'local', 'engines.js')).up({ handleSignals: false });
  await warnIfNotDurable(engines.env.DATABASE_URL);
  let platform;
  try {
    platform = await require(path.join(root, 'tools', 'platform', 'launcher.js')).startPlatform({ env: engines.env, echo: process.env.WC_ECHO_LOGS === '1' });
  } catch (e) {
    await engines.stop();
    throw e;
  }
  // The staff console (apps/console): its app, the services under /api/<service>, and development sign-in.
  let consoleServer;
  try {
    const { startConsoleServer } = require(path.join(root, 'apps', 'console', 'server', 'dist', 'server.js'));
    consoleServer = await startConsoleServer({ port: Number(process.env.CONSOLE_PORT || 3000), services: platform.urls, env: { ...process.env, ...engines.env } });
  } catch (e) {
    await platform.stopAll();
    await engines.stop();
    throw e;
  }
  const u = platform.urls;
  process.stdout.write(
    [
      '',
      'wc-claims is running:',
      `  staff console        ${consoleServer.url}   (sign in as a development identity)`,
      `  staff API (claims)   ${u.claims}        OpenAPI docs ${u.claims}/docs`,
      `  documents            ${u.documents}     OpenAPI docs ${u.documents}/docs`,
      `  notifications        ${u.notifications}     OpenAPI docs ${u.notifications}/docs`,
      `  payments             ${u.payments}     OpenAPI docs ${u.payments}/docs`,
      `  Temporal Web UI      ${engines.env.TEMPORAL_UI_URL}`,
      `  Kafka                ${engines.env.KAFKA_BROKERS}`,
      `  PostgreSQL           ${engines.env.DATABASE_URL.replace(/:[^:@/]*@/, ':***@')}`,
      `  mail (SMTP)          ${engines.env.SMTP_URL.replace(/:[^:@/]*@/, ':***@')}${engines.env.MAILBOX_URL ? `    mailbox ${engines.env.MAILBOX_URL}/messages` : ''}`,
      '  claim worker         task queue "claims"',
      '  logs                 .data/logs/<name>.log (JSON lines; WC_ECHO_LOGS=1 to echo them here)',
      'A token for the staff API: npx claimctl token --role case-manager --user you',
      'Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    await consoleServer.close();
    await platform.stopAll();
    await engines.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => stop(130));
  process.on('SIGTERM', () => stop(143));
})().catch((e) => {
  process.stderr.write(`npm start failed: ${e.message}\n`);
  process.exit(1);
});
