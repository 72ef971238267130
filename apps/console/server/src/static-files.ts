import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/**
 * The built app (vite build's dist). Any other path is one of the app's own pages (/claims/…),
 * answered with index.html so a reload or a shared link opens it. Files under assets/ carry a hash
 * of their content in their name, so browsers may keep them; index.html is always asked for again.
 */
export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://console').pathname);
  } catch {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('bad path');
    return;
  }
  const file = path.resolve(root, `.${pathname}`);
  const inside = file.startsWith(root + path.sep);
  const found = inside && fs.existsSync(file) && fs.statSync(file).isFile() ? file : undefined;
  if (!found && path.extname(pathname)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    return;
  }
  const served = found ?? path.join(root, 'index.html');
  const hashed = served.startsWith(path.join(root, 'assets') + path.sep);
  res.writeHead(200, {
    'content-type': TYPES[path.extname(served)] ?? 'application/octet-stream',
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') res.end();
  else fs.createReadStream(served).pipe(res);
}
