/**
 * Weekly payments on the real engines: the claim's facts arrive as the claims service publishes
 * them (claim.notified and claim.action-recorded on Kafka), then PIAWE, generation, maker-checker,
 * a payment run with its ABA file, a schedule reconciled against the entitlement, and a remediation
 * after an indexation factor changes in the past. Expected amounts are worked by hand in comments.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ClaimEvent, TOPICS } from '@wc/contracts';
import { KafkaClient, Publisher, createKafka } from '@wc/messaging';
import { builtInTables } from '@wc/rules';
import type { EntityManager } from 'typeorm';
import { piaweInForce } from './piawe/piawe-in-force';
import { Person, apiCaller, eventually, payableClaim, publishClaim as publishClaimOn, setAuthorityLimit, setInterimPiawe } from './test-support/claim-facts-harness';
import { PaymentsUnderTest, startPaymentsForTest } from './test-support/payments-app';

jest.setTimeout(180_000);

const brokers = process.env.KAFKA_BROKERS;
let payments: PaymentsUnderTest;
let base: string;
let db: Client;
let kafka: KafkaClient;
let publisher: Publisher;

beforeAll(async () => {
  payments = await startPaymentsForTest({
    ABA_USER_NAME: 'HARBOUR MUTUAL',
    ABA_USER_ID: '301500',
    ABA_REMITTER_BSB: '032-000',
    ABA_REMITTER_ACCOUNT: '987654321',
    ABA_REMITTER_NAME: 'HARBOUR MUTUAL',
    BATCH_SIZE: '2',
  });
  ({ base, db } = payments);
  kafka = createKafka({ brokers: brokers!.split(','), clientId: 'weekly-payments-test', logLevel: 'error' });
  await kafka.ensureTopics([TOPICS.claims, TOPICS.payments]);
  publisher = kafka.publisher();
});

afterAll(async () => {
  await publisher?.disconnect();
  await payments?.close();
});

const OLIVIA: Person = ['olivia', 'payments-officer'];
const PAUL: Person = ['paul', 'payments-officer'];
const TESS: Person = ['tess', 'team-leader'];
const CARA: Person = ['cara', 'case-manager'];
const call = apiCaller(() => base);
const publishClaim = (o: Parameters<typeof publishClaimOn>[2]) => publishClaimOn(publisher, db, o);

const NUMBER = `C${Date.now().toString().slice(-7)}`;
// Issue 14: case managers and team leaders reach only their claims; every claim here is Cara's, in Tess's team.
const assignment = { caseManager: CARA[0], teamLeader: TESS[0] };
const workerAccount = { bsb: '062-000', account: '12345678', accountTitle: 'NGUYEN ALEX', taxScale: 'tax-free-threshold' };

/** A claim of its own for a test: injured Mon 2 Feb 2026, no capacity to the end of May; provisional liability on 5 Feb. No payee or PIAWE yet. */
const februaryClaim = (claimNumber: string) =>
  publishClaim({
    claimNumber,
    policy: 'WI-1',
    doi: '2026-02-02',
    assignment,
    actions: [
      { type: 'liability.provisional', at: '2026-02-05' },
      { type: 'certificate.received', at: '2026-02-05', capacity: 'none', from: '2026-02-02', to: '2026-05-31' },
    ] as ClaimEvent[],
  });

describe('weekly payments: PIAWE, maker-checker, a run and its ABA file, remediation', () => {
  it('needs a payee and a PIAWE before anything is generated, and says which', async () => {
    const claimId = await februaryClaim(`${NUMBER}N`);
    let r = await call(OLIVIA, 'POST', `/claims/${claimId}/weekly-payments/generate`, { through: '2026-03-01' });
    expect(r.status).toBe(422);
    expect(r.body.problems).toEqual([{ field: 'payee', problem: expect.stringContaining("worker's bank account") }]);

    r = await call(OLIVIA, 'PUT', `/claims/${claimId}/payee`, { paidBy: 'insurer' });
    expect(r.status).toBe(400);
    expect(r.body.problems).toEqual([{ field: 'worker', problem: expect.stringContaining('is required') }]);
    r = await call(OLIVIA, 'PUT', `/claims/${claimId}/payee`, { paidBy: 'insurer', worker: { ...workerAccount, bsb: '062000' } });
    expect(r.status).toBe(400);
    expect(r.body.problems).toEqual([{ field: 'worker.bsb', problem: 'must be NNN-NNN' }]);
    r = await call(OLIVIA, 'PUT', `/claims/${claimId}/payee`, { paidBy: 'insurer', worker: workerAccount });
    expect(r.status).toBe(200);
    expect(r.body.worker).toEqual(workerAccount);

    r = await call(OLIVIA, 'POST', `/claims/${claimId}/weekly-payments/generate`, { through: '2026-03-01' });
    expect(r.status).toBe(422);
    expect(r.body.problems[0].field).toBe('piawe');
  });

  it('refuses a calculated PIAWE without enough evidence or with bad evidence, and takes an interim one, held for a second person', async () => {
    const claimId = await februaryClaim(`${NUMBER}I`);
    let r = await call(CARA, 'POST', `/claims/${claimId}/piawe`, {
      basis: 'calculated',
      reason: 'payslips',
      employments: [{ id: 'e1', employer: 'Harbour Freight', startedOn: '2020-01-01' }],
      earnings: [],
    });
    expect(r.status).toBe(422);
    expect(r.body.message).toContain('interim');
    r = await call(CARA, 'POST', `/claims/${claimId}/piawe`, {
      basis: 'calculated',
      reason: 'payslips',
      employments: [{ id: 'e1', employer: 'Harbour Freight', startedOn: '2020-01-01' }],
      earnings: [{ id: 'l1', employment: 'e1', from: '2026-01-20', to: '2026-01-10', kind: 'ordinary', amount: '100' }],
    });
    expect(r.status).toBe(400);
    expect(r.body.problems.map((p: { field: string }) => p.field)).toContain('earnings[0].to');

    r = await call(CARA, 'POST', `/claims/${claimId}/piawe`, { basis: 'interim', amount: '1000.00', reason: "employer's stated weekly wage; payslips requested" });
    expect(r.status).toBe(201);
    // Issue 14: not in force until a second person approves it (see 'an interim PIAWE waits for a second person' below).
    expect(r.body).toMatchObject({ basis: 'interim', status: 'awaiting-review', amount: '1000.00', regime: 'from-2019-10-21', reviewedBy: null });
  });

  // One story on one claim, in one test: the payment run takes every authorised payment of the book and
  // the remediation values every claim with weekly payments again, so its steps cannot each start from a
  // claim of their own (another test's payments would be in the run and the remediation's count).
  it('one claim from its ended weeks to the bank file and a late indexation: each week generated once with PAYG; maker-checker and the authority limit; paid once in one ABA file whatever is retried; then remediated with exact arrears per week', async () => {
    // The same claim, paid to the worker's account with an interim PIAWE of 1000.00.
    const claimId = await payableClaim(publisher, db, call, { claimNumber: NUMBER, policy: 'WI-1', account: workerAccount, maker: OLIVIA, caseManager: CARA, teamLeader: TESS });
    let firstFour: string[] = [];

    // 1. Generates each ended entitlement week once, with PAYG, and explains it.
    {
      // Weeks from Mon 2 Feb: four ended by Sun 1 Mar. s36(1) NCWC, weeks 1-13: 95% × 1000 = 950.00.
      // PAYG scale 2 (2024-25 coefficients): 0.3227 × 950.99 − 180.0385 = 126.85 → 127.
      const r = await call(OLIVIA, 'POST', `/claims/${claimId}/weekly-payments/generate`, { through: '2026-03-01' });
      expect(r.status).toBe(200);
      expect(r.body.generated.map((g: { week: number; from: string; gross: string; payg: string }) => [g.week, g.from, g.gross, g.payg])).toEqual([
        [1, '2026-02-02', '950.00', '127.00'],
        [2, '2026-02-09', '950.00', '127.00'],
        [3, '2026-02-16', '950.00', '127.00'],
        [4, '2026-02-23', '950.00', '127.00'],
      ]);
      // The tables are not current for 2026 (loud, not silent).
      expect(r.body.warnings.join(' ')).toMatch(/not current/i);
      firstFour = r.body.generated.map((g: { id: string }) => g.id);
      const again = await call(OLIVIA, 'POST', `/claims/${claimId}/weekly-payments/generate`, { through: '2026-03-01' });
      expect(again.body.generated).toEqual([]);
      const ahead = await call(OLIVIA, 'POST', `/claims/${claimId}/weekly-payments/generate`, { through: '2999-01-01' });
      expect({ status: ahead.status, problems: ahead.body.problems }).toEqual({ status: 400, problems: [{ field: 'through', problem: 'is in the future: only weeks that have ended are paid' }] });

      const one = await call(CARA, 'GET', `/payments/${firstFour[0]}`);
      expect(one.body).toMatchObject({ status: 'generated', gross: '950.00', payg: '127.00', net: '823.00', reference: `${NUMBER} WK01`, generatedBy: 'olivia' });
      expect(one.body.explanation).toMatchObject({ week: 1, sections: ['s36'], p: ['1000.00'], piawe: '1000.00', parameterVersion: 0 });
      expect(one.body.audit).toEqual([expect.objectContaining({ actor: 'olivia', from: null, to: 'generated' })]);
    }

    // 2. Never lets the maker authorise, and holds a payment over the authoriser’s limit.
    {
      let r = await call(OLIVIA, 'POST', `/payments/${firstFour[0]}/authorise`, {});
      expect(r.status).toBe(403);
      expect(r.body.message).toContain('maker-checker');
      r = await call(CARA, 'POST', `/payments/${firstFour[0]}/authorise`, {});
      expect(r.status).toBe(403);

      r = await setAuthorityLimit(call, 'user:paul', '900.00');
      expect(r.status).toBe(200);
      r = await call(PAUL, 'POST', `/payments/${firstFour[0]}/authorise`, {});
      expect(r.status).toBe(403);
      expect(r.body.message).toContain("exceeds paul's authority of 900.00");
      expect((await call(PAUL, 'GET', `/payments/${firstFour[0]}`)).body.status).toBe('generated');

      r = await setAuthorityLimit(call, 'user:paul', 'lots');
      expect(r.status).toBe(400);
      expect(r.body.problems[0].field).toBe('maxAmount');
      await setAuthorityLimit(call, 'user:paul', '5000.00');
      for (const id of firstFour.slice(0, 3)) expect((await call(PAUL, 'POST', `/payments/${id}/authorise`, { note: 'checked against the certificate' })).status).toBe(200);
      expect((await call(TESS, 'POST', `/payments/${firstFour[3]}/authorise`, {})).status).toBe(200);
      r = await call(TESS, 'POST', `/payments/${firstFour[3]}/authorise`, {});
      expect(r.status).toBe(422);
    }

    // 3. Pays the authorised payments once, in one ABA file, whatever is retried.
    {
      let r = await call(PAUL, 'POST', '/payment-runs', { processingDate: '2026-03-03' });
      expect(r.status).toBe(400);
      expect(r.body.message).toBe('invalid request header Idempotency-Key');
      const k = `run-${randomUUID()}`;
      r = await call(PAUL, 'POST', '/payment-runs', { processingDate: '2026-03-03' }, { 'idempotency-key': k });
      expect(r.status).toBe(202);
      const runId = r.body.id;
      expect(r.body).toMatchObject({ payments: 4, total: '3292.00' }); // 4 × (950.00 − 127.00)
      const done = await eventually('the bank file', async () => {
        const v = await call(PAUL, 'GET', `/payment-runs/${runId}`);
        return v.body.status === 'complete' && v.body;
      });
      expect(done.done).toBe(4);

      const again = await call(PAUL, 'POST', '/payment-runs', { processingDate: '2026-03-03' }, { 'idempotency-key': k });
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(runId);
      const other = await call(PAUL, 'POST', '/payment-runs', { processingDate: '2026-03-03' }, { 'idempotency-key': `run-${randomUUID()}` });
      expect(other.status).toBe(422);

      const file = await call(PAUL, 'GET', `/payment-runs/${runId}/aba`);
      expect(file.status).toBe(200);
      const records = file.text.split('\r\n');
      expect(records.pop()).toBe('');
      expect(records.every((x) => x.length === 120)).toBe(true);
      expect(records[0]).toBe(`0                 01WBC       HARBOUR MUTUAL            301500WEEKLY COMP 030326${' '.repeat(40)}`);
      expect(records[1]).toBe(`1062-000 12345678 530000082300NGUYEN ALEX                     ${`${NUMBER} WK01`.padEnd(18)}032-000987654321HARBOUR MUTUAL  00012700`);
      expect(records.slice(1, 5).map((x) => x.slice(62, 80).trim())).toEqual(['WK01', 'WK02', 'WK03', 'WK04'].map((w) => `${NUMBER} ${w}`));
      expect(records[5]).toBe(`7999-999            000032920000003292000000000000                        000004${' '.repeat(40)}`);
      const statuses = await db.query(`SELECT DISTINCT status FROM payments.payments WHERE id = ANY($1)`, [firstFour]);
      expect(statuses.rows).toEqual([{ status: 'released' }]);
      const trail = await call(PAUL, 'GET', `/payments/${firstFour[0]}`);
      expect(trail.body.audit.map((a: { to: string; actor: string }) => `${a.to}:${a.actor}`)).toEqual(['generated:olivia', 'authorised:paul', 'in-run:paul', 'released:system:payment-run']);
    }

    // 4. Remediates an indexation factor loaded late: exact arrears per week, with what changed.
    {
      // Pay weeks 5-17 (to Sun 31 May) at the old rates, and run them.
      const gen = await call(OLIVIA, 'POST', `/claims/${claimId}/weekly-payments/generate`, { through: '2026-05-31' });
      expect(gen.body.generated.map((g: { week: number; gross: string }) => `${g.week}:${g.gross}`)).toEqual([
        ...[5, 6, 7, 8, 9, 10, 11, 12, 13].map((w) => `${w}:950.00`),
        ...[14, 15, 16, 17].map((w) => `${w}:800.00`), // s37(1) from week 14: 80% × 1000
      ]);
      for (const g of gen.body.generated) expect((await call(PAUL, 'POST', `/payments/${g.id}/authorise`, {})).status).toBe(200);

      // SIRA's 1 Apr 2026 factor, 1.0300, loaded after those weeks were paid. P from 1 Apr 2026 =
      // 1000 × 1.03 = 1030.00, rounded to the nearest $10 (s82D, GN 5.13) = 1030.
      // Week 9 (30 Mar-5 Apr): 2 days at 950.00, 5 days at 95% × 1030 = 978.50:
      //   (2 × 950 + 5 × 978.50) / 7 = 6792.50 / 7 = 970.357… → 970.36, arrears 20.36.
      // Weeks 10-13: 978.50 − 950.00 = 28.50 each, 114.00. Weeks 14-17: 80% × 1030 = 824.00, 24.00 each, 96.00.
      // Total 20.36 + 114.00 + 96.00 = 230.36.
      // PAYG on the arrears, week by week as Schedule 1 on the new amount less on the old one:
      //   week 9: 133 − 127 = 6; weeks 10-13: 136 − 127 = 9 each (36); weeks 14-17: 92 − 87 = 5 each (20); 62.00.
      const indexation = [...builtInTables().indexation, { on: '2026-04-01', factor: '1.0300' }];
      let r = await call(TESS, 'POST', '/remediations', { reason: 'indexation factor 1 Apr 2026 loaded late', parameters: { indexation: [{ on: 'April', factor: '1.03' }] } });
      expect(r.status).toBe(400);
      expect(r.body.problems[0].field).toBe('parameters.indexation[0].on');
      r = await call(OLIVIA, 'POST', '/remediations', { reason: 'x', parameters: { indexation } });
      expect(r.status).toBe(403);
      r = await call(TESS, 'POST', '/remediations', { reason: 'indexation factor 1 Apr 2026 loaded late', parameters: { indexation } });
      expect(r).toMatchObject({ status: 202, body: { kind: 'rate-tables', status: 'pending', proposedBy: 'tess' } });
      // Corrected rate tables wait for a second person (issue 14): not Tess, who proposed them.
      expect((await call(TESS, 'POST', `/changes/${r.body.changeId}/approve`, {})).status).toBe(403);
      const approved = await call(['abe', 'admin'], 'POST', `/changes/${r.body.changeId}/approve`, {});
      expect(approved.status).toBe(200);
      const remediationId = approved.body.result.remediationId;
      const done = await eventually('the remediation', async () => {
        const v = await call(TESS, 'GET', `/remediations/${remediationId}`);
        return v.body.status === 'complete' && v.body;
      });
      expect(done).toMatchObject({ claimsTotal: 1, claimsDone: 1, arrearsTotal: '230.36', overpaidTotal: '0.00', parameterVersion: 1 });

      const weeks = (await call(CARA, 'GET', `/remediations/${remediationId}/weeks?claimId=${claimId}`)).body;
      expect(weeks.map((w: { week: number; oldAmount: string; newAmount: string; difference: string }) => `${w.week}:${w.oldAmount}>${w.newAmount}=${w.difference}`)).toEqual([
        '9:950.00>970.36=20.36',
        ...[10, 11, 12, 13].map((w) => `${w}:950.00>978.50=28.50`),
        ...[14, 15, 16, 17].map((w) => `${w}:800.00>824.00=24.00`),
      ]);
      expect(weeks[0].changed).toEqual(['indexation']);
      expect(weeks[0].explanation).toContain('P 1000.00 → 1000.00/1030.00 (indexation, s82A)');

      const arrears = (await call(PAUL, 'GET', `/payments?claimId=${claimId}&status=generated`)).body.payments;
      expect(arrears).toEqual([expect.objectContaining({ kind: 'arrears', gross: '230.36', payg: '62.00', net: '168.36', generatedBy: 'tess', from: '2026-03-30', to: '2026-05-31' })]);
      // The team leader who started it is its maker: another person authorises.
      expect((await call(TESS, 'POST', `/payments/${arrears[0].id}/authorise`, {})).status).toBe(403);
      expect((await call(PAUL, 'POST', `/payments/${arrears[0].id}/authorise`, {})).status).toBe(200);

      // New weeks are valued with the new tables; running the same correction again finds nothing.
      const later = await call(OLIVIA, 'POST', `/claims/${claimId}/weekly-payments/generate`, { through: '2026-05-31' });
      expect(later.body.generated).toEqual([]);
      r = await call(TESS, 'POST', '/remediations', { reason: 'check', claimIds: [claimId] });
      const second = await eventually('the second remediation', async () => {
        const v = await call(TESS, 'GET', `/remediations/${r.body.id}`);
        return v.body.status === 'complete' && v.body;
      });
      expect(second).toMatchObject({ arrearsTotal: '0.00', overpaidTotal: '0.00' });
    }
  });
});

describe('a final PIAWE after an interim one', () => {
  it('is peer-reviewed by a second person, and the weeks paid on the interim amount are remediated', async () => {
    const claimId = await publishClaim({
      claimNumber: `${NUMBER}P`,
      policy: 'WI-3',
      doi: '2026-06-01',
      assignment,
      actions: [
        { type: 'liability.provisional', at: '2026-06-02' },
        { type: 'certificate.received', at: '2026-06-02', capacity: 'none', from: '2026-06-01', to: '2026-06-28' },
      ] as ClaimEvent[],
    });
    await call(OLIVIA, 'PUT', `/claims/${claimId}/payee`, { paidBy: 'insurer', worker: workerAccount });
    await setInterimPiawe(call, claimId, { maker: CARA, approver: TESS, amount: '1000.00', reason: 'employer estimate' });
    const gen = await call(OLIVIA, 'POST', `/claims/${claimId}/weekly-payments/generate`, { through: '2026-06-28' });
    expect(gen.body.generated.map((g: { gross: string }) => g.gross)).toEqual(['950.00', '950.00', '950.00', '950.00']);
    // Weeks 1-3 are authorised; week 4 still waits for authorisation when the PIAWE changes.
    for (const g of gen.body.generated.slice(0, 3)) await call(PAUL, 'POST', `/payments/${g.id}/authorise`, {});
    const week4 = gen.body.generated[3].id;

    // Payslips arrive: $1,050.00 every week of the 52 before Mon 1 Jun 2026 (2 Jun 2025 to 31 May 2026).
    const earnings = Array.from({ length: 52 }, (_, i) => {
      const from = new Date(Date.UTC(2025, 5, 2 + 7 * i)).toISOString().slice(0, 10);
      const to = new Date(Date.UTC(2025, 5, 8 + 7 * i)).toISOString().slice(0, 10);
      return { id: `p${i}`, employment: 'e1', from, to, kind: 'ordinary', amount: '1050.00' };
    });
    let r = await call(CARA, 'POST', `/claims/${claimId}/piawe`, {
      basis: 'calculated',
      reason: 'payslips for the 52 weeks',
      employments: [{ id: 'e1', employer: 'Harbour Freight', startedOn: '2019-03-01' }],
      earnings,
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ basis: 'calculated', status: 'awaiting-review', amount: '1050.00' });
    expect(r.body.evidence.result.employments[0].linesUsed).toHaveLength(52);
    const determination = r.body.id;
    expect((await call(CARA, 'POST', `/piawe/${determination}/review`, { decision: 'approve', note: 'mine' })).status).toBe(403);
    expect((await call(TESS, 'POST', `/piawe/${determination}/review`, { decision: 'approve' })).status).toBe(400);
    r = await call(TESS, 'POST', `/piawe/${determination}/review`, { decision: 'approve', note: 'payslips match the payroll summary' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'final', reviewedBy: 'tess' });
    const all = (await call(CARA, 'GET', `/claims/${claimId}/piawe`)).body;
    expect(all.map((d: { basis: string; status: string }) => `${d.basis}:${d.status}`)).toEqual(['interim:superseded', 'calculated:final']);
    const events = await db.query(`SELECT envelope->'data'->>'amount' AS amount FROM payments.outbox WHERE envelope->>'type' = 'piawe.determined' AND envelope->>'subject' = $1`, [claimId]);
    expect(events.rows).toEqual([{ amount: '1050.00' }]);
    const notices = await db.query(`SELECT envelope->'data' AS d FROM payments.outbox WHERE envelope->>'type' = 'notice.requested' AND envelope->>'subject' = $1`, [claimId]);
    expect(notices.rows.map((r) => r.d)).toEqual([
      expect.objectContaining({ type: 'piawe-decision', to: ['employer', 'worker'], cause: 'piawe.determined', ref: determination, facts: { decidedBy: CARA[0] } }),
    ]); // signed by who determined it (issue 16)

    // Weeks 1-3 again: 95% × 1050 = 997.50, 47.50 more each: 142.50 arrears, made by the reviewer.
    const arrears = await eventually('arrears from the PIAWE change', async () => {
      const list = (await call(PAUL, 'GET', `/payments?claimId=${claimId}&status=generated`)).body.payments;
      return list.some((p: { kind: string }) => p.kind === 'arrears') && list;
    });
    expect(arrears).toEqual([expect.objectContaining({ kind: 'arrears', gross: '142.50', generatedBy: 'tess' })]);
    const detail = (await call(PAUL, 'GET', `/payments/${arrears[0].id}`)).body;
    expect(detail.explanation.weeks[0]).toContain('PIAWE 1000.00 → 1050.00');
    // Week 4 was not yet authorised: cancelled with the reason, and generated again at 997.50.
    const cancelled = (await call(PAUL, 'GET', `/payments/${week4}`)).body;
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.audit[cancelled.audit.length - 1].reason).toContain('now worth another amount');
    const regenerated = await call(OLIVIA, 'POST', `/claims/${claimId}/weekly-payments/generate`, { through: '2026-06-28' });
    expect(regenerated.body.generated.map((g: { week: number; gross: string }) => `${g.week}:${g.gross}`)).toEqual(['4:997.50']);
  });
});

/*
 * Issue 14, two people for what moves money: an interim PIAWE values every weekly payment made with
 * it, so it is held until a second person approves it (POST /piawe/:id/review), never its maker.
 * Until then nothing is generated with it; rejected, it never is; approved, it is in force, but a
 * final PIAWE stays in force over it.
 */
describe('an interim PIAWE waits for a second person', () => {
  /**
   * Injured Mon 2 Feb 2026, no capacity for two weeks (to Sun 15 Feb), provisional liability 5 Feb,
   * paid to the worker: its weeks all end by 15 Feb, so the weekly cycle over the book (below) finds
   * nothing more to pay on it.
   */
  const twoWeekClaim = async (claimNumber: string) => {
    const claimId = await publishClaim({
      claimNumber,
      policy: 'WI-5',
      doi: '2026-02-02',
      assignment,
      actions: [
        { type: 'liability.provisional', at: '2026-02-05' },
        { type: 'certificate.received', at: '2026-02-05', capacity: 'none', from: '2026-02-02', to: '2026-02-15' },
      ] as ClaimEvent[],
    });
    expect((await call(OLIVIA, 'PUT', `/claims/${claimId}/payee`, { paidBy: 'insurer', worker: workerAccount })).status).toBe(200);
    return claimId;
  };
  /** piaweInForce (what generation, reconciliation, remediation and estimates value with) on the test's connection. */
  const inForce = (claimId: string) => piaweInForce({ query: async (sql: string, params: unknown[]) => (await db.query(sql, params)).rows } as unknown as EntityManager, claimId);
  const generate = (claimId: string) => call(OLIVIA, 'POST', `/claims/${claimId}/weekly-payments/generate`, { through: '2026-02-15' });
  const outbox = async (claimId: string) =>
    (await db.query(`SELECT envelope->>'type' AS type FROM payments.outbox WHERE envelope->>'subject' = $1 AND envelope->>'type' IN ('piawe.determined', 'notice.requested')`, [claimId])).rows;
  const statuses = async (claimId: string) =>
    (await call(CARA, 'GET', `/claims/${claimId}/piawe`)).body.map((d: { basis: string; amount: string; status: string }) => `${d.basis}:${d.amount}:${d.status}`);

  it('is not in force until another person approves it, never by its maker; then payments are valued with it', async () => {
    const claimId = await twoWeekClaim(`${NUMBER}H`);
    // Tess, the claim's team leader, may both determine and review PIAWE: here she determines it.
    let r = await call(TESS, 'POST', `/claims/${claimId}/piawe`, { basis: 'interim', amount: '1000.00', reason: "employer's stated weekly wage" });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ basis: 'interim', status: 'awaiting-review', determinedBy: 'tess', reviewedBy: null });
    const id = r.body.id;

    // Held: not in force, and no weekly payment is generated with it.
    expect(await inForce(claimId)).toBeNull();
    r = await generate(claimId);
    expect({ status: r.status, problems: r.body.problems }).toEqual({ status: 422, problems: [{ field: 'piawe', problem: expect.stringContaining('once a second person approves it') }] });
    expect((await db.query(`SELECT count(*)::int AS n FROM payments.payments WHERE claim_id = $1`, [claimId])).rows[0].n).toBe(0);

    // Its maker cannot approve it (403 with the reason); the database refuses it too.
    r = await call(TESS, 'POST', `/piawe/${id}/review`, { decision: 'approve', note: 'my own estimate' });
    expect(r.status).toBe(403);
    expect(r.body.message).toBe('tess made this determination; a second person must review it');
    await expect(db.query(`UPDATE payments.piawe_determinations SET status = 'interim', reviewed_by = determined_by WHERE id = $1`, [id])).rejects.toThrow(/check constraint/);
    // Nor may a case manager, who is not a reviewer (the route's roles), even on her own claim.
    r = await call(CARA, 'POST', `/piawe/${id}/review`, { decision: 'approve', note: 'looks right' });
    expect(r.status).toBe(403);
    expect(r.body.message).toContain('role case-manager may not do this');
    expect(await inForce(claimId)).toBeNull();
    expect(await statuses(claimId)).toEqual(['interim:1000.00:awaiting-review']);

    // Paul, a payments officer, approves it: in force, and payments are valued with it.
    r = await call(PAUL, 'POST', `/piawe/${id}/review`, { decision: 'approve', note: 'matches the payroll summary' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ basis: 'interim', status: 'interim', determinedBy: 'tess', reviewedBy: 'paul', reviewNote: 'matches the payroll summary' });
    expect(await inForce(claimId)).toEqual({ id, basis: 'interim', status: 'interim', amount: '1000.00', amountAfter52Weeks: null });
    r = await generate(claimId);
    expect(r.status).toBe(200);
    // Weeks from Mon 2 Feb ended by Sun 15 Feb: s36(1) 95% × 1000 = 950.00.
    expect(r.body.generated.map((g: { week: number; gross: string }) => `${g.week}:${g.gross}`)).toEqual(['1:950.00', '2:950.00']);
    // As before the hold: an interim PIAWE publishes no piawe.determined and asks for no s43 notice.
    expect(await outbox(claimId)).toEqual([]);
    // Reviewed once only.
    expect((await call(OLIVIA, 'POST', `/piawe/${id}/review`, { decision: 'reject', note: 'again' })).status).toBe(422);
  });

  it('rejected, is never in force; a later one approved replaces the interim one in force', async () => {
    const claimId = await twoWeekClaim(`${NUMBER}J`);
    const first = await setInterimPiawe(call, claimId, { maker: CARA, approver: PAUL, amount: '900.00', reason: 'employer estimate' });

    let r = await call(CARA, 'POST', `/claims/${claimId}/piawe`, { basis: 'interim', amount: '1500.00', reason: 'a guess' });
    expect(r.status).toBe(201);
    const rejected = r.body.id;
    r = await call(TESS, 'POST', `/piawe/${rejected}/review`, { decision: 'reject', note: 'no evidence for 1500.00' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'rejected', reviewedBy: 'tess' });
    expect((await call(PAUL, 'POST', `/piawe/${rejected}/review`, { decision: 'approve', note: 'on second thoughts' })).status).toBe(422);
    // The rejected one never came into force: the approved 900.00 is still the one in force.
    expect((await inForce(claimId))?.id).toBe(first.body.id);

    const later = await setInterimPiawe(call, claimId, { maker: CARA, approver: TESS, amount: '1000.00', reason: 'payroll summary' });
    expect(await inForce(claimId)).toMatchObject({ id: later.body.id, amount: '1000.00' });
    expect(await statuses(claimId)).toEqual(['interim:900.00:superseded', 'interim:1500.00:rejected', 'interim:1000.00:interim']);
    r = await generate(claimId);
    expect(r.body.generated.map((g: { gross: string }) => g.gross)).toEqual(['950.00', '950.00']);
  });

  it('approved after a final PIAWE, does not replace it', async () => {
    const claimId = await twoWeekClaim(`${NUMBER}F`);
    // Sch 3 cl 3: the worker and the employer agree 1,050.00; Tess approves it: final.
    let r = await call(CARA, 'POST', `/claims/${claimId}/piawe`, { basis: 'agreement', amount: '1050.00', agreedOn: '2026-02-10', reason: 'worker and employer agree' });
    expect(r.status).toBe(201);
    const final = r.body.id;
    expect((await call(TESS, 'POST', `/piawe/${final}/review`, { decision: 'approve', note: 'agreement signed by both' })).body.status).toBe('final');

    await setInterimPiawe(call, claimId, { maker: CARA, approver: PAUL, amount: '800.00', reason: 'employer estimate, late' });
    expect(await statuses(claimId)).toEqual(['agreement:1050.00:final', 'interim:800.00:interim']);
    expect(await inForce(claimId)).toMatchObject({ id: final, status: 'final', amount: '1050.00' });
    // Valued with the final one: 95% × 1050 = 997.50.
    r = await generate(claimId);
    expect(r.body.generated.map((g: { gross: string }) => g.gross)).toEqual(['997.50', '997.50']);
    // Only the final one published piawe.determined and asked for the notice.
    expect((await outbox(claimId)).map((e: { type: string }) => e.type).sort()).toEqual(['notice.requested', 'piawe.determined']);
  });
});

describe('wage reimbursement schedules: reconciliation and reimbursement', () => {
  it('reimburses what the employer paid up to the entitlement and flags the differences', async () => {
    const claimNumber = `${NUMBER}E`;
    const claimId = await publishClaim({
      claimNumber,
      policy: 'WI-2',
      doi: '2026-03-02',
      assignment,
      actions: [
        { type: 'liability.provisional', at: '2026-03-03' },
        { type: 'certificate.received', at: '2026-03-03', capacity: 'some', from: '2026-03-02', to: '2026-04-26' },
      ] as ClaimEvent[],
    });
    expect((await call(OLIVIA, 'PUT', `/claims/${claimId}/payee`, { paidBy: 'employer', employer: { bsb: '082-001', account: '55501234', accountTitle: 'HARBOUR FREIGHT PTY LTD' } })).status).toBe(
      200,
    );
    await setInterimPiawe(call, claimId, { maker: CARA, approver: TESS, amount: '1200.00', reason: 'employer payroll summary' });
    // Employer-paid claims are not paid directly.
    expect((await call(OLIVIA, 'POST', `/claims/${claimId}/weekly-payments/generate`, { through: '2026-04-26' })).body.problems[0].field).toBe('paidBy');

    // s36(2), CWC, weeks 1-13: min(95% × 1200 − CWE, MAX − CWE) = 1140 − CWE.
    // Week 1 (2-8 Mar), CWE 300.00: 840.00; the employer paid 840.00: matched.
    // Week 2 (9-15 Mar), CWE 400.00: 740.00; the employer paid 800.00: 60.00 more than the entitlement.
    // A line for an unknown claim is recorded, not reimbursed.
    const csv = [
      'claim_number,period_start,period_end,hours_worked,gross_earnings,compensation_paid,payg_withheld',
      `${claimNumber},2026-03-02,2026-03-08,12,300.00,840.00,90.00`,
      `${claimNumber},2026-03-09,2026-03-15,16,400.00,800.00,85.00`,
      'NOPE-1,2026-03-02,2026-03-08,0,0.00,100.00,0.00',
    ].join('\n');
    const r = await call(OLIVIA, 'POST', '/wage-reimbursement-schedules?policyNumber=WI-2', csv);
    expect(r.status).toBe(201);
    expect(r.body.reconciliation.map((x: { line: number; status: string; entitlement: string | null; difference: string | null }) => [x.line, x.status, x.entitlement, x.difference])).toEqual([
      [2, 'matched', '840.00', '0.00'],
      [3, 'discrepancy', '740.00', '60.00'],
      [4, 'unknown-claim', null, null],
    ]);
    const reimbursements = (await call(PAUL, 'GET', `/payments?claimId=${claimId}`)).body.payments;
    expect(reimbursements.map((p: { kind: string; payee: string; gross: string; from: string }) => [p.kind, p.payee, p.gross, p.from])).toEqual([
      ['reimbursement', 'employer', '840.00', '2026-03-02'],
      ['reimbursement', 'employer', '740.00', '2026-03-09'],
    ]);
    const flagged = (await call(CARA, 'GET', '/wage-reimbursement-schedules/discrepancies')).body.lines;
    expect(flagged.map((f: { claimNumber: string; status: string }) => `${f.claimNumber}:${f.status}`)).toEqual(expect.arrayContaining([`${claimNumber}:discrepancy`]));
    // Issue 14: a line for a claim payments does not know is nobody's claim, so only a payments officer, who sees every claim, sees it.
    expect(flagged.map((f: { claimNumber: string }) => f.claimNumber)).not.toContain('NOPE-1');
    const all = (await call(PAUL, 'GET', '/wage-reimbursement-schedules/discrepancies')).body.lines;
    expect(all.map((f: { claimNumber: string; status: string }) => `${f.claimNumber}:${f.status}`)).toEqual(expect.arrayContaining([`${claimNumber}:discrepancy`, 'NOPE-1:unknown-claim']));
    // A page at a time: one line a page, each from the last, the whole list once.
    const walked: string[] = [];
    for (let after: string | null = null, pages = 0; pages === 0 || after; pages++) {
      const page = (await call(PAUL, 'GET', `/wage-reimbursement-schedules/discrepancies?limit=1${after ? `&after=${after}` : ''}`)).body;
      expect(page.lines.length).toBeLessThanOrEqual(1);
      walked.push(...page.lines.map((f: { scheduleId: string; line: number }) => `${f.scheduleId}:${f.line}`));
      after = page.next;
    }
    expect(walked).toEqual(all.map((f: { scheduleId: string; line: number }) => `${f.scheduleId}:${f.line}`));
    const unknownLine = `${randomUUID()}:1`;
    expect((await call(PAUL, 'GET', `/wage-reimbursement-schedules/discrepancies?after=${unknownLine}`)).body.problems).toEqual([
      { field: 'after', problem: `is no line of a schedule (${unknownLine})` },
    ]);
    expect((await call(PAUL, 'GET', '/wage-reimbursement-schedules/discrepancies?after=line-3')).body.problems[0].field).toBe('after');

    // Issue 14: the same schedule uploaded again (another key, or none) reimburses nothing twice; a
    // line that overlaps a reimbursed week is held too, and a new week is reimbursed as usual.
    const again = await call(OLIVIA, 'POST', '/wage-reimbursement-schedules?policyNumber=WI-2', [csv, `${claimNumber},2026-03-16,2026-03-22,0,0.00,1140.00,0.00`].join('\n'));
    expect(again.status).toBe(201);
    expect(again.body.reconciliation.map((x: { line: number; status: string; note: string }) => [x.line, x.status, x.note.replace(/schedule [0-9a-f-]{36}/, 'schedule S')])).toEqual([
      [2, 'already-reimbursed', '2026-03-02 to 2026-03-08 overlaps 2026-03-02 to 2026-03-08, already reimbursed (schedule S, line 2); nothing reimbursed twice'],
      [3, 'already-reimbursed', '2026-03-09 to 2026-03-15 overlaps 2026-03-09 to 2026-03-15, already reimbursed (schedule S, line 3); nothing reimbursed twice'],
      [4, 'unknown-claim', 'no claim NOPE-1 is known to payments; nothing reimbursed'],
      [5, 'matched', expect.stringContaining('employer paid the entitlement')],
    ]);
    // A period that only overlaps a reimbursed one (a schedule refuses overlapping lines of its own).
    const overlap = await call(OLIVIA, 'POST', '/wage-reimbursement-schedules?policyNumber=WI-2', [csv.split('\n')[0], `${claimNumber},2026-03-05,2026-03-11,0,0.00,100.00,0.00`].join('\n'));
    expect(overlap.body.reconciliation.map((x: { status: string; note: string }) => [x.status, x.note.replace(/schedule [0-9a-f-]{36}/, 'schedule S')])).toEqual([
      ['already-reimbursed', '2026-03-05 to 2026-03-11 overlaps 2026-03-02 to 2026-03-08, already reimbursed (schedule S, line 2); nothing reimbursed twice'],
    ]);
    // Lines must belong to the schedule's policy: this claim is insured under WI-2, not WI-9.
    const otherPolicy = await call(OLIVIA, 'POST', '/wage-reimbursement-schedules?policyNumber=WI-9', [csv.split('\n')[0], `${claimNumber},2026-03-23,2026-03-29,0,0.00,1140.00,0.00`].join('\n'));
    expect(otherPolicy.body.reconciliation.map((x: { status: string; note: string }) => [x.status, x.note])).toEqual([
      ['other-policy', `claim ${claimNumber} is insured under policy WI-2, not the schedule's WI-9; nothing reimbursed`],
    ]);
    const after = (await call(PAUL, 'GET', `/payments?claimId=${claimId}`)).body.payments;
    expect(after.map((p: { gross: string; from: string }) => `${p.from}:${p.gross}`)).toEqual(['2026-03-02:840.00', '2026-03-09:740.00', '2026-03-16:1140.00']);
  });
});

describe('the weekly cycle over the book', () => {
  it('generates for every claim paid directly, skips those not ready, and authorises in bulk all or none', async () => {
    const ids: string[] = [];
    for (const n of [1, 2, 3, 4]) {
      const claimId = await publishClaim({
        claimNumber: `${NUMBER}B${n}`,
        policy: 'WI-4',
        doi: '2026-03-02',
        assignment,
        actions: [
          { type: 'liability.provisional', at: '2026-03-03' },
          { type: 'certificate.received', at: '2026-03-03', capacity: 'none', from: '2026-03-02', to: '2026-03-15' },
        ] as ClaimEvent[],
      });
      await call(OLIVIA, 'PUT', `/claims/${claimId}/payee`, { paidBy: 'insurer', worker: { ...workerAccount, accountTitle: `WORKER ${n}` } });
      // The fourth has no PIAWE yet: skipped, not failed.
      if (n < 4) await setInterimPiawe(call, claimId, { maker: CARA, approver: TESS, amount: '800.00', reason: 'estimate' });
      ids.push(claimId);
    }
    // Two weeks each (2-8 and 9-15 Mar), 95% × 800 = 760.00; the earlier claims have nothing new by 15 Mar.
    const r = await call(OLIVIA, 'POST', '/weekly-payments/generate', { through: '2026-03-15' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ payments: 6, gross: '4560.00' });
    const again = await call(OLIVIA, 'POST', '/weekly-payments/generate', { through: '2026-03-15' });
    expect(again.body).toMatchObject({ payments: 0, gross: '0.00' });

    const waiting: string[] = [];
    for (const id of ids) waiting.push(...(await call(PAUL, 'GET', `/payments?claimId=${id}&status=generated`)).body.payments.map((p: { id: string }) => p.id));
    expect(waiting).toHaveLength(6);
    let a = await call(OLIVIA, 'POST', '/payments/authorise', { ids: waiting });
    expect(a.status).toBe(403);
    expect(a.body.problems).toHaveLength(6);
    expect(a.body.problems[0]).toEqual({ field: 'ids[0]', problem: 'olivia generated it; another person must authorise it (maker-checker)' });
    a = await call(PAUL, 'POST', '/payments/authorise', { ids: [...waiting, waiting[0]] });
    expect(a.status).toBe(400);
    a = await call(PAUL, 'POST', '/payments/authorise', { ids: [...waiting, randomUUID()] });
    expect(a.status).toBe(422);
    expect((await call(PAUL, 'GET', `/payments/${waiting[0]}`)).body.status).toBe('generated');
    a = await call(PAUL, 'POST', '/payments/authorise', { ids: waiting, note: 'weekly cycle 15 Mar' });
    expect(a.body).toEqual({ authorised: 6 });
  });
});

describe('GET /payments, a page at a time', () => {
  it("walks a claim's payments in order from each page's cursor, and refuses a cursor that names no payment", async () => {
    const claimId = await payableClaim(publisher, db, call, { claimNumber: `${NUMBER}L`, policy: 'WI-1', account: workerAccount, maker: OLIVIA, caseManager: CARA, teamLeader: TESS });
    // 17 weeks generated in one transaction: one generated_at, so the week (period_from) and then the id order them.
    expect((await call(OLIVIA, 'POST', `/claims/${claimId}/weekly-payments/generate`, { through: '2026-05-31' })).body.generated).toHaveLength(17);
    const whole = (await call(PAUL, 'GET', `/payments?claimId=${claimId}&status=generated&limit=500`)).body;
    expect(whole.next).toBeNull();
    expect(whole.payments.map((p: { week: number }) => p.week)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));

    const pages: { payments: { id: string }[]; next: string | null }[] = [];
    let after: string | null = null;
    do {
      const r = await call(PAUL, 'GET', `/payments?claimId=${claimId}&status=generated&limit=5${after ? `&after=${after}` : ''}`);
      expect(r.status).toBe(200);
      pages.push(r.body);
      after = r.body.next;
    } while (after);
    // 5 + 5 + 5 + 2, each page's cursor its last payment, and together the whole list once.
    expect(pages.map((p) => p.payments.length)).toEqual([5, 5, 5, 2]);
    expect(pages.slice(0, 3).map((p) => p.next)).toEqual(pages.slice(0, 3).map((p) => p.payments[4].id));
    expect(pages.flatMap((p) => p.payments.map((x) => x.id))).toEqual(whole.payments.map((p: { id: string }) => p.id));

    const unknown = randomUUID();
    const refused = await call(PAUL, 'GET', `/payments?after=${unknown}`);
    expect({ status: refused.status, problems: refused.body.problems }).toEqual({ status: 400, problems: [{ field: 'after', problem: `is no payment (${unknown})` }] });
    const bad = await call(PAUL, 'GET', '/payments?after=week-5&limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.problems.map((p: { field: string }) => p.field).sort()).toEqual(['after', 'limit']);
  });
});
