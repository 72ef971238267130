/**
 * docs/rules.md §8 in payments, on the real engines: an s48A suspension and a discontinuance arrive as
 * the claims service publishes them; suspended days and days from the first day no longer payable
 * are not generated, and a week already paid for them becomes an overpayment recorded for a person
 * to decide on (never changed silently). Amounts are worked by hand in the comments.
 */
import { Client } from 'pg';
import { TOPICS } from '@wc/contracts';
import { KafkaClient, Publisher, createKafka } from '@wc/messaging';
import { Person, apiCaller, eventually, publishActions, publishClaim, setAuthorityLimit, setInterimPiawe } from '../test-support/claim-facts-harness';
import { PaymentsUnderTest, startPaymentsForTest } from '../test-support/payments-app';

jest.setTimeout(180_000);

let payments: PaymentsUnderTest;
let db: Client;
let kafka: KafkaClient;
let publisher: Publisher;
const call = apiCaller(() => payments.base);
const OLIVIA: Person = ['olivia', 'payments-officer'];
const PAUL: Person = ['paul', 'payments-officer'];
const CARA: Person = ['cara', 'case-manager'];

beforeAll(async () => {
  payments = await startPaymentsForTest({
    ABA_USER_NAME: 'HARBOUR MUTUAL',
    ABA_USER_ID: '301500',
    ABA_REMITTER_BSB: '032-000',
    ABA_REMITTER_ACCOUNT: '987654321',
    ABA_REMITTER_NAME: 'HARBOUR MUTUAL',
  });
  db = payments.db;
  kafka = createKafka({ brokers: process.env.KAFKA_BROKERS!.split(','), clientId: 'entitlement-decisions-test', logLevel: 'error' });
  await kafka.ensureTopics([TOPICS.claims, TOPICS.payments]);
  publisher = kafka.publisher();
  expect((await setAuthorityLimit(call, 'user:paul', '5000.00')).status).toBe(200);
});

afterAll(async () => {
  await publisher?.disconnect();
  await payments?.close();
});

const NUMBER = `D${Date.now().toString().slice(-7)}`;
type Generated = { id: string; week: number; from: string; gross: string };
const generate = async (claimId: string, through: string): Promise<Generated[]> => {
  const r = await call(OLIVIA, 'POST', `/claims/${claimId}/weekly-payments/generate`, { through });
  expect(r.status).toBe(200);
  return r.body.generated;
};
const authorise = async (ids: string[]) => {
  const r = await call(PAUL, 'POST', '/payments/authorise', { ids });
  expect(r.status).toBe(200);
};
const remediations = async (claimId: string) =>
  (await call(CARA, 'GET', `/remediations?claimId=${claimId}`)).body.remediations as Array<{ id: string; overpaidTotal: string; arrearsTotal: string; reason: string; status: string }>;

/*
 * Each test starts from a claim of its own, brought by these steps to where the test begins (the
 * amounts and dates are the ones the earlier tests check in detail).
 */

/** Injured Mon 2 Mar 2026, no capacity to 31 May, provisional liability 5 Mar; P = 1000: weeks 1-13 are 950.00 (s36). Paid to the worker. */
async function marchClaim(claimNumber: string): Promise<string> {
  const claimId = await publishClaim(publisher, db, {
    claimNumber,
    policy: 'WI-8',
    doi: '2026-03-02',
    // Issue 14: Cara reads the claim's remediations and payments, so the claim is hers.
    assignment: { caseManager: CARA[0], teamLeader: null },
    actions: [
      { type: 'liability.provisional', at: '2026-03-05' },
      { type: 'certificate.received', at: '2026-03-05', capacity: 'none', from: '2026-03-02', to: '2026-05-31' },
    ],
  });
  expect(
    (await call(OLIVIA, 'PUT', `/claims/${claimId}/payee`, { paidBy: 'insurer', worker: { bsb: '062-000', account: '12345678', accountTitle: 'NGUYEN ALEX', taxScale: 'tax-free-threshold' } })).status,
  ).toBe(200);
  // Issue 14: in force once a second person (Paul, a payments officer) approves it.
  await setInterimPiawe(call, claimId, { maker: CARA, approver: PAUL, amount: '1000.00', reason: 'stated weekly wage' });
  return claimId;
}

/** Weeks of 2 Mar to 23 Mar generated, the first three authorised; then an s48A warning of 2 Mar suspending from 16 Mar, never complied with, and its remediation done. */
async function suspendedFrom16March(claimId: string, claimNumber: string): Promise<void> {
  const first = await generate(claimId, '2026-03-29');
  expect(first.map((g) => g.from)).toEqual(['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23']);
  await authorise(first.slice(0, 3).map((g) => g.id));
  await publishActions(publisher, db, { claimId, claimNumber, actions: [{ type: 's48a.warning-issued', at: '2026-03-02', suspendFrom: '2026-03-16' }] });
  await eventually('the remediation of the suspension', async () => (await remediations(claimId)).length === 1);
}

/** After the suspension, the weeks of 13 and 20 Apr generated and authorised. */
async function paidTo26April(claimId: string): Promise<void> {
  const next = await generate(claimId, '2026-04-26');
  expect(next.map((g) => g.from)).toEqual(['2026-04-13', '2026-04-20']);
  await authorise(next.map((g) => g.id));
}

describe('s48A suspensions and discontinuance in weekly payments', () => {
  it('records the paid week a suspension takes away as an overpayment, and cancels the one not yet authorised', async () => {
    const claimId = await marchClaim(`${NUMBER}S`);
    // Four weeks from 2 Mar to 29 Mar; the first three authorised (paid as far as remediation goes), the fourth not.
    const first = await generate(claimId, '2026-03-29');
    expect(first.map((g) => [g.week, g.from, g.gross])).toEqual([
      [1, '2026-03-02', '950.00'],
      [2, '2026-03-09', '950.00'],
      [3, '2026-03-16', '950.00'],
      [4, '2026-03-23', '950.00'],
    ]);
    await authorise(first.slice(0, 3).map((g) => g.id));
    expect(await remediations(claimId)).toEqual([]);

    // Recorded late: a warning of 2 Mar with suspension from 16 Mar, never complied with, so 16 Mar to
    // 12 Apr (28 days) are suspended (s48A(3)): the week of 16 Mar (paid 950.00) is worth 0, the week
    // of 23 Mar (generated only) too.
    await publishActions(publisher, db, { claimId, claimNumber: `${NUMBER}S`, actions: [{ type: 's48a.warning-issued', at: '2026-03-02', suspendFrom: '2026-03-16' }] });
    const [r] = await eventually('the remediation of the suspension', async () => (await remediations(claimId)).length === 1 && remediations(claimId));
    expect(r).toMatchObject({ status: 'complete', overpaidTotal: '950.00', arrearsTotal: '0.00', reason: expect.stringContaining('s48A(3)') });
    const weeks = (await call(CARA, 'GET', `/remediations/${r.id}/weeks?claimId=${claimId}`)).body;
    expect(weeks.map((w: { from: string; oldAmount: string; newAmount: string; difference: string }) => [w.from, w.oldAmount, w.newAmount, w.difference])).toEqual([
      ['2026-03-16', '950.00', '0.00', '-950.00'],
    ]);
    expect(weeks[0].explanation).toContain('no longer payable');
    // The paid week itself is not touched: the overpayment is for a person to decide on.
    expect((await call(CARA, 'GET', `/payments/${first[2].id}`)).body.status).toBe('authorised');
    expect((await call(CARA, 'GET', `/payments/${first[3].id}`)).body.status).toBe('cancelled');
  });

  it('generates nothing for suspended days, and counts weeks on after them (s32A)', async () => {
    const claimId = await marchClaim(`${NUMBER}W`);
    await suspendedFrom16March(claimId, `${NUMBER}W`);
    // Blocks of 23 Mar, 30 Mar and 6 Apr are all suspended (worth 0, not counted); 13 Apr is week 3.
    const next = await generate(claimId, '2026-04-26');
    expect(next.map((g) => [g.week, g.from, g.gross])).toEqual([
      [3, '2026-04-13', '950.00'],
      [4, '2026-04-20', '950.00'],
    ]);
    await authorise(next.map((g) => g.id));
  });

  it('a discontinuance takes away the days from the first day no longer payable, as the claim decided them', async () => {
    const claimId = await marchClaim(`${NUMBER}D`);
    await suspendedFrom16March(claimId, `${NUMBER}D`);
    await paidTo26April(claimId);
    // Notice on Mon 20 Apr: payable again since 13 Apr, so C = 8 days, fewer than 84: no notice
    // period, F = 21 Apr (docs/rules.md §8.3). The week of 20 Apr keeps one day: 950 / 7 = 135.71, so
    // 950.00 - 135.71 = 814.29 was paid too much.
    await publishActions(publisher, db, {
      claimId,
      claimNumber: `${NUMBER}D`,
      actions: [
        {
          event: { type: 'weekly.discontinued', at: '2026-04-20', basis: 'other', reasons: 'returned to work' },
          outcome: {
            discontinuance: {
              noticeOn: '2026-04-20',
              basis: 'other',
              continuousDays: 8,
              period: 'none',
              lastPayableDay: '2026-04-20',
              firstDayNotPayable: '2026-04-21',
              rule: 'fewer than 84 days: no notice period, s80(2)',
              by: 'weekly.discontinued',
            },
          },
        },
      ],
    });
    const list = await eventually('the remediation of the discontinuance', async () => (await remediations(claimId)).length === 2 && remediations(claimId));
    expect(list[0]).toMatchObject({ overpaidTotal: '814.29', reason: expect.stringContaining('discontinued') });
    const weeks = (await call(CARA, 'GET', `/remediations/${list[0].id}/weeks?claimId=${claimId}`)).body;
    expect(weeks.map((w: { from: string; newAmount: string; difference: string }) => [w.from, w.newAmount, w.difference])).toEqual([['2026-04-20', '135.71', '-814.29']]);
    // Nothing more is generated after it.
    expect(await generate(claimId, '2026-05-31')).toEqual([]);
  });
});
