import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { mintToken, signingKey, verifyToken } from './auth';
import { ConfigError, baseConfig, loadConfig } from './config';
import { JsonLogger, withLogContext } from './logger';
import { parseOr400 } from './validation';
import { checkAtMostEvery } from './health';

describe('configuration', () => {
  it('names every bad variable', () => {
    expect(() => loadConfig(baseConfig, { DATABASE_URL: 'mysql://x', KAFKA_BROKERS: '' })).toThrow(ConfigError);
    try {
      loadConfig(baseConfig, { DATABASE_URL: 'mysql://x', KAFKA_BROKERS: '' });
    } catch (e) {
      expect((e as Error).message).toContain('DATABASE_URL: must be a postgresql:// URL');
      expect((e as Error).message).toContain('KAFKA_BROKERS: must list host:port pairs');
    }
  });
});

describe('staff tokens', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keys-'));
  const key = signingKey({ AUTH_KEY_FILE: path.join(dir, 'k') });

  it('generates a key file once and reuses it', () => {
    expect(Buffer.from(signingKey({ AUTH_KEY_FILE: path.join(dir, 'k') })).equals(Buffer.from(key))).toBe(true);
    expect(fs.statSync(path.join(dir, 'k')).mode & 0o777).toBe(0o600);
  });

  it('mints and verifies a token with a role', async () => {
    const t = await mintToken({ user: 'alex', role: 'team-leader' }, key);
    await expect(verifyToken(t, key)).resolves.toEqual({ user: 'alex', role: 'team-leader' });
  });

  it('refuses a token signed with another key, and unknown roles', async () => {
    const other = new TextEncoder().encode('x'.repeat(48));
    await expect(verifyToken(await mintToken({ user: 'a', role: 'admin' }, other), key)).rejects.toThrow(/signature/);
    await expect(mintToken({ user: 'a', role: 'boss' as never }, key)).rejects.toThrow(/role must be one of/);
  });
});

describe('JSON logs', () => {
  it('carry the claim id of the context', () => {
    const lines: string[] = [];
    const log = new JsonLogger('claims', 'info', (l) => lines.push(l));
    withLogContext({ claimId: 'c-1' }, () => log.info('triaged', { classification: 'significant' }));
    log.debug('hidden');
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({ level: 'info', service: 'claims', msg: 'triaged', claimId: 'c-1', classification: 'significant' });
    expect(lines).toHaveLength(1);
  });
});

describe('validation', () => {
  it('answers 400 naming each field', () => {
    const schema = z.object({ a: z.string(), b: z.object({ c: z.number() }) }).strict();
    try {
      parseOr400(schema, { b: { c: 'x' }, d: 1 });
      throw new Error('not refused');
    } catch (e) {
      const body = (e as { getResponse(): { problems: unknown[] } }).getResponse();
      expect(body.problems).toEqual([
        { field: 'a', problem: 'is required' },
        { field: 'b.c', problem: 'must be number, got string' },
        { field: '(root)', problem: 'unknown field: d' },
      ]);
    }
  });
});

describe('a costly health check', () => {
  it('runs at most once per interval while it succeeds, and shares a run between concurrent probes', async () => {
    let t = 0;
    let runs = 0;
    const check = checkAtMostEvery(30_000, async () => void runs++, () => t);
    await Promise.all([check(), check(), check()]);
    expect(runs).toBe(1);
    t = 29_999;
    await check();
    expect(runs).toBe(1);
    t = 30_000;
    await check();
    expect(runs).toBe(2);
  });

  it('checks again at the next probe after a failure, so a recovery shows at once', async () => {
    let t = 0;
    let up = false;
    let runs = 0;
    const check = checkAtMostEvery(30_000, async () => {
      runs++;
      if (!up) throw new Error('connection refused');
    }, () => t);
    await expect(check()).rejects.toThrow('connection refused');
    t = 1;
    await expect(check()).rejects.toThrow('connection refused');
    up = true;
    t = 2;
    await expect(check()).resolves.toBeUndefined();
    await check();
    expect(runs).toBe(3);
  });
});
