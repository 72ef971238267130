import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { sendJson } from './http';

/** The services the console calls, each under /api/<name>/ (the services send no CORS headers: the browser stays on one origin). */
export const SERVICES = ['claims', 'documents', 'notifications', 'payments'] as const;
export type ServiceName = (typeof SERVICES)[number];
export type ServiceUrls = Record<ServiceName, string>;

// Hop-by-hop headers (RFC 9110 7.6.1) belong to one connection, not to the request passed on.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host']);

/** Where /api/<service>/<path> goes: <service's URL>/<path>, with its query; undefined for anything else. */
export function targetOf(url: string, services: ServiceUrls): URL | undefined {
  const m = /^\/api\/([a-z]+)(\/[^?#]*)?(\?[^#]*)?$/.exec(url);
  if (!m || !(SERVICES as readonly string[]).includes(m[1])) return undefined;
  return new URL(`${m[2] ?? '/'}${m[3] ?? ''}`, services[m[1] as ServiceName]);
}

/**
 * Passes the request on as it came (method, headers with the bearer token, body) and streams the
 * answer back as it comes (a PDF, a 403 with its reason): the console adds nothing and hides nothing.
 */
export function proxy(req: IncomingMessage, res: ServerResponse, target: URL): void {
  const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
  const upstream = http.request(target, { method: req.method, headers }, (answer) => {
    const back = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
    res.writeHead(answer.statusCode ?? 502, back);
    answer.pipe(res);
  });
  upstream.on('error', (e) => {
    if (res.headersSent) return void res.destroy(e);
    sendJson(res, 502, { statusCode: 502, error: 'Bad Gateway', message: `the ${target.host} service did not answer: ${(e as NodeJS.ErrnoException).code ?? e.message}` });
  });
  req.pipe(upstream);
}
