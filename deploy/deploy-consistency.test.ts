/**
 * Keeps docker-compose.yml, deploy/k8s and deploy/docker/Dockerfile in step with the code, without
 * Docker or a cluster: every variable a container is given is one its process reads (a typo would
 * be silently ignored by zod and the default used), every variable it needs is given, ports are the
 * services' defaults, health checks call GET /health (Kubernetes: /health/ready and /health/live),
 * and service URLs point at a real service.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ZodTypeAny } from 'zod';

// js-yaml (3.x and 4.x both have load/loadAll); typed here so no @types package is needed.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const yaml: { load(text: string): unknown; loadAll(text: string): unknown[] } = require('js-yaml');

const root = path.resolve(__dirname, '..');
const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
interface Process {
  name: string;
  entry: string;
  /** Every variable the process reads. */
  reads: Set<string>;
  /** Variables without a default: the process refuses to start without them. */
  required: Set<string>;
  port?: number;
}

const SERVICES = ['claims', 'documents', 'notifications', 'payments'];
/** Not required by the schemas, but a container must have it: otherwise each one makes its own key file. */
const ALWAYS = ['AUTH_JWT_SECRET'];

/** The zod object a service's src/config.ts exports (the one with PORT), unwrapped from effects. */
function configSchema(service: string): Obj {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const mod = require(path.join(root, 'services', service, 'src', 'config')) as Record<string, unknown>;
  const unwrap = (s: Obj): Obj => (s?._def?.schema ? unwrap(s._def.schema) : s);
  const schemas = Object.values(mod).map((v) => unwrap(v as Obj)).filter((v) => v && typeof v === 'object' && v.shape && 'PORT' in v.shape);
  if (schemas.length !== 1) throw new Error(`services/${service}/src/config.ts should export one zod object schema with PORT, found ${schemas.length}`);
  return schemas[0];
}

function serviceProcess(name: string): Process {
  const shape = configSchema(name).shape as Record<string, ZodTypeAny>;
  const keys = Object.keys(shape);
  return {
    name,
    entry: `services/${name}/dist/main.js`,
    reads: new Set(keys),
    required: new Set(keys.filter((k) => !shape[k].isOptional())),
    port: shape.PORT.parse(undefined) as number,
  };
}

/** The worker reads process.env directly (workflows/src) and the signing key through service-kit. */
function workerProcess(): Process {
  const reads = new Set<string>();
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
  if (/signingKey\(/.test(read('workflows/src/worker.ts'))) for (const m of read('libs/service-kit/src/auth.ts').matchAll(/\benv\.([A-Z][A-Z0-9_]*)/g)) reads.add(m[1]);
  return { name: 'worker', entry: 'workflows/dist/worker.js', reads, required: new Set() };
}

const processes: Process[] = [...SERVICES.map(serviceProcess), workerProcess()];
const byName = new Map(processes.map((p) => [p.name, p]));

/** The checks both deployments share; `env` is what the container is given. */
function checkEnv(p: Process, env: Record<string, unknown>, where: string) {
  const given = Object.keys(env);
  expect({ where, unknown: given.filter((k) => !p.reads.has(k)) }).toEqual({ where, unknown: [] });
  expect({ where, missing: [...p.required, ...ALWAYS].filter((k) => !given.includes(k)) }).toEqual({ where, missing: [] });
  if (p.port !== undefined) {
    expect({ where, HOST: env.HOST, PORT: String(env.PORT) }).toEqual({ where, HOST: '0.0.0.0', PORT: String(p.port) });
  }
}

test('the processes read what the deployments assume', () => {
  for (const s of SERVICES) expect([s, ['DATABASE_URL', 'KAFKA_BROKERS'].every((k) => byName.get(s)!.required.has(k))]).toEqual([s, true]);
  expect([...byName.get('worker')!.reads].sort()).toEqual(expect.arrayContaining(['AUTH_JWT_SECRET', 'CLAIMS_SERVICE_URL', 'TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE']));
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
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { PROCESSES } = require(path.join(root, 'tools', 'platform', 'launcher.js')) as { PROCESSES: { name: string; entry: string; port?: number }[] };
  for (const p of processes) expect(PROCESSES.find((x) => x.name === p.name)).toMatchObject({ entry: p.entry, ...(p.port ? { port: p.port } : {}) });
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
      expect(stage).toMatch(new RegExp(`^ENV PORT=${p.port}$`, 'm'));
      expect(stage).toMatch(new RegExp(`^EXPOSE ${p.port}$`, 'm'));
      expect(stage).toMatch(/HEALTHCHECK .*\/health/);
    }
    // The entry is checked after the build, so a project missing from tsconfig.build.json fails the build.
    expect(dockerfile).toContain(p.entry);
    // The APP build argument of the default stage knows it too.
    expect(stages.get('app')).toContain(p.port ? 'claims|documents|notifications|payments' : 'worker)');
  });

  test('node:20-bookworm-slim, npm ci and npm run build', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20-bookworm-slim$/m);
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
    expect(s.environment.AUTH_JWT_SECRET).toMatch(/^\$\{AUTH_JWT_SECRET:\?/); // one secret, from the environment
  });

  test('addresses in the environment point at the engines and services of this file', () => {
    const pg = services.postgres.environment;
    const kafkaListeners = String(services.kafka.environment.KAFKA_ADVERTISED_LISTENERS).split(',').map((l) => l.replace(/^[A-Z_]+:\/\//, ''));
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

describe('deploy/k8s', () => {
  const dir = path.join(root, 'deploy', 'k8s');
  const docs = fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f) && f !== 'kustomization.yaml')
    .flatMap((f) => yaml.loadAll(fs.readFileSync(path.join(dir, f), 'utf8')).filter(Boolean).map((d): Obj => ({ file: f, ...(d as Obj) })));
  const ofKind = (kind: string) => docs.filter((d) => d.kind === kind);
  const configMaps = new Map(ofKind('ConfigMap').map((d) => [d.metadata.name, d.data as Record<string, string>]));
  const secrets = new Map(ofKind('Secret').map((d) => [d.metadata.name, { ...(d.stringData ?? {}), ...(d.data ?? {}) } as Record<string, string>]));
  const k8sServices = new Map(ofKind('Service').map((d) => [d.metadata.name, d]));
  const deployments = new Map(ofKind('Deployment').map((d) => [d.metadata.name, d]));

  test('a namespace, everything in it, and the kustomization lists every file but the Secret', () => {
    const ns = ofKind('Namespace').map((d) => d.metadata.name);
    expect(ns).toHaveLength(1);
    for (const d of docs.filter((x) => x.kind !== 'Namespace')) expect([d.file, d.metadata.namespace]).toEqual([d.file, ns[0]]);
    const kustomization = yaml.load(fs.readFileSync(path.join(dir, 'kustomization.yaml'), 'utf8')) as { resources: string[] };
    const files = [...new Set(docs.map((d) => d.file))];
    expect(kustomization.resources.sort()).toEqual(files.filter((f) => !docs.some((d) => d.file === f && d.kind === 'Secret')).sort());
    expect([...secrets.values()].some((s) => 'AUTH_JWT_SECRET' in s && 'DATABASE_URL' in s)).toBe(true);
  });

  test.each(processes.map((p) => p.name))('%s: env names, port, probes and Service match the code', (name) => {
    const p = byName.get(name)!;
    const deployment = deployments.get(name);
    expect(deployment).toBeDefined();
    expect(deployment!.spec.template.metadata.labels).toMatchObject(deployment!.spec.selector.matchLabels);
    const [container] = deployment!.spec.template.spec.containers as Obj[];
    expect(container.command).toEqual(['node', p.entry]);
    expect(container.image).toMatch(new RegExp(`/${name}:`));
    // Resolve every value: literal, or a key that must exist in its ConfigMap or Secret.
    const env: Record<string, unknown> = {};
    for (const e of container.env as Obj[]) {
      const cm = e.valueFrom?.configMapKeyRef;
      const secret = e.valueFrom?.secretKeyRef;
      if (cm) expect([name, e.name, configMaps.get(cm.name)?.[cm.key] !== undefined]).toEqual([name, e.name, true]);
      if (secret) expect([name, e.name, secrets.get(secret.name)?.[secret.key] !== undefined]).toEqual([name, e.name, true]);
      env[e.name] = cm ? configMaps.get(cm.name)![cm.key] : secret ? '(secret)' : e.value;
    }
    expect(container.envFrom).toBeUndefined(); // every name spelled out, so this test sees them all
    checkEnv(p, env, `deploy/k8s ${name}`);
    expect(env.AUTH_JWT_SECRET).toBe('(secret)');
    for (const [k, v] of Object.entries(env)) {
      const url = /^https?:\/\/([a-z0-9-]+)(?:\.[a-z0-9.-]+)?:(\d+)\/?$/.exec(String(v));
      if (!url) continue;
      const svc = k8sServices.get(url[1]);
      expect([name, k, svc?.spec.ports.map((x: Obj) => x.port)]).toEqual([name, k, [Number(url[2])]]);
      expect([name, k, byName.get(url[1])?.port]).toEqual([name, k, Number(url[2])]);
    }
    if (p.port) {
      expect(container.ports).toEqual([{ name: 'http', containerPort: p.port }]);
      // Liveness asks the process only; startup and readiness ask its dependencies too (issue 18).
      const paths = { startupProbe: '/health/ready', readinessProbe: '/health/ready', livenessProbe: '/health/live' } as const;
      for (const [probe, path] of Object.entries(paths)) expect([probe, container[probe]?.httpGet]).toEqual([probe, { path, port: 'http' }]);
      const svc = k8sServices.get(name);
      expect(svc?.spec.selector).toEqual(deployment!.spec.selector.matchLabels);
      expect(svc?.spec.ports).toEqual([{ name: 'http', port: p.port, targetPort: 'http' }]);
    } else {
      expect(k8sServices.has(name)).toBe(false);
    }
  });
});
