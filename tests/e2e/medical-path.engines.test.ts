import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { addDays, sydneyAt } from '@wc/rules';
import { Platform, eventually, http, newAbn, startPlatform, token } from './support';

// Issue 17 end to end on the real engines and processes: a claim under provisional liability, a
// physiotherapy request approved and approved for payment, invoices within the fee, over it,
// duplicated, beyond the $10,000 provisional cap and from a suspended provider, a worker's receipt;
// a payment run pays exactly the right lines to the right accounts, one bank line per payee, with a
// remittance advice per provider; liability accepted releases what the cap held. Amounts are worked
// by hand in the comments (fee order rows loaded below, not SIRA's fees).
jest.setTimeout(300_000);

let platform: Platform;
const today = sydneyAt(Date.now()).date;
const doi = addDays(today, -20);

/** A valid ABN, different each run (the register is kept between local runs): check digits found for a random tail. */
beforeAll(async () => {
  platform = await startPlatform({
    env: process.env,
    // Payments reads the claims topic in a group of its own, from now on (the topic holds other tests' claims).
    perProcess: { payments: { CLAIMS_CONSUMER_GROUP: `medical-e2e-${randomUUID()}`, CLAIMS_FROM_BEGINNING: 'false' } },
    basePort: 4401,
    only: ['claims', 'payments', 'documents', 'notifications', 'worker'],
  });
  // Authorised payments a local database kept from earlier runs may hold go into a run of their own first.
  const leftover = await http(platform.urls.payments, 'POST', '/payment-runs', {
    token: await token('payments-officer', 'po.cleanup'),
    body: { processingDate: today },
    headers: { 'idempotency-key': `e2e-leftovers-${randomUUID()}` },
  });
  expect([202, 422]).toContain(leftover.status);
});

afterAll(async () => {
  await platform?.stopAll();
});

const claims = (method: string, url: string, t: string, body?: unknown) => http(platform.urls.claims, method, url, { token: t, body });
const payments = (method: string, url: string, t: string, body?: unknown) => http(platform.urls.payments, method, url, { token: t, body });
const csv = async (url: string, t: string, text: string) => {
  const r = await fetch(`${platform.urls.payments}${url}`, { method: 'PUT', headers: { authorization: `Bearer ${t}`, 'content-type': 'text/csv' }, body: text });
  return { status: r.status, body: await r.json() };
};

it("pays a claim's treatment exactly as medical.md assesses it, one bank line per payee, and releases what the cap held", async () => {
  const admin = await token('admin', 'ad.min');
  const cm = await token('case-manager', 'cm.sam');
  const maker = await token('payments-officer', 'po.olivia');
  const checker = await token('payments-officer', 'po.paul');

  // The sample fee order the repository ships, and a hospital day for this test (neither is SIRA's).
  const sample = readFileSync(path.resolve(__dirname, '..', '..', 'services', 'payments', 'data', 'fee-order.SAMPLE-not-sira-fees.csv'), 'utf8');
  expect((await csv('/fee-order?source=the repository sample', admin, sample)).status).toBe(200);
  const hospitalDay = 'item,from,description,max_fee,exempt_from_approval\nTSTHOS,2020-01-01,TEST hospital day (e2e; not a SIRA fee),4000.00,true\n';
  expect((await csv('/fee-order?source=e2e test rows', admin, hospitalDay)).status).toBe(200);

  // Providers: a physiotherapist, a hospital, an exercise physiologist suspended since before the injury.
  const register = async (name: string, kind: string, registration: unknown[], account: string) => {
    const r = await payments('POST', '/providers', maker, { name, abn: newAbn(), kind, registration, bank: { bsb: '062-111', account, accountTitle: name.toUpperCase().slice(0, 32) } });
    expect({ status: r.status, problems: r.body.problems }).toEqual({ status: 201, problems: undefined });
    return r.body as { id: string; abn: string };
  };
  const physio = await register('Northside Physio', 'physiotherapist', [{ status: 'current', from: '2012-02-01' }], '11112222');
  const hospital = await register('Harbour Private Hospital', 'hospital', [{ status: 'current', from: '2001-01-01' }], '33334444');
  const ep = await register(
    'Westside Exercise Physiology',
    'exercise-physiologist',
    [
      { status: 'current', from: '2018-03-01' },
      { status: 'suspended', from: addDays(doi, -30) },
    ],
    '55556666',
  );
  const badAbn = await payments('POST', '/providers', maker, { name: 'Typo Pty Ltd', abn: '51824753557', kind: 'other-allied-health', registration: [{ status: 'current', from: '2020-01-01' }] });
  expect(badAbn.body.problems).toEqual([{ field: 'abn', problem: 'is not a valid ABN (its check digits do not match)' }]);

  // The claim, under provisional liability, and a physiotherapy request approved (docs/rules.md §8.1).
  const lodged = await claims('POST', '/claims', cm, {
    assignment: { caseManager: 'cm.sam', teamLeader: 'tl.jo' },
    worker: { givenName: 'Lina', familyName: 'Haddad', dateOfBirth: '1990-01-01' },
    employer: { name: 'Harbour Freight Pty Ltd', policyNumber: 'WI-700001' },
    injury: { dateOfInjury: doi, employerAwareOn: doi, nature: 'sprain-strain', bodyLocation: 'knee', likelySurgery: false, expectedIncapacityDays: 30, redFlags: [], yellowFlags: [] },
    notifiedAt: `${addDays(doi, 1)}T09:00:00+11:00`,
    notificationComplete: true,
    piawe: '1200.00',
  });
  expect(lodged.status).toBe(201);
  const claimId: string = lodged.body.id;
  await eventually('the workflow', async () => (await claims('GET', `/claims/${claimId}`, cm)).body?.workflow?.status === 'RUNNING');
  const act = async (body: Record<string, unknown>) => {
    const r = await claims('POST', `/claims/${claimId}/actions`, cm, body);
    expect({ status: r.status, problems: r.body.problems }).toEqual({ status: 202, problems: undefined });
    return r.body;
  };
  await act({ type: 'liability.provisional' });
  await act({ type: 'certificate.received', capacity: 'none', from: doi, to: addDays(today, 20) });
  const { outcome } = await act({ type: 'treatment.requested', treatment: 'physiotherapy, 4 sessions', provider: 'Northside Physio', cost: '368.00' });
  await act({ type: 'treatment.approved', ref: outcome.ref });
  await eventually('payments to know the approved request', async () => (await payments('GET', `/claims/${claimId}/medical`, cm)).body?.treatmentRequests?.[0]?.decision === 'approved');
  const approval = await payments('POST', `/claims/${claimId}/approvals`, cm, { treatmentRef: outcome.ref, providerId: physio.id, items: ['PTA002'], units: 4, from: doi, to: today });
  expect(approval.status).toBe(201);
  // An approval for a request that was never approved is refused with the reason.
  expect((await payments('POST', `/claims/${claimId}/approvals`, cm, { treatmentRef: 'nope', providerId: physio.id, items: ['PTA002'], units: 1, from: doi, to: today })).body.problems[0].field).toBe(
    'treatmentRef',
  );

  // The physiotherapist's invoice: within the fee, over it (98.00 → the fee), and the same service again.
  // The sample's PTA002 is 92.00 a unit from 1 Jul 2025 and 95.40 from 1 Jul 2026.
  const fee = addDays(doi, 6) >= '2026-07-01' ? '95.40' : '92.00';
  const invoice = (providerId: string, invoiceNumber: string, lines: unknown[], payee = 'provider') =>
    payments('POST', `/claims/${claimId}/invoices`, maker, { providerId, invoiceNumber, payee, lines });
  const np = await invoice(physio.id, 'NP-1042', [
    { serviceDate: addDays(doi, 5), item: 'PTA002', units: 1, charged: '92.00' },
    { serviceDate: addDays(doi, 6), item: 'PTA002', units: 1, charged: '98.00' },
    { serviceDate: addDays(doi, 6), item: 'PTA002', units: 1, charged: '92.00' },
  ]);
  expect(np.status).toBe(201);
  expect(np.body.lines.map((l: { status: string; payable: string; reason: string | null }) => [l.status, l.payable, l.reason])).toEqual([
    ['pay', '92.00', null],
    ['reduce', fee, 'over-fee-order'],
    ['refuse', '0.00', 'duplicate'],
  ]);
  // The same invoice again is the same invoice (200); the same number with other lines is a conflict.
  expect(
    (
      await invoice(
        physio.id,
        'NP-1042',
        np.body.lines.map((l: { serviceDate: string; item: string; units: number; charged: string }) => ({ serviceDate: l.serviceDate, item: l.item, units: l.units, charged: l.charged })),
      )
    ).status,
  ).toBe(200);
  expect((await invoice(physio.id, 'NP-1042', [{ serviceDate: addDays(doi, 7), item: 'PTA002', units: 1, charged: '92.00' }])).status).toBe(409);

  // The suspended provider: refused (1987 Act s60(2A)(d)).
  const west = await invoice(ep.id, 'WEP-7', [{ serviceDate: addDays(doi, 8), item: 'EP001', units: 1, charged: '99.00' }]);
  expect(west.body.lines.map((l: { status: string; reason: string }) => [l.status, l.reason])).toEqual([['refuse', 'provider-not-eligible']]);

  // The hospital: three days at 4,000.00. Paid so far under provisional liability: 92.00 + the fee
  // (187.40 at 95.40); + 4,000 = 4,187.40; + 4,000 = 8,187.40; the third would make 12,187.40 >
  // 10,000.00: held, the whole line (1998 Act s280).
  const hp = await invoice(
    hospital.id,
    'HPH-55',
    [0, 1, 2].map((d) => ({ serviceDate: addDays(doi, d), item: 'TSTHOS', units: 1, charged: '4000.00' })),
  );
  expect(hp.body.lines.map((l: { status: string; reason: string | null }) => [l.status, l.reason])).toEqual([
    ['pay', null],
    ['pay', null],
    ['hold', 'provisional-cap'],
  ]);
  // The case manager is told the line is held, and why.
  const task = await eventually('the held-line task', async () =>
    (await http(platform.urls.notifications, 'GET', '/notifications/tasks', { token: cm })).body.tasks.find(
      (t: { claimId: string; kind: string }) => t.claimId === claimId && t.kind === 'invoice-held',
    ),
  );
  expect(task.detail).toContain('HPH-55, line 3');

  // The worker's receipt for a GP visit (exempt from approval), paid to the worker's account.
  expect(
    (await payments('PUT', `/claims/${claimId}/payee`, maker, { paidBy: 'insurer', worker: { bsb: '062-000', account: '12345678', accountTitle: 'HADDAD LINA', taxScale: 'tax-free-threshold' } }))
      .status,
  ).toBe(200);
  const receipt = await invoice(physio.id, 'RCPT-1', [{ serviceDate: addDays(doi, 3), item: 'WCO001', units: 1, charged: '84.25' }], 'worker');
  expect(receipt.body.lines.map((l: { status: string; payable: string }) => [l.status, l.payable])).toEqual([['pay', '84.25']]);

  // Authorised by a second person; the maker cannot.
  const waiting = (await payments('GET', `/payments?claimId=${claimId}&status=generated`, checker)).body.payments as Array<{ id: string; kind: string; payee: string; gross: string }>;
  expect(waiting.map((p) => `${p.kind}:${p.payee}:${p.gross}`).sort()).toEqual(
    ['medical:provider:4000.00', 'medical:provider:4000.00', 'medical:provider:92.00', `medical:provider:${fee}`, 'medical:worker:84.25'].sort(),
  );
  expect((await payments('POST', `/payments/${waiting[0].id}/authorise`, maker, {})).status).toBe(403);
  // Paul's higher limit: proposed by one administrator, approved by another (issue 14).
  const limit = await http(platform.urls.payments, 'PUT', '/authority-limits/user:po.paul', { token: admin, body: { maxAmount: '20000.00' } });
  expect(limit.status).toBe(202);
  expect((await http(platform.urls.payments, 'POST', `/changes/${limit.body.changeId}/approve`, { token: await token('admin', 'it.admin2'), body: {} })).status).toBe(200);
  expect((await payments('POST', '/payments/authorise', checker, { ids: waiting.map((p) => p.id) })).status).toBe(200);

  // The run: one bank line per payee and account. Physio 92.00 + the fee (187.40 at 95.40); hospital
  // 4,000.00 + 4,000.00 = 8,000.00; the worker 84.25.
  const started = await http(platform.urls.payments, 'POST', '/payment-runs', { token: checker, body: { processingDate: today }, headers: { 'idempotency-key': `medical-e2e-${randomUUID()}` } });
  expect(started.status).toBe(202);
  const runId = started.body.id;
  await eventually('the run complete', async () => (await payments('GET', `/payment-runs/${runId}`, checker)).body.status === 'complete');
  const aba = await (await fetch(`${platform.urls.payments}/payment-runs/${runId}/aba`, { headers: { authorization: `Bearer ${checker}` } })).text();
  const details = aba
    .split('\r\n')
    .filter((r) => r.startsWith('1'))
    .map((r) => `${r.slice(1, 8)} ${r.slice(8, 17).trim()} ${Number(r.slice(20, 30)) / 100} ${r.slice(62, 80).trim()}`);
  const ref = `WC REMIT ${runId.slice(0, 8).toUpperCase()}`;
  const physioTotal = (9200 + Number(fee.replace('.', ''))) / 100;
  expect(details.sort()).toEqual([`062-000 12345678 84.25 ${ref}`, `062-111 11112222 ${physioTotal} ${ref}`, `062-111 33334444 8000 ${ref}`].sort());

  // A remittance advice for each provider paid (per claim), written by the documents service.
  const remittances = await eventually('the remittance advices', async () => {
    const r = (await payments('GET', `/payment-runs/${runId}/remittances`, checker)).body.remittances as Array<{ providerId: string; status: string; documentId: string }>;
    return r.length === 2 && r.every((x) => x.status === 'stored') && r;
  });
  expect(remittances.map((r) => r.providerId).sort()).toEqual([physio.id, hospital.id].sort());
  const pdf = await fetch(`${platform.urls.documents}/documents/${remittances.find((r) => r.providerId === hospital.id)!.documentId}/content`, { headers: { authorization: `Bearer ${checker}` } });
  expect(pdf.status).toBe(200);
  expect(
    Buffer.from(await pdf.arrayBuffer())
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');

  // Liability accepted: the cap no longer applies and the held day is assessed again, now payable.
  await act({ type: 'liability.accepted' });
  const released = await eventually('the held line released', async () => {
    const m = (await payments('GET', `/claims/${claimId}/medical`, cm)).body;
    const line = m.invoices.find((i: { invoiceNumber: string }) => i.invoiceNumber === 'HPH-55')?.lines[2];
    return line?.status === 'pay' && line;
  });
  expect(released).toMatchObject({ payable: '4000.00', assessments: 2, paymentStatus: 'generated' });
  await eventually(
    'its task closed',
    async () =>
      !(await http(platform.urls.notifications, 'GET', '/notifications/tasks', { token: cm })).body.tasks.some(
        (t: { claimId: string; kind: string }) => t.claimId === claimId && t.kind === 'invoice-held',
      ),
  );

  // The estimate says what each part counted, and keeps its history.
  const estimate = (await payments('GET', `/claims/${claimId}/estimate`, cm)).body;
  expect(estimate.current.medical).toMatchObject({ method: 'approvals and held lines' });
  // Approved 4 units of PTA002, 2 used: 2 left at the fee in force today (95.40 from 1 Jul 2026: 190.80).
  const left = today >= '2026-07-01' ? '190.80' : '184.00';
  expect(estimate.current.medical.counted).toContain(`${left} for 2 approved units not yet used`);
  expect(estimate.history.length).toBeGreaterThan(1);
});
