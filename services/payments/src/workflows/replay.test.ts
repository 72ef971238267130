import path from 'node:path';
import { replayRecordedHistories } from '@wc/service-kit';

// Webpack bundling on 2 cores: more than the default 5 seconds.
jest.setTimeout(120_000);

// Recorded histories of the payments service's workflows (tools/scripts/record-service-histories.js).
// A change to workflows.ts that would break a run or remediation in flight fails here; version it
// with patched() and record the next version.
it('every recorded payments workflow history replays with the current workflow code', async () => {
  const replayed = await replayRecordedHistories(path.resolve(__dirname, '..', '..', 'histories'), require.resolve('./workflows'));
  expect([...new Set(replayed.map((r) => r.workflowType))].sort()).toEqual(['paymentRunWorkflow', 'remediationWorkflow', 'scheduledPaymentRunWorkflow', 'weeklyPaymentsWorkflow']);
  expect(replayed.filter((r) => r.error)).toEqual([]);
});
