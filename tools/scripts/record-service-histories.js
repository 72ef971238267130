#!/usr/bin/env node
// Records the event histories of a service's own workflows (issue 15) that CI replays
// (services/<service>/histories, src/workflows/replay.test.ts): after a deliberate, versioned
// workflow change, run the service's engines tests against the local engines (they leave their
// workflows in Temporal), then this, which saves the most recent completed run of each workflow
// type. Never to paper over a replay failure; files are never overwritten (NAME.VERSION.history.json).
// (The claim workflows have their own recorder: workflows/scripts/record-histories.js.)
//   set -a; . .data/engines.env; set +a; node tools/scripts/record-service-histories.js --service payments --as v1
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { Client, Connection } = require('@temporalio/client');

const SERVICES = {
  payments: ['paymentRunWorkflow', 'remediationWorkflow', 'weeklyPaymentsWorkflow', 'scheduledPaymentRunWorkflow'],
  notifications: ['teamLeaderDigestWorkflow'],
};
const option = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const service = option('--service');
const version = option('--as');
if (!SERVICES[service] || !version || !/^v\d+$/.test(version)) {
  process.stderr.write(`usage: record-service-histories.js --service ${Object.keys(SERVICES).join('|')} --as vN  (vN: the version of the service's workflows being recorded, e.g. v1)\n`);
  process.exit(2);
}
const TYPES = SERVICES[service];
const target = path.resolve(__dirname, '..', '..', 'services', service, 'histories');

(async () => {
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS || '127.0.0.1:7233' });
  const client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE || 'default' });
  let missing = 0;
  for (const type of TYPES) {
    let found;
    for await (const w of client.workflow.list({ query: `WorkflowType = '${type}' AND ExecutionStatus = 'Completed'` })) {
      if (!found || w.closeTime > found.closeTime) found = w;
    }
    if (!found) {
      process.stderr.write(`no completed ${type} in Temporal: run the service's engines tests first\n`);
      missing++;
      continue;
    }
    const to = path.join(target, `${type}.${version}.history.json`);
    if (fs.existsSync(to)) throw new Error(`${path.basename(to)} exists: recorded histories are never overwritten; pick the next version`);
    const history = await client.workflow.getHandle(found.workflowId, found.runId).fetchHistory();
    const { historyToJSON } = require('@temporalio/common/lib/proto-utils');
    fs.writeFileSync(to, historyToJSON(history));
    process.stderr.write(`recorded ${path.basename(to)} (${found.workflowId})\n`);
  }
  await connection.close();
  process.exit(missing ? 1 : 0);
})().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(1);
});
