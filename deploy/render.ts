/**
 * What the deployment tests share: the pinned tools (tools/scripts/go-tools.js builds them once, and
 * npm test before jest), the Kubernetes manifests as kustomize renders each overlay, and the reading
 * of a rendered container's environment.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

// js-yaml (3.x and 4.x both have load/loadAll); typed here so no @types package is needed.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const yaml: { load(text: string): unknown; loadAll(text: string): unknown[] } = require('js-yaml');

export const root = path.resolve(__dirname, '..');
export const k8sDir = path.join(root, 'deploy', 'k8s');
export const OVERLAYS = ['local', 'staging', 'production'] as const;
export type Overlay = (typeof OVERLAYS)[number];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Obj = Record<string, any>;

export interface ToolPaths {
  'docker-compose': string;
  kustomize: string;
  kubeconform: string;
  schemaLocations: string[];
  kubernetesVersions: string[];
  versions: Record<string, string>;
}

/** The tools at their pinned versions: built on first use (minutes, once per machine), then cached. */
export function tools(): ToolPaths {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(path.join(root, 'tools', 'scripts', 'go-tools.js')) as { ensure(): ToolPaths }).ensure();
}
/** Generous: a cold build of the tools runs in the first beforeAll. */
export const TOOLS_TIMEOUT_MS = 30 * 60_000;

export function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}) {
  const r = spawnSync(cmd, args, { cwd: opts.cwd ?? root, env: opts.env ?? process.env, input: opts.input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `kustomize build DIR` as YAML text (throws with kustomize's message when it fails). */
export function kustomizeBuild(dir: string): string {
  const r = run(tools().kustomize, ['build', dir]);
  if (r.status !== 0) throw new Error(`kustomize build ${path.relative(root, dir) || dir}: exit ${r.status}\n${r.stderr}`);
  return r.stdout;
}

const rendered = new Map<string, Obj[]>();
/** The objects an overlay (or any kustomization directory) renders to. */
export function render(dir: string): Obj[] {
  if (!rendered.has(dir)) rendered.set(dir, (yaml.loadAll(kustomizeBuild(dir)) as Obj[]).filter(Boolean));
  return rendered.get(dir)!;
}
export const overlayDir = (o: Overlay) => path.join(k8sDir, 'overlays', o);

export function secretsExample(): Obj[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (yaml.loadAll(require('node:fs').readFileSync(path.join(k8sDir, 'secrets.example.yaml'), 'utf8')) as Obj[]).filter(Boolean);
}

/** Where one environment variable of a container comes from. */
export type EnvSource =
  | { kind: 'value'; value: string }
  | { kind: 'configMap'; name: string; key: string; optional: boolean; value: string | undefined }
  | { kind: 'secret'; name: string; key: string; optional: boolean; value: string | undefined };

/**
 * A container's environment resolved against the ConfigMaps and Secrets in `docs` (and `extraSecrets`,
 * for Secrets created outside the overlay). A reference with nothing behind it resolves to undefined.
 */
export function containerEnv(container: Obj, docs: Obj[], extraSecrets: Obj[] = []): Map<string, EnvSource> {
  const configMaps = new Map(docs.filter((d) => d.kind === 'ConfigMap').map((d) => [d.metadata.name, (d.data ?? {}) as Record<string, string>]));
  const secrets = new Map(
    [...extraSecrets, ...docs]
      .filter((d) => d.kind === 'Secret')
      .map((d) => [
        d.metadata.name,
        { ...(d.stringData ?? {}), ...Object.fromEntries(Object.entries((d.data ?? {}) as Record<string, string>).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')])) } as Record<
          string,
          string
        >,
      ]),
  );
  const env = new Map<string, EnvSource>();
  for (const e of (container.env ?? []) as Obj[]) {
    if (env.has(e.name)) throw new Error(`${container.name}: ${e.name} is given twice`);
    const cm = e.valueFrom?.configMapKeyRef;
    const secret = e.valueFrom?.secretKeyRef;
    if (cm) env.set(e.name, { kind: 'configMap', name: cm.name, key: cm.key, optional: cm.optional === true, value: configMaps.get(cm.name)?.[cm.key] });
    else if (secret) env.set(e.name, { kind: 'secret', name: secret.name, key: secret.key, optional: secret.optional === true, value: secrets.get(secret.name)?.[secret.key] });
    else if (e.valueFrom) throw new Error(`${container.name}: ${e.name} comes from ${Object.keys(e.valueFrom).join()}, which the tests do not read`);
    else env.set(e.name, { kind: 'value', value: String(e.value ?? '') });
  }
  return env;
}

export const deploymentsOf = (docs: Obj[]) => new Map(docs.filter((d) => d.kind === 'Deployment').map((d) => [d.metadata.name as string, d]));
