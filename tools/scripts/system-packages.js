#!/usr/bin/env node
// The Debian packages the tests use, installed when missing (as the engines are): poppler-utils,
// whose pdftotext and pdfinfo read the letters back as any PDF reader would, and pdftoppm renders
// their pages to images; chromium, the browser the console's tests drive (tests/browser: Playwright's
// own browser download is not reachable from the project's machines). Needs root or password-less
// sudo to install; otherwise it names what to do.
'use strict';
const { spawnSync } = require('node:child_process');

const PACKAGES = [
  { name: 'poppler-utils', commands: ['pdftotext', 'pdfinfo', 'pdftoppm'] },
  { name: 'chromium', commands: ['chromium'] },
];

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

function ensure() {
  const missing = PACKAGES.filter((p) => !p.commands.every(has)).map((p) => p.name);
  if (missing.length === 0) return [];
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const prefix = root ? [] : has('sudo') ? ['sudo', '-n'] : null;
  if (!prefix) throw new Error(`missing Debian packages ${missing.join(', ')}: install them with apt-get install ${missing.join(' ')} (needs root)`);
  const apt = (args) =>
    spawnSync(prefix[0] ?? 'apt-get', [...prefix.slice(1), ...(prefix.length ? ['apt-get'] : []), ...args], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  let r = apt(['install', '-y', '--no-install-recommends', ...missing]);
  if (r.status !== 0) {
    // A fresh machine may have no package lists yet.
    apt(['update']);
    r = apt(['install', '-y', '--no-install-recommends', ...missing]);
  }
  if (r.status !== 0) throw new Error(`apt-get install ${missing.join(' ')} failed (exit ${r.status})`);
  return missing;
}

module.exports = { ensure, PACKAGES };

if (require.main === module) {
  try {
    const installed = ensure();
    process.stderr.write(`[system-packages] ${installed.length ? `installed ${installed.join(', ')}` : 'all present'}\n`);
  } catch (e) {
    process.stderr.write(`[system-packages] ${e.message}\n`);
    process.exit(1);
  }
}
