import { SERVICE_GRANTS, SERVICE_NAMES, generateServiceKeys, privateKeyVariable } from '@wc/service-kit';
import { EXIT_OK } from '../io';
import type { Command } from './command';

/**
 * A new key pair for each process that calls another (issue 14: its own credential), as lines of an
 * env file (docker compose's `.env`, or `set -a; . ./file` before `kubectl create secret`): each
 * private key under its process's name, for that process alone (its AUTH_SERVICE_PRIVATE_KEY), and
 * AUTH_SERVICE_PUBLIC_KEYS for every service.
 */
export const serviceKeys: Command = {
  words: ['service-keys'],
  operands: [],
  summary: "make each process's own service-credential key pair, as env lines (keep them secret)",
  async run(_args, io) {
    const { privateKeys, publicKeys } = generateServiceKeys();
    const lines = [
      `# wc-claims service credentials, made ${new Date().toISOString()} by claimctl service-keys. Each private key`,
      '# goes to its own process only, as AUTH_SERVICE_PRIVATE_KEY; AUTH_SERVICE_PUBLIC_KEYS to every service.',
      ...SERVICE_NAMES.flatMap((name) => [`# ${name} (${SERVICE_GRANTS[name].join(', ')})`, `${privateKeyVariable(name)}=${privateKeys[name]}`]),
      // Single quotes: taken as they are by a shell and by docker compose's env files.
      `AUTH_SERVICE_PUBLIC_KEYS='${publicKeys}'`,
    ];
    io.out(`${lines.join('\n')}\n`);
    return EXIT_OK;
  },
};
