import { pdfText } from '../testing/pdf-text';
import { caseConferenceSummaryData, caseConferenceSummaryV2 } from './case-conference-summary';
import { letterText } from './letter-text';
import { LOCAL_INSURER } from './letterhead';
import { renderLetter } from './render';

const data = {
  claimNumber: 'WC0071123',
  issuedOn: '2026-07-09',
  worker: { givenName: 'Caspian', familyName: 'Mwangi' },
  heldOn: '2026-07-08',
  attendees: [
    { name: 'Caspian Mwangi', role: 'Injured worker' },
    { name: 'Rosalind Achebe', role: 'Warehouse supervisor, Tallowwood Freight' },
    { name: 'Soraya Lindqvist', role: 'Case manager' },
  ],
  agreed: ['Caspian will start in the dispatch bay at four hours a day', 'No lifting over 8 kg until Dr Pike reviews Caspian again'],
  actions: [
    { action: 'Write a return to work plan for the dispatch bay.', responsible: 'Rosalind Achebe', dueOn: '2026-07-13' },
    { action: 'Book a review appointment with Dr Pike', responsible: 'Caspian Mwangi', dueOn: '2026-07-20' },
  ],
  nextSteps: ['Soraya Lindqvist will call everyone after the first week of the plan'],
  nextReviewOn: '2026-08-05',
  correctionsWithinDays: 7,
  contact: { caseManager: 'Soraya Lindqvist', phone: '02 9555 0149', email: 'soraya.lindqvist@example.org' },
};
const t = caseConferenceSummaryV2;
const oneLine = (s: string) => s.replace(/\s+/g, ' ');
const compose = (d: unknown) => t.compose(caseConferenceSummaryData.parse(d), LOCAL_INSURER);
const pdf = async (d: unknown) => renderLetter(t, compose(d), { compress: false });
const FOOTER = /\|\s+page \d+ of \d+\s+\|/;
const render = async (d: unknown) => letterText(compose(d));
const paths = (d: unknown) => {
  const r = caseConferenceSummaryData.safeParse(d);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('case-conference-summary v2 (case conference guide)', () => {
  it('is the case-conference-summary kind, version 2', () => {
    expect([t.kind, t.name, t.version]).toEqual(['case-conference-summary', 'case-conference-summary', 2]);
  });

  it('prints the claim number and the template on the foot of each page', async () => {
    const footers = pdfText(await pdf(data))
      .split('\n')
      .filter((l) => FOOTER.test(l));
    expect(footers.length).toBeGreaterThan(0);
    for (const l of footers) expect(l).toMatch(/^Claim number WC0071123\s+\|\s+page \d+ of \d+\s+\|\s+case-conference-summary@v2$/);
  });

  it('prints the date held, who attended and the points agreed', async () => {
    const text = await render(data);
    expect(text).toContain('Date held 8 July 2026');
    expect(text).toContain("about Caspian Mwangi's workers compensation claim on 8 July 2026");
    for (const p of data.attendees) expect(text).toContain(`${p.name}, ${p.role}`);
    expect(text).toContain('Caspian will start in the dispatch bay at four hours a day');
    expect(text).toContain('No lifting over 8 kg until Dr Pike reviews Caspian again');
    expect(text).toContain('Claim number WC0071123');
    expect(oneLine(pdfText(await pdf(data)))).toContain('9 July 2026');
  });

  it('prints each action with who is responsible and by when', async () => {
    const text = await render(data);
    expect(text).toContain('Write a return to work plan for the dispatch bay. Responsible: Rosalind Achebe. Due by 13 July 2026.');
    expect(text).toContain('Book a review appointment with Dr Pike. Responsible: Caspian Mwangi. Due by 20 July 2026.');
  });

  it('prints the next steps and the next review date', async () => {
    const text = await render(data);
    expect(text).toContain('Soraya Lindqvist will call everyone after the first week of the plan');
    expect(text).toContain('Next review 5 August 2026');
    expect(text).toContain('We will review progress on 5 August 2026.');
  });

  it('invites corrections within the stated number of days, with the date that gives', async () => {
    const text = await render(data);
    expect(text).toContain('tell the case manager, Soraya Lindqvist, within 7 days of the date of this letter, that is by 16 July 2026.');
    expect(text).toContain('You can call 02 9555 0149 or email soraya.lindqvist@example.org.');
    const one = await render({ ...data, issuedOn: '2026-07-31', correctionsWithinDays: 1 });
    expect(one).toContain('within 1 day of the date of this letter, that is by 1 August 2026.');
  });

  it('says so when no actions were agreed or no review date was set', async () => {
    const { nextReviewOn: _, ...noReview } = data;
    const text = await render({ ...noReview, actions: [] });
    expect(text).toContain('No actions were agreed at the conference.');
    expect(text).toContain('Next review Not set yet');
    expect(text).toContain('We have not set a date to review progress yet.');
  });

  it('refuses dates out of order, naming the action', () => {
    expect(paths({ ...data, issuedOn: '2026-07-07' })).toEqual(['issuedOn']);
    expect(paths({ ...data, actions: [data.actions[0], { ...data.actions[1], dueOn: '2026-07-01' }] })).toEqual(['actions.1.dueOn']);
    expect(paths({ ...data, nextReviewOn: '2026-07-07' })).toEqual(['nextReviewOn']);
  });

  it('names each bad field', () => {
    expect(paths({ ...data, agreed: [], nextSteps: [], correctionsWithinDays: 2.5, heldOn: '8 July 2026', extra: 1 })).toEqual(
      expect.arrayContaining(['agreed', 'nextSteps', 'correctionsWithinDays', 'heldOn', '']),
    );
    expect(paths({ ...data, correctionsWithinDays: '7' })).toEqual(['correctionsWithinDays']);
    expect(paths({ ...data, correctionsWithinDays: 0 })).toEqual(['correctionsWithinDays']);
    expect(paths({ ...data, actions: [{ action: 'Call Dr Pike', dueOn: '2026-07-10' }] })).toEqual(['actions.0.responsible']);
    expect(paths({ ...data, contact: { ...data.contact, role: 'Case manager' } })).toEqual(['contact']);
  });
});
