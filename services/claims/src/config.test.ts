import { claimsConfigSchema } from './config';

const env = { DATABASE_URL: 'postgresql://wc@127.0.0.1:5432/wc', KAFKA_BROKERS: '127.0.0.1:9092' };

describe("the claims service's configuration", () => {
  it('defaults what it can: port 3001, Temporal on localhost, the workflow keeps its own history limit', () => {
    const c = claimsConfigSchema.parse(env);
    expect(c).toMatchObject({ PORT: 3001, TEMPORAL_ADDRESS: '127.0.0.1:7233', TEMPORAL_NAMESPACE: 'default', TEMPORAL_CONNECT_TIMEOUT_MS: 3000 });
    expect(c.CLAIM_HISTORY_LIMIT).toBeUndefined();
  });

  it('takes a history limit as a number from the environment, and refuses one below 20 by name', () => {
    expect(claimsConfigSchema.parse({ ...env, CLAIM_HISTORY_LIMIT: '40' }).CLAIM_HISTORY_LIMIT).toBe(40);
    const r = claimsConfigSchema.safeParse({ ...env, CLAIM_HISTORY_LIMIT: '5' });
    expect(r.success).toBe(false);
    expect(!r.success && r.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['CLAIM_HISTORY_LIMIT', 'must be at least 20']]);
  });

  it('refuses a database URL that is not PostgreSQL', () => {
    const r = claimsConfigSchema.safeParse({ ...env, DATABASE_URL: 'mysql://x' });
    expect(!r.success && r.error.issues.map((i) => i.path.join('.'))).toEqual(['DATABASE_URL']);
  });

  it('refuses a Temporal connect timeout under 100 ms by name', () => {
    const r = claimsConfigSchema.safeParse({ ...env, TEMPORAL_CONNECT_TIMEOUT_MS: '10' });
    expect(!r.success && r.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['TEMPORAL_CONNECT_TIMEOUT_MS', 'must be at least 100']]);
  });

  it('settles actions a dead process left after 30 s unless told otherwise; 0 and over an hour are refused by name', () => {
    expect(claimsConfigSchema.parse(env).ACTION_RECOVERY_AFTER_S).toBe(30);
    expect(claimsConfigSchema.parse({ ...env, ACTION_RECOVERY_AFTER_S: '5' }).ACTION_RECOVERY_AFTER_S).toBe(5);
    for (const [v, message] of [
      ['0', 'must be at least 1'],
      ['3601', 'must be at most 3600'],
    ]) {
      const r = claimsConfigSchema.safeParse({ ...env, ACTION_RECOVERY_AFTER_S: v });
      expect(!r.success && r.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['ACTION_RECOVERY_AFTER_S', message]]);
    }
  });
});
