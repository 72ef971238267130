import { EXCUSE_REASONS } from '@wc/contracts';
import { pdfText } from '../testing/pdf-text';
import { letterText } from './letter-text';
import { LOCAL_INSURER } from './letterhead';
import { renderLetter } from './render';
import { reasonableExcuseData, reasonableExcuseV2 } from './reasonable-excuse';

const data = {
  claimNumber: 'WC0031337',
  issuedOn: '2026-04-09',
  worker: { givenName: 'Tamsin', familyName: 'Achterberg' },
  employer: { name: 'Quollbridge Joinery Pty Ltd' },
  dateOfInjury: '2026-04-01',
  notificationDate: '2026-04-06',
  reason: 'insufficient-medical-information' as const,
  details: 'The certificate from Dr Ilse Varga dated 3 April 2026 does not name a diagnosis.',
  contact: { caseManager: 'Priya Oyelaran', phone: '02 9555 0147', email: 'claims-lodge@example.org' },
  signatory: { name: 'Dmitri Halvorsen', role: 'Team leader' },
};
const t = reasonableExcuseV2;
const oneLine = (s: string) => s.replace(/\s+/g, ' ');
const compose = (d: unknown) => t.compose(reasonableExcuseData.parse(d), LOCAL_INSURER);
const render = async (d: typeof data | Record<string, unknown>) => letterText(compose(d));
const issuePaths = (d: unknown) => {
  const r = reasonableExcuseData.safeParse(d);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('reasonable-excuse v2 (s268)', () => {
  it('is the reasonable-excuse kind, version 2', () => {
    expect([t.kind, t.name, t.version]).toEqual(['reasonable-excuse', 'reasonable-excuse', 2]);
  });

  it('prints the excuse, its explanation and the details given', async () => {
    const text = await render(data);
    expect(text).toContain('Our reason Not enough medical information');
    expect(text).toContain('We do not yet have enough medical information to understand your injury.');
    expect(text).toContain('The certificate from Dr Ilse Varga dated 3 April 2026 does not name a diagnosis.');
    expect(text).toContain('This is not a decision to refuse your claim.');
  });

  it('says the worker may claim and that a claim will be determined within 21 days', async () => {
    const text = await render(data);
    expect(text).toContain('You can make a claim');
    expect(text).toContain('we will decide your claim within 21 days of the day you make it');
  });

  it('says how to make a claim: what to send and where', async () => {
    const text = await render(data);
    expect(text).toContain('How to make a claim');
    expect(text).toContain('a completed workers compensation claim form');
    expect(text).toContain('a certificate of capacity from your doctor');
    expect(text).toContain('Email them to claims-lodge@example.org, or post them to Locked Bag 1, Sydney NSW 2001.');
  });

  it('says who to contact, including the Independent Review Office', async () => {
    const text = await render(data);
    expect(text).toContain('Who to contact');
    expect(text).toContain('Your case manager is Priya Oyelaran');
    expect(text).toContain('02 9555 0147');
    expect(text).toContain('Independent Review Office (IRO) on 13 94 76 or at www.iro.nsw.gov.au');
  });

  it('is signed by whoever decided not to start payments, and addressed to the worker with their postal address', () => {
    const letter = compose({ ...data, worker: { ...data.worker, address: ['14 Wattle Lane', 'Dubbo NSW 2830'] } });
    expect(letter.closing).toEqual(['Yours sincerely,', 'Dmitri Halvorsen', 'Team leader']);
    expect(letter.recipient).toEqual(['Tamsin Achterberg', '14 Wattle Lane', 'Dubbo NSW 2830']);
  });

  it('prints the claim number, the worker and the date of the notice', async () => {
    const text = await render(data);
    expect(text).toContain('WC0031337');
    expect(text).toContain('Dear Tamsin Achterberg,');
    expect(text).toContain('Quollbridge Joinery Pty Ltd');
    expect(text).toContain('Claim number WC0031337');
    const pdf = oneLine(pdfText(await renderLetter(t, compose(data), { compress: false })));
    expect(pdf).toContain('9 April 2026');
    expect(pdf).toContain('reasonable-excuse@v2');
  });

  it('explains every excuse reason the platform records, each differently', async () => {
    const seen = new Set<string>();
    for (const reason of EXCUSE_REASONS) {
      const letter = compose({ ...data, reason, details: undefined });
      const reasonText = letter.body.find((b) => b.kind === 'paragraph' && b.text.startsWith('Our reason: '));
      expect(reasonText).toBeDefined();
      seen.add(JSON.stringify(reasonText));
      const text = letterText(letter);
      expect(text).toContain('Our reason: ');
      expect(text).not.toContain('More about your situation');
    }
    expect(seen.size).toBe(EXCUSE_REASONS.length);
  });

  it('refuses bad data, naming each bad field', () => {
    expect(issuePaths({ ...data, reason: 'not-significant' })).toEqual(['reason']);
    expect(issuePaths({ ...data, worker: { givenName: ' ', familyName: 'Achterberg' } })).toEqual(['worker.givenName']);
    expect(issuePaths({ ...data, contact: { ...data.contact, email: 'not an email' } })).toEqual(['contact.email']);
    expect(issuePaths({ ...data, issuedOn: '2026-04-05' })).toEqual(['issuedOn']);
    expect(issuePaths({ ...data, notificationDate: '2026-03-31' })).toEqual(['notificationDate']);
    expect(issuePaths({ ...data, dateOfInjury: '2026-02-30' })).toEqual(['dateOfInjury']);
    expect(issuePaths({ ...data, extra: 1 })).toEqual(['']);
    const { contact: _contact, signatory: _signatory, ...noContact } = data;
    expect(issuePaths(noContact)).toEqual(['contact', 'signatory']);
    expect(issuePaths({ ...data, signatory: { name: 'Dmitri Halvorsen' } })).toEqual(['signatory.role']);
  });
});
