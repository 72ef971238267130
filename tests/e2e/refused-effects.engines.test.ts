import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Connection, Client as TemporalClient, type WorkflowHandle } from '@temporalio/client';
import { CLAIM_TASK_QUEUE, stuckEffectsQuery } from '@wc/workflows/dist/claim/definitions';
import { Platform, eventually, http, startPlatform, token } from './support';

// Issue 14: an activity that can never succeed stops retrying and raises a task. A claim workflow
// the claims service does not know (a database restored out of step with Temporal): its effects are
// answered 404, so the workflow stops at the first refusal, and an incident waits for an
// administrator, who has it retried once the cause is fixed (here it is not, so it is raised again).
jest.setTimeout(300_000);

let platform: Platform;
let connection: Connection;
let handle: WorkflowHandle | undefined;

beforeAll(async () => {
  platform = await startPlatform({ env: process.env, basePort: 4601, only: ['claims', 'worker'] });
  connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
});

afterAll(async () => {
  await handle?.terminate('test finished').catch(() => undefined);
  await connection?.close();
  await platform?.stopAll();
});

const admin = () => token('admin', 'ad.ops');
const incidents = async (all = false) =>
  (await http(platform.urls.claims, 'GET', `/admin/incidents${all ? '?all=true' : ''}`, { token: await admin() })).body.incidents as Array<Record<string, unknown>>;

it('a refused batch is tried once, raises an incident for the administrators, and is tried again when one of them says so', async () => {
  const scenario = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'scenarios', 'fracture-provisional-then-accepted.json'), 'utf8'));
  const claimId = randomUUID(); // no such claim in the claims service
  const workflowId = `claim-unknown-${claimId}`;
  handle = await new TemporalClient({ connection }).workflow.start('claimWorkflow', { taskQueue: CLAIM_TASK_QUEUE, workflowId, args: [{ claimId, claim: scenario.claim }] });

  const first = await eventually('an incident for the claim', async () => (await incidents()).find((i) => i.claimId === claimId));
  expect(first).toMatchObject({ workflowId, status: 404, retriedAt: null, kinds: expect.arrayContaining(['obligation-opened']) });
  expect(first.message).toMatch(/answered 404 to effects/);
  expect(await handle.query(stuckEffectsQuery)).toMatchObject({ claimId, status: 404 });
  // Tried once, not again and again: the effects activity failed once and nothing is pending.
  const history = (await handle.fetchHistory()).events ?? [];
  expect(history.filter((e) => e.activityTaskFailedEventAttributes).length).toBe(1);
  expect((await handle.describe()).raw.pendingActivities ?? []).toEqual([]);
  // Operators see it counted, and only an administrator sees or retries it.
  const metrics = await (await fetch(`${platform.urls.claims}/metrics`)).text();
  expect(Number(/^claim_incidents_open(?:\{[^}]*\})? (\d+)/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(1);
  const cm = await token('case-manager', 'cm.ops');
  expect((await http(platform.urls.claims, 'GET', '/admin/incidents', { token: cm })).status).toBe(403);
  expect((await http(platform.urls.claims, 'POST', `/admin/incidents/${first.id}/retry`, { token: cm })).status).toBe(403);

  const retried = await http(platform.urls.claims, 'POST', `/admin/incidents/${first.id}/retry`, { token: await admin() });
  expect(retried).toMatchObject({ status: 200, body: { id: first.id, retriedBy: 'ad.ops' } });
  expect((await http(platform.urls.claims, 'POST', `/admin/incidents/${first.id}/retry`, { token: await admin() })).status).toBe(409);
  // Still unknown: tried again once, refused again, a new incident.
  const second = await eventually('a second incident', async () => (await incidents()).find((i) => i.claimId === claimId && i.id !== first.id));
  expect(second).toMatchObject({ workflowId, status: 404, retriedAt: null });
  const mine = (await incidents(true)).filter((i) => i.claimId === claimId);
  expect(mine.map((i) => [i.id, i.retriedBy])).toEqual([
    [second.id, null],
    [first.id, 'ad.ops'],
  ]);
  expect(((await handle.fetchHistory()).events ?? []).filter((e) => e.activityTaskFailedEventAttributes).length).toBe(2);
});
