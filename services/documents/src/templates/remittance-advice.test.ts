import { createHash } from 'node:crypto';
import { pdfText } from '../testing/pdf-text';
import { documentRequestSchema } from './index';
import { isValidAbn } from '@wc/rules';
import { REMITTANCE_REASONS, remittanceAdviceData, remittanceAdviceV2 } from './remittance-advice';
import { LOCAL_INSURER } from './letterhead';
import { renderLetter } from './render';
import type { Letter } from './template';

const contact = { caseManager: 'Priya Raman', phone: '02 9555 0412', email: 'treatment@claims.example', postalAddress: 'PO Box 1180, North Sydney NSW 2059' };
/** Six lines, one of each outcome the letter explains differently: paid, reduced, refused, held twice. */
const data = {
  claimNumber: 'WC0000123',
  issuedOn: '2026-06-03',
  worker: { givenName: 'Anahera', familyName: 'Kowalczyk' },
  provider: { name: 'Northside Physio Pty Ltd', abn: '51824753556', bank: { bsb: '062-000', accountEnding: '678' } },
  payment: { reference: 'WC0000123 RA0042', processingDate: '2026-06-05', amount: '279.00' },
  lines: [
    { invoice: 'NP-1042', serviceDate: '2026-03-05', item: 'PTA001', description: 'initial consultation', units: 1, charged: '110.00', paid: '110.00', status: 'pay' },
    { invoice: 'NP-1042', serviceDate: '2026-03-12', item: 'PTA002', description: 'standard consultation', units: 1, charged: '95.00', paid: '92.00', status: 'reduce', reason: 'over-fee-order' },
    { invoice: 'NP-1057', serviceDate: '2026-03-19', item: 'PTA002', description: 'standard consultation', units: 1, charged: '77.00', paid: '77.00', status: 'pay' },
    { invoice: 'NP-1057', serviceDate: '2026-03-19', item: 'PTA002', description: 'standard consultation', units: 1, charged: '77.00', paid: '0.00', status: 'refuse', reason: 'duplicate' },
    { invoice: 'NP-1063', serviceDate: '2026-05-14', item: 'PTA002', description: 'standard consultation', units: 2, charged: '184.00', paid: '0.00', status: 'hold', reason: 'no-approval' },
    { invoice: 'NP-1063', serviceDate: '2026-05-21', item: 'PTA050', units: 1, charged: '60.00', paid: '0.00', status: 'hold', reason: 'provisional-cap' },
  ],
  contact,
};
const withLine = (i: number, change: Record<string, unknown>) => ({ ...data, lines: data.lines.map((l, j) => (j === i ? { ...l, ...change } : l)) });

const t = remittanceAdviceV2;
const oneLine = (s: string) => s.replace(/\s+/g, ' ');
const FOOTER = /\|\s+page \d+ of \d+\s+\|/;
const pdf = async (d: unknown, compress = false) => renderLetter(t, t.compose(remittanceAdviceData.parse(d), LOCAL_INSURER), { compress });
/** The PDF's text in one line, without the page footers (a footer can fall between two lines of a paragraph). */
const pdfTextOf = async (d: unknown) =>
  oneLine(
    pdfText(await pdf(d))
      .split('\n')
      .filter((l) => !FOOTER.test(l))
      .join('\n'),
  );
/** The composed letter's text in one line, as the blocks give it (facts rows as "label value"). */
const letterText = (l: Letter) =>
  oneLine(
    [
      l.title,
      ...l.recipient,
      l.salutation,
      ...l.body.map((b) => (b.kind === 'bullets' ? b.items.join(' ') : b.kind === 'facts' ? b.rows.map((r) => r.join(' ')).join(' ') : b.text)),
      ...l.closing,
    ].join(' '),
  );
const composed = (d: unknown) => letterText(t.compose(remittanceAdviceData.parse(d), LOCAL_INSURER));
/** The composed letter's text and the rendered PDF's text: each test checks both. */
const both = async (d: unknown) => [composed(d), await pdfTextOf(d)];
const issues = (d: unknown) => {
  const r = remittanceAdviceData.safeParse(d);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};
const badPaths = (d: unknown) => issues(d).map((i) => i.path);

describe('remittance-advice v2 (1987 Act s60, s61; SIRA fee orders; 1998 Act s280)', () => {
  it('is the remittance-advice kind, version 2', () => {
    expect([t.kind, t.name, t.version]).toEqual(['remittance-advice', 'remittance-advice', 2]);
  });

  it('the example ABN passes the checksum and a changed digit does not', () => {
    // 51 824 753 556: (5-1)*10 + 1*1 + 8*3 + 2*5 + 4*7 + 7*9 + 5*11 + 3*13 + 5*15 + 5*17 + 6*19 = 534 = 6 * 89.
    expect(isValidAbn('51824753556')).toBe(true);
    expect(isValidAbn('51824753557')).toBe(false);
    expect(isValidAbn('61824753556')).toBe(false);
    expect(isValidAbn('5182475355')).toBe(false);
    expect(badPaths(data)).toEqual([]);
  });

  it('is a remittance advice to the provider, with its name and ABN, about the worker and claim', async () => {
    for (const text of await both(data)) {
      expect(text).toContain('Remittance advice');
      expect(text).toContain('Dear Northside Physio Pty Ltd,');
      expect(text).toContain('ABN 51 824 753 556');
      expect(text).toContain('Paid to Northside Physio Pty Ltd');
      expect(text).toContain('Re: Anahera Kowalczyk, claim WC0000123');
      expect(text).toContain('Worker Anahera Kowalczyk');
      expect(text).toContain('Claim number WC0000123');
    }
    expect(t.compose(remittanceAdviceData.parse(data), LOCAL_INSURER).title).toBe('Remittance advice: claim WC0000123, payment WC0000123 RA0042');
  });

  it('gives the payment reference, processing date, total paid and the account as BSB and "account ending"', async () => {
    for (const text of await both(data)) {
      expect(text).toContain('Payment reference WC0000123 RA0042');
      expect(text).toContain('Processing date 5 June 2026');
      expect(text).toContain('Total paid $279.00');
      expect(text).toContain('Bank account BSB 062-000, account ending 678');
      expect(text).toContain(
        'This advice explains our payment of $279.00 for the treatment of Anahera Kowalczyk under workers compensation claim WC0000123. The payment goes to BSB 062-000, account ending 678, with processing date 5 June 2026, and will show on your bank statement with the reference WC0000123 RA0042. If this is not your account, please tell us straight away.',
      );
    }
  });

  it('lists every line: invoice, service date, item and description, units, charged, paid', async () => {
    for (const text of await both(data)) {
      expect(text).toContain('Invoice NP-1042, 5 March 2026: PTA001 initial consultation, 1 unit. Charged $110.00, paid $110.00. Paid in full.');
      expect(text).toContain('Invoice NP-1042, 12 March 2026: PTA002 standard consultation, 1 unit. Charged $95.00, paid $92.00. Paid in part:');
      expect(text).toContain('Invoice NP-1057, 19 March 2026: PTA002 standard consultation, 1 unit. Charged $77.00, paid $77.00. Paid in full.');
      expect(text).toContain('Invoice NP-1057, 19 March 2026: PTA002 standard consultation, 1 unit. Charged $77.00, paid $0.00. Not paid:');
      expect(text).toContain('Invoice NP-1063, 14 May 2026: PTA002 standard consultation, 2 units. Charged $184.00, paid $0.00. Held, not paid yet:');
      expect(text).toContain('Invoice NP-1063, 21 May 2026: PTA050, 1 unit. Charged $60.00, paid $0.00. Held, not paid yet:');
      expect(text).toContain('Total charged: $603.00. Total paid: $279.00.');
    }
    const letter = t.compose(remittanceAdviceData.parse(data), LOCAL_INSURER);
    const list = letter.body.find((b) => b.kind === 'bullets');
    expect(list?.kind === 'bullets' && list.items.length).toBe(6);
  });

  it('explains in plain words, with the law, why each line was not paid in full', async () => {
    for (const text of await both(data)) {
      expect(text).toContain('Paid in part: we paid the maximum fee for this item in the SIRA fee order, which is less than the amount charged (1987 Act s61).');
      expect(text).toContain('Not paid: we have already paid for this service (the same practitioner, date and item), or are already holding it on an earlier line.');
      expect(text).toContain('Held, not paid yet: this treatment needs our approval beforehand and is not yet approved; we will assess it again when the treatment is approved (1987 Act s60(2A)).');
      expect(text).toContain(
        'Held, not paid yet: paying it would take the medical expenses paid on this claim over the limit that applies while liability is provisional (1998 Act s280); we will assess it again when liability is decided.',
      );
      expect(text).toContain('We did not pay 4 lines in full: the list above says why for each one. A line that is held has not been refused: we will assess it again as its explanation says.');
    }
  });

  it('has one sentence for every reason code, each different', () => {
    const refuseReasons = ['unknown-provider', 'provider-not-eligible', 'unknown-item', 'before-injury', 'liability-disputed', 'outside-entitlement-period', 'duplicate'];
    const statusOf = (r: string) => (r === 'over-fee-order' ? 'reduce' : refuseReasons.includes(r) ? 'refuse' : 'hold');
    const sentences = REMITTANCE_REASONS.map((reason) => {
      const status = statusOf(reason);
      const paid = status === 'reduce' ? '90.00' : '0.00';
      const d = { ...data, payment: { ...data.payment, amount: status === 'reduce' ? '200.00' : '110.00' }, lines: [data.lines[0], { ...data.lines[1], status, reason, paid }] };
      expect(badPaths(d)).toEqual([]);
      const list = t.compose(remittanceAdviceData.parse(d), LOCAL_INSURER).body.find((b) => b.kind === 'bullets');
      const item = list?.kind === 'bullets' ? list.items[1] : '';
      expect(item).toMatch(/\.$/);
      return item.slice(item.indexOf(': ', item.indexOf('paid $')) + 2);
    });
    expect(REMITTANCE_REASONS).toHaveLength(11);
    expect(new Set(sentences).size).toBe(11);
    const text = sentences.join(' ');
    expect(text).toContain('registration was suspended, cancelled or under conditions imposed after a disciplinary process');
    expect(text).toContain("after the end of the worker's entitlement to medical expenses on this claim (1987 Act s59A)");
    expect(text).toContain('we have disputed liability for this claim');
    expect(text).toContain('the sessions or units we approved have all been used');
  });

  it('says the amounts exclude GST, and how to query the remittance', async () => {
    for (const text of await both(data)) {
      expect(text).toContain('All amounts in this advice, including the total paid, exclude GST: we assessed each line, and compared it with the SIRA fee order, on its amount excluding GST.');
      expect(text).toContain('Questions about this payment');
      expect(text).toContain(
        'If you have a question about this remittance advice, please contact Priya Raman on 02 9555 0412 or at treatment@claims.example, and quote claim number WC0000123 and payment reference WC0000123 RA0042.',
      );
      expect(text).toContain('Corrected invoices can be sent to treatment@claims.example or PO Box 1180, North Sydney NSW 2059.');
    }
  });

  it('is signed by the provider payments contact, and addressed to the provider with its postal address when recorded', () => {
    const letter = t.compose(remittanceAdviceData.parse({ ...data, provider: { ...data.provider, address: ['PO Box 31', 'North Sydney NSW 2059'] } }), LOCAL_INSURER);
    expect(letter.closing).toEqual(['Yours sincerely,', 'Priya Raman', 'Payments to treatment providers']);
    expect(letter.recipient).toEqual(['Northside Physio Pty Ltd', 'PO Box 31', 'North Sydney NSW 2059', 'ABN 51 824 753 556', 'Re: Anahera Kowalczyk, claim WC0000123']);
  });

  it('leaves out the not-paid-in-full paragraph when every line is paid in full', async () => {
    const d = { ...data, payment: { ...data.payment, amount: '187.00' }, lines: [data.lines[0], data.lines[2]] };
    for (const text of await both(d)) {
      expect(text).not.toContain('in full: the list above');
      expect(text).toContain('Total charged: $187.00. Total paid: $187.00.');
    }
    const reducedOnly = { ...data, payment: { ...data.payment, amount: '202.00' }, lines: [data.lines[0], data.lines[1]] };
    expect(composed(reducedOnly)).toContain('We did not pay 1 line in full: the list above says why for each one. If you think');
  });

  it('puts the claim number and the template version in every page footer, and reads the same compressed', async () => {
    const footers = pdfText(await pdf(data))
      .split('\n')
      .filter((l) => FOOTER.test(l));
    expect(footers.length).toBeGreaterThan(0);
    for (const f of footers) expect(f).toMatch(/^Claim number WC0000123\s+\|\s+page \d+ of \d+\s+\|\s+remittance-advice@v2$/);
    expect(oneLine(pdfText(await pdf(data, true)))).toContain('account ending 678');
  });

  it('is deterministic: equal data give equal bytes', async () => {
    const hash = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(hash(await pdf(data, true))).toBe(hash(await pdf(structuredClone(data), true)));
  });

  it('lays out 500 lines across pages with every line and a footer on each page', async () => {
    const lines = Array.from({ length: 500 }, (_, i) => ({ ...data.lines[i % 6], invoice: `NP-${2000 + i}` }));
    const paid = lines.filter((l) => l.paid !== '0.00').reduce((s, l) => s + Math.round(Number(l.paid) * 100), 0);
    const d = { ...data, lines, payment: { ...data.payment, amount: `${Math.floor(paid / 100)}.${String(paid % 100).padStart(2, '0')}` } };
    expect(badPaths(d)).toEqual([]);
    const raw = pdfText(await pdf(d)).split('\n');
    const pages = raw.filter((l) => FOOTER.test(l)).length;
    expect(pages).toBeGreaterThan(10);
    expect(pages).toBeLessThan(50);
    const text = oneLine(raw.filter((l) => !FOOTER.test(l)).join('\n'));
    for (const l of lines) expect(text).toContain(`Invoice ${l.invoice},`);
  });
});

describe('remittance-advice data', () => {
  it('refuses a total that does not add up, giving the sum', () => {
    expect(issues({ ...data, payment: { ...data.payment, amount: '282.00' } })).toEqual([{ path: 'payment.amount', message: 'must equal the sum of lines[].paid (279.00)' }]);
    expect(issues(withLine(0, { paid: '100.00', status: 'reduce', reason: 'over-fee-order' }))).toEqual([{ path: 'payment.amount', message: 'must equal the sum of lines[].paid (269.00)' }]);
  });

  it('refuses a payment of nothing', () => {
    const d = { ...data, payment: { ...data.payment, amount: '0.00' }, lines: [data.lines[3]] };
    expect(issues(d)).toEqual([{ path: 'payment.amount', message: 'must be more than 0.00: a remittance advice goes with a payment, and this one pays no line' }]);
  });

  it('refuses an ABN with a wrong check digit, or not 11 digits', () => {
    expect(issues({ ...data, provider: { ...data.provider, abn: '51824753557' } })).toEqual([{ path: 'provider.abn', message: 'is not a valid ABN (its check digits do not match)' }]);
    expect(badPaths({ ...data, provider: { ...data.provider, abn: '61824753556' } })).toEqual(['provider.abn']);
    expect(issues({ ...data, provider: { ...data.provider, abn: '51 824 753 556' } })).toEqual([{ path: 'provider.abn', message: 'must be the 11 digits of an ABN, digits only, e.g. "51824753556"' }]);
    expect(badPaths({ ...data, provider: { ...data.provider, abn: '5182475355' } })).toEqual(['provider.abn']);
    expect(badPaths({ ...data, provider: { ...data.provider, abn: 51824753556 } })).toEqual(['provider.abn']);
  });

  it('has no field for a full account number: only the BSB and the last 3 digits', () => {
    expect(Object.keys(remittanceAdviceData.shape.provider.shape.bank.shape).sort()).toEqual(['accountEnding', 'bsb']);
    const withAccount = { ...data, provider: { ...data.provider, bank: { ...data.provider.bank, account: '12345678' } } };
    expect(issues(withAccount)).toEqual([{ path: 'provider.bank', message: 'unknown field: account' }]);
    for (const accountEnding of ['12345678', '5678', '78', 678, '67a'])
      expect(issues({ ...data, provider: { ...data.provider, bank: { ...data.provider.bank, accountEnding } } })).toEqual([
        { path: 'provider.bank.accountEnding', message: expect.stringContaining('last 3 digits') },
      ]);
    for (const bsb of ['062000', '62-000', '062 000']) expect(badPaths({ ...data, provider: { ...data.provider, bank: { ...data.provider.bank, bsb } } })).toEqual(['provider.bank.bsb']);
    const text = composed(data);
    expect(text).not.toMatch(/\d{4,}678/);
  });

  it('refuses a paid amount on a held or refused line, or more than was charged', () => {
    expect(issues(withLine(3, { paid: '77.00' }))).toEqual(expect.arrayContaining([{ path: 'lines.3.paid', message: 'must be 0.00 when the status is refuse' }]));
    expect(issues(withLine(4, { paid: '10.00' }))).toEqual(expect.arrayContaining([{ path: 'lines.4.paid', message: 'must be 0.00 when the status is hold' }]));
    expect(issues({ ...withLine(1, { paid: '96.00' }), payment: { ...data.payment, amount: '283.00' } })).toEqual([{ path: 'lines.1.paid', message: 'must not be more than charged (95.00)' }]);
    expect(issues({ ...withLine(0, { paid: '100.00' }), payment: { ...data.payment, amount: '269.00' } })).toEqual([
      { path: 'lines.0.paid', message: 'must equal charged (110.00) when the status is pay' },
    ]);
    expect(issues({ ...withLine(1, { paid: '95.00' }), payment: { ...data.payment, amount: '282.00' } })).toEqual([
      { path: 'lines.1.paid', message: 'must be less than charged (95.00) when the status is reduce' },
    ]);
  });

  it('requires a reason for reduce, hold and refuse, refuses one for pay, and one that goes with another status', () => {
    expect(issues(withLine(1, { reason: undefined }))).toEqual([{ path: 'lines.1.reason', message: 'must be given when the status is reduce' }]);
    expect(issues(withLine(3, { reason: undefined }))).toEqual([{ path: 'lines.3.reason', message: 'must be given when the status is refuse' }]);
    expect(issues(withLine(4, { reason: undefined }))).toEqual([{ path: 'lines.4.reason', message: 'must be given when the status is hold' }]);
    expect(issues(withLine(0, { reason: 'duplicate' }))).toEqual([{ path: 'lines.0.reason', message: 'must be left out when the status is pay' }]);
    expect(issues(withLine(3, { reason: 'no-approval' }))).toEqual([{ path: 'lines.3.reason', message: 'goes with the status hold, not refuse' }]);
    expect(issues(withLine(4, { reason: 'duplicate' }))).toEqual([{ path: 'lines.4.reason', message: 'goes with the status refuse, not hold' }]);
    expect(issues(withLine(3, { reason: 'gone' }))[0]).toEqual({ path: 'lines.3.reason', message: `must be one of ${REMITTANCE_REASONS.join(', ')}` });
    expect(issues(withLine(3, { status: 'paid' }))[0]).toEqual({ path: 'lines.3.status', message: 'must be one of pay, reduce, hold, refuse' });
  });

  it('refuses no lines, more than 500, and units outside 1 to 99', () => {
    expect(badPaths({ ...data, lines: [] })).toEqual(['lines']);
    const many = Array.from({ length: 501 }, () => data.lines[0]);
    expect(issues({ ...data, lines: many, payment: { ...data.payment, amount: '55110.00' } })).toEqual([{ path: 'lines', message: 'must list at most 500 lines' }]);
    for (const units of [0, 100, 1.5, '1']) expect(issues(withLine(0, { units }))).toEqual([{ path: 'lines.0.units', message: 'must be a whole number from 1 to 99' }]);
    expect(badPaths(withLine(4, { units: 99 }))).toEqual([]);
  });

  it('refuses money that is not dollars and cents as a string, and a long bank reference, naming the field', () => {
    expect(badPaths(withLine(0, { charged: 110 }))).toEqual(['lines.0.charged']);
    expect(badPaths(withLine(0, { charged: '110' }))).toEqual(['lines.0.charged']);
    expect(badPaths({ ...data, payment: { ...data.payment, amount: '279' } })).toEqual(['payment.amount']);
    expect(issues({ ...data, payment: { ...data.payment, reference: 'WC0000123 RA0042 X' } })).toEqual([]);
    expect(issues({ ...data, payment: { ...data.payment, reference: 'WC0000123 RA0042 XY' } })).toEqual([
      { path: 'payment.reference', message: 'must be at most 18 characters (the reference on a bank statement)' },
    ]);
  });

  it('refuses an advice dated more than a week before the payment is processed, and bad dates', () => {
    expect(badPaths({ ...data, issuedOn: '2026-05-29' })).toEqual([]);
    expect(issues({ ...data, issuedOn: '2026-05-28' })).toEqual([{ path: 'issuedOn', message: 'must not be more than 7 days before payment.processingDate' }]);
    expect(badPaths({ ...data, issuedOn: '2026-02-30' })).toEqual(['issuedOn']);
    expect(badPaths(withLine(2, { serviceDate: '19/03/2026' }))).toEqual(['lines.2.serviceDate']);
  });

  it('names each other bad field', () => {
    expect(badPaths({ ...data, extra: 1 })).toEqual(['']);
    expect(badPaths(withLine(0, { extra: 1 }))).toEqual(['lines.0']);
    expect(badPaths(withLine(0, { invoice: ' ' }))).toEqual(['lines.0.invoice']);
    expect(badPaths({ ...data, worker: { givenName: 'Anahera' } })).toEqual(['worker.familyName']);
    expect(badPaths({ ...data, contact: { ...contact, email: 'nope' } })).toEqual(['contact.email']);
    expect(issues({ ...data, contact: { ...contact, phone: 'TBC' } })).toEqual([{ path: 'contact.phone', message: 'must be a phone number, e.g. "02 9000 1234"' }]);
    const { provider: _p, ...noProvider } = data;
    expect(badPaths(noProvider)).toEqual(['provider']);
  });

  it('is a document kind POST /documents accepts, naming a bad field under data', () => {
    const claimId = '4f6f1c4e-8a51-4d6f-9c37-2a0f1c3b7e11';
    expect(documentRequestSchema.parse({ claimId, kind: 'remittance-advice', data }).kind).toBe('remittance-advice');
    const r = documentRequestSchema.safeParse({ claimId, kind: 'remittance-advice', data: { ...data, payment: { ...data.payment, amount: '1.00' } } });
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join('.'))).toEqual(['data.payment.amount']);
  });
});
