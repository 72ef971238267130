'use strict';
// Temporal dev server (`temporal server start-dev`: single process, SQLite persistence, Web UI).
// The CLI is built from the Go module proxy (nothing else is downloadable here) and cached outside the clone.
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { config, mkdirp, log, secs, findExecutable, run, removeStaleTmp } = require('./cache');
const { sleep } = require('./proc');
const { tcpConnect, waitFor } = require('./probe');

const MODULE = 'github.com/temporalio/cli/cmd/temporal';

function cliPath() {
  return process.env.WC_TEMPORAL_CLI || path.join(config().cacheBin, 'temporal');
}

// Run the CLI and collect its output (used for --version and the readiness call).
function cli(args, timeoutMs = 10000) {
  return new Promise((resolve, reject) => {
    const child = spawn(cliPath(), args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs, killSignal: 'SIGKILL' });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      code === 0 ? resolve(out) : reject(new Error(`temporal ${args.slice(0, 3).join(' ')}: ${signal || `exit ${code}`}: ${out.trim().split('\n').slice(-3).join(' | ')}`)),
    );
  });
}

async function installedVersion() {
  if (!fs.existsSync(cliPath())) return null;
  try {
    const out = await cli(['--version'], 10000);
    const m = /version\s+(\S+)/.exec(out);
    return m ? m[1] : 'unknown';
  } catch {
    return 'broken';
  }
}

// Another `go install` of the same module (a second terminal, a CI step already running it):
// wait for it rather than building twice on 2 cores.
function otherBuildPid() {
  let pids = [];
  try {
    pids = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d) && Number(d) !== process.pid);
  } catch {
    return null;
  }
  for (const pid of pids) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (path.basename(cmd[0]) === 'go' && cmd.includes('install') && cmd.some((a) => a.startsWith(`${MODULE}@`))) return Number(pid);
    } catch {
      /* process went away */
    }
  }
  return null;
}

async function prepare() {
  const want = config().versions.temporalCli;
  let other = otherBuildPid();
  if (other) {
    const t0 = Date.now();
    log(`temporal: another 'go install ${MODULE}' is running (pid ${other}); waiting for it`);
    while ((other = otherBuildPid())) {
      await sleep(2000);
      if ((Date.now() - t0) % 30000 < 2000) log(`temporal: still waiting for pid ${other} (${secs(Date.now() - t0)})`);
    }
  }
  const have = await installedVersion();
  if (have === want) return { cached: true, ms: 0 };
  if (process.env.WC_TEMPORAL_CLI) throw new Error(`WC_TEMPORAL_CLI=${cliPath()} is not a working Temporal CLI ${want} (found: ${have})`);

  const go = findExecutable('go', { envVar: 'WC_GO', candidates: ['/usr/local/go/bin/go', '/usr/lib/go/bin/go'] });
  if (!go) throw new Error('go not found: the Temporal CLI is built from source (install Go >= 1.23, or put a temporal binary at ' + cliPath() + ')');
  const bin = mkdirp(config().cacheBin);
  removeStaleTmp(bin, /^\.go-build-(\d+)$/);
  // Build into a private GOBIN and rename: an interrupted build never leaves a half-written binary.
  const tmpBin = mkdirp(path.join(bin, `.go-build-${process.pid}`));
  log(`temporal: ${have ? `found CLI ${have}, want ${want}; ` : ''}building Temporal CLI v${want} from the Go module proxy.`);
  log('temporal: first time only: downloads ~200 modules and compiles them; expect several minutes on 2 cores');
  try {
    const { ms } = await run(go, ['install', '-ldflags', `-s -w -X github.com/temporalio/cli/temporalcli.Version=${want}`, `${MODULE}@v${want}`], {
      env: { ...process.env, CGO_ENABLED: '0', GOBIN: tmpBin },
      label: 'go install temporal',
      heartbeatMs: 20000,
    });
    fs.renameSync(path.join(tmpBin, 'temporal'), cliPath());
    log(`temporal: CLI built in ${secs(ms)} -> ${cliPath()}`);
    return { cached: false, ms };
  } finally {
    fs.rmSync(tmpBin, { recursive: true, force: true });
  }
}

function env() {
  const { host, ports } = config();
  return {
    TEMPORAL_ADDRESS: `${host}:${ports.temporal}`,
    TEMPORAL_UI_URL: process.env.WC_TEMPORAL_HEADLESS === '1' ? '' : `http://${host}:${ports.temporalUi}`,
  };
}

function external() {
  const addr = process.env.TEMPORAL_ADDRESS;
  if (!addr) return null;
  return { TEMPORAL_ADDRESS: addr, TEMPORAL_UI_URL: process.env.TEMPORAL_UI_URL || '' };
}

function commandLine() {
  const { host, ports, dataDir } = config();
  const args = [
    'server',
    'start-dev',
    '--ip',
    host,
    '--port',
    String(ports.temporal),
    '--ui-port',
    String(ports.temporalUi),
    '--db-filename',
    path.join(dataDir, 'temporal.db'), // persisted across runs, inside the git-ignored .data
    '--log-level',
    process.env.WC_TEMPORAL_LOG_LEVEL || 'warn',
  ];
  if (process.env.WC_TEMPORAL_HEADLESS === '1') args.push('--headless');
  const listen = process.env.WC_TEMPORAL_HEADLESS === '1' ? [ports.temporal] : [ports.temporal, ports.temporalUi];
  // marker: the db path in the command line identifies our server in /proc (pid reuse safety).
  return { cmd: cliPath(), args, ports: listen, marker: path.join(dataDir, 'temporal.db') };
}

// Ready = the frontend accepts TCP and the `default` namespace can be described through gRPC.
async function ready({ handle, timeoutMs, address = env().TEMPORAL_ADDRESS }) {
  const [host, port] = splitHostPort(address);
  return waitFor(
    async () => {
      await tcpConnect(host, port);
      await cli(['operator', 'namespace', 'describe', '--namespace', 'default', '--address', address], 10000);
    },
    { timeoutMs, handle, what: 'temporal', intervalMs: 300 },
  );
}

// A server we did not start: only check that it answers (it may use TLS, so no gRPC call here).
async function checkExternal(e, timeoutMs) {
  const [host, port] = splitHostPort(e.TEMPORAL_ADDRESS);
  return waitFor(() => tcpConnect(host, port), { timeoutMs, what: `temporal at TEMPORAL_ADDRESS=${e.TEMPORAL_ADDRESS}` });
}

function splitHostPort(addr) {
  const m = /^(?:[a-z]+:\/\/)?([^:/]+|\[[^\]]+\]):(\d+)/i.exec(addr);
  if (!m) throw new Error(`cannot parse host:port from "${addr}"`);
  return [m[1].replace(/^\[|\]$/g, ''), Number(m[2])];
}

module.exports = {
  name: 'temporal',
  envVar: 'TEMPORAL_ADDRESS',
  portVars: ['WC_TEMPORAL_PORT', 'WC_TEMPORAL_UI_PORT'],
  stopSignal: 'SIGTERM',
  readyTimeoutMs: 90000,
  prepare,
  env,
  external,
  checkExternal,
  commandLine,
  ready,
  cli,
  cliPath,
  splitHostPort,
};
