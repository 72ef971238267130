import { pdfText } from '../testing/pdf-text';
import { letterText } from './letter-text';
import { LOCAL_INSURER } from './letterhead';
import { calculatedPiawe, piaweDecisionData, piaweDecisionV2 } from './piawe-decision';
import { renderLetter } from './render';

/** The employer on the claim: 52 weeks less 3 weeks of unpaid leave (343 days, 49 weeks). */
const kestrelbay = {
  kind: 'this-employer',
  period: { from: '2025-02-12', to: '2026-02-10' },
  daysCounted: 343,
  earnings: [
    { description: 'Ordinary wages', amount: '61234.50' },
    { description: 'Weekend shift allowance', amount: '6122.25' },
  ],
  adjustments: [{ clause: 'Regulation clause 8E (unpaid leave)', effect: 'We left out 3 weeks of unpaid leave from 4 to 24 August 2025' }],
};
/** A second job, held since 16 August 2025 (Reg cl 8B): 176 days. */
const pelican = {
  kind: 'other-employment',
  employer: 'Pelican Cafe',
  period: { from: '2025-08-16', to: '2026-02-07' },
  daysCounted: 176,
  earnings: [{ description: 'Saturday wages', amount: '3987.07' }],
  adjustments: [{ clause: 'Regulation clause 8B', effect: 'You started this job on 16 August 2025, so the period starts then' }],
};
const data = {
  claimNumber: 'WC0088214',
  issuedOn: '2026-03-20',
  recipient: { party: 'worker', name: 'Leopoldine Ashworth' },
  worker: { givenName: 'Leopoldine', familyName: 'Ashworth' },
  employer: { name: 'Kestrelbay Civil Pty Ltd' },
  dateOfInjury: '2026-02-11',
  basis: 'calculated' as 'calculated' | 'interim' | 'agreement',
  employments: [kestrelbay, pelican] as unknown[],
  weeklyPayment: '1456.55',
  contact: { caseManager: 'Thaddeus Okonkwo', phone: '02 9555 0177', email: 'thaddeus.okonkwo@example.org' },
  signatory: { name: 'Imogen Vasquez-Holt', role: 'Work capacity decision maker' },
};
const toEmployer = { ...data, recipient: { party: 'employer', name: 'Kestrelbay Civil Pty Ltd', address: ['Yard 4, 17 Quarry Road', 'Kurnell NSW 2231'] } };
const t = piaweDecisionV2;
const compose = (d: unknown) => t.compose(piaweDecisionData.parse(d), LOCAL_INSURER);
const render = async (d: unknown) => letterText(compose(d));
const pdf = async (d: unknown) => renderLetter(t, compose(d), { compress: false });
const FOOTER = /\|\s+page \d+ of \d+\s+\|/;
const issues = (d: unknown) => {
  const r = piaweDecisionData.safeParse(d);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};
const paths = (d: unknown) => issues(d).map((i) => i.path);

describe('piawe-decision v2 (1987 Act Sch 3; s43(1)(d))', () => {
  it('is the piawe-decision kind, version 2', () => {
    expect([t.kind, t.name, t.version]).toEqual(['piawe-decision', 'piawe-decision', 2]);
  });

  it('prints the claim number and the template on the foot of each page', async () => {
    const footers = pdfText(await pdf(data))
      .split('\n')
      .filter((l) => FOOTER.test(l));
    expect(footers.length).toBeGreaterThan(0);
    for (const l of footers) expect(l).toMatch(/^Claim number WC0088214\s+\|\s+page \d+ of \d+\s+\|\s+piawe-decision@v2$/);
  });

  it('computes a calculated PIAWE from the earnings: each employment earnings × 7 ÷ days counted, to the cent, summed', async () => {
    // 67,356.75 × 7 ÷ 343 = 1,374.6276… → 1,374.63; 3,987.07 × 7 ÷ 176 = 158.5766… → 158.58.
    expect(calculatedPiawe(piaweDecisionData.parse(data).employments)).toBe('1533.21');
    const text = await render(data);
    expect(text).toContain('your pre-injury average weekly earnings (PIAWE) are $1,533.21 a week.');
    expect(text).toContain('PIAWE $1,533.21 a week');
    expect(text).toContain('Kestrelbay Civil Pty Ltd: earnings from 12 February 2025 to 10 February 2026, 343 days counted (49 weeks).');
    expect(text).toContain('Ordinary wages $61,234.50 Weekend shift allowance $6,122.25 Total $67,356.75 Weekly average $67,356.75 × 7 ÷ 343 days = $1,374.63');
    expect(text).toContain('Pelican Cafe: earnings from 16 August 2025 to 7 February 2026, 176 days counted (25 weeks and 1 day).');
    expect(text).toContain('Saturday wages $3,987.07 Total $3,987.07 Weekly average $3,987.07 × 7 ÷ 176 days = $158.58');
    expect(text).toContain('Your PIAWE is the total of the weekly averages from all the work you were doing when you were injured: $1,374.63 + $158.58 = $1,533.21.');
    expect(text).toContain('Regulation clause 8E (unpaid leave): We left out 3 weeks of unpaid leave from 4 to 24 August 2025');
    expect(text).toContain('Schedule 3 to the Workers Compensation Act 1987');
  });

  it('rounds half a cent up (rules.md §6: money is rounded half-up to cents)', () => {
    const one = (amount: string) => ({ ...kestrelbay, period: { from: '2025-01-28', to: '2025-02-10' }, daysCounted: 14, earnings: [{ description: 'Wages', amount }], adjustments: undefined });
    expect(calculatedPiawe(piaweDecisionData.parse({ ...data, employments: [one('100.05')] }).employments)).toBe('50.03'); // 50.025
    expect(calculatedPiawe(piaweDecisionData.parse({ ...data, employments: [one('100.03')] }).employments)).toBe('50.02'); // 50.015
    expect(calculatedPiawe(piaweDecisionData.parse({ ...data, employments: [one('100.01')] }).employments)).toBe('50.01'); // 50.005
  });

  it('refuses a typed amount for a calculated PIAWE, giving the amount it computes', () => {
    expect(issues({ ...data, amount: '1533.21' })).toEqual([
      { path: 'amount', message: "must be left out when the basis is calculated: it is computed from the employments' earnings and days counted (here 1533.21)" },
    ]);
    expect(paths({ ...data, amount: '1487.36' })).toEqual(['amount']);
  });

  it('needs the days counted to compute it, no more than the period has, and an adjustment for days left out', () => {
    const { daysCounted: _d, ...noDays } = kestrelbay;
    expect(issues({ ...data, employments: [noDays] })).toEqual([
      { path: 'employments.0.daysCounted', message: 'is required when the basis is calculated (the weekly average is the earnings × 7 ÷ the days counted)' },
    ]);
    expect(issues({ ...data, employments: [{ ...kestrelbay, daysCounted: 365 }] })).toEqual([
      { path: 'employments.0.daysCounted', message: 'must be at most 364, the days from period.from to period.to' },
    ]);
    expect(issues({ ...data, employments: [{ ...kestrelbay, adjustments: [] }] })).toEqual([
      { path: 'employments.0.daysCounted', message: 'is less than the 364 days of the period, so adjustments must say what was left out' },
    ]);
    expect(paths({ ...data, employments: [{ ...kestrelbay, daysCounted: 364, adjustments: [] }] })).toEqual([]);
    expect(paths({ ...data, employments: [{ ...kestrelbay, daysCounted: 0 }] })).toEqual(['employments.0.daysCounted']);
    expect(paths({ ...data, employments: [{ ...kestrelbay, daysCounted: 343.5 }] })).toEqual(['employments.0.daysCounted']);
  });

  it("the worker's copy shows every employment and says the employer's copy shows only its own; it gives the IRO", async () => {
    const text = await render(data);
    expect(text).toContain('Dear Leopoldine Ashworth,');
    expect(text).toContain('We have sent a copy of this decision to Kestrelbay Civil Pty Ltd. It shows only the earnings from your employment with them.');
    expect(text).toContain(
      'Your case manager is Thaddeus Okonkwo. If you have a question about this letter, or think something in it is wrong, call Thaddeus Okonkwo on 02 9555 0177 or email thaddeus.okonkwo@example.org.',
    );
    expect(text).toContain('Independent Review Office (IRO) on 13 94 76 or at www.iro.nsw.gov.au');
  });

  it("the employer's copy (s243, program 11): only the employer's own earnings, and says plainly the others are not shown", async () => {
    const letter = compose(toEmployer);
    expect(letter.recipient).toEqual(['Kestrelbay Civil Pty Ltd', 'Yard 4, 17 Quarry Road', 'Kurnell NSW 2231', 'Re: Leopoldine Ashworth, claim WC0088214']);
    const text = letterText(letter);
    expect(text).toContain('Dear Kestrelbay Civil Pty Ltd,');
    expect(text).toContain('We have decided that the pre-injury average weekly earnings (PIAWE) of Leopoldine Ashworth are $1,533.21 a week');
    expect(text).toContain('Ordinary wages $61,234.50 Weekend shift allowance $6,122.25 Total $67,356.75');
    expect(text).toContain(
      "This copy shows only the earnings from Leopoldine Ashworth's employment with you. Earnings from any other employment Leopoldine Ashworth had are not shown to you: they are the worker's personal information, which the law protects (section 243 of the Workplace Injury Management and Workers Compensation Act 1998).",
    );
    for (const other of ['Pelican Cafe', 'Saturday wages', '3,987.07', '158.58', '8B', 'all the work you were doing', 'Weekly average']) expect(text).not.toContain(other);
    expect(text).toContain('If your records show different earnings for Leopoldine Ashworth from those above, please tell us as soon as you can.');
    expect(text).toContain('The case manager for this claim is Thaddeus Okonkwo.');
    expect(text).not.toContain('Independent Review Office');
    expect(text).not.toContain('You can ask us for an internal review');
    // The same words whether or not the worker had other employment: the copy does not tell.
    const alone = letterText(compose({ ...toEmployer, employments: [kestrelbay] }));
    expect(alone).toContain('Earnings from any other employment Leopoldine Ashworth had are not shown to you');
    expect(alone.replace(/\$[\d,.]+/g, '$')).toBe(text.replace(/\$[\d,.]+/g, '$'));
  });

  it('is signed by the person who made the decision', () => {
    expect(compose(data).closing).toEqual(['Yours sincerely,', 'Imogen Vasquez-Holt', 'Work capacity decision maker']);
    expect(compose(toEmployer).closing).toEqual(['Yours sincerely,', 'Imogen Vasquez-Holt', 'Work capacity decision maker']);
  });

  it('prints the weekly payment when given, and says when there were no adjustments', async () => {
    const text = await render(data);
    expect(text).toContain('Weekly payment $1,456.55 a week before tax');
    expect(text).toContain('your weekly payment is $1,456.55 a week before tax.');
    const { weeklyPayment: _, ...noPayment } = data;
    const plain = await render({ ...noPayment, employments: [{ ...kestrelbay, daysCounted: 364, adjustments: undefined }] });
    expect(plain).not.toContain('Weekly payment');
    expect(plain).not.toContain('Your weekly payments');
    expect(plain).toContain('We did not need to make any adjustments to the period or to the earnings.');
    expect(plain).toContain('PIAWE $1,295.32 a week'); // 67,356.75 × 7 ÷ 364 = 1,295.3221…
  });

  it('says it is a work capacity decision, and how to ask for a review', async () => {
    const text = await render(data);
    expect(text).toContain('This is a work capacity decision');
    expect(text).toContain('work capacity decision under section 43(1)(d) of the Workers Compensation Act 1987');
    expect(text).toContain('You can ask us for an internal review. Write to Thaddeus Okonkwo');
    expect(text).toContain('within 14 days of receiving your request');
    expect(text).toContain('Personal Injury Commission');
  });

  it('states a given amount for an interim PIAWE, which will be reviewed when the missing information arrives', async () => {
    const interim = {
      ...data,
      basis: 'interim',
      amount: '1374.63',
      missingInformation: ['Payslips from Pelican Cafe for June to August 2025'],
      employments: [{ ...kestrelbay, daysCounted: undefined }],
    };
    expect(paths(interim)).toEqual([]);
    const text = await render(interim);
    expect(text).toContain('How it was set Interim (to be reviewed)');
    expect(text).toContain('PIAWE $1,374.63 a week');
    expect(text).toContain('This is an interim PIAWE.');
    expect(text).toContain('We are waiting for: Payslips from Pelican Cafe for June to August 2025');
    expect(text).toContain('When this information arrives we will review your PIAWE and send you a new decision.');
    expect(text).not.toContain('Weekly average');
    expect(paths({ ...interim, amount: undefined })).toEqual(['amount']);
    // The employer's copy does not list what is missing: it may be about the worker's other job.
    const employerCopy = letterText(compose({ ...interim, recipient: toEmployer.recipient }));
    expect(employerCopy).toContain('When the information we are waiting for arrives, we will review the PIAWE and send Leopoldine Ashworth and you a new decision.');
    expect(employerCopy).not.toContain('Pelican');
    expect(issues({ ...interim, employments: [kestrelbay] })).toEqual([{ path: 'employments.0.daysCounted', message: 'must be left out unless the basis is calculated' }]);
  });

  it('says an agreed PIAWE was agreed by the worker and employer', async () => {
    const agreed = {
      ...data,
      basis: 'agreement',
      amount: '1500.00',
      employments: [
        { ...kestrelbay, daysCounted: undefined },
        { ...pelican, daysCounted: undefined },
      ],
    };
    const text = await render(agreed);
    expect(text).toContain('How it was set Agreed by you and your employer');
    expect(text).toContain('You and your employer agreed this amount as the PIAWE, and we have approved that agreement.');
    expect(text).toContain('PIAWE $1,500.00 a week');
    expect(letterText(compose({ ...agreed, recipient: toEmployer.recipient }))).toContain('How it was set Agreed by the worker and you');
  });

  it('prints the 52-week step-down for an injury before 26 October 2018, under the former s44C, which counts only this employer', async () => {
    const older = {
      ...data,
      issuedOn: '2018-09-14',
      dateOfInjury: '2018-08-01',
      employments: [{ ...kestrelbay, period: { from: '2017-08-02', to: '2018-07-31' }, daysCounted: 364, earnings: [{ description: 'Ordinary wages', amount: '52000.00' }], adjustments: undefined }],
      amountAfter52Weeks: '950.10',
    };
    const text = await render(older);
    expect(text).toContain('PIAWE $1,000.00 a week');
    expect(text).toContain('PIAWE after 52 weeks $950.10 a week');
    expect(text).toContain('After you have received weekly payments for 52 weeks, your PIAWE will be $950.10 a week.');
    expect(text).toContain('section 44C of the Workers Compensation Act 1987, as it applies to injuries before 21 October 2019');
    expect(issues({ ...older, employments: [...older.employments, { ...pelican, period: { from: '2018-01-01', to: '2018-07-31' }, daysCounted: 212 }] })).toEqual([
      { path: 'employments.1.kind', message: 'must be this-employer for an injury before 21 October 2019 (former s44C counts only the employment in which the worker was injured)' },
    ]);
  });

  it('refuses money that is not dollars and cents as a string, naming the field', () => {
    expect(paths({ ...data, weeklyPayment: '01413.00' })).toEqual(['weeklyPayment']);
    expect(paths({ ...data, employments: [{ ...kestrelbay, earnings: [{ description: 'Wages', amount: '-5.00' }] }] })).toEqual(['employments.0.earnings.0.amount']);
    const r = piaweDecisionData.safeParse({ ...data, basis: 'agreement', amount: '1,487.36', employments: [{ ...kestrelbay, daysCounted: undefined }] });
    expect(r.success ? '' : r.error.issues[0].message).toContain('dollars and cents');
  });

  it('ties missing information to an interim basis, the step-down to injuries before 26 October 2018, and names other employment', () => {
    expect(paths({ ...data, basis: 'interim', amount: '1000.00', employments: [{ ...kestrelbay, daysCounted: undefined }] })).toEqual(['missingInformation']);
    expect(paths({ ...data, missingInformation: ['Payslips'] })).toEqual(['missingInformation']);
    expect(paths({ ...data, amountAfter52Weeks: '1302.10' })).toEqual(['amountAfter52Weeks']);
    const { employer: _e, ...unnamed } = pelican;
    expect(issues({ ...data, employments: [kestrelbay, unnamed] })).toEqual([{ path: 'employments.1.employer', message: 'must name the other employer' }]);
    expect(paths({ ...data, employments: [{ ...kestrelbay, employer: 'Kestrelbay' }] })).toEqual(['employments.0.employer']);
  });

  it('refuses a period out of order or not before the injury, and a decision before the injury', () => {
    expect(paths({ ...data, employments: [{ ...kestrelbay, period: { from: '2026-02-10', to: '2025-02-12' } }] })).toEqual(['employments.0.period.to']);
    expect(paths({ ...data, employments: [{ ...kestrelbay, period: { from: '2025-02-12', to: '2026-02-11' } }] })).toEqual(['employments.0.period.to']);
    expect(paths({ ...data, issuedOn: '2026-02-10' })).toEqual(['issuedOn']);
  });

  it('names each bad field', () => {
    expect(paths({ ...data, basis: 'estimated', employments: [], dateOfInjury: '2026-02-31', extra: 1 })).toEqual(expect.arrayContaining(['basis', 'employments', 'dateOfInjury', '']));
    expect(paths({ ...data, employments: [{ ...kestrelbay, kind: 'second-job', adjustments: [{ clause: '8E' }] }] })).toEqual(
      expect.arrayContaining(['employments.0.kind', 'employments.0.adjustments.0.effect']),
    );
    expect(paths({ ...data, recipient: { party: 'doctor', name: 'Dr X' } })).toEqual(['recipient.party']);
    expect(paths({ ...data, contact: { ...data.contact, phone: 'TBC' } })).toEqual(['contact.phone']);
    const { signatory: _s, ...unsigned } = data;
    expect(paths(unsigned)).toEqual(['signatory']);
  });
});
