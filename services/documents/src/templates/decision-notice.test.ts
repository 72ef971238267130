import { pdfText } from '../testing/pdf-text';
import { decisionNoticeData, decisionNoticeV2 } from './decision-notice';
import { letterText } from './letter-text';
import { LOCAL_INSURER } from './letterhead';
import { renderLetter } from './render';

const data = {
  claimNumber: 'WC0077104',
  issuedOn: '2026-06-12',
  worker: { givenName: 'Rosalind', familyName: 'Mbeki' },
  employer: { name: 'Tarrawarra Freight Pty Ltd' },
  decision: 'We dispute liability for your claim for a psychological injury.',
  effect: 'We will not pay weekly payments or medical expenses for the psychological injury.',
  decidedOn: '2026-06-11',
  takesEffectOn: '2026-06-29',
  issues: ['Whether work was the main contributing factor to the psychological injury', 'Whether the injury was caused by reasonable action taken about performance appraisal'],
  reasons: ['Dr Kellerman found that the condition arose from events outside work in January 2026.', 'The performance meeting on 14 April 2026 was reasonable action taken by the employer.'],
  provisions: ['Workers Compensation Act 1987 s4', 'Workers Compensation Act 1987 s11A', 'Workers Compensation Act 1987 s9A'],
  reports: [
    { title: 'Independent medical examination report', author: 'Dr Gerhardt Kellerman', date: '2026-05-28', supports: true, submittedBy: 'insurer' as const, reliedOn: true },
    { title: 'Treating psychologist report', author: 'Ms Odile Featherstonhaugh', date: '2026-05-02', supports: false, submittedBy: 'worker' as const, reliedOn: false },
    { title: 'File note of performance meeting', author: 'Jarrah Quennell', date: '2026-04-14', supports: true, submittedBy: 'employer' as const, reliedOn: true },
  ],
  review: { requestBy: '2026-07-10', outcomeWithinDays: 14 },
  copyToEmployer: true,
  contact: { caseManager: 'Ifeoma Castellanos', phone: '02 9555 0321', email: 'decision-reviews@example.org' },
  signatory: { name: 'Tobias Wren', role: 'Claims decision maker' },
};
const t = decisionNoticeV2;
const oneLine = (s: string) => s.replace(/\s+/g, ' ');
const compose = (d: unknown) => t.compose(decisionNoticeData.parse(d), LOCAL_INSURER);
const render = async (d: unknown) => letterText(compose(d));
const issuePaths = (d: unknown) => {
  const r = decisionNoticeData.safeParse(d);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('decision-notice v2 (s78/s79, Regulation cl 38)', () => {
  let text: string;
  beforeAll(async () => {
    text = await render(data);
  });

  it('is the decision-notice kind, version 2', () => {
    expect([t.kind, t.name, t.version]).toEqual(['decision-notice', 'decision-notice', 2]);
  });

  it('states the decision, the date of the decision and the date it takes effect', () => {
    expect(text).toContain('Our decision We dispute liability for your claim for a psychological injury.');
    expect(text).toContain('We made this decision on 11 June 2026. It takes effect on 29 June 2026.');
    expect(text).toContain('We will not pay weekly payments or medical expenses for the psychological injury.');
  });

  it('gives the reasons and the issues relevant to the decision', () => {
    expect(text).toContain('The issues we looked at');
    for (const issue of data.issues) expect(text).toContain(issue);
    expect(text).toContain('Why we made this decision');
    for (const reason of data.reasons) expect(text).toContain(reason);
  });

  it('identifies the provisions of the legislation relied on', () => {
    expect(text).toContain('We relied on these provisions of the workers compensation legislation:');
    for (const p of data.provisions) expect(text).toContain(p);
  });

  it('lists every report considered, each marked whether it supports the decision', () => {
    expect(text).toContain('Reports and documents we considered');
    expect(text).toContain('Independent medical examination report, by Dr Gerhardt Kellerman, dated 28 May 2026 (obtained by us). Supports our decision. We relied on it: copy enclosed.');
    expect(text).toContain('Treating psychologist report, by Ms Odile Featherstonhaugh, dated 2 May 2026 (given to us by you). Does not support our decision.');
    expect(text).toContain('File note of performance meeting, by Jarrah Quennell, dated 14 April 2026 (given to us by your employer). Supports our decision.');
  });

  it('identifies all reports and documents the worker and the employer gave us', async () => {
    expect(text).toContain('Reports and documents you and your employer gave us');
    expect(text).toContain('These are all the reports and documents you gave us: Treating psychologist report, by Ms Odile Featherstonhaugh, dated 2 May 2026');
    expect(text).toContain('These are all the reports and documents your employer, Tarrawarra Freight Pty Ltd, gave us: File note of performance meeting, by Jarrah Quennell, dated 14 April 2026');
    const onlyOurs = await render({ ...data, reports: [data.reports[0]] });
    expect(onlyOurs).toContain('You did not give us any reports or documents about this decision.');
    expect(onlyOurs).toContain('Your employer did not give us any reports or documents about this decision.');
  });

  it('says which reports are attached: copies of those relied on', async () => {
    expect(text).toContain(
      'Copies enclosed We have enclosed a copy of each report we relied on in making this decision: Independent medical examination report, by Dr Gerhardt Kellerman, dated 28 May 2026 File note of performance meeting, by Jarrah Quennell, dated 14 April 2026',
    );
    const none = await render({ ...data, reports: data.reports.map((r) => ({ ...r, reliedOn: false })) });
    expect(none).toContain('no copies are enclosed');
  });

  it('sets out the review procedure and its time limits from the data', async () => {
    expect(text).toContain('If you disagree: how to ask for a review');
    expect(text).toContain('Please ask by 10 July 2026, the date shown in the summary.');
    expect(text).toContain('write to us by email at decision-reviews@example.org or by post to Locked Bag 1, Sydney NSW 2001');
    expect(text).toContain('quote your claim number, WC0077104, and the date of the decision, 11 June 2026');
    expect(text).toContain('tell you the outcome in writing within 14 days of receiving your request');
    expect(text).toContain('Personal Injury Commission');
    const { review: _review, ...noLimits } = data;
    const plain = await render(noLimits);
    expect(plain).toContain('Please ask as soon as you can.');
    expect(plain).toContain('tell you the outcome in writing.');
    expect(plain).not.toContain('Ask for a review by');
  });

  it('says the worker can get advice or help, including from the IRO and legal services', () => {
    expect(text).toContain('Getting advice or help');
    expect(text).toContain('The Independent Review Office (IRO) gives free, independent help to injured workers, and can arrange free legal advice');
    expect(text).toContain('your own lawyer');
    // Reg cl 38: the IRO with how to reach it, in the contact section.
    expect(text).toContain('Independent Review Office (IRO) on 13 94 76 or at www.iro.nsw.gov.au');
    expect(text).toContain('Your case manager is Ifeoma Castellanos. If you have a question about this letter, or think something in it is wrong, call Ifeoma Castellanos on 02 9555 0321');
  });

  it('is signed by the person who made the decision, and addressed to the worker with their postal address', () => {
    const letter = compose({ ...data, worker: { ...data.worker, address: ['7 Fig Tree Place', 'Lismore NSW 2480'] } });
    expect(letter.closing).toEqual(['Yours sincerely,', 'Tobias Wren', 'Claims decision maker']);
    expect(letter.recipient).toEqual(['Rosalind Mbeki', '7 Fig Tree Place', 'Lismore NSW 2480']);
    expect(letterText(letter)).not.toContain('The claims team');
  });

  it('has the approved-form summary as its own section, with all its parts', () => {
    const summary = text.slice(text.indexOf('Summary of this decision'), text.indexOf('Our decision'));
    expect(summary).toContain('Summary of this decision');
    expect(summary).toContain('Decision We dispute liability for your claim for a psychological injury.');
    expect(summary).toContain('Date of decision 11 June 2026');
    expect(summary).toContain('Date the decision takes effect 29 June 2026');
    expect(summary).toContain('Ask for a review by 10 July 2026');
    expect(summary).toContain('(i) Effect of the decision We will not pay weekly payments or medical expenses for the psychological injury. The decision takes effect on 29 June 2026.');
    expect(summary).toContain('(ii) Your review rights You have the right to ask us to review this decision.');
    expect(summary).toContain('(iii) How to ask for a review Write to us at decision-reviews@example.org or Locked Bag 1, Sydney NSW 2001, quote claim number WC0077104');
    expect(summary).toContain('(iv) Legal and other help The Independent Review Office (IRO)');
  });

  it('prints the claim number, the worker, the date of the notice and the copy to the employer', async () => {
    expect(text).toContain('Dear Rosalind Mbeki,');
    expect(text).toContain('Claim number WC0077104');
    expect(text).toContain('We have sent a copy of this notice to your employer, Tarrawarra Freight Pty Ltd.');
    const pdf = oneLine(pdfText(await renderLetter(t, compose(data), { compress: false })));
    expect(pdf).toContain('12 June 2026');
    expect(pdf).toContain('decision-notice@v2');
  });

  it('refuses an effective date before the decision date, on takesEffectOn', () => {
    expect(issuePaths({ ...data, takesEffectOn: '2026-06-10' })).toEqual(['takesEffectOn']);
    expect(issuePaths({ ...data, takesEffectOn: '2026-06-11' })).toEqual([]);
  });

  it('requires at least one reason, one provision and one report', () => {
    expect(issuePaths({ ...data, reasons: [] })).toEqual(['reasons']);
    expect(issuePaths({ ...data, provisions: [] })).toEqual(['provisions']);
    expect(issuePaths({ ...data, reports: [] })).toEqual(['reports']);
    expect(issuePaths({ ...data, issues: [] })).toEqual(['issues']);
    const r = decisionNoticeData.safeParse({ ...data, provisions: [] });
    expect(r.success ? '' : r.error.issues[0].message).toBe('must name at least one provision of the legislation relied on');
  });

  it('refuses other bad data, naming each bad field', () => {
    const [first, ...rest] = data.reports;
    expect(issuePaths({ ...data, reports: [{ ...first, supports: 'yes' }, ...rest] })).toEqual(['reports.0.supports']);
    const { supports: _s, ...noSupports } = first;
    expect(issuePaths({ ...data, reports: [noSupports, ...rest] })).toEqual(['reports.0.supports']);
    expect(issuePaths({ ...data, reports: [first, { ...rest[0], date: '2026-13-01' }] })).toEqual(['reports.1.date']);
    expect(issuePaths({ ...data, reports: [{ ...first, submittedBy: 'doctor' }] })).toEqual(['reports.0.submittedBy']);
    expect(issuePaths({ ...data, reasons: ['  '] })).toEqual(['reasons.0']);
    expect(issuePaths({ ...data, issuedOn: '2026-06-10' })).toEqual(['issuedOn']);
    expect(issuePaths({ ...data, review: { requestBy: '2026-06-01' } })).toEqual(['review.requestBy']);
    expect(issuePaths({ ...data, review: { outcomeWithinDays: 2.5 } })).toEqual(['review.outcomeWithinDays']);
    expect(issuePaths({ ...data, decision: '' })).toEqual(['decision']);
    expect(issuePaths({ ...data, extra: 1 })).toEqual(['']);
    expect(issuePaths({ ...data, signatory: { name: '', role: 'Claims decision maker' } })).toEqual(['signatory.name']);
    const { signatory: _signatory, ...unsigned } = data;
    expect(issuePaths(unsigned)).toEqual(['signatory']);
  });
});
