import { pdfText } from '../testing/pdf-text';
import { letterText } from './letter-text';
import { LOCAL_INSURER } from './letterhead';
import { renderLetter } from './render';
import { treatmentDecisionData, treatmentDecisionV2 } from './treatment-decision';

const approved = {
  claimNumber: 'WC0048213',
  issuedOn: '2026-06-04',
  worker: { givenName: 'Anahera', familyName: 'Kowalczyk' },
  recipient: { party: 'provider', name: 'Northside Physio' },
  treatment: 'physiotherapy, 8 sessions',
  provider: 'Northside Physio',
  requestedOn: '2026-05-18',
  estimatedCost: '760.00',
  decision: 'approved',
  decidedOn: '2026-06-03',
  reasons: ['Dr Ferreira-Lund reports that physiotherapy is needed to restore movement in the right shoulder'],
  conditions: ['8 sessions of physiotherapy', 'to be used by 31 August 2026'],
  contact: { caseManager: 'Tobias Ngata-Whyte', phone: '02 9555 0412', email: 'treatment@claims.example' },
  signatory: { name: 'Wiremu Castellanos-Reid', role: 'Medical decisions officer' },
};
const declined = {
  ...approved,
  recipient: { party: 'worker', name: 'Anahera Kowalczyk' },
  treatment: 'hydrotherapy, 10 sessions',
  estimatedCost: '1250.00',
  decision: 'declined',
  decidedOn: '2026-06-05',
  issuedOn: '2026-06-06',
  reasons: ['The independent medical examiner found that hydrotherapy is not reasonably necessary for the injury', 'Land-based physiotherapy has already been approved'],
  conditions: undefined,
};
const t = treatmentDecisionV2;
const FOOTER = /\|\s+page \d+ of \d+\s+\|/;
/** The letter's text in one line, without the page footers (a footer can fall between two lines of a paragraph). */
const compose = (d: unknown) => t.compose(treatmentDecisionData.parse(d), LOCAL_INSURER);
const textOf = async (d: unknown) => letterText(compose(d));
const issues = (d: unknown) => {
  const r = treatmentDecisionData.safeParse(d);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};
const badPaths = (d: unknown) => issues(d).map((i) => i.path);

describe('treatment-decision v2 (1998 Act s279, SoP S4, 1987 Act s60(2A))', () => {
  it('is the treatment-decision kind, version 2', () => {
    expect([t.kind, t.name, t.version]).toEqual(['treatment-decision', 'treatment-decision', 2]);
  });

  it('tells the provider the treatment, who asked, the decision, its date and the reasons', async () => {
    const text = await textOf(approved);
    expect(text).toContain('Dear Northside Physio,');
    expect(text).toContain('Re: Anahera Kowalczyk, claim WC0048213');
    expect(text).toContain('We have approved the treatment request');
    expect(text).toContain('Treatment asked for physiotherapy, 8 sessions');
    expect(text).toContain('Asked for by Northside Physio');
    expect(text).toContain('Request received 18 May 2026');
    expect(text).toContain('Estimated cost $760.00');
    expect(text).toContain('Decision Approved');
    expect(text).toContain('Date of decision 3 June 2026');
    expect(text).toContain('On 18 May 2026 we received your request for physiotherapy, 8 sessions for Anahera Kowalczyk. On 3 June 2026 we approved the request.');
    expect(text).toContain('Why we approved it Dr Ferreira-Lund reports that physiotherapy is needed to restore movement in the right shoulder.');
  });

  it('approved, to the provider: prints the conditions and says the treatment may now be provided and invoiced (s60(2A))', async () => {
    const text = await textOf(approved);
    expect(text).toContain('What is approved The approval is limited to the following: 8 sessions of physiotherapy to be used by 31 August 2026');
    expect(text).toContain('You may now provide the approved treatment to Anahera Kowalczyk and send us your invoices for it.');
    expect(text).toContain('Please send invoices to treatment@claims.example or Locked Bag 1, Sydney NSW 2001, and quote claim number WC0048213.');
    expect(text).toContain('wait for our approval before you provide it');
    expect(text).toContain(
      'The case manager for this claim is Tobias Ngata-Whyte. If you have a question about this letter, or think something in it is wrong, call Tobias Ngata-Whyte on 02 9555 0412 or email treatment@claims.example.',
    );
    expect(text).not.toContain('You can get free, independent help');
    expect(compose(approved).closing).toEqual(['Yours sincerely,', 'Wiremu Castellanos-Reid', 'Medical decisions officer']);
  });

  it('approved, to the worker: the provider can give and invoice the treatment, with IRO help', async () => {
    const text = await textOf({ ...approved, recipient: { party: 'worker', name: 'Anahera Kowalczyk' }, reasons: undefined, conditions: undefined });
    expect(text).toContain('Dear Anahera Kowalczyk,');
    expect(text).not.toContain('Re: ');
    expect(text).toContain('On 18 May 2026 we received a request from Northside Physio for physiotherapy, 8 sessions for your work injury. On 3 June 2026 we approved the request.');
    expect(text).toContain('Northside Physio can now give you the approved treatment and send the invoices to us.');
    expect(text).toContain('Your case manager is Tobias Ngata-Whyte. If you have a question about this letter, or think something in it is wrong, call Tobias Ngata-Whyte on 02 9555 0412');
    expect(text).toContain('Independent Review Office (IRO) on 13 94 76');
    expect(text).not.toContain('Why we approved it');
    expect(text).not.toContain('What is approved');
  });

  it('declined, to the worker: the reasons, the separate s78 decision notice and review, and free help from the IRO', async () => {
    const text = await textOf(declined);
    expect(text).toContain('We have declined the treatment request');
    expect(text).toContain('Decision Declined (not approved)');
    expect(text).toContain('Date of decision 5 June 2026');
    expect(text).toContain('On 5 June 2026 we declined the request.');
    expect(text).toContain(
      'Why we declined it The independent medical examiner found that hydrotherapy is not reasonably necessary for the injury. Land-based physiotherapy has already been approved.',
    );
    expect(text).toContain('With this letter we have sent you a separate decision notice (a section 78 notice, under the Workplace Injury Management and Workers Compensation Act 1998).');
    expect(text).toContain('tells you how to ask us to review the decision if you disagree');
    expect(text).toContain('You can get free, independent help from the Independent Review Office (IRO) on 13 94 76 or at www.iro.nsw.gov.au.');
    expect(text).not.toContain('You may now provide');
  });

  it('declined, to the provider: we will not pay, and the worker has been sent the decision notice', async () => {
    const letter = compose({ ...declined, recipient: { party: 'provider', name: 'Northside Physio', address: ['Shop 3, 88 Miller Street', 'North Sydney NSW 2060'] } });
    expect(letter.recipient).toEqual(['Northside Physio', 'Shop 3, 88 Miller Street', 'North Sydney NSW 2060', 'Re: Anahera Kowalczyk, claim WC0048213']);
    const text = letterText(letter);
    expect(text).toContain('Dear Northside Physio,');
    expect(text).toContain('Why we declined it The independent medical examiner found');
    expect(text).toContain('We will not pay for this treatment. If you provide it, we will not pay your invoices for it.');
    expect(text).toContain('We have sent Anahera Kowalczyk a decision notice that explains our decision and how they can ask us to review it.');
    expect(text).not.toContain('section 78 notice, under');
  });

  it('puts the claim number and the template version in every page footer', async () => {
    const lines = pdfText(await renderLetter(t, compose(declined), { compress: false })).split('\n');
    const footers = lines.filter((l) => FOOTER.test(l));
    expect(footers.length).toBeGreaterThan(0);
    for (const f of footers) expect(f).toMatch(/^Claim number WC0048213\s+\|\s+page \d+ of \d+\s+\|\s+treatment-decision@v2$/);
  });

  it('requires reasons when declined, and refuses conditions then', () => {
    expect(badPaths(approved)).toEqual([]);
    expect(badPaths(declined)).toEqual([]);
    expect(issues({ ...declined, reasons: undefined })).toEqual([{ path: 'reasons', message: 'must give at least one reason when the decision is declined' }]);
    expect(badPaths({ ...declined, reasons: [] })).toEqual(['reasons']);
    expect(issues({ ...declined, conditions: ['4 sessions'] })).toEqual([{ path: 'conditions', message: 'must be left out when the decision is declined (conditions apply only to an approval)' }]);
    expect(badPaths({ ...approved, reasons: undefined, conditions: undefined })).toEqual([]);
  });

  it('refuses dates out of order, naming the field', () => {
    expect(issues({ ...approved, decidedOn: '2026-05-17' })).toEqual([{ path: 'decidedOn', message: 'is before requestedOn' }]);
    expect(issues({ ...approved, issuedOn: '2026-06-02' })).toEqual([{ path: 'issuedOn', message: 'is before decidedOn' }]);
    expect(badPaths({ ...approved, decidedOn: '2026-05-18', issuedOn: '2026-05-18' })).toEqual([]);
  });

  it('refuses other bad data, naming each field', () => {
    expect(badPaths({ ...approved, decision: 'pending' })).toEqual(['decision']);
    expect(issues({ ...approved, recipient: { party: 'employer', name: 'X' } })).toEqual([{ path: 'recipient.party', message: 'must be one of provider, worker' }]);
    expect(badPaths({ ...approved, estimatedCost: 760 })).toEqual(['estimatedCost']);
    expect(badPaths({ ...approved, estimatedCost: '760' })).toEqual(['estimatedCost']);
    expect(badPaths({ ...approved, treatment: ' ' })).toEqual(['treatment']);
    expect(badPaths({ ...approved, requestedOn: '2026-02-30' })).toEqual(['requestedOn']);
    expect(badPaths({ ...approved, conditions: [] })).toEqual(['conditions']);
    expect(badPaths({ ...approved, contact: { ...approved.contact, email: 'nope' } })).toEqual(['contact.email']);
    expect(badPaths({ ...approved, recipient: { ...approved.recipient, address: ['12 Miller Street'] } })).toEqual(['recipient.address']);
    expect(badPaths({ ...approved, extra: 1 })).toEqual(['']);
    const { provider: _p, ...noProvider } = approved;
    expect(badPaths(noProvider)).toEqual(['provider']);
  });
});
