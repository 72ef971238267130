/**
 * Issue 15: payment runs and the weekly cycle as Temporal workflows. The service keeps its two
 * schedules (created as the settings say, in Sydney time); triggered, the weekly-payments schedule
 * generates every claim's due weeks (made by "schedule", so any officer may authorise them) and
 * the payment-run schedule puts what staff authorised into a run of today's date, once per date.
 * Each run, staff's or the schedule's, is a workflow of its own in Temporal, by the run's id.
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { sydneyAt } from '@wc/rules';
import { temporalConnection, temporalConfigSchema } from '@wc/service-kit';
import { Person, apiCaller, eventually, payableClaim } from '../test-support/claim-facts-harness';
import { paymentsForTests } from '../test-support/payments-app';

jest.setTimeout(180_000);

const queue = `payments-test-${randomUUID()}`;
const bed = paymentsForTests('payments-workflows-test', { PAYMENTS_TASK_QUEUE: queue, WEEKLY_PAYMENTS_SCHEDULE: '0 5 * * MON', PAYMENT_RUN_SCHEDULE: '0 15 * * MON-FRI' });
const call = apiCaller(() => bed.payments.base);
const OLIVIA: Person = ['olivia', 'payments-officer'];
const PAUL: Person = ['paul', 'payments-officer'];
const CARA: Person = ['cara', 'case-manager'];
let connection: Connection;
let temporal: Client;

beforeAll(async () => {
  connection = await Connection.connect(temporalConnection(temporalConfigSchema.parse(process.env)));
  temporal = new Client({ connection });
});
afterAll(async () => {
  // The schedules outlive the service in Temporal: a test's are removed with it.
  for (const name of ['weekly-payments', 'payment-run'])
    await temporal.schedule
      .getHandle(`${queue}.${name}`)
      .delete()
      .catch(() => undefined);
  await connection?.close();
});

const schedule = (name: string) => temporal.schedule.getHandle(`${queue}.${name}`);

it('keeps the two schedules, and what they start generates the weeks and runs what staff authorised, once per date', async () => {
  await eventually(
    'the schedules',
    async () =>
      (await schedule('payment-run')
        .describe()
        .catch(() => null)) !== null,
  );
  const weekly = await schedule('weekly-payments').describe();
  expect([weekly.spec.timezone, weekly.action.type === 'startWorkflow' && weekly.action.workflowType, weekly.action.type === 'startWorkflow' && weekly.action.taskQueue]).toEqual([
    'Australia/Sydney',
    'weeklyPaymentsWorkflow',
    queue,
  ]);
  // Temporal answers a cron expression as its calendar: Monday at 05:00.
  expect(weekly.spec.calendars?.[0]).toMatchObject({ hour: [{ start: 5, end: 5, step: 1 }], dayOfWeek: [{ start: 'MONDAY', end: 'MONDAY', step: 1 }] });
  const runs = await schedule('payment-run').describe();
  expect(runs.spec.calendars?.[0]).toMatchObject({ hour: [{ start: 15, end: 15, step: 1 }], dayOfWeek: [{ start: 'MONDAY', end: 'FRIDAY', step: 1 }] });

  const claimId = await payableClaim(bed.publisher, bed.payments.db, call, {
    claimNumber: `S${Date.now().toString().slice(-7)}`,
    policy: 'WI-SCHED',
    account: { bsb: '062-000', account: '33334444', accountTitle: 'SCHEDULE SAM' },
    maker: OLIVIA,
    caseManager: CARA,
  });

  // The weekly cycle's generation: the claim's 17 certified weeks (2 Feb to 31 May), through today.
  await schedule('weekly-payments').trigger();
  const generated = await eventually('the scheduled generation', async () => {
    const { rows } = await bed.payments.db.query(`SELECT id, gross::text AS gross FROM payments.payments WHERE claim_id = $1 AND kind = 'weekly' AND status = 'generated'`, [claimId]);
    return rows.length === 17 && rows;
  });
  const { rows: made } = await bed.payments.db.query(`SELECT DISTINCT actor, role FROM payments.payment_audit WHERE payment_id = ANY($1::uuid[]) AND to_status = 'generated'`, [
    generated.map((g) => g.id),
  ]);
  expect(made).toEqual([{ actor: 'schedule', role: 'service' }]);
  // 13 weeks at 95% and 4 at 80% of the $1,000 PIAWE (s36(1), s37(1)).
  expect(generated.map((g) => g.gross).sort()).toEqual([...Array(4).fill('800.00'), ...Array(13).fill('950.00')]);

  // Nothing authorised yet: the payment-run schedule makes no run.
  await schedule('payment-run').trigger();
  await eventually('the empty scheduled run to finish', async () => {
    const recent = await schedule('payment-run').describe();
    return recent.info.recentActions.length === 1 && (await temporal.workflow.getHandle(recent.info.recentActions[0].action.workflow.workflowId).result()) !== undefined;
  });
  expect((await call(PAUL, 'GET', '/payment-runs')).body.runs).toEqual([]);

  // A person authorises (any officer: the maker was the schedule); the next scheduled run takes them.
  expect((await call(PAUL, 'POST', '/payments/authorise', { ids: generated.map((g) => g.id) })).status).toBe(200);
  await schedule('payment-run').trigger();
  const run = await eventually('the scheduled run, built', async () => {
    const list = (await call(PAUL, 'GET', '/payment-runs')).body.runs;
    return list.length === 1 && list[0].status === 'complete' && list[0];
  });
  expect([run.processingDate, run.payments, run.total, run.createdBy]).toEqual([sydneyAt(Date.now()).date, 17, '13551.00', 'schedule']); // 13 × (950 − 127) + 4 × (800 − 87)
  // The run's own workflow, by its id, visible in Temporal.
  const described = await temporal.workflow.getHandle(`payment-run-${run.id}`).describe();
  expect([described.type, described.status.name, described.taskQueue]).toEqual(['paymentRunWorkflow', 'COMPLETED', queue]);

  // Once per processing date: triggered again the same day, the schedule makes no second run.
  await schedule('payment-run').trigger();
  await eventually('the third scheduled action to finish', async () => {
    const recent = (await schedule('payment-run').describe()).info.recentActions;
    if (recent.length < 3) return false;
    const last = await temporal.workflow.getHandle(recent[recent.length - 1].action.workflow.workflowId).result();
    return last !== undefined && last;
  });
  expect((await call(PAUL, 'GET', '/payment-runs')).body.runs.map((r: { id: string }) => r.id)).toEqual([run.id]);
});
