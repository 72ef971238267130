#!/usr/bin/env node
// The tools the deployment tests run, at pinned versions, built or fetched once from the package
// registries (nothing else is reachable here) and cached outside the clone, so a fresh clone (CI)
// reuses them:
//   docker-compose  github.com/docker/compose/v5   `docker-compose config` checks docker-compose.yml (needs no Docker engine)
//   kustomize       sigs.k8s.io/kustomize/kustomize/v5   renders deploy/k8s/overlays/*
//   kubeconform     github.com/yannh/kubeconform   validates what kustomize renders against the Kubernetes schemas
//   the schemas     PyPI kubernetes-validate (its wheel carries the Kubernetes JSON schemas of each release,
//                   generated from Kubernetes' OpenAPI spec), checked against a pinned sha256
// Cache: ${WC_CACHE_DIR:-~/.cache/wc-claims}/tools/<name>-<version>/; links in <repo>/.tools/bin (git-ignored).
//
//   node tools/scripts/go-tools.js            build/fetch what is missing (a no-op when cached)
//   node tools/scripts/go-tools.js --paths    the same, then print the paths as JSON
// A cold build takes a few minutes on 2 cores (Go modules and compiling docker-compose); warm, well under a second.
'use strict';
const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

/** Each Go tool: module, version, main package inside the module, binary name, version stamp. */
const GO_TOOLS = {
  'docker-compose': {
    module: 'github.com/docker/compose/v5',
    version: 'v5.6.0',
    pkg: './cmd',
    ldflags: (v) => `-X github.com/docker/compose/v5/internal.Version=${v}`,
  },
  kustomize: {
    module: 'sigs.k8s.io/kustomize/kustomize/v5',
    version: 'v5.8.2',
    pkg: '.',
    ldflags: (v) => `-X sigs.k8s.io/kustomize/api/provenance.version=${v}`,
  },
  kubeconform: {
    module: 'github.com/yannh/kubeconform',
    version: 'v0.8.0',
    pkg: './cmd/kubeconform',
    ldflags: (v) => `-X main.version=${v}`,
  },
};

/**
 * Kubernetes JSON schemas (strict: no property the API does not know), from the PyPI package
 * kubernetes-validate. Two releases: the oldest the manifests are meant for and the newest known.
 */
const SCHEMAS = {
  pypi: 'kubernetes-validate',
  version: '1.37.0',
  sha256: '85136d018a27b50ec7fc049d902bfa5193f5976807e6c0f408e3ab6fe078cad9',
  kubernetes: ['1.33.0', '1.37.0'],
};

function cacheDir() {
  return path.join(path.resolve(process.env.WC_CACHE_DIR || path.join(os.homedir(), '.cache', 'wc-claims')), 'tools');
}
const log = (msg) => process.stderr.write(`[go-tools] ${msg}\n`);
const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;

function toolDir(name) {
  return path.join(cacheDir(), `${name}-${GO_TOOLS[name].version}`);
}
function schemaDir() {
  return path.join(cacheDir(), `kubernetes-json-schema-${SCHEMAS.pypi}-${SCHEMAS.version}`);
}

/** Where everything is (whether or not it is there yet). */
function paths() {
  return {
    ...Object.fromEntries(Object.keys(GO_TOOLS).map((n) => [n, path.join(toolDir(n), n)])),
    // kubeconform -schema-location: one directory per Kubernetes release, `<kind>-<group>-<version>.json`.
    schemaLocations: SCHEMAS.kubernetes.map((k) => path.join(schemaDir(), `v${k}-local-strict`, '{{ .ResourceKind }}{{ .KindSuffix }}.json')),
    kubernetesVersions: SCHEMAS.kubernetes,
    versions: { ...Object.fromEntries(Object.entries(GO_TOOLS).map(([n, t]) => [n, t.version])), [SCHEMAS.pypi]: SCHEMAS.version },
  };
}

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}\n${(r.stderr || '').trim().split('\n').slice(-15).join('\n')}`);
  return r.stdout;
}

function findGo() {
  for (const p of [process.env.WC_GO, ...(process.env.PATH || '').split(path.delimiter).map((d) => d && path.join(d, 'go')), '/usr/local/go/bin/go', '/usr/lib/go/bin/go']) {
    if (p && fs.existsSync(p) && fs.statSync(p).isFile()) return p;
  }
  throw new Error('go not found: the deployment tools are built from the Go module proxy (install Go 1.26)');
}

/** One build at a time (two test runs, or jest workers, may ask at once); a stale lock is taken over. */
function withLock(fn) {
  fs.mkdirSync(cacheDir(), { recursive: true });
  const lock = path.join(cacheDir(), '.lock');
  const t0 = Date.now();
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const pid = Number(fs.readFileSync(lock, 'utf8')) || 0;
      let alive = false;
      try {
        process.kill(pid, 0);
        alive = pid > 0;
      } catch {
        /* gone */
      }
      if (!alive) {
        fs.rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() - t0 > 30 * 60_000) throw new Error(`${lock} held by pid ${pid} for 30 minutes`);
      if ((Date.now() - t0) % 30_000 < 1000) log(`waiting for pid ${pid}, which is building the tools`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

function buildGoTool(name, go) {
  const t = GO_TOOLS[name];
  const out = path.join(toolDir(name), name);
  if (fs.existsSync(out)) return false;
  const t0 = Date.now();
  log(`${name}: building ${t.module}@${t.version} from the Go module proxy (first time only)`);
  const env = { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-mod=readonly -buildvcs=false', GOTOOLCHAIN: process.env.GOTOOLCHAIN || 'local' };
  // The module as published, built with its own go.mod and go.sum (a plain `go install m@v` refuses
  // modules whose go.mod has exclude directives, as docker/compose's has).
  const { Dir, Error: err } = JSON.parse(sh(go, ['mod', 'download', '-json', `${t.module}@${t.version}`], { env, cwd: os.tmpdir() }));
  if (err || !Dir) throw new Error(`go mod download ${t.module}@${t.version}: ${err}`);
  fs.mkdirSync(toolDir(name), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    sh(go, ['build', '-trimpath', '-ldflags', `-s -w ${t.ldflags(t.version)}`, '-o', tmp, t.pkg], { env, cwd: Dir, stdio: ['ignore', 'pipe', 'pipe'] });
    fs.renameSync(tmp, out); // never a half-written binary under the final name
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  log(`${name}: built in ${secs(Date.now() - t0)}`);
  return true;
}

function fetchSchemas() {
  const dir = schemaDir();
  const stamp = path.join(dir, '.complete');
  if (fs.existsSync(stamp)) return false;
  const t0 = Date.now();
  log(`schemas: fetching ${SCHEMAS.pypi}==${SCHEMAS.version} from PyPI (Kubernetes ${SCHEMAS.kubernetes.join(', ')})`);
  const tmp = fs.mkdtempSync(path.join(cacheDir(), '.schemas-'));
  try {
    const python = ['python3', 'python'].find((p) => spawnSync(p, ['-m', 'pip', '--version'], { stdio: 'ignore' }).status === 0);
    if (!python) throw new Error('python3 with pip not found: the Kubernetes schemas come from PyPI (kubernetes-validate)');
    sh(python, ['-m', 'pip', 'download', '--quiet', '--no-deps', '--only-binary=:all:', '--disable-pip-version-check', '-d', tmp, `${SCHEMAS.pypi}==${SCHEMAS.version}`]);
    const wheel = fs.readdirSync(tmp).find((f) => f.endsWith('.whl'));
    if (!wheel) throw new Error(`pip download ${SCHEMAS.pypi}==${SCHEMAS.version} gave no wheel`);
    const sha = crypto
      .createHash('sha256')
      .update(fs.readFileSync(path.join(tmp, wheel)))
      .digest('hex');
    if (sha !== SCHEMAS.sha256) throw new Error(`${wheel}: sha256 ${sha}, expected ${SCHEMAS.sha256}`);
    // The wheel is a zip: take the strict schemas of each release. Their references point at
    // "/api/_definitions.json" (the package's own server path): made relative to the file, so
    // kubeconform's file loader finds the definitions beside each schema.
    const script = `
import json, os, sys, zipfile
wheel, out, versions = sys.argv[1], sys.argv[2], sys.argv[3:]
z = zipfile.ZipFile(wheel)
n = 0
for v in versions:
    prefix = 'kubernetes_validate/kubernetes-json-schema/v%s-local-strict/' % v
    names = [x for x in z.namelist() if x.startswith(prefix) and x.endswith('.json')]
    if not names:
        sys.exit('no schemas for Kubernetes %s in %s' % (v, wheel))
    d = os.path.join(out, 'v%s-local-strict' % v)
    os.makedirs(d, exist_ok=True)
    for x in names:
        doc = json.loads(z.read(x).decode('utf-8'))
        doc.pop('$id', None)
        text = json.dumps(doc, separators=(',', ':')).replace('"/api/_definitions.json#', '"_definitions.json#')
        with open(os.path.join(d, x[len(prefix):]), 'w') as f:
            f.write(text)
        n += 1
print(n)
`;
    const staging = path.join(tmp, 'out');
    const count = sh(python, ['-c', script, path.join(tmp, wheel), staging, ...SCHEMAS.kubernetes]).trim();
    fs.writeFileSync(path.join(staging, '.complete'), `${SCHEMAS.pypi}==${SCHEMAS.version} sha256:${sha}\n`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
    log(`schemas: ${count} files in ${secs(Date.now() - t0)}`);
    return true;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Links in <repo>/.tools, for use by hand (`.tools/bin/kustomize build deploy/k8s/overlays/staging`). */
function link() {
  const want = [...Object.keys(GO_TOOLS).map((name) => [path.join(ROOT, '.tools', 'bin', name), paths()[name]]), [path.join(ROOT, '.tools', 'kubernetes-json-schema'), schemaDir()]];
  for (const [l, target] of want) {
    let current = null;
    try {
      current = fs.readlinkSync(l);
    } catch {
      /* absent */
    }
    if (current === target) continue;
    try {
      fs.mkdirSync(path.dirname(l), { recursive: true });
      fs.rmSync(l, { force: true });
      fs.symlinkSync(target, l);
    } catch (e) {
      if (e.code !== 'EEXIST') throw e; // another process linked it meanwhile
    }
  }
}

function ready() {
  const p = paths();
  return Object.keys(GO_TOOLS).every((n) => fs.existsSync(p[n])) && fs.existsSync(path.join(schemaDir(), '.complete'));
}

/** Build/fetch whatever is missing; returns the paths. */
function ensure() {
  if (!ready()) {
    withLock(() => {
      const go = Object.keys(GO_TOOLS).some((n) => !fs.existsSync(paths()[n])) ? findGo() : null;
      for (const name of Object.keys(GO_TOOLS)) buildGoTool(name, go);
      fetchSchemas();
    });
  }
  link();
  return paths();
}

module.exports = { ensure, paths, ready, GO_TOOLS, SCHEMAS };

if (require.main === module) {
  const t0 = Date.now();
  try {
    const was = ready();
    const p = ensure();
    log(was ? 'all present' : `ready in ${secs(Date.now() - t0)} (${cacheDir()})`);
    if (process.argv.includes('--paths')) process.stdout.write(`${JSON.stringify(p, null, 2)}\n`);
  } catch (e) {
    log(e.message);
    process.exit(1);
  }
}
