import { pdfText } from '../testing/pdf-text';
import { letterText } from './letter-text';
import { LOCAL_INSURER } from './letterhead';
import { renderLetter } from './render';
import { reviewOutcomeData, reviewOutcomeV2 } from './review-outcome';

const data = {
  claimNumber: 'WC0052817',
  issuedOn: '2026-05-20',
  worker: { givenName: 'Odalys', familyName: 'Brennerman' },
  decision: 'To decline payment for a second course of hydrotherapy at Riverbend Aquatic Clinic',
  decidedOn: '2026-04-28',
  decisionMaker: 'Jonah Fettercairn',
  requestedOn: '2026-05-08',
  reviewedOn: '2026-05-19',
  signatory: { name: 'Marisol Ekwueme', role: 'Senior Technical Specialist' },
  outcome: 'confirmed' as 'confirmed' | 'changed' | 'revoked',
  reasons: ['The report of Dr Quentin Abernathy dated 2 April 2026 says the first course gave no lasting improvement', 'Your treating physiotherapist recommends a gym program instead.'],
  contact: { caseManager: 'Anouk Delacroix-Baptiste', phone: '02 9555 0903', email: 'anouk.db@claims.example' },
};
const t = reviewOutcomeV2;
const oneLine = (s: string) => s.replace(/\s+/g, ' ');
const compose = (d: unknown) => t.compose(reviewOutcomeData.parse(d), LOCAL_INSURER);
const pdf = async (d: unknown) => renderLetter(t, compose(d), { compress: false });
const FOOTER = /\|\s+page \d+ of \d+\s+\|/;
const render = async (d: unknown) => letterText(compose(d));
const issues = (d: unknown) => {
  const r = reviewOutcomeData.safeParse(d);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};
const paths = (d: unknown) => issues(d).map((i) => i.path);

describe('review-outcome v2 (WIMWCA s287A; program 9)', () => {
  it('is the review-outcome kind, version 2', () => {
    expect([t.kind, t.name, t.version]).toEqual(['review-outcome', 'review-outcome', 2]);
  });

  it('prints the claim number and the template on the foot of each page', async () => {
    const footers = pdfText(await pdf(data))
      .split('\n')
      .filter((l) => FOOTER.test(l));
    expect(footers.length).toBeGreaterThan(0);
    for (const l of footers) expect(l).toMatch(/^Claim number WC0052817\s+\|\s+page \d+ of \d+\s+\|\s+review-outcome@v2$/);
  });

  it('prints the decision reviewed and its date, who reviewed it and when, the outcome and the reasons', async () => {
    const text = await render(data);
    expect(text).toContain('Dear Odalys Brennerman,');
    expect(text).toContain('Claim number WC0052817');
    expect(text).toContain('To decline payment for a second course of hydrotherapy at Riverbend Aquatic Clinic.');
    expect(text).toContain('Date of that decision 28 April 2026');
    expect(text).toContain('You asked for a review 8 May 2026');
    expect(text).toContain('Reviewed by Marisol Ekwueme, Senior Technical Specialist');
    expect(text).toContain('Date of the review 19 May 2026');
    expect(text).toContain('Outcome Decision confirmed (not changed)');
    expect(text).toContain('We have confirmed the decision. This means it stays as it was.');
    expect(text).toContain('They are not the person who made the original decision');
    expect(text).toContain('The report of Dr Quentin Abernathy dated 2 April 2026 says the first course gave no lasting improvement.');
    expect(text).toContain('Your treating physiotherapist recommends a gym program instead.');
    expect(text).not.toContain('Jonah Fettercairn');
    expect(oneLine(pdfText(await pdf(data)))).toContain('20 May 2026');
  });

  it('is signed by the reviewer, and gives the case manager to contact (the outcome had no contact before)', async () => {
    const letter = compose({ ...data, worker: { ...data.worker, address: ['3/22 Orchard Street', 'Orange NSW 2800'] } });
    expect(letter.closing).toEqual(['Yours sincerely,', 'Marisol Ekwueme', 'Senior Technical Specialist']);
    expect(letter.recipient).toEqual(['Odalys Brennerman', '3/22 Orchard Street', 'Orange NSW 2800']);
    const text = letterText(letter);
    expect(text).toContain(
      'Your case manager is Anouk Delacroix-Baptiste. If you have a question about this letter, or think something in it is wrong, call Anouk Delacroix-Baptiste on 02 9555 0903 or email anouk.db@claims.example.',
    );
    expect(text).toContain('Please quote your claim number, WC0052817, whenever you contact us.');
  });

  it('says what the worker can do next, including the Independent Review Office', async () => {
    const text = await render(data);
    expect(text).toContain('What you can do next');
    expect(text).toContain('Personal Injury Commission');
    expect(text).toContain('Independent Review Office (IRO) on 13 94 76 or at www.iro.nsw.gov.au');
    expect(text).toContain('a union or a lawyer');
  });

  it('prints the new decision when the decision was changed', async () => {
    const text = await render({ ...data, outcome: 'changed', newDecision: 'to pay for six further hydrotherapy sessions at Riverbend Aquatic Clinic.' });
    expect(text).toContain('Outcome Decision changed');
    expect(text).toContain('We have changed the decision. Our new decision is: to pay for six further hydrotherapy sessions at Riverbend Aquatic Clinic.');
    expect(text).toContain('your case manager will tell you what changes and from when');
  });

  it('says a revoked decision no longer applies', async () => {
    const text = await render({ ...data, outcome: 'revoked' });
    expect(text).toContain('Outcome Decision revoked (cancelled)');
    expect(text).toContain('We have revoked the decision. This means we have cancelled it and it no longer applies to you.');
    expect(text).toContain('you do not need to do anything about it');
  });

  it('refuses a review by the person who made the decision, on the signatory (the reviewer)', () => {
    expect(issues({ ...data, signatory: { name: '  jonah   FETTERCAIRN ', role: 'Case manager' } })).toEqual([
      { path: 'signatory.name', message: expect.stringContaining('must be a different person from decisionMaker') },
    ]);
  });

  it('needs a new decision exactly when the outcome is changed', () => {
    expect(paths({ ...data, outcome: 'changed' })).toEqual(['newDecision']);
    expect(paths({ ...data, newDecision: 'to pay for it' })).toEqual(['newDecision']);
  });

  it('names each bad field', () => {
    expect(paths({ ...data, outcome: 'upheld', reasons: [], decidedOn: '2026-02-30', extra: 1 })).toEqual(expect.arrayContaining(['outcome', 'reasons', 'decidedOn', '']));
    expect(paths({ ...data, worker: { givenName: ' ' } })).toEqual(expect.arrayContaining(['worker.givenName', 'worker.familyName']));
    expect(paths({ ...data, reviewer: 'Marisol Ekwueme' })).toEqual(['']);
    const { contact: _c, ...noContact } = data;
    expect(paths(noContact)).toEqual(['contact']);
  });

  it('refuses dates out of order', () => {
    expect(paths({ ...data, requestedOn: '2026-04-27' })).toEqual(['requestedOn']);
    expect(paths({ ...data, reviewedOn: '2026-05-07' })).toEqual(['reviewedOn']);
    expect(paths({ ...data, issuedOn: '2026-05-18' })).toEqual(['issuedOn']);
  });
});
