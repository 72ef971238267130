'use strict';
// Readiness probes with no npm dependencies (the harness must work before `npm install` of clients):
// TCP connect, an SMTP greeting, HTTP GET, and raw Kafka Metadata/FindCoordinator requests (a port that
// accepts connections is not yet a broker that answers: the listener is bound before request processing is enabled).
const http = require('http');
const net = require('net');
const { sleep } = require('./proc');

function tcpConnect(host, port, timeoutMs = 1000) {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host, port });
    const done = (err) => {
      sock.destroy();
      if (err) reject(err);
      else resolve();
    };
    sock.setTimeout(timeoutMs, () => done(new Error(`timeout connecting to ${host}:${port}`)));
    sock.once('connect', () => done());
    sock.once('error', done);
  });
}

// Is something already listening there? (Used to refuse starting on a port another process holds.)
async function portInUse(host, port) {
  try {
    await tcpConnect(host, port, 500);
    return true;
  } catch {
    return false;
  }
}

// Read an SMTP server's greeting (multi-line `220-...` up to `220 ...`); resolves its last line,
// rejects on any other code. An open port alone is not yet a server that talks SMTP.
function smtpGreeting(host, port, timeoutMs = 2000) {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host, port });
    let buf = '';
    const fail = (err) => {
      sock.destroy();
      reject(err);
    };
    sock.setTimeout(timeoutMs, () => fail(new Error(`no SMTP greeting from ${host}:${port} within ${timeoutMs} ms`)));
    sock.once('error', fail);
    const onData = (chunk) => {
      buf += chunk.toString('latin1');
      const last = buf
        .split('\r\n')
        .slice(0, -1)
        .find((l) => /^\d{3} /.test(l)); // complete lines only
      if (!last) return;
      sock.removeListener('data', onData);
      sock.setTimeout(0);
      sock.on('error', () => {}); // the server may drop us after QUIT before we close
      sock.end('QUIT\r\n');
      if (last.startsWith('220 ')) resolve(last);
      else fail(new Error(`SMTP greeting from ${host}:${port} is not 220: ${last}`));
    };
    sock.on('data', onData);
  });
}

// GET a URL with node:http; resolves { status, body }.
function httpGet(url, timeoutMs = 2000) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode, body }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url} within ${timeoutMs} ms`)));
    req.on('error', reject);
  });
}

// One request/response on a fresh connection, classic (non-flexible) encoding: header v1 out,
// header v0 in. Resolves a reader positioned after the response's correlation id.
function kafkaRequest(host, port, apiKey, apiVersion, body, timeoutMs = 3000) {
  return new Promise((resolve, reject) => {
    const clientId = Buffer.from('wc-engines-probe');
    const header = Buffer.alloc(10 + clientId.length);
    let o = header.writeInt16BE(apiKey, 0);
    o = header.writeInt16BE(apiVersion, o);
    o = header.writeInt32BE(1, o); // correlation_id
    o = header.writeInt16BE(clientId.length, o);
    clientId.copy(header, o);
    const size = Buffer.alloc(4);
    size.writeInt32BE(header.length + body.length);

    const sock = net.connect({ host, port });
    let buf = Buffer.alloc(0);
    const fail = (err) => {
      sock.destroy();
      reject(err);
    };
    sock.setTimeout(timeoutMs, () => fail(new Error(`no response (api ${apiKey}) from ${host}:${port} within ${timeoutMs} ms`)));
    sock.once('error', fail);
    sock.once('connect', () => sock.write(Buffer.concat([size, header, body])));
    sock.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      if (buf.length < 4 || buf.length < 4 + buf.readInt32BE(0)) return;
      sock.destroy();
      resolve(reader(buf, 8));
    });
  });
}

function reader(buf, start) {
  let p = start;
  const r = {
    int8: () => buf.readInt8((p += 1) - 1),
    int16: () => buf.readInt16BE((p += 2) - 2),
    int32: () => buf.readInt32BE((p += 4) - 4),
    str: () => {
      const len = r.int16();
      if (len < 0) return null;
      p += len;
      return buf.toString('utf8', p - len, p);
    },
  };
  return r;
}

// Kafka Metadata v4 (the lowest version Kafka 4.x still accepts; v0-v3 were removed by KIP-896),
// asking for no topics. Resolves { brokers: [{ nodeId, host, port }], clusterId }.
async function kafkaMetadata(host, port, timeoutMs = 3000) {
  const body = Buffer.from([0, 0, 0, 0, 0]); // topics: empty array (null would mean all), allow_auto_topic_creation: false
  const r = await kafkaRequest(host, port, 3, 4, body, timeoutMs);
  r.int32(); // throttle_time_ms
  const brokers = [];
  for (let i = r.int32(); i > 0; i--) {
    const nodeId = r.int32();
    const bhost = r.str();
    const bport = r.int32();
    r.str(); // rack
    brokers.push({ nodeId, host: bhost, port: bport });
  }
  return { brokers, clusterId: r.str() };
}

// FindCoordinator v1 for a consumer group. The first such request makes a fresh broker create
// __consumer_offsets; until it is loaded the answer is COORDINATOR_NOT_AVAILABLE (15). Resolves the error code.
async function kafkaFindCoordinator(host, port, group = 'wc-engines-probe', timeoutMs = 3000) {
  const key = Buffer.from(group);
  const body = Buffer.alloc(2 + key.length + 1);
  body.writeInt16BE(key.length, 0);
  key.copy(body, 2);
  body.writeInt8(0, 2 + key.length); // key_type: group
  const r = await kafkaRequest(host, port, 10, 1, body, timeoutMs);
  r.int32(); // throttle_time_ms
  return r.int16();
}

// Poll `check` until it resolves truthy or the deadline passes. Gives up early when the engine
// process exits (no point waiting 90 s for a broker that died on a port conflict).
async function waitFor(check, { timeoutMs, intervalMs = 250, handle, what }) {
  const started = Date.now();
  let lastErr = null;
  while (Date.now() - started < timeoutMs) {
    if (handle && handle.exit) {
      const e = handle.exit;
      throw new Error(`${what}: process exited before it was ready (${e.error || e.signal || `exit code ${e.code}`})`);
    }
    try {
      const ok = await check();
      if (ok !== false) return Date.now() - started;
    } catch (err) {
      lastErr = err;
    }
    await sleep(intervalMs);
  }
  throw new Error(`${what}: not ready after ${timeoutMs} ms${lastErr ? ` (last error: ${lastErr.message})` : ''}`);
}

// InitProducerId v1 without a transactional id (what an idempotent producer sends first). The first
// one makes a fresh broker create __transaction_state; until it is loaded the error is 14/15. Resolves the error code.
async function kafkaInitProducerId(host, port, timeoutMs = 3000) {
  const body = Buffer.alloc(6);
  body.writeInt16BE(-1, 0); // transactional_id: null
  body.writeInt32BE(60000, 2); // transaction_timeout_ms
  const r = await kafkaRequest(host, port, 22, 1, body, timeoutMs);
  r.int32(); // throttle_time_ms
  return r.int16();
}

module.exports = { kafkaInitProducerId, tcpConnect, portInUse, smtpGreeting, httpGet, kafkaRequest, kafkaMetadata, kafkaFindCoordinator, waitFor };
