#!/usr/bin/env node
'use strict';
// Local engines for development and tests: Temporal dev server, Kafka 4.x (KRaft), PostgreSQL,
// Temporal's time-skipping test server and an SMTP mailbox, on 127.0.0.1 with their data in <repo>/.data. No Docker.
//
//   node deploy/local/engines.js prepare [--only a,b]          fetch/build into the cache, start nothing (CI step 1)
//   node deploy/local/engines.js up [--only a,b] [--detach]    start, wait until ready, print the env; Ctrl-C stops
//   node deploy/local/engines.js status | down
//
// From code: const { up, prepare } = require('./deploy/local/engines'); const { env, stop } = await up();
// An engine whose variable (DATABASE_URL, KAFKA_BROKERS, TEMPORAL_ADDRESS, TEMPORAL_TEST_SERVER_ADDRESS,
// SMTP_URL) is already set is not started: it is only checked for reachability.
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { config, mkdirp, log, secs, duSync, killActive } = require('./cache');
const proc = require('./proc');
const { portInUse } = require('./probe');

const ENGINES = {
  postgres: require('./postgres'),
  temporal: require('./temporal'),
  kafka: require('./kafka'),
  'test-server': require('./test-server'),
  mail: require('./mail'),
};
const NAMES = Object.keys(ENGINES);
const ENV_KEYS = ['DATABASE_URL', 'KAFKA_BROKERS', 'TEMPORAL_ADDRESS', 'TEMPORAL_UI_URL', 'TEMPORAL_TEST_SERVER_ADDRESS', 'SMTP_URL', 'MAILBOX_URL'];

function select(only) {
  if (!only || only.length === 0) return NAMES;
  const list = (Array.isArray(only) ? only : String(only).split(',')).map((s) => s.trim()).filter(Boolean);
  const bad = list.filter((n) => !ENGINES[n]);
  if (bad.length) throw new Error(`unknown engine(s): ${bad.join(', ')} (known: ${NAMES.join(', ')})`);
  return NAMES.filter((n) => list.includes(n));
}

function timeoutFor(e, options) {
  return Number(options.timeoutMs || process.env.WC_ENGINE_TIMEOUT_MS || e.readyTimeoutMs);
}

function failure(name, err, withLog) {
  const rel = path.relative(process.cwd(), proc.logPath(name)) || proc.logPath(name);
  const tail = withLog ? `\n--- last lines of ${rel} ---\n${proc.tailLog(name, 30)}\n--- end of ${rel} ---` : '';
  const msg = err.message.startsWith(`${name}:`) ? err.message : `${name}: ${err.message}`;
  return `${msg}${tail}`;
}

// Fetch/build everything the selected engines need into the cache; start nothing.
// Runs in parallel: the Go build is CPU-bound, the Maven fetches are network-bound (and serialised
// among themselves in cache.js because they share ~/.m2).
async function prepare(options = {}) {
  const names = select(options.only);
  mkdirp(config().cacheDir);
  const t0 = Date.now();
  const results = {};
  const errors = [];
  await Promise.all(
    names.map(async (name) => {
      const e = ENGINES[name];
      if (e.external()) {
        results[name] = { skipped: `${e.envVar} is set` };
        return;
      }
      try {
        results[name] = await e.prepare();
      } catch (err) {
        errors.push(`${name}: ${err.message}`);
      }
    }),
  );
  if (errors.length) throw new Error(`prepare failed:\n${errors.join('\n')}`);
  return { results, ms: Date.now() - t0 };
}

// Start one engine (or reuse/check one), resolve { name, env, how, readyMs, handle? }.
async function startOne(name, options, started) {
  const e = ENGINES[name];
  const timeoutMs = timeoutFor(e, options);
  const ext = e.external();
  if (ext) {
    try {
      await e.checkExternal(ext, Math.min(timeoutMs, 30000));
    } catch (err) {
      throw new Error(failure(name, new Error(`${e.envVar} is set, so nothing is started, but: ${err.message}`), false));
    }
    return { name, env: ext, how: `external (${e.envVar} set)` };
  }
  const live = await proc.reapStale(name, e.stopSignal);
  if (live) {
    // Started by another `up` still running (another terminal, --detach): use it, never stop it.
    try {
      await e.ready({ timeoutMs });
    } catch (err) {
      throw new Error(failure(name, new Error(`already running (pid ${live.pid}) but not answering: ${err.message}`), true));
    }
    return { name, env: live.env, how: `reused (pid ${live.pid}, owner ${live.owner === null ? 'detached' : live.owner})` };
  }
  const t0 = Date.now();
  await e.prepare(); // no-op when cached; makes `up` work on a fresh clone without a separate prepare
  const prepMs = Date.now() - t0;
  const t1 = Date.now(); // start-to-ready includes first-run initdb / storage format
  const cl = await e.commandLine();
  for (const port of cl.ports) {
    if (await portInUse(config().host, port)) {
      const ss = spawnSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8' });
      const who = ss.status === 0 && ss.stdout.trim() ? ` (${ss.stdout.trim().replace(/\s+/g, ' ')})` : '';
      throw new Error(
        failure(
          name,
          new Error(
            `port ${port} is already in use by a process this harness did not start${who}. ` + `Stop it, choose other ports (${e.portVars.join(', ')}), or set ${e.envVar} to use that server.`,
          ),
          false,
        ),
      );
    }
  }
  const env = e.env();
  const handle = proc.spawnEngine(name, cl.cmd, cl.args, {
    cwd: cl.cwd || config().dataDir,
    uid: cl.uid,
    gid: cl.gid,
    marker: cl.marker,
    owner: options.detach ? null : process.pid,
    meta: { env },
  });
  if (!handle.pid) {
    await handle.exited;
    throw new Error(failure(name, new Error(`could not start ${cl.cmd}: ${handle.exit && handle.exit.error}`), false));
  }
  handle.stopSignal = e.stopSignal;
  started.push(handle);
  try {
    await e.ready({ handle, timeoutMs });
  } catch (err) {
    throw new Error(failure(name, err, true));
  }
  return { name, env, how: 'started', pid: handle.pid, prepMs, readyMs: Date.now() - t1, handle };
}

async function stopHandles(handles, graceMs) {
  await Promise.all(
    handles.map(async (h) => {
      const how = await proc.stopGroup(h.pid, { signal: h.stopSignal, graceMs, name: h.name });
      const st = proc.readState(h.name);
      if (st && st.pid === h.pid) proc.removeState(h.name);
      log(`${h.name}: ${how}`);
    }),
  );
}

// Engines of other runs still alive keep their lines in engines.env: `up --only mail` must not drop DATABASE_URL.
function liveEnv(except) {
  const env = {};
  for (const name of NAMES.filter((n) => !except.includes(n))) {
    const st = proc.readState(name);
    if (st && st.env && proc.isAlive(st.pid, st.marker)) Object.assign(env, st.env);
  }
  return env;
}

function writeEnvFile(env) {
  const file = path.join(config().dataDir, 'engines.env');
  fs.writeFileSync(
    file,
    ENV_KEYS.filter((k) => env[k] !== undefined)
      .map((k) => `${k}=${env[k]}`)
      .join('\n') + '\n',
  );
  return file;
}

// Start the selected engines in parallel, wait until each is ready, return { env, stop(), engines }.
// options: only (names), detach (leave running after this process exits), timeoutMs, graceMs,
// handleSignals (default true: Ctrl-C/SIGTERM of this process stops what it started; with detach only
// until everything is ready).
async function up(options = {}) {
  const names = select(options.only);
  const { dataDir, logsDir, runDir } = config();
  [dataDir, logsDir, runDir].forEach((d) => mkdirp(d));
  const graceMs = options.graceMs || 15000;
  const started = [];
  let stopping = null;
  const stop = () => {
    if (!stopping) {
      const mine = started.filter((h) => !h.detached);
      stopping = stopHandles(mine, graceMs).finally(removeHooks);
    }
    return stopping;
  };

  // Installed before the first spawn, so Ctrl-C during start-up also cleans up.
  const onSignal = (sig) => {
    if (stopping) {
      for (const h of started) proc.signalGroup(h.pid, 'SIGKILL'); // second Ctrl-C: no more waiting
      process.exit(130);
    }
    log(`${sig}: stopping engines`);
    killActive(); // a build/fetch/initdb in progress
    stop().finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
  };
  // Last resort if the process exits without stop() (e.g. a missing Jest global teardown).
  const onExit = () => {
    if (stopping) return;
    for (const h of started) if (!h.detached && proc.isAlive(h.pid)) proc.signalGroup(h.pid, h.stopSignal);
  };
  const hookSignals = options.handleSignals !== false;
  const sigs = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  function removeHooks() {
    if (hookSignals) sigs.forEach((s) => process.removeListener(s, onSignal));
    process.removeListener('exit', onExit);
  }
  if (hookSignals) sigs.forEach((s) => process.on(s, onSignal));
  process.on('exit', onExit);

  const t0 = Date.now();
  const settled = await Promise.allSettled(names.map((n) => startOne(n, options, started)));
  const failed = settled.filter((s) => s.status === 'rejected').map((s) => s.reason.message);
  if (failed.length) {
    if (started.length && !stopping) log(`start-up failed; stopping ${started.map((h) => h.name).join(', ')}`);
    await stop();
    throw new Error(`local engines failed to start:\n\n${failed.join('\n\n')}`);
  }
  const engines = settled.map((s) => s.value);
  if (options.detach) {
    started.forEach((h) => (h.detached = true));
    removeHooks(); // from now on they outlive us
  }
  const env = Object.assign({}, ...engines.map((r) => r.env));
  for (const r of engines) {
    const t = r.readyMs !== undefined ? ` in ${secs(r.readyMs)}${r.prepMs > 50 ? ` (+${secs(r.prepMs)} prepare)` : ''}` : '';
    log(`${r.name}: ${r.how}${t}`);
  }
  log(`all ready after ${secs(Date.now() - t0)}; env written to ${writeEnvFile({ ...liveEnv(names), ...env })}`);
  return { env, stop, engines, totalMs: Date.now() - t0 };
}

// Stop every engine that has a pid file in .data/run, whoever started it.
async function down(options = {}) {
  const names = select(options.only);
  await Promise.all(
    names.map(async (name) => {
      const st = proc.readState(name);
      if (!st) return;
      if (proc.isAlive(st.pid, st.marker) || proc.groupAlive(st.pid)) {
        const how = await proc.stopGroup(st.pid, { signal: ENGINES[name].stopSignal, graceMs: options.graceMs || 15000, name });
        log(`${name}: ${how}`);
      }
      proc.removeState(name);
    }),
  );
}

async function status() {
  const rows = [];
  for (const name of NAMES) {
    const e = ENGINES[name];
    const ext = e.external();
    const st = proc.readState(name);
    let state = 'not running';
    if (ext) state = `external (${e.envVar} set)`;
    else if (st && proc.isAlive(st.pid, st.marker)) {
      const owner = st.owner === null ? 'detached' : proc.isAlive(st.owner, 'node') ? `owner ${st.owner}` : `STALE: owner ${st.owner} gone`;
      let answering = 'answering';
      try {
        await e.ready({ timeoutMs: 3000 });
      } catch {
        answering = 'NOT answering';
      }
      state = `running pid ${st.pid} since ${st.startedAt} (${owner}), ${answering}`;
    } else if (st) state = 'dead (stale pid file; cleaned up on next up/down)';
    rows.push(`${name.padEnd(12)} ${state}`);
  }
  const { cacheDir } = config();
  rows.push(`cache        ${cacheDir} (${fs.existsSync(cacheDir) ? duSync(cacheDir) : 'empty'})`);
  return rows.join('\n');
}

function parseArgs(argv) {
  const opts = { cmd: argv[0] };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--only') opts.only = argv[++i];
    else if (a.startsWith('--only=')) opts.only = a.slice(7);
    else if (a === '--detach' || a === '-d') opts.detach = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return opts;
}

const USAGE = `usage: node deploy/local/engines.js <prepare|up|down|status> [--only ${NAMES.join(',')}] [--detach]
  prepare   build/fetch into ${'${WC_CACHE_DIR:-~/.cache/wc-claims}'}, start nothing (CI step)
  up        start (in parallel), wait until ready, print KEY=VALUE env; foreground, Ctrl-C stops;
            --detach leaves them running (stop with 'down')
  down      stop the engines recorded in .data/run
  status    show what runs`;

async function main(argv) {
  const opts = parseArgs(argv);
  switch (opts.cmd) {
    case 'prepare': {
      for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
        process.on(sig, () => {
          log(`${sig}: interrupting prepare`);
          killActive();
          process.exit(sig === 'SIGINT' ? 130 : 143);
        });
      }
      const { results, ms } = await prepare(opts);
      for (const [n, r] of Object.entries(results)) log(`${n}: ${r.skipped ? `skipped (${r.skipped})` : r.cached ? 'cached' : `ready in ${secs(r.ms)}`}`);
      log(`prepare done in ${secs(ms)}; cache ${config().cacheDir} = ${duSync(config().cacheDir)}`);
      return 0;
    }
    case 'up': {
      const h = await up(opts);
      process.stdout.write(
        ENV_KEYS.filter((k) => h.env[k] !== undefined)
          .map((k) => `${k}=${h.env[k]}\n`)
          .join(''),
      );
      if (opts.detach) {
        log("engines left running; stop them with 'node deploy/local/engines.js down'");
        return 0;
      }
      log('engines running; Ctrl-C (or SIGTERM) stops them');
      // Foreground watchdog: an engine stopped by `down` (pid file removed) is dropped from the watch;
      // one that dies on its own is reported with its log and the others are stopped.
      let watched = h.engines.filter((r) => r.handle);
      await new Promise((resolve) => {
        const timer = setInterval(async () => {
          for (const r of watched.filter((w) => w.handle.exit && !proc.readState(w.name))) log(`${r.name}: stopped by 'down'`);
          watched = watched.filter((w) => !(w.handle.exit && !proc.readState(w.name)));
          const dead = watched.find((w) => w.handle.exit);
          if (!dead && watched.length) return;
          clearInterval(timer);
          if (dead) {
            log(failure(dead.name, new Error(`exited unexpectedly (${JSON.stringify(dead.handle.exit)})`), true));
            process.exitCode = 1;
          }
          await h.stop();
          resolve();
        }, 1000);
      });
      return process.exitCode;
    }
    case 'down':
      await down(opts);
      return 0;
    case 'status':
      process.stdout.write(`${await status()}\n`);
      return 0;
    default:
      process.stderr.write(`${USAGE}\n`);
      return opts.cmd ? 2 : 0;
  }
}

module.exports = { up, prepare, down, status, ENGINES, ENV_KEYS };

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code || 0),
    (err) => {
      process.stderr.write(`[engines] ${err.message}\n`);
      process.exit(1);
    },
  );
}
