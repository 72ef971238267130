import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { authKeys, verifyToken } from './auth';
import { DocumentsServiceClient as DocumentsClient, DocumentsServiceError } from './documents-client';
import { generateServiceKeys } from './service-credentials';

// Service credentials are signed with the calling process's own key (issue 14), never the staff one
// nor another process's: this process is notifications, as its deployment gives it its key.
const made = generateServiceKeys();
process.env.AUTH_SERVICE_PRIVATE_KEY = made.privateKeys['notifications-service'];

interface Seen {
  method?: string;
  url?: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let server: http.Server;
let baseUrl: string;
const seen: Seen[] = [];
let answer: { status: number; body: unknown } = { status: 201, body: {} };

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise((r) => server.close(r)));
beforeEach(() => {
  seen.length = 0;
  answer = { status: 201, body: { id: '0b9d4a55-2b5c-4c59-8d0e-8e5f5cf1d7a1', claimId: 'c', kind: 'acknowledgement-letter', contentHash: 'sha256:00' } };
});

class ClockedClient extends DocumentsClient {
  clock = 1_000_000;
  protected override now() {
    return this.clock;
  }
}
const client = () => new ClockedClient(baseUrl, 'notifications-service');
const request = { claimId: 'c', kind: 'acknowledgement-letter' as const, data: { claimNumber: 'WC1' } };
const keys = authKeys({ AUTH_JWT_SECRET: randomBytes(32).toString('hex'), AUTH_SERVICE_PUBLIC_KEYS: made.publicKeys });

it('posts the request with the Idempotency-Key and a service token (admin), reused until near expiry', async () => {
  const c = client();
  const mint = jest.spyOn(c as unknown as { mint(): Promise<string> }, 'mint');
  const doc = await c.createDocument(request, 'ack-letter:e1');
  expect(doc.id).toBe('0b9d4a55-2b5c-4c59-8d0e-8e5f5cf1d7a1');
  await c.createDocument(request, 'ack-letter:e2');
  expect(seen.map((s) => [s.method, s.url, s.headers['idempotency-key']])).toEqual([
    ['POST', '/documents', 'ack-letter:e1'],
    ['POST', '/documents', 'ack-letter:e2'],
  ]);
  expect(JSON.parse(seen[0].body)).toEqual(request);
  const [t1, t2] = seen.map((s) => /^Bearer (.+)$/.exec(s.headers.authorization!)![1]);
  expect(t2).toBe(t1);
  expect(mint).toHaveBeenCalledTimes(1);
  await expect(verifyToken(t1, keys)).resolves.toEqual({ user: 'notifications-service', role: 'service', scopes: ['documents:write', 'documents:read'] });

  c.clock += 14 * 60 * 1000; // within two minutes of the 15-minute expiry: a new token
  await c.createDocument(request, 'ack-letter:e3');
  expect(mint).toHaveBeenCalledTimes(2);
});

it('throws on a non-2xx answer (so the event is retried), and drops a refused token', async () => {
  const c = client();
  const mint = jest.spyOn(c as unknown as { mint(): Promise<string> }, 'mint');
  answer = { status: 500, body: { message: 'boom' } };
  await expect(c.createDocument(request, 'ack-letter:e4')).rejects.toMatchObject({ name: 'DocumentsServiceError', status: 500 });
  answer = { status: 401, body: { message: 'bad token' } };
  await expect(c.createDocument(request, 'ack-letter:e5')).rejects.toThrow(/answered 401/);
  expect(mint).toHaveBeenCalledTimes(1);
  answer = { status: 200, body: { id: 'd' } };
  await c.createDocument(request, 'ack-letter:e5');
  expect(mint).toHaveBeenCalledTimes(2);
});

it("payments' client asks for the one scope payments holds (documents:write), with payments' own key", async () => {
  const saved = process.env.AUTH_SERVICE_PRIVATE_KEY;
  try {
    process.env.AUTH_SERVICE_PRIVATE_KEY = made.privateKeys['payments-service'];
    await new DocumentsClient(baseUrl, 'payments-service').createDocument(request, 'remittance:r1');
    const t = /^Bearer (.+)$/.exec(seen[0].headers.authorization!)![1];
    await expect(verifyToken(t, keys)).resolves.toEqual({ user: 'payments-service', role: 'service', scopes: ['documents:write'] });
    // Given notifications' key by mistake, what it signs as payments is refused.
    process.env.AUTH_SERVICE_PRIVATE_KEY = made.privateKeys['notifications-service'];
    await new DocumentsClient(baseUrl, 'payments-service').createDocument(request, 'remittance:r2');
    await expect(verifyToken(/^Bearer (.+)$/.exec(seen[1].headers.authorization!)![1], keys)).rejects.toThrow('signature verification failed');
  } finally {
    process.env.AUTH_SERVICE_PRIVATE_KEY = saved;
  }
});

it('names the URL when the documents service cannot be reached', async () => {
  const c = new DocumentsClient('http://127.0.0.1:1', 'notifications-service');
  const err = await c.createDocument(request, 'ack-letter:e6').catch((e) => e);
  expect(err).toBeInstanceOf(DocumentsServiceError);
  expect(err.message).toMatch(/not reachable at http:\/\/127.0.0.1:1/);
  await expect(c.ping()).rejects.toThrow(/not reachable/);
});

it('health: reachable when the documents service answers its health check, whatever its state', async () => {
  answer = { status: 503, body: { status: 'failing' } };
  await expect(client().ping()).resolves.toBeUndefined();
  answer = { status: 404, body: {} };
  await expect(client().ping()).rejects.toThrow(/answered 404/);
});
