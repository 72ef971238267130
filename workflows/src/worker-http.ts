import * as http from 'node:http';
import type { Logger as Pino } from 'pino';
import { Registry, collectDefaultMetrics } from 'prom-client';

export interface WorkerProbe {
  /** The worker is polling its task queue. */
  running(): boolean;
  /** Temporal answers (one cheap call). */
  temporal(): Promise<unknown>;
}

/**
 * The worker's own HTTP port (issue 18): /health/live (the process), /health/ready (Temporal answers
 * and the worker polls), /metrics (the process's metrics and, appended, the Temporal SDK's own from
 * the core's Prometheus endpoint: task slots, poll and schedule-to-start latencies, sticky cache).
 * Same answers as the services' terminus health, so probes and dashboards treat them alike.
 */
export function serveWorkerHttp(o: { host: string; port: number; coreMetricsUrl?: string; probe: WorkerProbe; log: Pino }): Promise<http.Server> {
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'claim-worker' });
  collectDefaultMetrics({ register: registry });
  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const server = http.createServer(async (req, res) => {
    const url = (req.url ?? '/').split('?')[0];
    try {
      if (req.method !== 'GET') return json(res, 405, { message: 'GET only' });
      if (url === '/health/live') return json(res, 200, { status: 'ok', info: {}, error: {}, details: {} });
      if (url === '/health/ready' || url === '/health') {
        const details: Record<string, { status: 'up' | 'down'; message?: string }> = {};
        details.worker = o.probe.running() ? { status: 'up' } : { status: 'down', message: 'not polling its task queue' };
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([o.probe.temporal(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('no answer within 3 s')), 3000)))]);
          details.temporal = { status: 'up' };
        } catch (e) {
          details.temporal = { status: 'down', message: (e as Error).message };
        } finally {
          clearTimeout(timer);
        }
        const up = Object.fromEntries(Object.entries(details).filter(([, v]) => v.status === 'up'));
        const down = Object.fromEntries(Object.entries(details).filter(([, v]) => v.status === 'down'));
        const ok = Object.keys(down).length === 0;
        return json(res, ok ? 200 : 503, { status: ok ? 'ok' : 'error', info: up, error: down, details });
      }
      if (url === '/metrics') {
        let core = '';
        if (o.coreMetricsUrl)
          core = await fetch(o.coreMetricsUrl).then(
            (r) => (r.ok ? r.text() : ''),
            () => '',
          );
        res.writeHead(200, { 'content-type': registry.contentType });
        return res.end(`${await registry.metrics()}\n${core}`);
      }
      return json(res, 404, { message: `no route ${url}` });
    } catch (e) {
      o.log.error({ error: (e as Error).message, url }, 'worker http failed');
      return json(res, 500, { message: 'internal error' });
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve(server));
  });
}
