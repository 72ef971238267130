import fs from 'node:fs';
import path from 'node:path';
import { type KeyObject, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';

/**
 * What one process may ask of another (issue 14: services authenticate to each other with their
 * own credentials and scopes, never with a staff role). `claims:access` is granted to no process
 * (SERVICE_GRANTS): no route asks for it, every service keeping its own copy of who works on each
 * claim (claim.staffing-recorded).
 */
export const SERVICE_SCOPES = ['claims:effects', 'claims:access', 'documents:write', 'documents:read'] as const;
export type ServiceScope = (typeof SERVICE_SCOPES)[number];

/**
 * The platform's processes that call another one, each with the only scopes its credential may
 * carry: the one place this is decided. A process mints its credential with its own key and no
 * other scope; every service refuses a credential naming a process not listed here, signed with
 * another process's key, or carrying a scope its process is not granted (auth.ts,
 * verifyServiceCredential). The claims and documents services call no other service: they hold no
 * credential and no private key.
 */
export const SERVICE_GRANTS = {
  // The claim worker records each workflow step's effects in the claims service (POST /internal/claims/:id/effects).
  'claim-worker': ['claims:effects'],
  // Notifications has every notice and letter written (POST /documents), then reads the PDF back to
  // attach it to the email or send it to print (GET /documents/:id/content).
  'notifications-service': ['documents:write', 'documents:read'],
  // Payments has providers' remittance advices written (POST /documents); it never reads a document back.
  'payments-service': ['documents:write'],
} as const satisfies Record<string, readonly ServiceScope[]>;
export type ServiceName = keyof typeof SERVICE_GRANTS;
export const SERVICE_NAMES = Object.keys(SERVICE_GRANTS) as ServiceName[];

export const isServiceName = (name: unknown): name is ServiceName => typeof name === 'string' && Object.prototype.hasOwnProperty.call(SERVICE_GRANTS, name);

/** The scopes a process holds (none for a name that is not a process of the platform). */
export const grantedScopes = (service: string): readonly ServiceScope[] => (isServiceName(service) ? SERVICE_GRANTS[service] : []);

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const outsideLocal = (env: NodeJS.ProcessEnv) => env.DEPLOYMENT !== undefined && env.DEPLOYMENT !== 'local';

/**
 * A process's own signing key (Ed25519): AUTH_SERVICE_PRIVATE_KEY, its private key only (PEM, or
 * the PKCS#8 DER in base64 on one line: `claimctl service-keys`). In local use without it, its key
 * file, made on first use: `.data/keys/service-<name>.pem`, with the public half beside it
 * (`service-<name>.pub.pem`) for the services that check its credentials.
 */
export function servicePrivateKey(service: ServiceName, env: NodeJS.ProcessEnv = process.env, repoRoot = REPO_ROOT): KeyObject {
  if (!isServiceName(service)) throw new RangeError(`${String(service)} is not one of the platform's processes (SERVICE_GRANTS)`);
  if (env.AUTH_SERVICE_PRIVATE_KEY) return named('AUTH_SERVICE_PRIVATE_KEY', () => parsePrivateKey(env.AUTH_SERVICE_PRIVATE_KEY!));
  if (outsideLocal(env)) throw new Error(`AUTH_SERVICE_PRIVATE_KEY is required when DEPLOYMENT is ${env.DEPLOYMENT} (the ${service} process's own key)`);
  return localKeyPair(service, repoRoot);
}

/** Finds the public key a credential naming `service` must verify with; throws, saying why, when there is none. */
export type ServicePublicKeys = (service: string) => KeyObject;

/**
 * The public keys the services check credentials with: AUTH_SERVICE_PUBLIC_KEYS, a JSON object
 * with one key per process of SERVICE_GRANTS (PEM, or the SPKI DER in base64), read once. In local
 * use without it, each process's `.data/keys/service-<name>.pub.pem`, read when a credential names
 * it (a process that has not started yet has made no key: its credentials do not exist either).
 */
export function servicePublicKeys(env: NodeJS.ProcessEnv = process.env, repoRoot = REPO_ROOT): ServicePublicKeys {
  const unknown = (service: string) => new Error(`unknown service ${JSON.stringify(service)}: not one of the platform's processes (SERVICE_GRANTS)`);
  if (env.AUTH_SERVICE_PUBLIC_KEYS) {
    const keys = named('AUTH_SERVICE_PUBLIC_KEYS', () => parsePublicKeys(env.AUTH_SERVICE_PUBLIC_KEYS!));
    return (service) => {
      if (!isServiceName(service)) throw unknown(service);
      return keys.get(service)!;
    };
  }
  if (outsideLocal(env)) throw new Error(`AUTH_SERVICE_PUBLIC_KEYS is required when DEPLOYMENT is ${env.DEPLOYMENT}`);
  const parsed = new Map<string, KeyObject>();
  return (service) => {
    if (!isServiceName(service)) throw unknown(service);
    const file = keyFiles(service, repoRoot).publicFile;
    let pem: string;
    try {
      pem = fs.readFileSync(file, 'utf8');
    } catch {
      throw new Error(`no public key for ${service} (${file}): it has not made its key yet`);
    }
    // Read each time (a small local file): a key made again after .data was cleared is picked up.
    if (!parsed.has(pem))
      parsed.set(
        pem,
        named(file, () => parsePublicKey(pem)),
      );
    return parsed.get(pem)!;
  };
}

/** AUTH_SERVICE_PRIVATE_KEY as a key, or an error saying what is wrong with it (never its value). */
export function parsePrivateKey(text: string): KeyObject {
  let key: KeyObject;
  try {
    const t = text.trim();
    key = t.startsWith('-----BEGIN') ? createPrivateKey(t) : createPrivateKey({ key: Buffer.from(t, 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    throw new Error('is not a private key (a PKCS#8 PEM, or its DER in base64)');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`must be an Ed25519 key, not ${key.asymmetricKeyType}`);
  return key;
}

function parsePublicKey(text: string, service?: string): KeyObject {
  const t = text.trim();
  const of = service ? ` for ${service}` : '';
  // A private key would do (Node derives the public half), but it must not be handed to every service.
  if (/PRIVATE KEY/.test(t)) throw new Error(`holds a private key${of}: give its public key only`);
  let key: KeyObject;
  try {
    key = t.startsWith('-----BEGIN') ? createPublicKey(t) : createPublicKey({ key: Buffer.from(t, 'base64'), format: 'der', type: 'spki' });
  } catch {
    throw new Error(`is not a public key${of} (an SPKI PEM, or its DER in base64)`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`must hold Ed25519 keys, not ${key.asymmetricKeyType}${of}`);
  return key;
}

/** AUTH_SERVICE_PUBLIC_KEYS: every process of SERVICE_GRANTS, and nothing else. */
export function parsePublicKeys(text: string): Map<ServiceName, KeyObject> {
  let map: unknown;
  try {
    map = JSON.parse(text);
  } catch {
    throw new Error('must be a JSON object, each process name to its public key');
  }
  if (!map || typeof map !== 'object' || Array.isArray(map)) throw new Error('must be a JSON object, each process name to its public key');
  const keys = new Map<ServiceName, KeyObject>();
  for (const [name, value] of Object.entries(map)) {
    if (!isServiceName(name)) throw new Error(`names ${JSON.stringify(name)}, which is not one of the platform's processes (${SERVICE_NAMES.join(', ')})`);
    if (typeof value !== 'string') throw new Error(`must give ${name}'s public key as a string`);
    keys.set(name, parsePublicKey(value, name));
  }
  const missing = SERVICE_NAMES.filter((n) => !keys.has(n));
  if (missing.length) throw new Error(`has no key for ${missing.join(', ')} (every process of SERVICE_GRANTS needs one)`);
  return keys;
}

/** The variable a deployment keeps a process's private key in before handing it over as AUTH_SERVICE_PRIVATE_KEY (claim-worker: CLAIM_WORKER_PRIVATE_KEY). */
export const privateKeyVariable = (service: ServiceName) => `${service.toUpperCase().replace(/-/g, '_')}_PRIVATE_KEY`;

/**
 * A new key pair for every process (`claimctl service-keys`): each private key (PKCS#8 DER, base64)
 * for that process alone, and AUTH_SERVICE_PUBLIC_KEYS for the services.
 */
export function generateServiceKeys(): { privateKeys: Record<ServiceName, string>; publicKeys: string } {
  const privateKeys = {} as Record<ServiceName, string>;
  const publicKeys: Record<string, string> = {};
  for (const name of SERVICE_NAMES) {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    privateKeys[name] = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    publicKeys[name] = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  }
  return { privateKeys, publicKeys: JSON.stringify(publicKeys) };
}

/** The parse errors say what is wrong (`is not a private key`); the setting or file they are about goes first. */
function named<T>(what: string, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    throw new Error(`${what} ${(e as Error).message}`);
  }
}

const keyFiles = (service: ServiceName, repoRoot: string) => {
  const dir = path.join(repoRoot, '.data', 'keys');
  return { dir, privateFile: path.join(dir, `service-${service}.pem`), publicFile: path.join(dir, `service-${service}.pub.pem`) };
};

/**
 * The process's key pair in local use, made on first use the way the staff key file is: written
 * whole under another name, then linked into place (a process starting at the same time finds the
 * other's key, never half of one); its public half written beside it.
 */
function localKeyPair(service: ServiceName, repoRoot: string): KeyObject {
  const { dir, privateFile, publicFile } = keyFiles(service, repoRoot);
  if (!fs.existsSync(privateFile)) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const tmp = `${privateFile}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(tmp, generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
    try {
      fs.linkSync(tmp, privateFile);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
  const key = named(privateFile, () => parsePrivateKey(fs.readFileSync(privateFile, 'utf8')));
  const pem = createPublicKey(key).export({ format: 'pem', type: 'spki' }).toString();
  if (!fs.existsSync(publicFile) || fs.readFileSync(publicFile, 'utf8') !== pem) {
    const tmp = `${publicFile}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(tmp, pem, { mode: 0o644 });
    fs.renameSync(tmp, publicFile);
  }
  return key;
}
