'use strict';
// PostgreSQL from the Debian binaries (/usr/lib/postgresql/15/bin), a throw-away cluster in .data.
// Postgres refuses to run as root, so when we are root initdb and postgres run as the `postgres` user.
const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');
const { spawnSync } = require('child_process');
const { config, mkdirp, log, run, isRoot } = require('./cache');
const { isAlive } = require('./proc');
const { tcpConnect, waitFor } = require('./probe');

const DB = 'wc_claims';
const ROLE = 'wc_claims';
const PASSWORD = 'wc_claims'; // loopback only, trust auth anyway; the password keeps URLs valid for any client

function binDir() {
  if (process.env.WC_PG_BIN) return process.env.WC_PG_BIN;
  const base = '/usr/lib/postgresql';
  const preferred = path.join(base, '15', 'bin');
  if (fs.existsSync(path.join(preferred, 'postgres'))) return preferred;
  // Another Debian major version is fine for tests (the data folder records its version; see start).
  let others = [];
  try {
    others = fs
      .readdirSync(base)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => b - a);
  } catch {
    /* none */
  }
  for (const v of others) if (fs.existsSync(path.join(base, v, 'bin', 'postgres'))) return path.join(base, v, 'bin');
  return null;
}

function bin(name) {
  return path.join(binDir(), name);
}

// Numeric uid/gid of `postgres` when we are root (undefined otherwise: run as ourselves).
function runAs() {
  if (!isRoot()) return {};
  const id = (flag) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const u = id('-u');
  const g = id('-g');
  if (u.status !== 0 || g.status !== 0) {
    throw new Error(
      "running as root but there is no 'postgres' user to run PostgreSQL as (postgres refuses root). " + 'Create it: useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres',
    );
  }
  return { uid: Number(u.stdout), gid: Number(g.stdout) };
}

async function prepare() {
  if (binDir()) return { cached: true, ms: 0 };
  const cmd = 'apt-get install -y --no-install-recommends postgresql-15';
  // Installing system packages only where that is expected: root in CI, or explicitly allowed.
  const allowed = isRoot() && (process.env.CI === 'true' || process.env.WC_INSTALL_PACKAGES === '1');
  if (!allowed) {
    throw new Error(
      `PostgreSQL binaries not found in /usr/lib/postgresql/*/bin. Install them (as root): ${cmd}` +
        ' (or set WC_PG_BIN, or point DATABASE_URL at your own server). Set WC_INSTALL_PACKAGES=1 to let this script do it as root.',
    );
  }
  log(`postgres: binaries missing, running: ${cmd}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const t0 = Date.now();
  await run('apt-get', ['update'], { env, label: 'apt-get update', quiet: true });
  await run('apt-get', cmd.split(' ').slice(1), { env, label: 'apt-get install', quiet: true });
  if (!binDir()) throw new Error(`${cmd} succeeded but no postgres binary appeared in /usr/lib/postgresql/*/bin`);
  return { cached: false, ms: Date.now() - t0 };
}

// Can the postgres user reach `dir` (every parent must be traversable)? Checked by trying, as that user.
function reachableAs(dir, ids) {
  if (ids.uid === undefined) return true;
  const r = spawnSync('/bin/sh', ['-c', 'cd "$1"', 'sh', dir], { uid: ids.uid, gid: ids.gid, stdio: 'ignore' });
  return r.status === 0;
}

// .data/postgres normally. If the postgres user cannot traverse to .data (e.g. a clone under a 0700
// home folder), fall back to a folder under the system temp dir and say so.
function dataDirFor(ids) {
  const { dataDir } = config();
  mkdirp(dataDir);
  if (ids.uid !== undefined) {
    const mode = fs.statSync(dataDir).mode;
    if ((mode & 0o001) === 0) fs.chmodSync(dataDir, mode | 0o011); // our own folder: let others traverse it
    if (reachableAs(dataDir, ids)) return path.join(dataDir, 'postgres');
    const hash = crypto.createHash('sha1').update(dataDir).digest('hex').slice(0, 8);
    const fallback = path.join(os.tmpdir(), `wc-claims-postgres-${hash}`);
    log(`postgres: user 'postgres' cannot reach ${dataDir} (a parent folder is not traversable); using ${fallback} instead`);
    return fallback;
  }
  return path.join(dataDir, 'postgres');
}

async function ensureInitdb(pgdata, ids) {
  if (fs.existsSync(path.join(pgdata, 'PG_VERSION'))) {
    const have = fs.readFileSync(path.join(pgdata, 'PG_VERSION'), 'utf8').trim();
    const want = spawnSync(bin('postgres'), ['--version'], { encoding: 'utf8' }).stdout.match(/(\d+)/)[1];
    if (have !== want) throw new Error(`${pgdata} was created by PostgreSQL ${have}, binaries are ${want}: remove that folder (test data only)`);
    return;
  }
  fs.rmSync(pgdata, { recursive: true, force: true });
  mkdirp(pgdata, 0o700);
  if (ids.uid !== undefined) fs.chownSync(pgdata, ids.uid, ids.gid);
  log(`postgres: initdb ${pgdata}`);
  await run(bin('initdb'), ['-D', pgdata, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync', '--no-instructions'], {
    ...ids,
    cwd: pgdata,
    label: 'initdb',
    quiet: true,
  });
}

function env() {
  const { host, ports } = config();
  return { DATABASE_URL: `postgresql://${ROLE}:${PASSWORD}@${host}:${ports.postgres}/${DB}` };
}

function external() {
  return process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : null;
}

async function commandLine() {
  if (!binDir()) throw new Error('PostgreSQL binaries missing: run prepare first');
  const ids = runAs();
  const pgdata = dataDirFor(ids);
  await ensureInitdb(pgdata, ids);
  // A postmaster.pid left by a killed server whose pid now belongs to something else blocks startup.
  const lock = path.join(pgdata, 'postmaster.pid');
  if (fs.existsSync(lock)) {
    const pid = Number(fs.readFileSync(lock, 'utf8').split('\n')[0]);
    if (!isAlive(pid, 'postgres')) fs.rmSync(lock, { force: true });
  }
  const { host, ports } = config();
  return {
    cmd: bin('postgres'),
    args: [
      '-D',
      pgdata,
      '-p',
      String(ports.postgres),
      '-c',
      `listen_addresses=${host}`,
      '-c',
      'unix_socket_directories=', // TCP only: no clash with a system server's socket in /var/run
      ...serverSettings(process.env.WC_PG_DURABLE === '1'),
    ],
    ports: [ports.postgres],
    marker: pgdata,
    cwd: pgdata,
    ...ids,
  };
}

// The server's settings. The tests trade durability for speed (fsync, synchronous commit and full
// page writes off: a crash may lose or corrupt what they wrote, which they throw away anyway);
// `npm start` keeps what staff enter (WC_PG_DURABLE=1, set by tools/scripts/start.js): PostgreSQL's
// defaults, every commit on disk before it is acknowledged.
function serverSettings(durable) {
  const speed = durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
  return [...speed, '-c', 'max_connections=200'];
}

function isReady(hostOrUrl, port) {
  const args = port ? ['-h', hostOrUrl, '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-t', '2'] : ['-d', hostOrUrl, '-t', '2'];
  return run(bin('pg_isready'), args, { label: 'pg_isready', quiet: true });
}

// Ready = pg_isready answers, then the role and database exist (created idempotently on every start).
async function ready({ handle, timeoutMs }) {
  const { host, ports } = config();
  const ms = await waitFor(() => isReady(host, ports.postgres), { timeoutMs, handle, what: 'postgres', intervalMs: 200 });
  const sql = [
    `SELECT 'CREATE ROLE ${ROLE} LOGIN CREATEDB PASSWORD ''${PASSWORD}''' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${ROLE}')\\gexec`,
    `SELECT 'CREATE DATABASE ${DB} OWNER ${ROLE}' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '${DB}')\\gexec`,
    '',
  ].join('\n');
  await run(bin('psql'), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', host, '-p', String(ports.postgres), '-U', 'postgres', '-d', 'postgres', '-f', '-'], {
    input: sql,
    label: 'psql',
    quiet: true,
  });
  return ms;
}

function checkExternal(e, timeoutMs) {
  const u = new URL(e.DATABASE_URL);
  const check = binDir() ? () => isReady(e.DATABASE_URL) : () => tcpConnect(u.hostname, Number(u.port || 5432));
  return waitFor(check, { timeoutMs, what: `postgres at DATABASE_URL=${u.protocol}//${u.host}${u.pathname}` });
}

module.exports = {
  name: 'postgres',
  envVar: 'DATABASE_URL',
  portVars: ['WC_PG_PORT'],
  stopSignal: 'SIGINT', // "fast" shutdown; SIGTERM would wait for clients to disconnect
  readyTimeoutMs: 60000,
  prepare,
  env,
  external,
  checkExternal,
  commandLine,
  ready,
  binDir,
  serverSettings,
};
