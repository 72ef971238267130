'use strict';
// Paths, settings and the download/build cache shared by the engine modules.
// Plain CommonJS with no dependencies: it runs before any TypeScript build and from Jest global set-up.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');

const REPO_ROOT = path.resolve(__dirname, '..', '..');

function envInt(name, dflt) {
  const v = process.env[name];
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0 || n > 65535) throw new Error(`${name}=${v} is not a valid port`);
  return n;
}

// Everything is read from the environment at call time, so tests and scripts can change it.
function config() {
  const cacheDir = path.resolve(process.env.WC_CACHE_DIR || path.join(os.homedir(), '.cache', 'wc-claims'));
  const dataDir = path.resolve(process.env.WC_DATA_DIR || path.join(REPO_ROOT, '.data'));
  return {
    repoRoot: REPO_ROOT,
    cacheDir,
    cacheBin: path.join(cacheDir, 'bin'),
    dataDir,
    logsDir: path.join(dataDir, 'logs'),
    runDir: path.join(dataDir, 'run'),
    host: '127.0.0.1', // loopback only: nothing we start is reachable from outside the machine
    ports: {
      temporal: envInt('WC_TEMPORAL_PORT', 7233),
      temporalUi: envInt('WC_TEMPORAL_UI_PORT', 8233),
      kafka: envInt('WC_KAFKA_PORT', 19092),
      kafkaController: envInt('WC_KAFKA_CONTROLLER_PORT', 19093),
      postgres: envInt('WC_PG_PORT', 54329),
      testServer: envInt('WC_TEST_SERVER_PORT', 7299),
      smtp: envInt('WC_SMTP_PORT', 2525),
      mailboxHttp: envInt('WC_MAILBOX_HTTP_PORT', 8025),
    },
    versions: {
      temporalCli: '1.5.1', // newest tag `go install` accepts (see deploy/local/README.md)
      kafka: process.env.WC_KAFKA_VERSION || '4.3.1',
      testServer: process.env.WC_TEST_SERVER_VERSION || '1.38.0',
    },
  };
}

function mkdirp(dir, mode) {
  fs.mkdirSync(dir, { recursive: true, mode });
  return dir;
}

function log(msg) {
  // stderr: stdout of `engines.js up/status` carries only the KEY=VALUE environment.
  process.stderr.write(`[engines] ${msg}\n`);
}

function secs(ms) {
  return `${(ms / 1000).toFixed(1)}s`;
}

// Find an executable: explicit env var, then PATH, then well-known install locations.
function findExecutable(name, { envVar, candidates = [] } = {}) {
  if (envVar && process.env[envVar]) return process.env[envVar];
  const dirs = (process.env.PATH || '').split(path.delimiter).filter(Boolean);
  for (const p of [...dirs.map((d) => path.join(d, name)), ...candidates]) {
    try {
      fs.accessSync(p, fs.constants.X_OK);
      if (fs.statSync(p).isFile()) return p;
    } catch {
      /* keep looking */
    }
  }
  return null;
}

function javaBin() {
  const fromHome = process.env.JAVA_HOME ? [path.join(process.env.JAVA_HOME, 'bin', 'java')] : [];
  const java = findExecutable('java', { envVar: 'WC_JAVA', candidates: fromHome });
  if (!java) throw new Error('java not found: install OpenJDK 17 (apt-get install -y openjdk-17-jre-headless) or set JAVA_HOME');
  return java;
}

// Hide passwords of URLs (DATABASE_URL) in messages that end up in CI logs.
function redact(text) {
  return String(text).replace(/(\/\/[^:/@\s]+:)[^@\s]+@/g, '$1***@');
}

// Helper processes (go install, mvn, initdb...) still running: killed if we are interrupted, so a
// SIGTERM from CI does not leave a 5-minute Go build running as an orphan.
const active = new Set();
function killActive(signal = 'SIGTERM') {
  for (const child of active) {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

// Leftovers of interrupted fetches/builds (`<name>.tmp-<pid>`, `.go-build-<pid>`) whose process is gone.
function removeStaleTmp(dir, pattern) {
  let names = [];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    const m = pattern.exec(n);
    if (!m) continue;
    let alive = true;
    try {
      process.kill(Number(m[1]), 0);
    } catch (e) {
      alive = e.code === 'EPERM';
    }
    if (!alive) fs.rmSync(path.join(dir, n), { recursive: true, force: true });
  }
}

// Run a command, streaming its output with a prefix, resolve on exit 0, reject with the tail otherwise.
// A heartbeat line every `heartbeatMs` tells the user why nothing seems to happen (slow builds/downloads).
function run(cmd, args, { cwd, env, uid, gid, input, label = path.basename(cmd), heartbeatMs = 30000, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const opts = { cwd, env: env || process.env, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] };
    if (uid !== undefined) Object.assign(opts, { uid, gid }); // e.g. initdb as `postgres` when we are root
    const child = spawn(cmd, args, opts);
    active.add(child);
    child.on('close', () => active.delete(child));
    if (input !== undefined) child.stdin.end(input);
    const tail = [];
    const onData = (buf) => {
      for (const line of buf
        .toString()
        .replace(/\x1b\[[0-9;]*m/g, '')
        .split('\n')) {
        if (!line.trim()) continue;
        tail.push(line);
        if (tail.length > 40) tail.shift();
        if (!quiet) log(`${label}: ${line}`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const hb = setInterval(() => log(`${label}: still running (${secs(Date.now() - started)})`), heartbeatMs);
    child.on('error', (err) => {
      clearInterval(hb);
      reject(new Error(`${label}: cannot run ${cmd}: ${err.message}`));
    });
    child.on('close', (code, signal) => {
      clearInterval(hb);
      if (code === 0) resolve({ ms: Date.now() - started, output: tail.join('\n') });
      else reject(new Error(redact(`${label} failed (${signal || `exit ${code}`}): ${cmd} ${args.join(' ')}\n${tail.slice(-20).join('\n')}`)));
    });
  });
}

// Only one Maven at a time: two concurrent Mavens writing the same ~/.m2 can corrupt downloads.
let mavenQueue = Promise.resolve();

// Copy a pom's runtime dependencies into `libsDir` (kept in the cache, reused when complete).
// Written to a temporary folder and renamed at the end, so an interrupted fetch is never reused.
function mavenCopyDependencies({ pomDir, libsDir, props = {}, label }) {
  const marker = path.join(libsDir, '.complete');
  if (fs.existsSync(marker)) return Promise.resolve({ cached: true, ms: 0 });
  const job = async () => {
    if (fs.existsSync(marker)) return { cached: true, ms: 0 };
    const mvn = findExecutable('mvn', { envVar: 'WC_MVN' });
    if (!mvn) throw new Error('mvn not found: install Maven (apt-get install -y maven)');
    mkdirp(path.dirname(libsDir));
    removeStaleTmp(path.dirname(libsDir), new RegExp(`^${path.basename(libsDir)}\\.tmp-(\\d+)$`));
    const tmp = `${libsDir}.tmp-${process.pid}`;
    fs.rmSync(tmp, { recursive: true, force: true });
    const args = [
      '-B',
      '-q',
      '-Dstyle.color=never',
      '-f',
      path.join(pomDir, 'pom.xml'),
      'dependency:copy-dependencies',
      `-DoutputDirectory=${tmp}`,
      '-DincludeScope=runtime',
      ...Object.entries(props).map(([k, v]) => `-D${k}=${v}`),
    ];
    // WC_MAVEN_REPO lets CI keep Maven's local repository inside one cached folder.
    if (process.env.WC_MAVEN_REPO) args.unshift(`-Dmaven.repo.local=${process.env.WC_MAVEN_REPO}`);
    log(`${label}: fetching jars from Maven Central into ${libsDir} (first time only)`);
    const { ms } = await run(mvn, args, { label: `mvn ${label}` });
    fs.writeFileSync(path.join(tmp, '.complete'), `${new Date().toISOString()}\n`);
    fs.rmSync(libsDir, { recursive: true, force: true });
    fs.renameSync(tmp, libsDir);
    log(`${label}: jars ready in ${secs(ms)}`);
    return { cached: false, ms };
  };
  const p = mavenQueue.then(job, job);
  mavenQueue = p.catch(() => {});
  return p;
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function duSync(dir) {
  const r = spawnSync('du', ['-sh', dir], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\t')[0] : '?';
}

module.exports = { killActive, removeStaleTmp, redact, REPO_ROOT, config, mkdirp, log, secs, findExecutable, javaBin, run, mavenCopyDependencies, isRoot, duSync };
