'use strict';
// A local mailbox: mailbox-server.js (npm smtp-server + mailparser) takes mail over real SMTP, keeps
// each message in .data/mail and serves it over a small HTTP API. Addresses in *.invalid bounce (550),
// in defer.test are deferred (451). This module itself needs no npm package (engines.js loads it
// before anyone checks node_modules); only the server process does.
const path = require('path');
const { config } = require('./cache');
const { tcpConnect, smtpGreeting, httpGet, waitFor } = require('./probe');

const SERVER = path.join(__dirname, 'mailbox-server.js');
const PACKAGES = ['smtp-server', 'mailparser'];

function mailDir() {
  return path.resolve(process.env.WC_MAIL_DIR || path.join(config().dataDir, 'mail'));
}

// Nothing to fetch: the server's packages are root devDependencies, installed by `npm ci`.
async function prepare() {
  const missing = PACKAGES.filter((p) => {
    try {
      require.resolve(p, { paths: [__dirname] });
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length) {
    throw new Error(`npm package(s) ${missing.join(', ')} not found (root devDependencies of ${config().repoRoot}): run npm ci`);
  }
  return { cached: true, ms: 0 };
}

function env() {
  const { host, ports } = config();
  return { SMTP_URL: `smtp://${host}:${ports.smtp}`, MAILBOX_URL: `http://${host}:${ports.mailboxHttp}` };
}

function external() {
  if (!process.env.SMTP_URL) return null;
  // A server of one's own may have no mailbox API; MAILBOX_URL passes through only when given.
  return process.env.MAILBOX_URL ? { SMTP_URL: process.env.SMTP_URL, MAILBOX_URL: process.env.MAILBOX_URL } : { SMTP_URL: process.env.SMTP_URL };
}

function commandLine() {
  const { ports } = config();
  return {
    cmd: process.execPath,
    args: [SERVER, '--smtp-port', String(ports.smtp), '--http-port', String(ports.mailboxHttp), '--dir', mailDir()],
    ports: [ports.smtp, ports.mailboxHttp],
    marker: SERVER, // identifies our server in /proc/<pid>/cmdline
  };
}

// Ready = GET /health answers 200 and the SMTP port greets with 220.
function ready({ handle, timeoutMs }) {
  const { host, ports } = config();
  const { MAILBOX_URL } = env();
  return waitFor(
    async () => {
      const r = await httpGet(`${MAILBOX_URL}/health`);
      if (r.status !== 200) throw new Error(`GET ${MAILBOX_URL}/health answered ${r.status}`);
      await smtpGreeting(host, ports.smtp);
    },
    { timeoutMs, handle, what: 'mail', intervalMs: 100 },
  );
}

// A server we did not start: smtp:// must greet with 220; smtps:// (TLS first) only has to accept TCP.
function checkExternal(e, timeoutMs) {
  const u = new URL(e.SMTP_URL);
  const tls = u.protocol === 'smtps:';
  const host = u.hostname.replace(/^\[|\]$/g, '');
  const port = Number(u.port || (tls ? 465 : 25));
  const check = tls ? () => tcpConnect(host, port) : () => smtpGreeting(host, port);
  return waitFor(check, { timeoutMs, what: `SMTP server at SMTP_URL=${u.protocol}//${u.host}` });
}

module.exports = {
  name: 'mail',
  envVar: 'SMTP_URL',
  portVars: ['WC_SMTP_PORT', 'WC_MAILBOX_HTTP_PORT'],
  stopSignal: 'SIGTERM', // the server closes both listeners and exits
  readyTimeoutMs: 15000,
  prepare,
  env,
  external,
  checkExternal,
  commandLine,
  ready,
  mailDir,
};
