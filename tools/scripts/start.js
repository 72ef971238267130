#!/usr/bin/env node
// `npm start`: install what is missing, build, start the engines, then the claim worker on the
// Temporal dev server. Ctrl-C stops everything. Services join here as they are built (issue 2).
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const step = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

(async () => {
  if (!fs.existsSync(path.join(root, 'node_modules', '.bin', 'tsc'))) step('npm', ['ci', '--no-audit', '--no-fund']);
  step(process.execPath, [path.join(root, 'deploy', 'local', 'engines.js'), 'prepare']);
  step('npm', ['run', 'build', '--silent']);
  const engines = await require(path.join(root, 'deploy', 'local', 'engines.js')).up({ handleSignals: false });
  const children = [];
  const worker = spawn(process.execPath, [path.join(root, 'workflows', 'dist', 'worker.js')], { cwd: root, stdio: 'inherit', env: { ...process.env, ...engines.env } });
  children.push(worker);
  process.stdout.write(
    [
      '',
      'wc-claims is running:',
      `  Temporal Web UI   ${engines.env.TEMPORAL_UI_URL}`,
      `  Temporal          ${engines.env.TEMPORAL_ADDRESS}`,
      `  Kafka             ${engines.env.KAFKA_BROKERS}`,
      `  PostgreSQL        ${engines.env.DATABASE_URL.replace(/:[^:@/]*@/, ':***@')}`,
      '  claim worker      task queue "claims"',
      'Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
    await engines.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => stop(130));
  process.on('SIGTERM', () => stop(143));
  worker.on('exit', (code) => {
    if (!stopping) {
      process.stderr.write(`claim worker exited (${code}); stopping\n`);
      stop(1);
    }
  });
})().catch((e) => {
  process.stderr.write(`npm start failed: ${e.message}\n`);
  process.exit(1);
});
