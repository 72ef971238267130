import { MAX_STAFF_TOKEN_SECONDS, ROLES, Role, mintToken, signingKey } from '@wc/service-kit';
import { UsageError } from '../args';
import { EXIT_OK } from '../io';
import type { Command } from './command';

/** Local development tokens, signed with the key the project generates (or AUTH_JWT_SECRET). */
export const token: Command = {
  words: ['token'],
  operands: [],
  summary: 'mint a development bearer token for the staff API',
  options: [
    { name: 'role', value: 'role', description: `one of ${ROLES.join(', ')}` },
    { name: 'user', value: 'user', description: 'the staff member (subject of the token)' },
    { name: 'ttl', value: 'seconds', description: `lifetime in seconds (default 28800, at most ${MAX_STAFF_TOKEN_SECONDS})` },
  ],
  async run({ options }, io) {
    const role = options.role;
    const user = options.user;
    if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
    if (typeof user !== 'string' || !user.trim()) throw new UsageError('--user is required');
    const ttl = options.ttl === undefined ? undefined : Number(options.ttl);
    if (ttl !== undefined && (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_STAFF_TOKEN_SECONDS))
      throw new UsageError(`--ttl must be a whole number of seconds from 1 to ${MAX_STAFF_TOKEN_SECONDS} (a staff token expires within a working day)`);
    io.out(`${await mintToken({ user, role: role as Role }, signingKey(), ttl)}\n`);
    return EXIT_OK;
  },
};
