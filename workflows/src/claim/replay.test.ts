import fs from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { claimWorkflowBundle } from '../bundle';
import { installQuietRuntime } from '../runtime';

// Real servers and webpack bundling on 2 cores: minutes, not the default 5 seconds.
jest.setTimeout(300_000);

// Recorded histories of real claims and their parts (workflows/scripts/record-histories.js). A workflow change that
// would break claims already in flight fails here; version such changes with patched().
const dir = path.resolve(__dirname, '..', '..', 'histories');
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.history.json'))
  .sort();

describe('replay of recorded claim histories', () => {
  beforeAll(() => installQuietRuntime());

  it('has recorded histories to replay, of claims and of their parts', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
    const types = new Set(files.map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')).events[0].workflowExecutionStartedEventAttributes.workflowType.name));
    expect([...types].sort()).toEqual(['claimPartWorkflow', 'claimWorkflow']);
  });

  it.each(files)('%s replays deterministically with the current workflow code', async (file) => {
    const history = historyFromJSON(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
    expect(history.events?.length).toBeGreaterThan(10);
    await expect(Worker.runReplayHistory({ workflowBundle: await claimWorkflowBundle(), replayName: file }, history)).resolves.toBeUndefined();
  });
});
