#!/usr/bin/env node
'use strict';
// The `mail` engine (deploy/local/mail.js): a real SMTP server that keeps every message it accepts,
// plus a small HTTP API to read them, so tests see a real SMTP conversation, bounces and retries.
//
//   SMTP  127.0.0.1:$WC_SMTP_PORT (2525), no AUTH, no STARTTLS, 25 MB limit
//         RCPT TO <x@*.invalid>   -> 550 5.1.1 mailbox unavailable (RFC 2606 reserved TLD: a hard bounce)
//         RCPT TO <x@defer.test>  -> 451 4.3.0 try again later      (a transient failure: the sender retries)
//   HTTP  127.0.0.1:$WC_MAILBOX_HTTP_PORT (8025)
//         GET /health, GET /messages[?to=addr], GET /messages/:id, GET /messages/:id/raw,
//         GET /messages/:id/attachments/:index, DELETE /messages
//   Data  $WC_MAIL_DIR (<repo>/.data/mail): <id>.eml (as received) and <id>.json (the summary)
//
// Command-line options (--smtp-port, --http-port, --dir) override the variables.
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const path = require('path');
const { SMTPServer } = require('smtp-server');
const { simpleParser } = require('mailparser');

const HOST = '127.0.0.1';
const MAX_SIZE = 25 * 1024 * 1024;

function arg(name) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 1 ? process.argv[i + 1] : undefined;
}

function portOf(value, what, dflt) {
  if (value === undefined || value === '') return dflt;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0 || n > 65535) throw new Error(`${what}=${value} is not a valid port`);
  return n;
}

const SMTP_PORT = portOf(arg('smtp-port') ?? process.env.WC_SMTP_PORT, 'WC_SMTP_PORT', 2525);
const HTTP_PORT = portOf(arg('http-port') ?? process.env.WC_MAILBOX_HTTP_PORT, 'WC_MAILBOX_HTTP_PORT', 8025);
const DIR = path.resolve(arg('dir') || process.env.WC_MAIL_DIR || path.join(process.env.WC_DATA_DIR || path.join(__dirname, '..', '..', '.data'), 'mail'));

function log(event, fields = {}) {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), event, ...fields })}\n`);
}

// null = accept; otherwise the SMTP reply (the enhanced status code is added by smtp-server).
function recipientRule(address) {
  const domain = String(address)
    .slice(String(address).lastIndexOf('@') + 1)
    .toLowerCase()
    .replace(/\.$/, '');
  if (domain === 'invalid' || domain.endsWith('.invalid')) return { code: 550, message: 'mailbox unavailable' };
  if (domain === 'defer.test') return { code: 451, message: 'try again later' };
  return null;
}

// ---- storage: summaries in memory in arrival order, files on disk ----

const messages = []; // sorted by seq
const byId = new Map();
let seq = 0;

const emlPath = (id) => path.join(DIR, `${id}.eml`);
const jsonPath = (id) => path.join(DIR, `${id}.json`);

function insert(summary) {
  let i = messages.length;
  while (i > 0 && messages[i - 1].seq > summary.seq) i--; // parsing may finish out of order
  messages.splice(i, 0, summary);
  byId.set(summary.id, summary);
}

// Messages from earlier runs stay readable after a restart.
function load() {
  fs.mkdirSync(DIR, { recursive: true });
  for (const f of fs.readdirSync(DIR)) {
    if (!f.endsWith('.json')) continue;
    try {
      const s = JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8'));
      if (s && s.id && fs.existsSync(emlPath(s.id))) insert(s);
    } catch {
      /* half-written or foreign file: ignore */
    }
  }
  messages.sort((a, b) => a.seq - b.seq || String(a.receivedAt).localeCompare(String(b.receivedAt)));
  seq = messages.reduce((m, s) => Math.max(m, Number(s.seq) || 0), 0);
}

async function writeAtomic(file, data) {
  const tmp = `${file}.tmp-${process.pid}`;
  await fs.promises.writeFile(tmp, data);
  await fs.promises.rename(tmp, file);
}

function addresses(field) {
  if (!field) return [];
  return (Array.isArray(field) ? field : [field])
    .flatMap((o) => o.value || [])
    .flatMap((v) => (v.group ? v.group : [v]))
    .map((v) => v.address)
    .filter(Boolean);
}

const sha256 = (buf) => crypto.createHash('sha256').update(buf).digest('hex');

async function store(raw, session) {
  const id = crypto.randomUUID();
  const mySeq = ++seq; // taken when DATA ends, before parsing: the order is arrival order
  const receivedAt = new Date().toISOString();
  const parsed = await simpleParser(raw);
  const summary = {
    id,
    seq: mySeq,
    receivedAt,
    size: raw.length,
    envelope: {
      from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
      to: session.envelope.rcptTo.map((r) => r.address),
    },
    messageId: parsed.messageId || null,
    from: addresses(parsed.from)[0] || null,
    fromName: (parsed.from && parsed.from.value[0] && parsed.from.value[0].name) || null,
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    subject: parsed.subject ?? null,
    text: parsed.text ?? null,
    html: typeof parsed.html === 'string' ? parsed.html : null,
    attachments: parsed.attachments.map((a) => ({
      filename: a.filename || null,
      contentType: a.contentType,
      size: a.content.length,
      sha256: sha256(a.content),
    })),
  };
  await writeAtomic(emlPath(id), raw);
  await writeAtomic(jsonPath(id), JSON.stringify(summary, null, 2)); // written last: its presence means complete
  insert(summary);
  return summary;
}

// ---- SMTP ----

const smtp = new SMTPServer({
  banner: 'wc-claims local mailbox (development and tests only)',
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  hideENHANCEDSTATUSCODES: false, // replies read "550 5.1.1 ...", as from a real MTA
  size: MAX_SIZE,
  rejectOversized: true,
  disableReverseLookup: true, // no DNS on loopback; it only slows each connection
  closeTimeout: 2000,
  logger: false,
  onRcptTo(address, session, callback) {
    const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
    const rule = recipientRule(address.address);
    log('rcpt', { result: rule ? 'rejected' : 'accepted', code: rule ? rule.code : 250, to: address.address, from, session: session.id });
    if (!rule) return callback();
    const err = new Error(rule.message);
    err.responseCode = rule.code;
    return callback(err);
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (c) => {
      if (!stream.sizeExceeded) chunks.push(c); // keep reading, stop keeping
    });
    stream.on('error', (err) => callback(err));
    stream.on('end', () => {
      if (stream.sizeExceeded) {
        log('rejected-size', { to: session.envelope.rcptTo.map((r) => r.address), size: stream.byteLength, limit: MAX_SIZE, session: session.id });
        const err = new Error('message exceeds fixed maximum message size');
        err.responseCode = 552;
        return callback(err);
      }
      store(Buffer.concat(chunks), session).then(
        (s) => {
          log('stored', { id: s.id, to: s.envelope.to, subject: s.subject, size: s.size, attachments: s.attachments.length, session: session.id });
          callback(null, `queued as ${s.id}`);
        },
        (err) => {
          log('store-failed', { error: err.message, session: session.id });
          const e = new Error('local error in processing');
          e.responseCode = 451; // transient: the sender keeps the message and retries
          callback(e);
        },
      );
    });
  },
});

// ---- HTTP ----

function sendJson(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function notFound(res, what = 'not found') {
  sendJson(res, 404, { error: what });
}

async function deleteAll() {
  const n = messages.length;
  messages.length = 0;
  byId.clear();
  for (const f of await fs.promises.readdir(DIR)) {
    if (/\.(eml|json)(\.tmp-\d+)?$/.test(f)) await fs.promises.rm(path.join(DIR, f), { force: true });
  }
  return n;
}

async function route(req, res) {
  const url = new URL(req.url, `http://${HOST}`);
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const allow = (methods) => {
    if (methods.includes(req.method)) return true;
    res.setHeader('allow', methods.join(', '));
    sendJson(res, 405, { error: `${req.method} not allowed here` });
    return false;
  };

  if (url.pathname === '/health') return allow(['GET', 'HEAD']) && sendJson(res, 200, { ok: true });
  if (parts[0] !== 'messages') return notFound(res);

  if (parts.length === 1) {
    if (!allow(['GET', 'DELETE'])) return;
    if (req.method === 'DELETE') return sendJson(res, 200, { deleted: await deleteAll() });
    const to = url.searchParams.get('to');
    const list = to ? messages.filter((m) => m.envelope.to.some((a) => a.toLowerCase() === to.trim().toLowerCase())) : messages;
    return sendJson(res, 200, list);
  }

  const summary = byId.get(parts[1]);
  if (!summary) return notFound(res, `no message ${parts[1]}`);
  if (!allow(['GET'])) return;

  if (parts.length === 2) return sendJson(res, 200, summary);

  let raw;
  try {
    raw = await fs.promises.readFile(emlPath(summary.id));
  } catch (err) {
    if (err.code === 'ENOENT') return notFound(res, `message ${summary.id} was deleted`);
    throw err;
  }
  if (parts.length === 3 && parts[2] === 'raw') {
    res.writeHead(200, { 'content-type': 'message/rfc822', 'content-length': raw.length });
    return res.end(raw);
  }
  if (parts.length === 4 && parts[2] === 'attachments' && /^\d+$/.test(parts[3])) {
    const a = (await simpleParser(raw)).attachments[Number(parts[3])];
    if (!a) return notFound(res, `message ${summary.id} has no attachment ${parts[3]}`);
    const headers = { 'content-type': a.contentType || 'application/octet-stream', 'content-length': a.content.length };
    if (a.filename) headers['content-disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`;
    res.writeHead(200, headers);
    return res.end(a.content);
  }
  return notFound(res);
}

const api = http.createServer((req, res) => {
  route(req, res).catch((err) => {
    log('http-error', { method: req.method, url: req.url, error: err.message });
    if (!res.headersSent) sendJson(res, 500, { error: err.message });
    else res.destroy();
  });
});

// ---- start and stop ----

let listening = false;
function fatal(what, err) {
  log('fatal', { what, error: err.message, code: err.code });
  process.exit(1);
}

smtp.on('error', (err) => {
  if (!listening) return fatal(`SMTP listen on ${HOST}:${SMTP_PORT}`, err);
  log('smtp-error', { error: err.message, code: err.code }); // one client's broken connection
});
api.on('error', (err) => fatal(`HTTP listen on ${HOST}:${HTTP_PORT}`, err));

let stopping = false;
function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  log('stopping', { signal });
  setTimeout(() => process.exit(0), 5000).unref(); // a client that never hangs up must not block `down`
  api.close();
  api.closeAllConnections();
  smtp.close(() => process.exit(0));
}
for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(sig, () => shutdown(sig));

try {
  load();
} catch (err) {
  fatal(`reading ${DIR}`, err);
}
smtp.listen(SMTP_PORT, HOST, () => {
  listening = true;
  api.listen(HTTP_PORT, HOST, () => {
    log('listening', { smtp: `smtp://${HOST}:${SMTP_PORT}`, http: `http://${HOST}:${HTTP_PORT}`, dir: DIR, messages: messages.length, pid: process.pid });
  });
});
