#!/usr/bin/env node
// Records the event histories that CI replays (workflows/histories): run after `npm run build`
// whenever a deliberate, versioned workflow change lands, never to paper over a replay failure.
// Every version is kept: the files are named NAME.VERSION.history.json (a claim's first run) and
// NAME.VERSION.PART.history.json (each part's workflow).
//   node workflows/scripts/record-histories.js --as v4 [--history-limit N] [scenario.json ...]
// --history-limit (default 40, so the recordings include a continueAsNew): a larger one keeps a long
// claim in its first run, so the recording reaches what happens years in (docs/rules.md §8.4's week 235).
'use strict';
const os = require('node:os');
const path = require('node:path');
const fs = require('node:fs');
const { scenarioSchema } = require('@wc/contracts');
const { simulateScenarios } = require('@wc/workflows');
const { ownCase, sharedCase } = require('../../tools/test-cases/src');

const root = path.resolve(__dirname, '..', '..');
const target = path.join(root, 'workflows', 'histories');
// The shared scenarios recorded so far, when ../shared (or WC_SHARED_DIR) is there, and ours that
// have every kind of part (IME, review, complaint, case conference, work capacity assessments), each of
// which has a workflow and history of its own. The order is the one earlier recordings were made in.
const defaults = [
  ...['significant-fracture.json', 'incomplete-psychological.json'].map((f) => sharedCase('scenarios', f)),
  ...['reclassified-sprain-full-journey.json', 'long-claim-s38-and-wca.json'].map((f) => ownCase('scenarios', f)),
  // docs/rules.md §8: treatment requests as parts, s48A, a discontinuance.
  ...['treatment-and-s48a.json', 'discontinued-after-work-capacity-decision.json'].map((f) => sharedCase('scenarios', path.join('treatment-and-decisions', f))),
  // Version 6: a claim finalised while an s48A warning is open (no timer after finalisation).
  ownCase('scenarios', path.join('treatment-and-decisions', 'finalised-while-an-s48a-warning-is-open.json')),
].filter((f) => f !== null);

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const traced = args.includes('--traced');
if (traced) args.splice(args.indexOf('--traced'), 1);
const version = option('--as');
const limit = option('--history-limit');
if (!version || !/^v\d+$/.test(version) || (limit !== undefined && !/^[1-9]\d*$/.test(limit))) {
  process.stderr.write('usage: record-histories.js --as vN [--history-limit N] [--traced] [scenario.json ...]  (vN: the workflow version being recorded, e.g. v4)\n');
  process.exit(2);
}
const files = args;

(async () => {
  const items = (files.length ? files : defaults).map((file) => ({ file, scenario: scenarioSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8'))) }));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'histories-'));
  const results = await simulateScenarios(items, { historyDir: dir, historyLimit: limit ? Number(limit) : 40, traced });
  for (const r of results) {
    const name = path.basename(r.file, '.json');
    for (const f of fs.readdirSync(dir).filter((x) => x.startsWith(`${name}.`))) {
      const to = `${name}.${version}${f.slice(name.length)}`;
      if (fs.existsSync(path.join(target, to))) throw new Error(`${to} exists: recorded histories are never overwritten; pick the next version`);
      fs.copyFileSync(path.join(dir, f), path.join(target, to));
      process.stderr.write(`recorded ${to}\n`);
    }
    process.stderr.write(`${path.basename(r.file)}: continuedAsNew ${r.continuedAsNew}, parts ${r.parts.map((p) => p.id).join(', ') || 'none'}\n`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
})().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
