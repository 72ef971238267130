'use strict';
// Process lifecycle for the engines: spawn in an own process group, record a pid file in .data/run,
// stop exactly that group (stop signal, then SIGKILL after a grace period), recognise stale runs.
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { config, mkdirp, log } = require('./cache');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function statePath(name) {
  return path.join(config().runDir, `${name}.json`);
}

function logPath(name) {
  return path.join(config().logsDir, `${name}.log`);
}

function readState(name) {
  try {
    return JSON.parse(fs.readFileSync(statePath(name), 'utf8'));
  } catch {
    return null;
  }
}

function removeState(name) {
  fs.rmSync(statePath(name), { force: true });
}

function writeState(name, state) {
  mkdirp(config().runDir);
  const file = statePath(name);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(state, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}

// Alive and really ours: a recycled pid running something else must never be killed.
function isAlive(pid, marker) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if (e.code !== 'EPERM') return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (/\) Z /.test(stat)) return false; // zombie: already dead, only not reaped
    if (!marker) return true;
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
  } catch {
    return !marker; // no /proc: trust kill(0) only when there is nothing to check against
  }
}

// Live (non-zombie) members of a process group. Reads /proc because kill(-pgid, 0) also "succeeds"
// for zombies, and PID 1 in containers does not always reap orphans.
function groupMembers(pgid) {
  let entries;
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    try {
      process.kill(-pgid, 0);
      return [pgid];
    } catch (e) {
      return e.code === 'EPERM' ? [pgid] : [];
    }
  }
  const members = [];
  for (const d of entries) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields after "(comm)": state ppid pgrp ...
      if (f[0] !== 'Z' && Number(f[2]) === pgid) members.push(Number(d));
    } catch {
      /* gone */
    }
  }
  return members;
}

function groupAlive(pgid) {
  return groupMembers(pgid).length > 0;
}

function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

// Stop one engine: `signal` to the leader (engine-specific; postgres wants SIGINT = fast shutdown, and the
// leader shuts its own children down), wait up to graceMs, then SIGKILL the whole group. Members of the
// group that outlive their leader (orphaned helpers) get SIGTERM, then SIGKILL.
async function stopGroup(pid, { signal = 'SIGTERM', graceMs = 10000, name = String(pid) } = {}) {
  if (!isAlive(pid) && !groupAlive(pid)) return 'not running';
  let how = `stopped (${signal})`;
  if (isAlive(pid)) {
    try {
      process.kill(pid, signal);
    } catch {
      /* exited meanwhile */
    }
    const deadline = Date.now() + graceMs;
    while (Date.now() < deadline && isAlive(pid)) await sleep(100);
    if (isAlive(pid)) {
      log(`${name}: did not stop within ${graceMs} ms after ${signal}, sending SIGKILL`);
      signalGroup(pid, 'SIGKILL');
      how = 'killed (SIGKILL)';
    }
  }
  if (groupAlive(pid)) {
    signalGroup(pid, 'SIGTERM');
    const deadline = Date.now() + 2000;
    while (Date.now() < deadline && groupAlive(pid)) await sleep(50);
    if (groupAlive(pid)) signalGroup(pid, 'SIGKILL');
  }
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline && (isAlive(pid) || groupAlive(pid))) await sleep(50);
  return how;
}

// A previous run's engine whose owner is gone (crashed `up`, killed Jest) is stale: stop it.
// Returns the state when the engine is alive and still owned (or detached): the caller may reuse it.
async function reapStale(name, stopSignal) {
  const st = readState(name);
  if (!st) return null;
  const alive = isAlive(st.pid, st.marker);
  const ownerAlive = st.owner === null || isAlive(st.owner, 'node'); // null owner = started with --detach
  if (alive && ownerAlive) return st;
  if (alive) {
    log(`${name}: stopping stale process ${st.pid} left by an earlier run (owner ${st.owner} is gone)`);
    await stopGroup(st.pid, { signal: stopSignal, name });
  } else if (groupAlive(st.pid)) {
    signalGroup(st.pid, 'SIGKILL'); // leader gone, children (e.g. postgres backends) left behind
  }
  removeState(name);
  return null;
}

// Start a long-running engine in its own process group, output appended to .data/logs/<name>.log.
function spawnEngine(name, cmd, args, { env, cwd, uid, gid, marker, owner, meta = {} }) {
  mkdirp(config().logsDir);
  const file = logPath(name);
  // Keep the previous run's log one generation back, so a failure report shows only this run.
  if (fs.existsSync(file)) fs.renameSync(file, `${file}.1`);
  const fd = fs.openSync(file, 'a');
  fs.writeSync(fd, `# ${new Date().toISOString()} ${cmd} ${args.join(' ')}\n`);
  const opts = { cwd, env: env || process.env, detached: true, stdio: ['ignore', fd, fd] };
  if (uid !== undefined) Object.assign(opts, { uid, gid });
  const child = spawn(cmd, args, opts);
  fs.closeSync(fd);
  const handle = { name, pid: child.pid, child, exit: null, logFile: file };
  handle.exited = new Promise((resolve) => {
    child.on('error', (err) => {
      handle.exit = { error: err.message };
      resolve(handle.exit);
    });
    child.on('exit', (code, signal) => {
      handle.exit = { code, signal };
      resolve(handle.exit);
    });
  });
  // Do not keep the parent's event loop alive for the engine (jest global set-up must return).
  child.unref();
  if (child.pid) {
    writeState(name, { pid: child.pid, owner, marker: marker || cmd, startedAt: new Date().toISOString(), cmd, args, ...meta });
  }
  return handle;
}

function tailLog(name, lines = 30) {
  try {
    const text = fs.readFileSync(logPath(name), 'utf8').split('\n');
    return text.slice(-lines - 1).join('\n');
  } catch {
    return '(no log file)';
  }
}

module.exports = { sleep, groupMembers, statePath, logPath, readState, writeState, removeState, isAlive, groupAlive, signalGroup, stopGroup, reapStale, spawnEngine, tailLog };
