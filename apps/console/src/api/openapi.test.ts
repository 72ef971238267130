import { spawnSync } from 'node:child_process';
import path from 'node:path';

// The console's API types are made from the services' OpenAPI documents and committed (./openapi).
// A service whose routes or schemas changed without them being made again fails here, and once
// they are made again (npm run openapi), the console's type check fails wherever it used what changed.
// tools/openapi/export.js reads the built services (npm test builds them first).
describe("the console's OpenAPI documents and types", () => {
  it('are what the services describe now', () => {
    const root = path.resolve(__dirname, '..', '..', '..', '..');
    const r = spawnSync(process.execPath, [path.join(root, 'tools', 'openapi', 'export.js'), '--check'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect({ status: r.status, stderr: r.stderr.trim() }).toEqual({ status: 0, stderr: expect.stringContaining('matches the services') });
  }, 150_000);
});
