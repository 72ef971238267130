/**
 * The deployment descriptions checked by the tools that read them, without Docker or a cluster:
 * `docker compose config` on docker-compose.yml, `kustomize build` of each overlay validated by
 * kubeconform -strict against the Kubernetes JSON schemas (offline, pinned: tools/scripts/go-tools.js),
 * and what staging and production must never carry: a development bank remitter, a missing
 * DEPLOYMENT, a required setting that does not come from a Secret.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SERVICE_NAMES, generateServiceKeys, privateKeyVariable } from '@wc/service-kit';
import { OVERLAYS, type Obj, type ToolPaths, TOOLS_TIMEOUT_MS, containerEnv, deploymentsOf, k8sDir, kustomizeBuild, overlayDir, render, root, run, secretsExample, tools } from './render';

let t: ToolPaths;
beforeAll(() => {
  t = tools();
}, TOOLS_TIMEOUT_MS);

describe('docker-compose.yml: docker compose config', () => {
  // A clean environment: no Docker engine (config must not need one), no COMPOSE_* settings, and an
  // empty env file in place of a developer's .env.
  const emptyEnvFile = path.join(os.tmpdir(), `wc-claims-empty-${process.pid}.env`);
  beforeAll(() => fs.writeFileSync(emptyEnvFile, ''));
  afterAll(() => fs.rmSync(emptyEnvFile, { force: true }));
  const compose = (args: string[], env: Record<string, string> = {}) =>
    run(t['docker-compose'], ['--env-file', emptyEnvFile, '-f', path.join(root, 'docker-compose.yml'), ...args], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: os.tmpdir(), DOCKER_HOST: 'unix:///nonexistent/docker.sock', DOCKER_CONFIG: os.tmpdir(), ...env },
    });

  // What `claimctl service-keys` writes (each process's private key, the public keys), and the staff secret.
  const made = generateServiceKeys();
  const keys: Record<string, string> = {
    AUTH_JWT_SECRET: 'x'.repeat(48),
    AUTH_SERVICE_PUBLIC_KEYS: made.publicKeys,
    ...Object.fromEntries(SERVICE_NAMES.map((n) => [privateKeyVariable(n), made.privateKeys[n]])),
  };
  const without = (name: string) => Object.fromEntries(Object.entries(keys).filter(([k]) => k !== name));

  test('is valid, and the platform starts only after Temporal has its schema and namespace', () => {
    const r = compose(['config', '--format', 'json'], keys);
    expect({ status: r.status, stderr: r.stderr.trim() }).toEqual({ status: 0, stderr: '' });
    const config = JSON.parse(r.stdout) as { services: Record<string, Obj> };
    const s = config.services;
    expect(Object.keys(s).sort()).toEqual(
      ['claims', 'console', 'documents', 'kafka', 'mailpit', 'notifications', 'payments', 'postgres', 'temporal', 'temporal-namespace', 'temporal-schema', 'temporal-ui', 'worker'].sort(),
    );
    // The deprecated auto-setup image is gone: the server, with admin-tools setting up its schema once.
    for (const [name, svc] of Object.entries(s)) expect([name, String(svc.image)]).not.toEqual([name, expect.stringMatching(/auto-setup/)]);
    expect(s.temporal.image).toMatch(/^temporalio\/server:\d+\.\d+\.\d+$/);
    expect(s['temporal-schema'].image).toMatch(/^temporalio\/admin-tools:\d+\.\d+\.\d+$/);
    expect(s['temporal-schema'].image.split(':')[1]).toBe(s.temporal.image.split(':')[1]); // schema tool of the server's release
    expect(s.temporal.depends_on['temporal-schema'].condition).toBe('service_completed_successfully');
    expect(s['temporal-namespace'].depends_on.temporal.condition).toBe('service_healthy');
    for (const app of ['claims', 'worker']) expect([app, s[app].depends_on['temporal-namespace']?.condition]).toEqual([app, 'service_completed_successfully']);
    for (const app of ['claims', 'documents', 'notifications', 'payments', 'worker', 'console']) expect([app, s[app].environment.DEPLOYMENT]).toEqual([app, 'local']);
    // Each process that calls another is given its own private key, and no other process that one.
    const own = { worker: 'claim-worker', notifications: 'notifications-service', payments: 'payments-service' } as const;
    for (const [app, name] of Object.entries(own)) expect([app, s[app].environment.AUTH_SERVICE_PRIVATE_KEY]).toEqual([app, made.privateKeys[name]]);
    for (const app of ['claims', 'documents']) expect([app, s[app].environment.AUTH_SERVICE_PRIVATE_KEY]).toEqual([app, undefined]);
    for (const app of ['claims', 'documents', 'notifications', 'payments']) expect([app, s[app].environment.AUTH_SERVICE_PUBLIC_KEYS]).toEqual([app, made.publicKeys]);
    // The console (issue 13): development sign-in with the services' staff key, which it is given
    // (local use only), and no service key of any kind; it starts once the four services are healthy
    // and passes /api/<service>/... on to each by its name here.
    const consoleService = s.console;
    expect(consoleService.environment.AUTH_JWT_SECRET).toBe(keys.AUTH_JWT_SECRET);
    expect(Object.keys(consoleService.environment).filter((k) => k.startsWith('AUTH_SERVICE_'))).toEqual([]);
    expect(consoleService.ports).toEqual([expect.objectContaining({ target: 3000, published: '3000' })]);
    for (const app of ['claims', 'documents', 'notifications', 'payments']) {
      expect([app, consoleService.depends_on[app]?.condition]).toEqual([app, 'service_healthy']);
      expect([app, consoleService.environment[`${app.toUpperCase()}_SERVICE_URL`]]).toEqual([app, `http://${app}:${s[app].environment.PORT}`]);
    }
  });

  test.each(['AUTH_JWT_SECRET', 'AUTH_SERVICE_PUBLIC_KEYS', ...SERVICE_NAMES.map(privateKeyVariable)])('refuses to run without %s, naming it', (name) => {
    const r = compose(['config', '--quiet'], without(name));
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(new RegExp(`set ${name}`));
  });
});

describe('deploy/k8s: kustomize build | kubeconform -strict', () => {
  /** kubeconform against one Kubernetes release's schemas; every object must have a schema. */
  function kubeconform(yamlText: string, schemaLocation: string) {
    const r = run(t.kubeconform, ['-strict', '-summary', '-output', 'json', '-schema-location', schemaLocation, '-'], { input: yamlText });
    const out = JSON.parse(r.stdout || '{}') as {
      resources?: { kind: string; name: string; status: string; msg: string }[];
      summary: { valid: number; invalid: number; errors: number; skipped: number };
    };
    return {
      status: r.status,
      problems: (out.resources ?? []).filter((x) => x.status !== 'statusValid').map((x) => `${x.kind}/${x.name}: ${x.status} ${x.msg}`),
      summary: out.summary,
      stderr: r.stderr,
    };
  }
  const inputs: [string, () => string][] = [
    ...OVERLAYS.map((o): [string, () => string] => [`overlays/${o}`, () => kustomizeBuild(overlayDir(o))]),
    // The alternative for Temporal Cloud: API key instead of a client certificate.
    [
      'base + deployed + temporal-api-key + kafka-sasl-ssl',
      () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-claims-kustomize-'));
        try {
          // Relative paths: kustomize takes no absolute ones.
          const rel = (...p: string[]) => path.relative(dir, path.join(k8sDir, ...p));
          fs.writeFileSync(
            path.join(dir, 'kustomization.yaml'),
            JSON.stringify({
              apiVersion: 'kustomize.config.k8s.io/v1beta1',
              kind: 'Kustomization',
              resources: [rel('base')],
              components: ['deployed', 'temporal-api-key', 'kafka-sasl-ssl'].map((c) => rel('components', c)),
            }),
          );
          return kustomizeBuild(dir);
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      },
    ],
    ['secrets.example.yaml', () => fs.readFileSync(path.join(k8sDir, 'secrets.example.yaml'), 'utf8')],
  ];

  test.each(inputs)('%s is valid for every Kubernetes release checked', (_name, text) => {
    const y = text();
    for (const [i, location] of t.schemaLocations.entries()) {
      const r = kubeconform(y, location);
      expect({ kubernetes: t.kubernetesVersions[i], problems: r.problems, stderr: r.stderr.trim() }).toEqual({ kubernetes: t.kubernetesVersions[i], problems: [], stderr: '' });
      expect(r.status).toBe(0);
      expect(r.summary.valid).toBeGreaterThan(0);
      expect(r.summary.skipped).toBe(0);
    }
  });

  test('kubeconform refuses what the API would refuse (so a pass means something)', () => {
    const bad = kustomizeBuild(overlayDir('production')).replace(/^(\s+)terminationGracePeriodSeconds:/m, '$1terminationGracePeriod:');
    const r = kubeconform(bad, t.schemaLocations[0]);
    expect(r.status).not.toBe(0);
    expect(r.problems.join('\n')).toMatch(/terminationGracePeriod/);
  });
});

describe('deploy/k8s: what each overlay must say', () => {
  /** The settings that only ever come from a Secret, and the ones staging and production must set. */
  const INSURER = ['INSURER_LEGAL_NAME', 'INSURER_NAME', 'INSURER_ABN', 'INSURER_ADDRESS', 'INSURER_REPLY_ADDRESS', 'INSURER_PHONE', 'INSURER_EMAIL', 'INSURER_WEB'];
  const BANK = ['ABA_FINANCIAL_INSTITUTION', 'ABA_USER_NAME', 'ABA_USER_ID', 'ABA_DESCRIPTION', 'ABA_REMITTER_BSB', 'ABA_REMITTER_ACCOUNT', 'ABA_REMITTER_NAME'];
  // The public keys are not secret, but whoever may change them may make credentials: a Secret too.
  const SECRET_ONLY = ['AUTH_JWT_SECRET', 'AUTH_SERVICE_PUBLIC_KEYS', 'AUTH_SERVICE_PRIVATE_KEY', 'DATABASE_URL', 'KAFKA_SASL_PASSWORD', 'TEMPORAL_API_KEY', ...INSURER, ...BANK];
  const REQUIRED: Record<string, string[]> = {
    claims: ['AUTH_JWT_SECRET', 'AUTH_SERVICE_PUBLIC_KEYS', 'DATABASE_URL'],
    documents: ['AUTH_JWT_SECRET', 'AUTH_SERVICE_PUBLIC_KEYS', 'DATABASE_URL', ...INSURER],
    notifications: ['AUTH_JWT_SECRET', 'AUTH_SERVICE_PUBLIC_KEYS', 'AUTH_SERVICE_PRIVATE_KEY', 'DATABASE_URL'],
    payments: ['AUTH_JWT_SECRET', 'AUTH_SERVICE_PUBLIC_KEYS', 'AUTH_SERVICE_PRIVATE_KEY', 'DATABASE_URL', ...BANK],
    worker: ['AUTH_SERVICE_PRIVATE_KEY'],
  };

  test.each(['staging', 'production'] as const)('%s: DEPLOYMENT set, required settings from Secrets, no development value', (overlay) => {
    const docs = render(overlayDir(overlay));
    // Secrets are created beforehand and never rendered by these overlays (so never committed).
    expect(docs.filter((d) => d.kind === 'Secret').map((d) => d.metadata.name)).toEqual([]);
    const example = secretsExample();
    const deployments = deploymentsOf(docs);
    expect([...deployments.keys()].sort()).toEqual([...Object.keys(REQUIRED), 'console'].sort());
    // The console signs staff in at the insurer's identity provider (https), and the services take its
    // tokens; it is given no Secret at all (never the development staff key).
    const consoleEnv = containerEnv(deployments.get('console')!.spec.template.spec.containers[0], docs, example);
    const configured = (k: string) => {
      const src = consoleEnv.get(k);
      return src?.kind === 'configMap' ? src.value : undefined;
    };
    expect([configured('OIDC_ISSUER'), configured('OIDC_CLIENT_ID'), configured('AUTH_JWKS_URL')]).toEqual([
      expect.stringMatching(/^https:\/\//),
      expect.any(String),
      expect.stringMatching(/^https:\/\//),
    ]);
    expect([...consoleEnv].filter(([, src]) => src.kind === 'secret').map(([k]) => k)).toEqual([]);
    for (const [name, required] of Object.entries(REQUIRED)) {
      const env = containerEnv(deployments.get(name)!.spec.template.spec.containers[0], docs, example);
      const deployment = env.get('DEPLOYMENT');
      expect([name, deployment?.kind === 'value' || deployment?.kind === 'configMap' ? deployment.value : deployment]).toEqual([name, overlay]);
      for (const key of required) {
        const src = env.get(key);
        // A Secret's key, not optional (a missing one stops the pod), documented in secrets.example.yaml.
        expect([name, key, src && { kind: src.kind, optional: 'optional' in src && src.optional, inExample: src.value !== undefined }]).toEqual([
          name,
          key,
          { kind: 'secret', optional: false, inExample: true },
        ]);
      }
      for (const [key, src] of env) if (SECRET_ONLY.includes(key)) expect([name, key, src.kind]).toEqual([name, key, 'secret']);
    }
    // Not the development remitter (032-000, 000000000) nor the local overlay's keys, anywhere.
    const text = JSON.stringify(docs);
    const localKeys = render(overlayDir('local'))
      .filter((d) => d.kind === 'Secret')
      .flatMap((d) => Object.entries((d.data ?? {}) as Record<string, string>).filter(([k]) => k.startsWith('AUTH_SERVICE_')))
      .flatMap(([, v]) => {
        const value = Buffer.from(v, 'base64').toString('utf8');
        // The private keys themselves, and each public key of the map.
        return value.startsWith('{') ? Object.values(JSON.parse(value) as Record<string, string>) : [value];
      });
    expect(localKeys).toHaveLength(6);
    for (const placeholder of ['032-000', '000000000', 'local-development-key', ...localKeys]) expect([overlay, text.includes(placeholder)]).toEqual([overlay, false]);
  });

  test('local: DEPLOYMENT=local, its development Secret generated, no insurer or bank settings to fake', () => {
    const docs = render(overlayDir('local'));
    for (const [name, d] of deploymentsOf(docs)) {
      if (!(name in REQUIRED) && name !== 'console') continue; // the engines
      const env = containerEnv(d.spec.template.spec.containers[0], docs);
      expect([name, env.get('DEPLOYMENT')?.kind === 'configMap' ? (env.get('DEPLOYMENT') as { value?: string }).value : undefined]).toEqual([name, 'local']);
      expect([name, [...env.keys()].filter((k) => INSURER.includes(k) || BANK.includes(k))]).toEqual([name, []]);
      for (const [key, src] of env) if (src.kind !== 'value') expect([name, key, src.optional || src.value !== undefined]).toEqual([name, key, true]);
    }
    // The console signs development tokens with the services' development staff key: the same Secret's.
    const consoleEnv = containerEnv(deploymentsOf(docs).get('console')!.spec.template.spec.containers[0], docs);
    const claimsEnv = containerEnv(deploymentsOf(docs).get('claims')!.spec.template.spec.containers[0], docs);
    expect(consoleEnv.get('AUTH_JWT_SECRET')).toEqual({ ...claimsEnv.get('AUTH_JWT_SECRET'), kind: 'secret' });
  });

  test.each(OVERLAYS)('%s: every pod of the platform is scraped by Prometheus on its own port', (overlay) => {
    for (const [name, d] of deploymentsOf(render(overlayDir(overlay)))) {
      if (!(name in REQUIRED)) continue;
      const port = d.spec.template.spec.containers[0].ports.find((p: Obj) => p.name === 'http')?.containerPort;
      expect([name, d.spec.template.metadata.annotations]).toEqual([name, { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(port), 'prometheus.io/path': '/metrics' }]);
    }
  });

  test('production: two of each, a PodDisruptionBudget for each, memory limits', () => {
    const docs = render(overlayDir('production'));
    const pdbs = docs.filter((d) => d.kind === 'PodDisruptionBudget');
    for (const [name, d] of deploymentsOf(docs)) {
      expect([name, d.spec.replicas >= 2]).toEqual([name, true]);
      const pdb = pdbs.find((p) => JSON.stringify(p.spec.selector.matchLabels) === JSON.stringify(d.spec.selector.matchLabels));
      expect([name, pdb?.spec.minAvailable]).toEqual([name, 1]);
      expect([name, Boolean(d.spec.template.spec.containers[0].resources?.limits?.memory)]).toEqual([name, true]);
    }
  });
});
