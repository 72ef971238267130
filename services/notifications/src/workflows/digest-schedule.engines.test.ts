/**
 * Issue 15: the team leaders' digest runs once a day from a Temporal Schedule, not from a timer in
 * each replica (Temporal starts one workflow per time, whichever replica's worker runs it).
 * Triggered, each team leader with escalations gets one digest of the day; triggered again the same
 * day, nobody gets a second, though a new escalation waits (it goes in tomorrow's, or in the one the
 * team leader asks for).
 */
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { type EventType, TOPICS } from '@wc/contracts';
import { newEnvelope } from '@wc/messaging';
import { sydneyAt } from '@wc/rules';
import { temporalConfigSchema, temporalConnection } from '@wc/service-kit';
import { type EnginesHarness, startEnginesHarness, waitFor } from '../testing/engines-harness';

jest.setTimeout(180_000);

const mailbox = process.env.MAILBOX_URL ?? 'http://127.0.0.1:8025';
let h: EnginesHarness;
let pg: Client;
let schema: string;
let connection: Connection;
let temporal: TemporalClient;
const queue = `notifications-test-digest-${randomUUID()}`;
const scheduleId = `${queue}.team-leader-digest`;

const publish = <T extends EventType>(type: T, key: string, data: unknown) =>
  h.publisher.publish(TOPICS.claims, [{ key, value: JSON.stringify(newEnvelope({ type, source: 'wc-claims/claims', subject: key, data } as never)) }]);
const mailTo = async (addr: string) => (await (await fetch(`${mailbox}/messages?to=${encodeURIComponent(addr)}`)).json()) as Array<{ subject: string; text: string }>;

async function escalate(claimId: string, claimNumber: string, teamLeader: string, type: string) {
  await publish('obligation.escalated', claimId, {
    claimId,
    claimNumber,
    obligationId: `${type}:1`,
    type,
    dueOn: '2026-10-01',
    on: '2026-10-02',
    caseManager: 'cm.lee',
    kind: 'escalated',
    teamLeader,
  });
}

beforeAll(async () => {
  h = await startEnginesHarness({ name: 'digest_schedule', topics: [TOPICS.claims, TOPICS.notifications], startDocuments: () => import('../../../documents/src/main') });
  ({ pg, notifSchema: schema } = h);
  const settings = { DISPATCH_INTERVAL_MS: '100', NOTIFICATIONS_TASK_QUEUE: queue, DIGEST_SCHEDULE: '0 7 * * *' };
  await h.startNotifications(settings);
  connection = await Connection.connect(temporalConnection(temporalConfigSchema.parse(process.env)));
  temporal = new TemporalClient({ connection });
});

afterAll(async () => {
  await temporal?.schedule
    .getHandle(scheduleId)
    .delete()
    .catch(() => undefined);
  await connection?.close();
  await h?.close();
});

it('one digest a day per team leader, from one schedule, however many times it fires', async () => {
  const schedule = temporal.schedule.getHandle(scheduleId);
  const described = await waitFor('the schedule', () => schedule.describe().catch(() => false as const));
  expect([described.spec.timezone, described.action.type === 'startWorkflow' && described.action.workflowType]).toEqual(['Australia/Sydney', 'teamLeaderDigestWorkflow']);
  expect(described.spec.calendars?.[0]).toMatchObject({ hour: [{ start: 7, end: 7, step: 1 }], minute: [{ start: 0, end: 0, step: 1 }] });

  const ada = `ada.${h.run}@insurer.example`;
  const ben = `ben.${h.run}@insurer.example`;
  for (const [user, name, email] of [
    ['tl.ada', 'Ada Moreau', ada],
    ['tl.ben', 'Ben Okafor', ben],
  ]) {
    const res = await fetch(`${h.base}/notifications/staff/${user}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${await h.token('it.admin', 'admin')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name, role: 'Team leader', phone: '02 9000 9999', email }),
    });
    expect(res.status).toBe(200);
  }
  const claims = { 'tl.ada': [randomUUID(), 'WC7000001'], 'tl.ben': [randomUUID(), 'WC7000002'] } as const;
  for (const [tl, [claimId, claimNumber]] of Object.entries(claims)) {
    await publish('claim.staffing-recorded', claimId, { claimId, claimNumber, caseManager: 'cm.lee', teamLeader: tl, reviewers: [], by: tl });
    await escalate(claimId, claimNumber, tl, 'initial-contact.worker');
  }
  await waitFor('the alerts', async () => (await pg.query(`SELECT 1 FROM ${schema}.team_leader_alerts WHERE digest_id IS NULL`)).rowCount === 2);

  const runs = async () => (await schedule.describe()).info.recentActions;
  const finished = async (n: number) =>
    waitFor(`scheduled digest ${n} finished`, async () => {
      const recent = await runs();
      if (recent.length < n) return false;
      return (await temporal.workflow.getHandle(recent[n - 1].action.workflow.workflowId).result()) as { day: string; sent: number; notSent: string[] };
    });
  await schedule.trigger();
  const today = sydneyAt(Date.now()).date;
  expect(await finished(1)).toEqual({ day: today, sent: 2, notSent: [] });
  expect((await mailTo(ada)).map((m) => m.subject)).toEqual(['Escalations: 1 obligation need your attention']);
  expect((await mailTo(ben)).map((m) => m.subject)).toEqual(['Escalations: 1 obligation need your attention']);
  expect((await pg.query(`SELECT team_leader, day::text AS day FROM ${schema}.digests ORDER BY team_leader`)).rows).toEqual([
    { team_leader: 'tl.ada', day: today },
    { team_leader: 'tl.ben', day: today },
  ]);

  // A new escalation for Ada waits. Fired again the same day (a retry, a second trigger), the
  // schedule sends nobody a second digest: the new alert goes in tomorrow's.
  await escalate(claims['tl.ada'][0], claims['tl.ada'][1], 'tl.ada', 'liability.initial');
  await waitFor('the new alert', async () => (await pg.query(`SELECT 1 FROM ${schema}.team_leader_alerts WHERE digest_id IS NULL`)).rowCount === 1);
  await schedule.trigger();
  expect(await finished(2)).toEqual({ day: today, sent: 0, notSent: [] });
  expect(await mailTo(ada)).toHaveLength(1);
  expect((await pg.query(`SELECT count(*)::int AS n FROM ${schema}.digests`)).rows[0].n).toBe(2);
});
