import path from 'node:path';
import { replayRecordedHistories } from '@wc/service-kit';

// Webpack bundling on 2 cores: more than the default 5 seconds.
jest.setTimeout(120_000);

// Recorded histories of the notifications service's workflows (tools/scripts/record-service-histories.js).
// A change to workflows.ts that would break a digest in flight fails here; version it with patched().
it('every recorded notifications workflow history replays with the current workflow code', async () => {
  const replayed = await replayRecordedHistories(path.resolve(__dirname, '..', '..', 'histories'), require.resolve('./workflows'));
  expect(replayed.map((r) => r.workflowType)).toEqual(['teamLeaderDigestWorkflow']);
  expect(replayed.filter((r) => r.error)).toEqual([]);
});
