'use strict';
// Starts the platform's own processes (the four services and the claim worker) against the engines,
// waits until each is healthy, and stops them. Used by `npm start` and the end-to-end tests, which
// also kill -9 and restart single processes. Logs go to .data/logs/<name>.log (JSON lines).
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

/** Each process, its entry point and its default port (the same as docker-compose.yml). */
const PROCESSES = [
  { name: 'claims', entry: 'services/claims/dist/main.js', port: 3001 },
  { name: 'documents', entry: 'services/documents/dist/main.js', port: 3002 },
  { name: 'notifications', entry: 'services/notifications/dist/main.js', port: 3003 },
  { name: 'payments', entry: 'services/payments/dist/main.js', port: 3004 },
  // The worker's port serves /health/* and /metrics (its Temporal SDK metrics come from a local port of their own).
  { name: 'worker', entry: 'workflows/dist/worker.js', port: 3005, portVariable: 'WORKER_PORT', ready: /claim worker started/ },
];

function portsFrom(base) {
  const ports = {};
  PROCESSES.filter((p) => p.port).forEach((p, i) => (ports[p.name] = base ? base + i : Number(process.env[`WC_${p.name.toUpperCase()}_PORT`] || p.port)));
  return ports;
}

/**
 * @param {{ env: Record<string,string>, perProcess?: Record<string, Record<string,string>>, basePort?: number, only?: string[], echo?: boolean, logsDir?: string, degraded?: string[] }} options
 *   `perProcess`: variables for one process only (e.g. its own Kafka consumer group when two services read the same variable).
 *   `degraded`: processes started on purpose with a dependency down (a test of recovery): any answer
 *   from their /health, 503 included, counts as started.
 */
async function startPlatform(options) {
  const ports = portsFrom(options.basePort);
  const urls = Object.fromEntries(Object.entries(ports).map(([n, p]) => [n, `http://127.0.0.1:${p}`]));
  const logsDir = options.logsDir || path.join(ROOT, '.data', 'logs');
  fs.mkdirSync(logsDir, { recursive: true });
  const selected = PROCESSES.filter((p) => !options.only || options.only.includes(p.name));
  const children = new Map();

  function envFor(p) {
    return {
      ...process.env,
      ...options.env,
      ...((options.perProcess && options.perProcess[p.name]) || {}),
      HOST: '127.0.0.1',
      ...(p.port ? { [p.portVariable || 'PORT']: String(ports[p.name]) } : {}),
      ...(p.name === 'worker' ? { TEMPORAL_METRICS_PORT: String(options.basePort ? options.basePort + PROCESSES.length : 9464) } : {}),
      DOCUMENTS_SERVICE_URL: urls.documents,
      CLAIMS_SERVICE_URL: urls.claims,
    };
  }

  async function start(name) {
    const p = selected.find((x) => x.name === name);
    if (!p) throw new Error(`unknown process ${name}`);
    const entry = path.join(ROOT, p.entry);
    if (!fs.existsSync(entry)) throw new Error(`${name}: ${p.entry} is missing: run npm run build`);
    const logFile = path.join(logsDir, `${name}.log`);
    const log = fs.openSync(logFile, 'a');
    const child = spawn(process.execPath, [entry], { cwd: ROOT, env: envFor(p), stdio: ['ignore', 'pipe', 'pipe'] });
    const lines = [];
    const onData = (buf) => {
      fs.writeSync(log, buf);
      if (options.echo) process.stdout.write(buf);
      lines.push(...buf.toString().split('\n'));
      if (lines.length > 200) lines.splice(0, lines.length - 200);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', () => fs.closeSync(log));
    children.set(name, { child, lines, logFile });
    await waitReady(p, child, lines, logFile);
    return child.pid;
  }

  async function waitReady(p, child, lines, logFile) {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${p.name} exited with ${child.exitCode} while starting; last lines of ${logFile}:\n${lines.slice(-15).join('\n')}`);
      if (p.ready && lines.some((l) => p.ready.test(l))) return;
      if (p.port) {
        const degraded = (options.degraded || []).includes(p.name);
        const ok = await fetch(`${urls[p.name]}/health`).then(
          (r) => r.status === 200 || (degraded && r.status === 503),
          () => false,
        );
        if (ok) return;
      }
      if (Date.now() > deadline) throw new Error(`${p.name} not ready within 60 s; last lines of ${logFile}:\n${lines.slice(-15).join('\n')}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** SIGTERM (graceful) or SIGKILL (a crash), and wait until it is gone. */
  async function stop(name, signal = 'SIGTERM') {
    const c = children.get(name);
    if (!c || c.child.exitCode !== null || c.child.signalCode) return;
    const gone = new Promise((r) => c.child.once('exit', r));
    c.child.kill(signal);
    const timer = setTimeout(() => c.child.kill('SIGKILL'), 15_000);
    await gone;
    clearTimeout(timer);
  }

  async function stopAll() {
    // The worker first, then the consumers and the API, so nothing is left half-done.
    for (const name of ['worker', 'notifications', 'payments', 'documents', 'claims']) await stop(name);
  }

  try {
    // Documents before notifications (which calls it); the rest in parallel on two cores is no faster.
    for (const p of selected) await start(p.name);
  } catch (e) {
    await stopAll();
    throw e;
  }
  return { urls, ports, start, stop, stopAll, logFile: (name) => children.get(name)?.logFile };
}

module.exports = { startPlatform, PROCESSES };
