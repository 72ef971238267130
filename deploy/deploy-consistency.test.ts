/**
 * Keeps docker-compose.yml, deploy/k8s (each overlay as kustomize renders it) and
 * deploy/docker/Dockerfile in step with the code (the services, the worker and the staff console),
 * without Docker or a cluster: every variable a container is given is one its process reads (a typo
 * would be silently ignored by zod and the default used), every variable it needs is given, a
 * process that does not run outside local use is deployed nowhere else, ports are the processes'
 * defaults, health checks call GET /health (Kubernetes: /health/ready and /health/live), and service
 * URLs point at a real service.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ZodTypeAny } from 'zod';
import { SERVICE_NAMES, type ServiceName, privateKeyVariable } from '@wc/service-kit';
import { OVERLAYS, type Obj, TOOLS_TIMEOUT_MS, containerEnv, deploymentsOf, overlayDir, render, root, secretsExample, tools, yaml } from './render';

const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');

interface Process {
  name: string;
  entry: string;
  /** Every variable the process reads. */
  reads: Set<string>;
  /** Variables without a default: the process refuses to start without them. */
  required: Set<string>;
  /** Its HTTP port (the default of `portVar`), on the interface `hostVar` names. */
  port?: number;
  portVar?: 'PORT' | 'WORKER_PORT' | 'CONSOLE_PORT';
  hostVar: 'HOST' | 'CONSOLE_HOST';
  /**
   * Variables it refuses to start without outside local use (DEPLOYMENT=staging or production).
   * DEPLOYMENT itself: it does not run outside local use at all (none now; the console did, before it signed staff in at the identity provider).
   */
  outside: Set<string>;
}

/** A process that refuses to start with any DEPLOYMENT but local: no overlay but local may run it. */
const localOnly = (p: Process) => p.outside.has('DEPLOYMENT');

const SERVICES = ['claims', 'documents', 'notifications', 'payments'];
/**
 * The processes that call another, each under its name in SERVICE_GRANTS (issue 14): each signs its
 * own credential with its own private key, which no other container is given.
 */
const SIGNERS: Record<string, ServiceName> = { worker: 'claim-worker', notifications: 'notifications-service', payments: 'payments-service' };
/**
 * Not required by the schemas, but a container must have them: otherwise each one makes its own key
 * file. The services verify staff tokens and service credentials (the processes' public keys); the
 * processes that call another sign their own credential; the worker only signs its own and is never
 * given the staff secret (issue 14).
 */
const ALWAYS = ['AUTH_JWT_SECRET', 'AUTH_SERVICE_PUBLIC_KEYS'];
/**
 * The console checks no credential; in local use it signs development staff tokens with the services'
 * staff key, and outside it signs staff in at the insurer's identity provider, never given that key.
 */
const always = (p: Process, deployment: unknown = 'local') => [
  ...(p.name === 'worker' ? [] : p.name === 'console' ? (deployment === 'local' ? ['AUTH_JWT_SECRET'] : []) : ALWAYS),
  ...(p.name in SIGNERS ? ['AUTH_SERVICE_PRIVATE_KEY'] : []),
];

/** The zod schema a config.ts exports (the one whose object has `portVar`), and that object unwrapped from its transforms (a pipe's input). */
function configSchema(file: string, portVar: string): { exported: ZodTypeAny; object: Obj } | null {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(file) as Record<string, unknown>;
  const unwrap = (s: Obj): Obj => (s?._def?.type === 'pipe' ? unwrap(s._def.in) : s);
  const schemas = Object.values(mod)
    .filter((v) => v && typeof v === 'object')
    .map((v) => ({ exported: v as ZodTypeAny, object: unwrap(v as Obj) }))
    .filter(({ object }) => object && typeof object === 'object' && object.shape && portVar in object.shape);
  if (schemas.length > 1) throw new Error(`${path.relative(root, file)} should export one zod object schema with ${portVar}, found ${schemas.length}`);
  return schemas[0] ?? null;
}

type Load = (env: NodeJS.ProcessEnv) => unknown;
/** How a service reads its settings: service-kit's loadConfig (its schema's own rules and the platform's). */
function serviceKitLoad(schema: ZodTypeAny): Load {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadConfig } = require('@wc/service-kit') as { loadConfig(s: ZodTypeAny, env: NodeJS.ProcessEnv): unknown };
  return (env) => loadConfig(schema, env);
}

/**
 * What the process refuses to start without when DEPLOYMENT=production, given only what it always
 * needs: the names its loader reports, one a line (`  NAME: why`).
 */
function requiredOutsideLocal(load: Load): Set<string> {
  try {
    load({ DEPLOYMENT: 'production', DATABASE_URL: 'postgresql://wc_claims@postgres/wc_claims', KAFKA_BROKERS: 'kafka:9092' });
    return new Set();
  } catch (e) {
    return new Set([...String((e as Error).message).matchAll(/^\s+([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]));
  }
}

function fromSchema(
  name: string,
  entry: string,
  schema: { exported: ZodTypeAny; object: Obj },
  portVar: NonNullable<Process['portVar']>,
  hostVar: Process['hostVar'] = 'HOST',
  load: Load = serviceKitLoad(schema.exported),
): Process {
  const shape = schema.object.shape as Record<string, ZodTypeAny>;
  const keys = Object.keys(shape);
  return {
    name,
    entry,
    reads: new Set(keys),
    required: new Set(keys.filter((k) => !shape[k].isOptional())),
    port: shape[portVar].parse(undefined) as number,
    portVar,
    hostVar,
    outside: requiredOutsideLocal(load),
  };
}

function serviceProcess(name: string): Process {
  const schema = configSchema(path.join(root, 'services', name, 'src', 'config'), 'PORT');
  if (!schema) throw new Error(`services/${name}/src/config.ts should export one zod object schema with PORT`);
  return fromSchema(name, `services/${name}/dist/main.js`, schema, 'PORT');
}

/**
 * The worker: its settings schema (workflows/src/config.ts, the zod object with WORKER_PORT: a module
 * without side effects, unlike worker.ts, which starts tracing as it loads) when it has one, plus
 * whatever workflows/src reads from process.env directly, and what it reads through service-kit
 * (the signing key, the tracing exporter).
 */
function workerProcess(): Process {
  const configFile = path.join(root, 'workflows', 'src', 'config.ts');
  const schema = fs.existsSync(configFile) ? configSchema(configFile, 'WORKER_PORT') : null;
  const worker: Process = schema
    ? fromSchema('worker', 'workflows/dist/worker.js', schema, 'WORKER_PORT')
    : { name: 'worker', entry: 'workflows/dist/worker.js', reads: new Set(), required: new Set(), hostVar: 'HOST', outside: new Set() };
  const reads = worker.reads;
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) && !p.includes(`${path.sep}simulate${path.sep}`)) {
        for (const m of fs.readFileSync(p, 'utf8').matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)) reads.add(m[1]);
      }
    }
  };
  walk(path.join(root, 'workflows', 'src'));
  const sources = fs
    .readdirSync(path.join(root, 'workflows', 'src'))
    .filter((f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f))
    .map((f) => read(`workflows/src/${f}`))
    .join('\n');
  const kitReads = (file: string) => {
    for (const m of read(`libs/service-kit/src/${file}`).matchAll(/\benv\.([A-Z][A-Z0-9_]*)/g)) reads.add(m[1]);
  };
  if (/signingKey\(/.test(sources)) kitReads('auth.ts');
  if (/startTracing\b/.test(sources) && fs.existsSync(path.join(root, 'libs/service-kit/src/observability/tracing.ts'))) kitReads('observability/tracing.ts');
  return worker;
}

/**
 * The staff console's server (issue 13): its settings schema (apps/console/server/src/config.ts, the
 * zod object with CONSOLE_PORT; it listens on CONSOLE_HOST), read by its own loader, which refuses
 * any DEPLOYMENT but local (its sign-in is the development one only, so far).
 */
function consoleProcess(): Process {
  const file = path.join(root, 'apps', 'console', 'server', 'src', 'config');
  const schema = configSchema(file, 'CONSOLE_PORT');
  if (!schema) throw new Error('apps/console/server/src/config.ts should export one zod object schema with CONSOLE_PORT');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadConsoleConfig } = require(file) as { loadConsoleConfig: Load };
  return fromSchema('console', 'apps/console/server/dist/server.js', schema, 'CONSOLE_PORT', 'CONSOLE_HOST', loadConsoleConfig);
}

const processes: Process[] = [...SERVICES.map(serviceProcess), workerProcess(), consoleProcess()];
const byName = new Map(processes.map((p) => [p.name, p]));

/** The checks both deployments share; `env` is what the container is given. */
function checkEnv(p: Process, env: Record<string, unknown>, where: string) {
  const given = Object.keys(env);
  expect({ where, unknown: given.filter((k) => !p.reads.has(k)) }).toEqual({ where, unknown: [] });
  const outsideLocal = env.DEPLOYMENT !== undefined && env.DEPLOYMENT !== 'local';
  const required = [...p.required, ...always(p, env.DEPLOYMENT ?? 'local'), ...(outsideLocal ? p.outside : [])];
  expect({ where, missing: required.filter((k) => !given.includes(k)) }).toEqual({ where, missing: [] });
  if (p.name === 'worker' || (p.name === 'console' && outsideLocal))
    expect({ where, staffSecret: given.filter((k) => k === 'AUTH_JWT_SECRET' || k === 'AUTH_KEY_FILE') }).toEqual({ where, staffSecret: [] });
  // A process that calls none holds no private key (its schema reads none, so it is refused above too).
  if (!(p.name in SIGNERS)) expect({ where, privateKey: given.includes('AUTH_SERVICE_PRIVATE_KEY') }).toEqual({ where, privateKey: false });
  if (p.port !== undefined) {
    expect({ where, [p.hostVar]: env[p.hostVar], [p.portVar!]: String(env[p.portVar!]) }).toEqual({ where, [p.hostVar]: '0.0.0.0', [p.portVar!]: String(p.port) });
  }
}

test('outside local use the insurer, the bank remitter and the signing keys are required', () => {
  expect([...byName.get('documents')!.outside]).toEqual(expect.arrayContaining(['INSURER_LEGAL_NAME', 'INSURER_ABN', 'AUTH_JWT_SECRET', 'AUTH_SERVICE_PUBLIC_KEYS']));
  // Every one named at once, so the people deploying it fix them in one go.
  expect([...byName.get('payments')!.outside]).toEqual(
    expect.arrayContaining(['ABA_REMITTER_BSB', 'ABA_REMITTER_ACCOUNT', 'PROVIDER_PAYMENTS_CONTACT_NAME', 'AUTH_JWT_SECRET', 'AUTH_SERVICE_PUBLIC_KEYS', 'AUTH_SERVICE_PRIVATE_KEY']),
  );
  for (const s of SERVICES) expect([s, ['AUTH_JWT_SECRET', 'AUTH_SERVICE_PUBLIC_KEYS'].every((k) => byName.get(s)!.outside.has(k))]).toEqual([s, true]);
  expect([...byName.get('worker')!.outside]).toEqual(['AUTH_SERVICE_PRIVATE_KEY']);
  // A private key for exactly the processes that call another: every process of SERVICE_GRANTS, and no other.
  expect(
    processes
      .filter((p) => p.reads.has('AUTH_SERVICE_PRIVATE_KEY'))
      .map((p) => p.name)
      .sort(),
  ).toEqual(Object.keys(SIGNERS).sort());
  expect(Object.values(SIGNERS).sort()).toEqual([...SERVICE_NAMES].sort());
  // Outside local use the console needs the insurer's identity provider (issue 13), and it is never
  // given the services' public keys (it checks no credential). Every process runs outside local use.
  expect([...byName.get('console')!.outside].sort()).toEqual(['OIDC_CLIENT_ID', 'OIDC_ISSUER']);
  expect(processes.filter(localOnly).map((p) => p.name)).toEqual([]);
  expect(byName.get('console')!.reads.has('AUTH_SERVICE_PUBLIC_KEYS')).toBe(false);
});

test('the processes read what the deployments assume', () => {
  for (const s of SERVICES) expect([s, ['DATABASE_URL', 'KAFKA_BROKERS'].every((k) => byName.get(s)!.required.has(k))]).toEqual([s, true]);
  expect([...byName.get('worker')!.reads].sort()).toEqual(expect.arrayContaining(['AUTH_SERVICE_PRIVATE_KEY', 'CLAIMS_SERVICE_URL', 'TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE']));
  // The console passes /api/<service>/... on to each service at its address, and signs development tokens with the staff key.
  expect([...byName.get('console')!.reads].sort()).toEqual(expect.arrayContaining(['DEPLOYMENT', 'AUTH_JWT_SECRET', 'AUTH_JWKS_URL', ...SERVICES.map((s) => `${s.toUpperCase()}_SERVICE_URL`)]));
  // Every entry point exists in source and is compiled to the path the images run.
  for (const p of processes) {
    const dir = p.entry.replace(/\/dist\/.*$/, '');
    const tsconfig = JSON.parse(read(`${dir}/tsconfig.json`)) as { compilerOptions: { rootDir: string; outDir: string } };
    expect([dir, tsconfig.compilerOptions.rootDir, tsconfig.compilerOptions.outDir]).toEqual([dir, 'src', 'dist']);
    expect(fs.existsSync(path.join(root, p.entry.replace('/dist/', '/src/').replace(/\.js$/, '.ts')))).toBe(true);
  }
});

test('npm run build (tsc -b tsconfig.build.json) builds every process the images run', () => {
  const refs = (JSON.parse(read('tsconfig.build.json')) as { references: { path: string }[] }).references.map((r) => path.normalize(r.path));
  const needed = processes.map((p) => path.normalize(p.entry.replace(/\/dist\/.*$/, '')));
  expect(needed.filter((d) => !refs.includes(d))).toEqual([]);
});

test('tools/platform/launcher.js (npm start) uses the same ports', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { PROCESSES } = require(path.join(root, 'tools', 'platform', 'launcher.js')) as { PROCESSES: { name: string; entry: string; port?: number }[] };
  // The worker's port is its own default (WORKER_PORT) unless the launcher names one.
  for (const p of processes.filter((x) => x.name !== 'console'))
    expect(PROCESSES.find((x) => x.name === p.name)).toMatchObject({ entry: p.entry, ...(p.port && p.portVar === 'PORT' ? { port: p.port } : {}) });
  // npm start (tools/scripts/start.js) serves the console itself, on CONSOLE_PORT or its default.
  expect(read('tools/scripts/start.js')).toContain(`CONSOLE_PORT || ${byName.get('console')!.port}`);
  const worker = PROCESSES.find((x) => x.name === 'worker') as { port?: number; portVariable?: string };
  if (worker.port !== undefined) expect([worker.port, worker.portVariable]).toEqual([byName.get('worker')!.port, byName.get('worker')!.portVar]);
});

describe('deploy/docker/Dockerfile', () => {
  const dockerfile = read('deploy/docker/Dockerfile').replace(/\\\n/g, ' ');
  const stages = new Map<string, string>();
  let current = '';
  for (const line of dockerfile.split('\n')) {
    const from = /^FROM\s+\S+\s+AS\s+(\S+)/i.exec(line);
    if (from) stages.set((current = from[1]), '');
    else if (current) stages.set(current, `${stages.get(current)}${line}\n`);
  }

  test.each(processes.map((p) => p.name))('a %s target that runs its entry point', (name) => {
    const p = byName.get(name)!;
    const stage = stages.get(name);
    expect(stage).toBeDefined();
    const cmd = /^CMD\s+(\[.*\])\s*$/m.exec(stage!)?.[1];
    expect(cmd && JSON.parse(cmd)).toEqual(['node', p.entry]);
    if (p.port) {
      expect(stage).toMatch(new RegExp(`^ENV ${p.portVar}=${p.port}$`, 'm'));
      expect(stage).toMatch(new RegExp(`^EXPOSE ${p.port}$`, 'm'));
      expect(stage).toMatch(new RegExp(`HEALTHCHECK .*process\\.env\\.${p.portVar}\\+'/health`));
    }
    // The entry is checked after the build, so a project missing from tsconfig.build.json fails the build.
    expect(dockerfile).toContain(p.entry);
    // The APP build argument of the default stage knows it too: a branch of its `case` runs the same entry.
    const branches = [...stages.get('app')!.matchAll(/(?:\bin|;;)\s+([a-z|]+)\)([^;]*)/g)].map((m) => ({ patterns: m[1].split('|'), run: m[2] }));
    const branch = branches.find((x) => x.patterns.includes(name));
    expect([name, branch && branch.run.replaceAll('$WC_APP', name).includes(p.entry)]).toEqual([name, true]);
  });

  test('node:22-bookworm-slim (Node.js 22 LTS), npm ci and npm run build', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:22-bookworm-slim$/m);
    expect(dockerfile).toMatch(/^RUN npm ci$/m);
    expect(dockerfile).toMatch(/RUN npm run build/);
    expect(fs.readFileSync(path.join(root, '.dockerignore'), 'utf8').split('\n')).toEqual(expect.arrayContaining(['**/node_modules', '**/dist', '.data', '.git', '**/*.tsbuildinfo']));
  });
});

describe('docker-compose.yml', () => {
  const compose = yaml.load(read('docker-compose.yml')) as Obj;
  const services = compose.services as Record<string, Obj>;
  const apps = Object.entries(services).filter(([, s]) => s.build);

  test('one container per process, each built from the Dockerfile target of the same name', () => {
    expect(apps.map(([n]) => n).sort()).toEqual(processes.map((p) => p.name).sort());
    for (const [name, s] of apps) expect([name, s.build]).toEqual([name, { context: '.', dockerfile: 'deploy/docker/Dockerfile', target: name }]);
  });

  test.each(processes.map((p) => p.name))('%s: env names, port and health check match the code', (name) => {
    const p = byName.get(name)!;
    const s = services[name];
    checkEnv(p, s.environment, `docker-compose.yml ${name}`);
    if (p.port) {
      expect(s.ports).toEqual([`${p.port}:${p.port}`]);
      expect(s.healthcheck.test.join(' ')).toContain(`http://127.0.0.1:${p.port}/health`);
    }
    // Each secret one value, from the environment; a private key from its own process's variable.
    for (const k of always(p)) {
      const from = k === 'AUTH_SERVICE_PRIVATE_KEY' ? privateKeyVariable(SIGNERS[name]) : k;
      expect([k, s.environment[k]]).toEqual([k, expect.stringMatching(new RegExp(`^\\$\\{${from}:\\?`))]);
    }
  });

  test('addresses in the environment point at the engines and services of this file', () => {
    const pg = services.postgres.environment;
    const kafkaListeners = String(services.kafka.environment.KAFKA_ADVERTISED_LISTENERS)
      .split(',')
      .map((l) => l.replace(/^[A-Z_]+:\/\//, ''));
    for (const [name, s] of apps) {
      const env = s.environment as Record<string, string>;
      if (env.DATABASE_URL) expect(env.DATABASE_URL).toBe(`postgresql://${pg.POSTGRES_USER}:${pg.POSTGRES_PASSWORD}@postgres:5432/${pg.POSTGRES_DB}`);
      if (env.KAFKA_BROKERS) for (const b of env.KAFKA_BROKERS.split(',')) expect([name, kafkaListeners.includes(b)]).toEqual([name, true]);
      if (env.TEMPORAL_ADDRESS) expect([name, env.TEMPORAL_ADDRESS, services.temporal?.ports]).toEqual([name, 'temporal:7233', ['7233:7233']]);
      for (const [k, v] of Object.entries(env)) {
        const url = /^https?:\/\/([a-z0-9-]+):(\d+)\/?$/.exec(String(v));
        if (!url) continue;
        const target = byName.get(url[1]);
        expect([name, k, target?.port]).toEqual([name, k, Number(url[2])]);
      }
    }
  });

  test('the engines on the same host ports as deploy/local', () => {
    expect(services.postgres.image).toMatch(/^postgres:15/);
    expect(services.postgres.ports).toEqual(['54329:5432']);
    expect(services.kafka.image).toMatch(/^apache\/kafka:4\./);
    expect(services.kafka.ports).toEqual(['19092:19092']);
    expect(services.temporal.ports).toEqual(['7233:7233']);
    expect(services['temporal-ui'].ports).toEqual(['8233:8080']);
  });
});

describe.each(OVERLAYS)('deploy/k8s/overlays/%s (kustomize build)', (overlay) => {
  let docs: Obj[] = [];
  beforeAll(() => {
    tools(); // built once per machine (tools/scripts/go-tools.js), cached after
    docs = render(overlayDir(overlay));
  }, TOOLS_TIMEOUT_MS);
  const ofKind = (kind: string) => docs.filter((d) => d.kind === kind);
  // Staging and production read Secrets created beforehand: the keys secrets.example.yaml documents.
  const external = overlay === 'local' ? [] : secretsExample();

  test('one namespace, and everything in it', () => {
    const ns = ofKind('Namespace').map((d) => d.metadata.name);
    expect(ns).toEqual(['wc-claims']);
    for (const d of docs.filter((x) => x.kind !== 'Namespace')) expect([d.kind, d.metadata.name, d.metadata.namespace]).toEqual([d.kind, d.metadata.name, ns[0]]);
  });

  // Issue 14: each process's private key is in a Secret of its own, and no other pod names that Secret.
  test("each process's private key comes from its own Secret, named by no other pod", () => {
    const deployments = deploymentsOf(docs);
    const keySecret = new Map<string, string>();
    for (const name of Object.keys(SIGNERS)) {
      const src = containerEnv(deployments.get(name)!.spec.template.spec.containers[0], docs, external).get('AUTH_SERVICE_PRIVATE_KEY');
      expect([name, src?.kind]).toEqual([name, 'secret']);
      keySecret.set(name, (src as { name: string }).name);
    }
    expect(new Set(keySecret.values()).size).toBe(keySecret.size);
    for (const [name, d] of deployments) {
      const named = [...containerEnv(d.spec.template.spec.containers[0], docs, external).values()].flatMap((src) => (src.kind === 'secret' ? [src.name] : []));
      for (const [owner, secret] of keySecret) if (owner !== name) expect([name, named.includes(secret)]).toEqual([name, false]);
    }
  });

  test.each(processes.map((p) => p.name))('%s: env names, port, probes and Service match the code', (name) => {
    const p = byName.get(name)!;
    const deployment = deploymentsOf(docs).get(name);
    // A process that refuses to start outside local use (none, since the console signs in at the identity provider) is left out there: a pod that could never start.
    if (localOnly(p) && overlay !== 'local') {
      expect([name, deployment, ofKind('Service').find((d) => d.metadata.name === name)]).toEqual([name, undefined, undefined]);
      return;
    }
    expect(deployment).toBeDefined();
    expect(deployment!.spec.template.metadata.labels).toMatchObject(deployment!.spec.selector.matchLabels);
    const [container] = deployment!.spec.template.spec.containers as Obj[];
    expect(container.command).toEqual(['node', p.entry]);
    expect(container.image).toMatch(new RegExp(`/${name}:`));
    expect(container.envFrom).toBeUndefined(); // every name spelled out, so this test sees them all
    // Resolve every value: literal, or a key that must exist in its ConfigMap or Secret unless optional.
    const env: Record<string, unknown> = {};
    for (const [k, src] of containerEnv(container, docs, external)) {
      if (src.kind === 'value') env[k] = src.value;
      else {
        expect([name, k, src.kind, src.name, src.key, src.optional || src.value !== undefined]).toEqual([name, k, src.kind, src.name, src.key, true]);
        if (src.value !== undefined) env[k] = src.kind === 'secret' ? '(secret)' : src.value;
      }
    }
    checkEnv(p, env, `deploy/k8s/overlays/${overlay} ${name}`);
    for (const k of always(p, env.DEPLOYMENT)) expect([k, env[k]]).toEqual([k, '(secret)']);
    if (env.DATABASE_URL !== undefined) expect(env.DATABASE_URL).toBe('(secret)');
    for (const [k, v] of Object.entries(env)) {
      const url = /^https?:\/\/([a-z0-9-]+)(?:\.[a-z0-9.-]+)?:(\d+)\/?$/.exec(String(v));
      if (!url) continue;
      const svc = ofKind('Service').find((d) => d.metadata.name === url[1]);
      expect([name, k, svc?.spec.ports.map((x: Obj) => x.port)]).toEqual([name, k, [Number(url[2])]]);
      expect([name, k, byName.get(url[1])?.port]).toEqual([name, k, Number(url[2])]);
    }
    // Files named by a setting (TLS certificates and keys) are on a volume mounted from a Secret.
    for (const [k, v] of Object.entries(env).filter(([k]) => /_FILE$/.test(k))) {
      const mount = (container.volumeMounts as Obj[]).find((m) => String(v).startsWith(`${m.mountPath}/`));
      const volume = (deployment!.spec.template.spec.volumes as Obj[]).find((x) => x.name === mount?.name);
      expect([name, k, mount?.readOnly, Boolean(volume?.secret?.secretName)]).toEqual([name, k, true, true]);
      if (overlay !== 'local') {
        const file = String(v).slice(mount!.mountPath.length + 1);
        const secret = external.find((d) => d.metadata.name === volume!.secret.secretName);
        const keys = volume!.secret.items ? volume!.secret.items.map((i: Obj) => i.path) : Object.keys({ ...secret?.stringData, ...secret?.data });
        expect([name, k, keys.includes(file)]).toEqual([name, k, true]);
      }
    }
    if (p.port) {
      expect(container.ports).toEqual([{ name: 'http', containerPort: p.port }]);
      // Liveness asks the process only; startup and readiness ask its dependencies too (issue 18).
      const paths = { startupProbe: '/health/ready', readinessProbe: '/health/ready', livenessProbe: '/health/live' } as const;
      for (const [probe, path] of Object.entries(paths)) expect([probe, container[probe]?.httpGet]).toEqual([probe, { path, port: 'http' }]);
    }
    // The services and the console have a Service on their port; the worker none (nothing calls it; Prometheus scrapes the pod).
    const svc = ofKind('Service').find((d) => d.metadata.name === name);
    if (p.portVar !== 'WORKER_PORT') {
      expect(svc?.spec.selector).toEqual(deployment!.spec.selector.matchLabels);
      expect(svc?.spec.ports).toEqual([{ name: 'http', port: p.port, targetPort: 'http' }]);
    } else {
      expect(svc).toBeUndefined();
    }
    // What the manifests got right from the start: a non-root, read-only container.
    expect(container.securityContext).toMatchObject({ runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
  });
});
