'use strict';
// Where the test suite finds its cases (scenarios, payment files, medical batches).
//
// The repository's own cases always run: `scenarios/`, `docs/examples/payments/`,
// `docs/examples/medical/`. When the folder of shared cases exists beside the repository
// (`../shared`, or wherever WC_SHARED_DIR says), its cases run as well. A clone without it runs
// its own cases only; nothing is skipped without saying so, because the own folders must exist
// and the tests check that they hold cases.
//
// Plain CommonJS with no dependencies, so TypeScript tests (through ts-jest) and Node scripts
// (workflows/scripts/record-histories.js) can both use it.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Each kind of case: its folder in the repository and in the shared folder. */
const KINDS = {
  scenarios: { own: 'scenarios', shared: 'scenarios', inputs: /\.json$/, folders: true },
  payments: { own: path.join('docs', 'examples', 'payments'), shared: path.join('examples', 'payments'), inputs: /\.(json|csv)$/, folders: false },
  medical: { own: path.join('docs', 'examples', 'medical'), shared: path.join('examples', 'medical'), inputs: /\.json$/, folders: false },
};

function kindOf(kind) {
  const k = KINDS[kind];
  if (!k) throw new Error(`unknown kind of case ${JSON.stringify(kind)} (one of ${Object.keys(KINDS).join(', ')})`);
  return k;
}

/** The shared folder: WC_SHARED_DIR, else ../shared beside the repository; null when it does not exist. */
function sharedDir() {
  const dir = process.env.WC_SHARED_DIR || path.resolve(ROOT, '..', 'shared');
  return fs.existsSync(dir) && fs.statSync(dir).isDirectory() ? dir : null;
}

/**
 * The folders holding cases of one kind: the repository's own first (an error if it is missing),
 * then the shared one when the shared folder exists (listing it fails loudly if that folder lacks it).
 */
function caseDirs(kind) {
  const k = kindOf(kind);
  const own = path.join(ROOT, k.own);
  if (!fs.existsSync(own)) throw new Error(`the repository's own ${kind} cases are missing: ${own}`);
  const out = [{ source: 'own', dir: own }];
  const shared = sharedDir();
  if (shared) out.push({ source: 'shared', dir: path.join(shared, k.shared) });
  return out;
}

const isInput = (k, name) => k.inputs.test(name) && !name.includes('.expected.');

/**
 * Every input case of one kind, own first, each folder in file-name order (scenarios: with their
 * sub-folders, e.g. `treatment-and-decisions/`). `name` reads `own: x.json` or `shared: x.json`.
 */
function caseFiles(kind) {
  const k = kindOf(kind);
  const out = [];
  for (const { source, dir } of caseDirs(kind)) {
    const walk = (d) => {
      const entries = fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) {
          if (k.folders) walk(p);
        } else if (isInput(k, e.name)) out.push({ source, dir, file: p, name: `${source}: ${path.relative(dir, p).split(path.sep).join('/')}` });
      }
    };
    walk(dir);
  }
  return out;
}

/** The scenario folders, each with its sub-folders (`claimctl simulate <dir>` runs one folder). */
function scenarioFolders() {
  const out = [];
  for (const { source, dir } of caseDirs('scenarios')) {
    const walk = (d) => {
      out.push({ source, dir: d, name: `${source}: ${path.relative(dir, d).split(path.sep).join('/') || '.'}` });
      for (const e of fs
        .readdirSync(d, { withFileTypes: true })
        .filter((x) => x.isDirectory())
        .sort((a, b) => (a.name < b.name ? -1 : 1)))
        walk(path.join(d, e.name));
    };
    walk(dir);
  }
  return out;
}

/** `NAME.expected.EXT` beside an input `NAME.json` or `NAME.csv`, or null when there is none. */
function expectedFile(input, ext = 'json') {
  const file = input.replace(/\.(json|csv)$/, `.expected.${ext}`);
  return file !== input && fs.existsSync(file) ? file : null;
}

/** One of the repository's own cases by its path in the kind's folder; an error if it is missing. */
function ownCase(kind, relative) {
  const file = path.join(ROOT, kindOf(kind).own, relative);
  if (!fs.existsSync(file)) throw new Error(`the repository's own case is missing: ${file}`);
  return file;
}

/** One of the shared cases by its path in the kind's folder, or null when the shared folder is absent. */
function sharedCase(kind, relative) {
  const shared = sharedDir();
  return shared ? path.join(shared, kindOf(kind).shared, relative) : null;
}

module.exports = { ROOT, sharedDir, caseDirs, caseFiles, scenarioFolders, expectedFile, ownCase, sharedCase };
