#!/usr/bin/env node
// `npm test`: install what is missing, build, then run every test project. Pure unit tests run in
// parallel; projects that share engines run one file at a time (2 cores, one server clock).
// Extra arguments go to every jest run (e.g. `npm test -- -t triage`).
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
// Node 22 LTS: on an older node, run again under the project's own (tools/scripts/node-runtime.js).
require('./node-runtime').reexecUnderSupportedNode(__filename);
function run(cmd, args, opts = {}) {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  process.stderr.write(`[test] ${[path.basename(cmd), ...args].join(' ')}: exit ${r.status} after ${((Date.now() - t0) / 1000).toFixed(1)}s\n`);
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const jest = path.join(root, 'node_modules', '.bin', 'jest');
if (!fs.existsSync(jest)) run('npm', ['ci', '--no-audit', '--no-fund']);
// Engines and their downloads are cached outside the clone; a cold cache builds and fetches them here.
run(process.execPath, [path.join(root, 'deploy', 'local', 'engines.js'), 'prepare']);
// Debian packages the tests read PDFs with (poppler-utils), installed when missing.
run(process.execPath, [path.join(root, 'tools', 'scripts', 'system-packages.js')]);
run(process.execPath, [path.join(root, 'tools', 'scripts', 'go-tools.js')]); // docker-compose, kustomize, kubeconform and the Kubernetes schemas the deploy tests use (pinned, cached)
run('npm', ['run', 'build', '--silent']);
// The linter and the formatter (eslint.config.js, .prettierrc.json): `npm run format` mends what it can.
run('npm', ['run', 'lint', '--silent']);
const extra = process.argv.slice(2);
run(jest, ['--ci', '--selectProjects', 'unit', ...extra]);
run(jest, ['--ci', '--selectProjects', 'engines', 'workflows', '--runInBand', ...extra]);
