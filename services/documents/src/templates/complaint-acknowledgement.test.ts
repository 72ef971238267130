import { pdfText } from '../testing/pdf-text';
import { complaintAcknowledgementData, complaintAcknowledgementV2 } from './complaint-acknowledgement';
import { letterText } from './letter-text';
import { LOCAL_INSURER } from './letterhead';
import { renderLetter } from './render';

const data = {
  claimNumber: 'WC0064409',
  issuedOn: '2026-06-03',
  complainant: { givenName: 'Perpetua', familyName: 'Vanderlaan' },
  receivedOn: '2026-06-02',
  summary: 'Your reimbursement for travel to Dr Haskell Moribund on 12 May 2026 has not been paid, and your calls about it were not returned.',
  handler: { name: 'Ignatius Oduya', role: 'Complaints Manager', phone: '02 9555 0188', email: 'ignatius.oduya@example.org' },
  respondBy: '2026-06-05',
  contact: { caseManager: 'Hamish Adeyemi', phone: '02 9555 0274', email: 'hamish.adeyemi@example.org' },
};
const t = complaintAcknowledgementV2;
const oneLine = (s: string) => s.replace(/\s+/g, ' ');
const compose = (d: unknown) => t.compose(complaintAcknowledgementData.parse(d), LOCAL_INSURER);
const pdf = async (d: unknown) => renderLetter(t, compose(d), { compress: false });
const FOOTER = /\|\s+page \d+ of \d+\s+\|/;
const render = async (d: unknown) => letterText(compose(d));
const paths = (d: unknown) => {
  const r = complaintAcknowledgementData.safeParse(d);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('complaint-acknowledgement v2 (program 8)', () => {
  it('is the complaint-acknowledgement kind, version 2', () => {
    expect([t.kind, t.name, t.version]).toEqual(['complaint-acknowledgement', 'complaint-acknowledgement', 2]);
  });

  it('prints the claim number and the template on the foot of each page', async () => {
    const footers = pdfText(await pdf(data))
      .split('\n')
      .filter((l) => FOOTER.test(l));
    expect(footers.length).toBeGreaterThan(0);
    for (const l of footers) expect(l).toMatch(/^Claim number WC0064409\s+\|\s+page \d+ of \d+\s+\|\s+complaint-acknowledgement@v2$/);
  });

  it('says we received the complaint and when, and summarises it', async () => {
    const text = await render(data);
    expect(text).toContain('Dear Perpetua Vanderlaan,');
    expect(text).toContain('We received your complaint on 2 June 2026.');
    expect(text).toContain('Complaint received 2 June 2026');
    expect(text).toContain('Your reimbursement for travel to Dr Haskell Moribund on 12 May 2026 has not been paid, and your calls about it were not returned.');
    expect(oneLine(pdfText(await pdf(data)))).toContain('3 June 2026');
    expect(text).toContain('Claim number WC0064409');
  });

  it('names who is handling it, with their role, phone and email, and the date we will respond by', async () => {
    const text = await render(data);
    expect(text).toContain('Handled by Ignatius Oduya, Complaints Manager');
    expect(text).toContain('Phone 02 9555 0188');
    expect(text).toContain('Email ignatius.oduya@example.org');
    expect(text).toContain('You can call them on 02 9555 0188 or email them at ignatius.oduya@example.org.');
    expect(text).toContain('We will respond by 5 June 2026');
    expect(text).toContain('We will give you our response by 5 June 2026.');
    // Program 8: the person managing the complaint signs the letter.
    expect(compose(data).closing).toEqual(['Yours sincerely,', 'Ignatius Oduya', 'Complaints Manager']);
  });

  it('gives the case manager for the rest of the claim: the complaint may be about them', async () => {
    const text = await render(data);
    expect(text).toContain(
      'The case manager for this claim is Hamish Adeyemi. For anything about the claim other than your complaint (which Ignatius Oduya is handling), call Hamish Adeyemi on 02 9555 0274 or email hamish.adeyemi@example.org.',
    );
    expect(text).toContain('You can also call us on 02 9000 0000 or write to us at Locked Bag 1, Sydney NSW 2001.');
  });

  it('says how to escalate: the IRO for workers, SIRA for employers and others', async () => {
    const text = await render(data);
    expect(text).toContain('If you are not happy with our response');
    expect(text).toContain('Independent Review Office (IRO) on 13 94 76');
    expect(text).toContain('State Insurance Regulatory Authority (SIRA)');
    expect(text).toContain('www.sira.nsw.gov.au');
  });

  it('addresses a complainant writing for an organisation', async () => {
    const text = await render({ ...data, complainant: { ...data.complainant, organisation: 'Gannetbrook Plastering Pty Ltd' } });
    expect(text).toContain('Perpetua Vanderlaan Gannetbrook Plastering Pty Ltd');
    const posted = compose({ ...data, complainant: { ...data.complainant, organisation: 'Gannetbrook Plastering Pty Ltd', address: ['PO Box 88', 'Gosford NSW 2250'] } });
    expect(posted.recipient).toEqual(['Perpetua Vanderlaan', 'Gannetbrook Plastering Pty Ltd', 'PO Box 88', 'Gosford NSW 2250']);
  });

  it('names each bad field', () => {
    expect(paths({ ...data, receivedOn: '2026-13-01', handler: { ...data.handler, email: 'not-an-email', phone: 'call me' }, summary: 'x'.repeat(601), extra: true })).toEqual(
      expect.arrayContaining(['receivedOn', 'handler.email', 'handler.phone', 'summary', '']),
    );
    expect(paths({ ...data, handler: { name: 'Ignatius Oduya' } })).toEqual(expect.arrayContaining(['handler.role', 'handler.phone', 'handler.email']));
  });

  it('refuses dates out of order', () => {
    expect(paths({ ...data, issuedOn: '2026-06-01' })).toEqual(['issuedOn']);
    expect(paths({ ...data, respondBy: '2026-06-02' })).toEqual(['respondBy']);
  });
});
