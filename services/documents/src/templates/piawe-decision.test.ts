import { pdfText } from '../testing/pdf-text';
import { piaweDecisionData, piaweDecisionV1 } from './piawe-decision';
import { renderLetter } from './render';

const data = {
  claimNumber: 'WC0088214',
  issuedOn: '2026-03-20',
  worker: { givenName: 'Leopoldine', familyName: 'Ashworth' },
  employer: { name: 'Kestrelbay Civil Pty Ltd' },
  dateOfInjury: '2026-02-11',
  amount: '1487.36',
  basis: 'calculated' as 'calculated' | 'interim' | 'agreement',
  period: { from: '2025-02-12', to: '2026-02-10' },
  earnings: [
    { description: 'Ordinary wages, Kestrelbay Civil', amount: '61234.50' },
    { description: 'Weekend shift allowance', amount: '6122.25' },
    { description: 'Wages, Saturday job at Pelican Cafe', amount: '3987.07' },
  ],
  adjustments: [{ clause: 'Regulation clause 8E (unpaid leave)', effect: 'We left out 3 weeks of unpaid leave from 4 to 24 August 2025' }],
  weeklyPayment: '1413.00',
  contact: { name: 'Thaddeus Okonkwo', role: 'Case manager', phone: '02 9555 0177', email: 'thaddeus.okonkwo@example.org' },
};
const t = piaweDecisionV1;
const oneLine = (s: string) => s.replace(/\s+/g, ' ');
const pdf = async (d: unknown) => renderLetter(t, t.compose(piaweDecisionData.parse(d)), { compress: false });
const FOOTER = /\|\s+page \d+ of \d+\s+\|/;
/** The letter's text in one line, without the page footers (drawn last, so they would split text that runs onto the next page). */
const render = async (d: unknown) => oneLine(pdfText(await pdf(d)).split('\n').filter((l) => !FOOTER.test(l)).join('\n'));
const paths = (d: unknown) => {
  const r = piaweDecisionData.safeParse(d);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('piawe-decision v1 (1987 Act Sch 3; s43(1)(d))', () => {
  it('is the piawe-decision kind, version 1', () => {
    expect([t.kind, t.name, t.version]).toEqual(['piawe-decision', 'piawe-decision', 1]);
  });

  it('prints the claim number and the template on the foot of each page', async () => {
    const footers = pdfText(await pdf(data)).split('\n').filter((l) => FOOTER.test(l));
    expect(footers.length).toBeGreaterThan(0);
    for (const l of footers) expect(l).toMatch(/^Claim number WC0088214\s+\|\s+page \d+ of \d+\s+\|\s+piawe-decision@v1$/);
  });

  it('prints the PIAWE, the date of injury and the basis, to the worker with a copy to the employer', async () => {
    const text = await render(data);
    expect(text).toContain('Dear Leopoldine Ashworth,');
    expect(text).toContain('Copy to Kestrelbay Civil Pty Ltd');
    expect(text).toContain('your pre-injury average weekly earnings (PIAWE) are $1,487.36 a week.');
    expect(text).toContain('PIAWE $1,487.36 a week');
    expect(text).toContain('Date of injury 11 February 2026');
    expect(text).toContain('How it was set Worked out from your earnings');
    expect(text).toContain('We worked out this amount from what you earned before your injury');
    expect(text).toContain('Schedule 3 to the Workers Compensation Act 1987');
    expect(text).toContain('Claim number WC0088214');
    expect(text).toContain('Date of decision 20 March 2026');
  });

  it('prints the period, each amount of earnings used with their total, and the adjustments', async () => {
    const text = await render(data);
    expect(text).toContain('Earnings period 12 February 2025 to 10 February 2026');
    expect(text).toContain('from 12 February 2025 to 10 February 2026.');
    expect(text).toContain('Ordinary wages, Kestrelbay Civil $61,234.50');
    expect(text).toContain('Weekend shift allowance $6,122.25');
    expect(text).toContain('Wages, Saturday job at Pelican Cafe $3,987.07');
    expect(text).toContain('Total $71,343.82');
    expect(text).toContain('Regulation clause 8E (unpaid leave): We left out 3 weeks of unpaid leave from 4 to 24 August 2025');
  });

  it('prints the weekly payment when given, and says when there were no adjustments', async () => {
    const text = await render(data);
    expect(text).toContain('Weekly payment $1,413.00 a week before tax');
    expect(text).toContain('your weekly payment is $1,413.00 a week before tax.');
    const { weeklyPayment: _, ...noPayment } = data;
    const plain = await render({ ...noPayment, adjustments: [] });
    expect(plain).not.toContain('Weekly payment');
    expect(plain).not.toContain('Your weekly payments');
    expect(plain).toContain('We did not need to make any adjustments to the period or to the earnings.');
  });

  it('says it is a work capacity decision, how to ask for a review, and who to contact including the IRO', async () => {
    const text = await render(data);
    expect(text).toContain('This is a work capacity decision');
    expect(text).toContain('work capacity decision under section 43(1)(d) of the Workers Compensation Act 1987');
    expect(text).toContain('You can ask us for an internal review. Write to Thaddeus Okonkwo');
    expect(text).toContain('within 14 days of receiving your request');
    expect(text).toContain('Personal Injury Commission');
    expect(text).toContain('please contact Thaddeus Okonkwo, Case manager, on 02 9555 0177 or at thaddeus.okonkwo@example.org');
    expect(text).toContain('Independent Review Office (IRO) on 13 94 76 or at www.iro.nsw.gov.au');
  });

  it('says an interim PIAWE will be reviewed when the missing information arrives', async () => {
    const text = await render({ ...data, basis: 'interim', missingInformation: ['Payslips from Pelican Cafe for June to August 2025'] });
    expect(text).toContain('How it was set Interim (to be reviewed)');
    expect(text).toContain('This is an interim PIAWE.');
    expect(text).toContain('We are waiting for: Payslips from Pelican Cafe for June to August 2025');
    expect(text).toContain('When this information arrives we will review your PIAWE and send you a new decision.');
  });

  it('says an agreed PIAWE was agreed by the worker and employer', async () => {
    const text = await render({ ...data, basis: 'agreement' });
    expect(text).toContain('How it was set Agreed by you and your employer');
    expect(text).toContain('You and your employer agreed this amount as your PIAWE, and we have approved that agreement.');
  });

  it('prints the 52-week step-down for an injury before 26 October 2018, under the former s44C', async () => {
    const text = await render({
      ...data,
      issuedOn: '2018-09-14',
      dateOfInjury: '2018-08-01',
      period: { from: '2017-08-01', to: '2018-07-31' },
      amountAfter52Weeks: '1302.10',
    });
    expect(text).toContain('PIAWE after 52 weeks $1,302.10 a week');
    expect(text).toContain('After you have received weekly payments for 52 weeks, your PIAWE will be $1,302.10 a week.');
    expect(text).toContain('section 44C of the Workers Compensation Act 1987, as it applies to injuries before 21 October 2019');
  });

  it('refuses money that is not dollars and cents as a string, naming the field', () => {
    expect(paths({ ...data, amount: 1487.36 })).toEqual(['amount']);
    expect(paths({ ...data, amount: '1487.4' })).toEqual(['amount']);
    expect(paths({ ...data, weeklyPayment: '01413.00' })).toEqual(['weeklyPayment']);
    expect(paths({ ...data, earnings: [{ description: 'Wages', amount: '-5.00' }] })).toEqual(['earnings.0.amount']);
    const r = piaweDecisionData.safeParse({ ...data, amount: '1,487.36' });
    expect(r.success ? '' : r.error.issues[0].message).toContain('dollars and cents');
  });

  it('ties missing information to an interim basis, and the step-down to injuries before 26 October 2018', () => {
    expect(paths({ ...data, basis: 'interim' })).toEqual(['missingInformation']);
    expect(paths({ ...data, basis: 'interim', missingInformation: [] })).toEqual(['missingInformation']);
    expect(paths({ ...data, missingInformation: ['Payslips'] })).toEqual(['missingInformation']);
    expect(paths({ ...data, amountAfter52Weeks: '1302.10' })).toEqual(['amountAfter52Weeks']);
  });

  it('refuses a period out of order or not before the injury, and a decision before the injury', () => {
    expect(paths({ ...data, period: { from: '2026-02-10', to: '2025-02-12' } })).toEqual(['period.to']);
    expect(paths({ ...data, period: { from: '2025-02-12', to: '2026-02-11' } })).toEqual(['period.to']);
    expect(paths({ ...data, issuedOn: '2026-02-10' })).toEqual(['issuedOn']);
  });

  it('names each bad field', () => {
    expect(paths({ ...data, basis: 'estimated', earnings: [], dateOfInjury: '2026-02-31', adjustments: [{ clause: '8E' }], extra: 1 })).toEqual(
      expect.arrayContaining(['basis', 'earnings', 'dateOfInjury', 'adjustments.0.effect', '']),
    );
  });
});
