#!/usr/bin/env node
// `npm test`: install what is missing, build, then run every test project.
// Engines (Temporal, Kafka, PostgreSQL) are started by deploy/local for the projects that need them.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!fs.existsSync(path.join(root, 'node_modules', '.bin', 'jest'))) run('npm', ['ci', '--no-audit', '--no-fund']);
run('npm', ['run', 'build', '--silent']);
run(path.join(root, 'node_modules', '.bin', 'jest'), ['--ci', ...process.argv.slice(2)]);
