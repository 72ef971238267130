#!/usr/bin/env node
// Records the event histories that CI replays (workflows/histories; keep every version: name the
// files NAME.vN.history.json): run after `npm run build`
// whenever a deliberate, versioned workflow change lands, never to paper over a replay failure.
//   node workflows/scripts/record-histories.js [scenario.json ...]
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const { scenarioSchema } = require('@wc/contracts');
const { simulateScenarios } = require('@wc/workflows');

const root = path.resolve(__dirname, '..', '..');
const defaults = ['significant-fracture.json', 'incomplete-psychological.json'].map((f) => path.resolve(root, '..', 'shared', 'scenarios', f));
const files = process.argv.slice(2).length ? process.argv.slice(2) : defaults;

(async () => {
  const items = files.map((file) => ({ file, scenario: scenarioSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8'))) }));
  // A small history limit so the recordings include a continueAsNew.
  const results = await simulateScenarios(items, { historyDir: path.join(root, 'workflows', 'histories'), historyLimit: 40 });
  for (const r of results) process.stderr.write(`${path.basename(r.file)}: recorded (continuedAsNew: ${r.continuedAsNew})\n`);
})().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
