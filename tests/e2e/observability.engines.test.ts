import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Platform, eventually, http as call, notification, startPlatform, token } from './support';

// Issue 18, done when: with the platform running, every service and the worker answer /metrics,
// /health/live and /health/ready; a trace of POST /claims shows the claims service, the worker's
// workflow and activities and, through Kafka, notifications and the documents service; the request
// id reaches the work the request caused. Spans are sent over OTLP/HTTP (JSON) to a collector this
// test runs.

interface Span {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  service: string;
  requestId?: string;
  /** A server span's path (http.target in the instrumentation's semantic conventions). */
  target?: string;
}
const spans: Span[] = [];
let collector: http.Server;
let platform: Platform;

beforeAll(async () => {
  collector = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      // OTLP/JSON: resourceSpans[].resource.attributes (service.name), scopeSpans[].spans[].
      const doc = JSON.parse(body || '{}');
      for (const rs of doc.resourceSpans ?? []) {
        const service = (rs.resource?.attributes ?? []).find((a: { key: string }) => a.key === 'service.name')?.value?.stringValue;
        for (const ss of rs.scopeSpans ?? [])
          for (const s of ss.spans ?? []) {
            const attribute = (key: string) => (s.attributes ?? []).find((a: { key: string }) => a.key === key)?.value?.stringValue;
            const requestId = attribute('wc.request_id');
            const target = attribute('http.target') ?? attribute('url.path');
            spans.push({ traceId: s.traceId, spanId: s.spanId, parentSpanId: s.parentSpanId, name: s.name, service, requestId, target });
          }
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((r) => collector.listen(0, '127.0.0.1', r));
  const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
  platform = await startPlatform({ env: { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }, basePort: 4801 });
}, 180_000);

afterAll(async () => {
  await platform?.stopAll();
  collector?.close();
});

const everyProcess = ['claims', 'documents', 'notifications', 'payments', 'worker'];

it('every service and the worker answer /health/live, /health/ready and /metrics', async () => {
  for (const name of everyProcess) {
    const base = platform.urls[name];
    const live = await call(base, 'GET', '/health/live');
    expect([name, live.status, live.body.status]).toEqual([name, 200, 'ok']);
    const ready = await call(base, 'GET', '/health/ready');
    expect([name, ready.status, ready.body.status]).toEqual([name, 200, 'ok']);
    // Terminus' answer: each dependency by name.
    expect(Object.values(ready.body.details).every((d) => (d as { status: string }).status === 'up')).toBe(true);
    const metrics = await fetch(`${base}/metrics`);
    expect([name, metrics.status]).toEqual([name, 200]);
    const text = await metrics.text();
    expect(text).toContain('process_cpu_seconds_total');
    if (name === 'worker')
      expect(text).toMatch(/^temporal_[a-z_]+/m); // the SDK's own, from the core
    else {
      expect(text).toContain('http_server_request_duration_seconds');
      expect(text).toContain('outbox_lag_seconds');
      expect(text).toContain('kafka_consumer_lag');
    }
  }
  expect(Object.keys(await (await call(platform.urls.claims, 'GET', '/health/ready')).body.details).sort()).toEqual(['database', 'kafka', 'temporal']);
  expect(Object.keys(await (await call(platform.urls.notifications, 'GET', '/health/ready')).body.details).sort()).toEqual(['database', 'documents', 'kafka', 'smtp', 'temporal']);
  // Runs, remediations and the daily digest are workflows (issue 15): ready once their worker polls.
  expect(Object.keys(await (await call(platform.urls.payments, 'GET', '/health/ready')).body.details).sort()).toEqual(['database', 'kafka', 'temporal']);
});

// Issue 18: request and response schemas both reach OpenAPI. Every answer a route documents with
// ZodResponse is also checked on the way out (a 500 in these tests when it breaks its schema), so a
// documented schema is the real one.
it("every route in every service's OpenAPI document says what it answers, with the answer's schema", async () => {
  type Operation = { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> };
  for (const name of ['claims', 'documents', 'notifications', 'payments']) {
    const doc = (await (await fetch(`${platform.urls[name]}/docs/openapi.json`)).json()) as { paths: Record<string, Record<string, Operation>> };
    const undocumented: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(operations)) {
        const answers = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
        const described = answers.length > 0 && answers.every(([status, r]) => status === '204' || (r.content && Object.values(r.content).every((c) => c.schema)));
        if (!described) undocumented.push(`${method.toUpperCase()} ${path}`);
      }
    expect([name, Object.keys(doc.paths).length > 3, undocumented]).toEqual([name, true, []]);
  }
});

it('one trace runs from POST /claims through the worker and Kafka to the documents service, and the request id goes along', async () => {
  const requestId = `trace-${randomUUID()}`;
  const r = await call(platform.urls.claims, 'POST', '/claims', {
    body: notification({ worker: { givenName: 'Mei', familyName: 'Tan', dateOfBirth: '1990-05-02' }, assignment: { caseManager: 'sam.case', teamLeader: 'tl.jo' } }),
    token: await token('case-manager', 'sam.case'),
    headers: { 'idempotency-key': `obs-${randomUUID()}`, 'x-request-id': requestId },
  });
  expect(r.status).toBe(201);
  // The request's trace: the claims service's server span for POST /claims, with the request id it
  // answered with. Not "the claims service's span without a parent": the worker also runs timers of
  // claims other tests left in Temporal, and its calls for those come to this claims service too,
  // some in no trace; and this test's own fetch may carry a traceparent, since a test file that ran
  // earlier in this jest process and started a service in-process (main.ts starts tracing) leaves
  // its fetch instrumentation subscribed to the process-wide diagnostics channel.
  const served = await eventually(
    'the POST /claims server span with the request id',
    async () => spans.find((s) => s.service === 'claims' && s.requestId === requestId && s.name === 'POST' && s.target === '/claims'),
    60_000,
  ).catch((e) => {
    const claims = spans.filter((s) => s.service === 'claims');
    // Which way it failed: the request's trace (from the claims log line) never reached the collector
    // (spans dropped on the way), or it did and its server span lacks the request id.
    const logged = fs
      .readFileSync(platform.logFile('claims'), 'utf8')
      .split('\n')
      .find((l) => l.includes(`"requestId":"${requestId}"`) && l.includes('"traceId"'));
    const loggedTrace = logged ? /"traceId":"([0-9a-f]+)"/.exec(logged)?.[1] : undefined;
    const ofTrace = spans.filter((s) => s.traceId === loggedTrace);
    throw new Error(
      `${e.message}; ${spans.length} spans received, ${claims.length} of the claims service, with request ids: ${claims.filter((s) => s.requestId).length}; ` +
        `the request's trace in the log: ${loggedTrace ?? 'none'}, its spans received: ${ofTrace.map((s) => `${s.service}:${s.name}${s.target ? ` ${s.target}` : ''}${s.parentSpanId ? '' : ' (root)'}${s.requestId ? ` [${s.requestId}]` : ''}`).join(', ') || 'none'}`,
    );
  });
  const traceId = served.traceId;
  const inTrace = () => spans.filter((s) => s.traceId === traceId);
  // The claims service's own log line for the request names the same trace.
  await eventually('the claims log line of the request, with its trace id', async () =>
    fs
      .readFileSync(platform.logFile('claims'), 'utf8')
      .split('\n')
      .some((l) => l.includes(`"requestId":"${requestId}"`) && l.includes(`"traceId":"${traceId}"`)),
  );
  // The notifications consumer's span continues the trace the event carried in its Kafka headers.
  // A consumer's span ends after the spans of what it did (its call to the documents service), and
  // spans are exported in batches: wait for that one by name, not just for any span of the service.
  const consumed = () => inTrace().some((s) => s.service === 'notifications' && s.name === 'wc.claims.events process');
  await eventually(
    'spans of the worker, notifications (its consumer too) and the documents service in the same trace',
    async () => {
      const seen = new Set(inTrace().map((s) => s.service));
      return ['claims', 'claim-worker', 'notifications', 'documents'].every((n) => seen.has(n)) && consumed();
    },
    90_000,
  );
  // The worker's: its activities (Temporal's interceptors carry the trace from the workflow's start).
  expect(
    inTrace()
      .filter((s) => s.service === 'claim-worker')
      .map((s) => s.name),
  ).toEqual(expect.arrayContaining([expect.stringMatching(/^RunActivity:/)]));

  // The request id: on the claims service's own lines, and on the lines of what the request caused
  // in other processes (the notifications consumer, the documents service's request).
  for (const name of ['claims', 'notifications', 'documents']) {
    await eventually(`${name} log lines with the request id`, async () =>
      fs
        .readFileSync(platform.logFile(name), 'utf8')
        .split('\n')
        .some((l) => l.includes(`"requestId":"${requestId}"`)),
    );
  }
}, 120_000);
