import fs from 'node:fs';
import path from 'node:path';

// The architecture's dependency rules, checked on every import of every source file (not by hope):
// services never import each other, libs never import services or workflows, and the pure libraries
// (the rule book and the lifecycle, which workflow code runs) import no Node.js I/O at all.
const root = path.resolve(__dirname, '..', '..', '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === 'dist') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
    }
  };
  walk(path.join(root, dir));
  return out;
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*|import\s+)['"]([^'"]+)['"]/g)) found.push(m[1]);
  return found;
}

/** An import that resolves into another top-level unit (services/x, libs/y, workflows). */
function unitOf(file: string, spec: string): string | null {
  if (spec.startsWith('@wc/')) {
    const name = spec.slice(4).split('/')[0];
    const services = ['claims-service', 'documents-service', 'notifications-service', 'payments-service'];
    if (services.includes(name)) return `services/${name.replace('-service', '')}`;
    return name === 'workflows' ? 'workflows' : name === 'claimctl' ? 'tools/claimctl' : `libs/${name}`;
  }
  if (!spec.startsWith('.')) return null;
  const target = path.relative(root, path.resolve(path.dirname(file), spec));
  const [top, second] = target.split(path.sep);
  return top === 'workflows' ? 'workflows' : `${top}/${second}`;
}

const unitOfFile = (file: string) => {
  const [top, second] = path.relative(root, file).split(path.sep);
  return top === 'workflows' ? 'workflows' : `${top}/${second}`;
};

function violations(dirs: string[], rule: (from: string, spec: string, to: string | null) => string | null): string[] {
  const out: string[] = [];
  for (const dir of dirs) {
    for (const file of sources(dir)) {
      for (const spec of imports(file)) {
        const why = rule(unitOfFile(file), spec, unitOf(file, spec));
        if (why) out.push(`${path.relative(root, file)} imports ${spec}: ${why}`);
      }
    }
  }
  return out;
}

const NODE_IO = /^(node:)?(fs|path|os|net|http|https|child_process|crypto|dgram|dns|tls|worker_threads|cluster|process|async_hooks)(\/.*)?$/;

describe('dependency rules', () => {
  it('finds the code it checks', () => {
    expect(sources('services').length).toBeGreaterThan(20);
    expect(sources('libs/rules').length).toBeGreaterThan(10);
  });

  it('services never import another service', () => {
    expect(violations(['services'], (from, _spec, to) => (to?.startsWith('services/') && to !== from ? `${from} may not import ${to} (use HTTP or Kafka and libs/contracts)` : null))).toEqual([]);
  });

  it('libs never import services, workflows or tools', () => {
    expect(violations(['libs'], (_from, _spec, to) => (to && /^(services|workflows|tools)/.test(to) ? `libraries are shared by everyone and depend on no application` : null))).toEqual([]);
  });

  it('the rule book and the lifecycle are pure: no Node.js I/O, no engines, nothing but rules, contracts and decimal', () => {
    const allowed = /^(@wc\/(rules|contracts)|decimal\.js|zod|\.\.?\/)/;
    expect(
      violations(['libs/rules', 'libs/claim-lifecycle'], (_from, spec) => {
        if (NODE_IO.test(spec)) return 'workflow code must stay deterministic and free of I/O';
        return allowed.test(spec) ? null : 'only @wc/rules, @wc/contracts, decimal.js and zod are allowed here';
      }),
    ).toEqual([]);
  });

  it('workflow code imports only the lifecycle, the rules, contracts and the Temporal workflow API', () => {
    const allowed = /^(@wc\/(rules|contracts|claim-lifecycle)|@temporalio\/workflow|\.\.?\/)/;
    const workflowFiles = ['workflows/src/claim/workflows.ts', 'workflows/src/workflows.ts'].map((f) => path.join(root, f));
    const bad = workflowFiles.flatMap((f) =>
      imports(f)
        .filter((s) => !allowed.test(s) && !s.startsWith('./claim/'))
        .map((s) => `${path.relative(root, f)} imports ${s}`),
    );
    expect(bad).toEqual([]);
  });
});
