import { pdfText } from '../testing/pdf-text';
import { impData, impV2 } from './imp';
import { letterText } from './letter-text';
import { LOCAL_INSURER } from './letterhead';
import { renderLetter } from './render';

const data = {
  claimNumber: 'WC0007311',
  issuedOn: '2026-04-14',
  recipient: { party: 'worker', name: 'Tamsin Orlov' },
  worker: { givenName: 'Tamsin', familyName: 'Orlov' },
  employer: { name: 'Quokka Freight Pty Ltd' },
  dateOfInjury: '2026-03-09',
  planVersion: 1,
  revision: false,
  participants: [
    { role: 'employer-contact', name: 'Hugo Bertrand', organisation: 'Quokka Freight Pty Ltd' },
    { role: 'nominated-treating-doctor', name: 'Dr Ines Caldwell', organisation: 'Marrickville Family Practice' },
    { role: 'workplace-rehabilitation-provider', name: 'Priya Lindqvist', organisation: 'Steady Steps Rehab' },
    { role: 'treatment-provider', name: 'Omar Haddad', organisation: 'Harbourside Physiotherapy' },
  ],
  rtwGoal: 'different-job-same-employer',
  obligations: [
    { party: 'insurer', obligations: ['Pay weekly compensation within five business days of each certificate arriving'] },
    { party: 'worker', obligations: ['Attend every physiotherapy session booked', 'Send each certificate of capacity to the case manager'] },
    { party: 'employer', obligations: ['Offer suitable dispatch-desk duties within the medical restrictions'] },
    { party: 'doctor', obligations: ['Review capacity for work at each consultation'] },
  ],
  actions: [
    { action: 'Hold a case conference about dispatch-desk duties', owner: 'Devi Ramaswamy', dueOn: '2026-05-06' },
    { action: 'Prepare a suitable duties plan', owner: 'Steady Steps Rehab', dueOn: '2026-04-28' },
  ],
  reviewOn: '2026-06-30',
  contact: { caseManager: 'Devi Ramaswamy', phone: '02 9555 0461', email: 'devi.ramaswamy@claims.example' },
};
const compose = (d: unknown) => impV2.compose(impData.parse(d), LOCAL_INSURER);
const textOf = (d: unknown) => letterText(compose(d));
const badPaths = (d: unknown) => {
  const r = impData.safeParse(d);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('injury management plan v2', () => {
  it('prints the participants, goal, obligations, actions, review date and plan version', async () => {
    const text = await textOf(data);
    expect(text).toContain('Dear Tamsin Orlov,');
    expect(text).toContain('WC0007311');
    // participants
    expect(text).toContain('Worker Tamsin Orlov');
    expect(text).toContain('Employer contact Hugo Bertrand, Quokka Freight Pty Ltd');
    expect(text).toContain('Nominated treating doctor Dr Ines Caldwell, Marrickville Family Practice');
    expect(text).toContain('Case manager Devi Ramaswamy');
    expect(text).toContain('Workplace rehabilitation provider Priya Lindqvist, Steady Steps Rehab');
    expect(text).toContain('Treatment provider Omar Haddad, Harbourside Physiotherapy');
    // goal, in words
    expect(text).toContain('The goal of this plan is: Go back to work with the same employer, in a different job.');
    expect(text).not.toContain('different-job-same-employer');
    // each stakeholder's obligations
    expect(text).toContain('Tamsin Orlov (the worker) will:');
    expect(text).toContain('Attend every physiotherapy session booked');
    expect(text).toContain('Send each certificate of capacity to the case manager');
    expect(text).toContain('Quokka Freight Pty Ltd (the employer) will:');
    expect(text).toContain('Offer suitable dispatch-desk duties within the medical restrictions');
    expect(text).toContain('We, the insurer, will:');
    expect(text).toContain('Pay weekly compensation within five business days of each certificate arriving');
    expect(text).toContain('The nominated treating doctor will:');
    expect(text).toContain('Review capacity for work at each consultation');
    // actions with owner and due date, earliest first
    expect(text).toContain('Prepare a suitable duties plan - Steady Steps Rehab, by 28 April 2026');
    expect(text).toContain('Hold a case conference about dispatch-desk duties - Devi Ramaswamy, by 6 May 2026');
    expect(text.indexOf('Prepare a suitable duties plan')).toBeLessThan(text.indexOf('Hold a case conference'));
    // review date, plan version and date
    expect(text).toContain('We will review this plan by 30 June 2026');
    expect(text).toContain('Plan 1, dated 14 April 2026');
    expect(text).not.toContain('replaces');
  });

  it("names the case manager from the staff directory, with how to reach them, and the IRO in the worker's copy", async () => {
    const text = await textOf(data);
    expect(text).toContain(
      'Your case manager is Devi Ramaswamy. If you have a question about this letter, or think something in it is wrong, call Devi Ramaswamy on 02 9555 0461 or email devi.ramaswamy@claims.example.',
    );
    expect(text).toContain('Independent Review Office (IRO) on 13 94 76');
    expect(compose(data).closing).toEqual(['Yours sincerely,', 'Devi Ramaswamy', 'Case manager']);
    const toEmployer = await textOf({ ...data, recipient: { party: 'employer', name: 'Quokka Freight Pty Ltd', address: ['12 Dock Road', 'Botany NSW 2019'] } });
    expect(toEmployer).toContain('The case manager for this claim is Devi Ramaswamy.');
    expect(toEmployer).not.toContain('Independent Review Office');
    expect(compose({ ...data, recipient: { party: 'employer', name: 'Quokka Freight Pty Ltd', address: ['12 Dock Road', 'Botany NSW 2019'] } }).recipient).toEqual([
      'Quokka Freight Pty Ltd',
      '12 Dock Road',
      'Botany NSW 2019',
    ]);
  });

  it('writes to the employer and doctor about the worker', async () => {
    const text = await textOf({ ...data, recipient: { party: 'doctor', name: 'Dr Ines Caldwell' } });
    expect(text).toContain('Dear Dr Ines Caldwell,');
    expect(text).toContain('This is the injury management plan for Tamsin Orlov');
    expect(text).not.toContain('This is your injury management plan');
  });

  it('says a revised plan replaces the earlier one', async () => {
    const text = await textOf({
      ...data,
      planVersion: 2,
      revision: true,
      previousPlanIssuedOn: '2026-03-27',
      revisionReason: 'Dr Caldwell has cleared Tamsin for four-hour shifts.',
      rtwGoal: 'same-job-same-employer',
    });
    expect(text).toContain('Revised injury management plan');
    expect(text).toContain('Plan 2, dated 14 April 2026');
    expect(text).toContain('This plan replaces the earlier plan dated 27 March 2026.');
    expect(text).toContain('What has changed: Dr Caldwell has cleared Tamsin for four-hour shifts.');
    expect(text).toContain('Go back to the same job with the same employer');
  });

  it('puts the claim number and the template version in every page footer', async () => {
    const lines = pdfText(await renderLetter(impV2, compose(data), { compress: false })).split('\n');
    const footers = lines.filter((l) => /\|\s+page \d+ of \d+\s+\|/.test(l));
    expect(footers.length).toBeGreaterThan(0);
    for (const f of footers) expect(f).toMatch(/^Claim number WC0007311\s+\|\s+page \d+ of \d+\s+\|\s+imp@v2$/);
  });

  it('dates the PDF with the plan date', async () => {
    const raw = (await renderLetter(impV2, compose(data), { compress: false })).toString('latin1');
    expect(raw.match(/\(D:\d{14}Z\)/g)).toEqual(['(D:20260414000000Z)', '(D:20260414000000Z)']);
  });

  it('refuses bad data, naming each field', () => {
    expect(badPaths(data)).toEqual([]);
    expect(badPaths({ ...data, rtwGoal: 'back-to-work', reviewOn: '2026-02-30', extra: 1 })).toEqual(expect.arrayContaining(['rtwGoal', 'reviewOn', '']));
    expect(badPaths({ ...data, recipient: { party: 'insurer', name: '' } })).toEqual(expect.arrayContaining(['recipient.party', 'recipient.name']));
    expect(badPaths({ ...data, participants: data.participants.filter((p) => p.role !== 'nominated-treating-doctor') })).toEqual(['participants']);
    // The case manager is the contact (the staff directory), not a participant typed again.
    expect(badPaths({ ...data, participants: [...data.participants, { role: 'case-manager', name: 'Devi Ramaswamy' }] })).toEqual(['participants.4.role']);
    expect(badPaths({ ...data, contact: { ...data.contact, phone: 'TBC' } })).toEqual(['contact.phone']);
    expect(badPaths({ ...data, obligations: data.obligations.filter((o) => o.party !== 'employer') })).toEqual(['obligations']);
    expect(badPaths({ ...data, obligations: [...data.obligations.slice(0, 3), { party: 'worker', obligations: ['Again'] }] })).toEqual(['obligations.3.party']);
    expect(badPaths({ ...data, obligations: [{ party: 'worker', obligations: [] }, ...data.obligations.slice(0, 3)] })).toEqual(expect.arrayContaining(['obligations.0.obligations']));
    expect(badPaths({ ...data, actions: [{ action: 'Call', owner: 'Devi', dueOn: '30/04/2026' }] })).toEqual(['actions.0.dueOn']);
    expect(badPaths({ ...data, actions: [] })).toEqual(['actions']);
    expect(badPaths({ ...data, reviewOn: '2026-04-01' })).toEqual(['reviewOn']);
    // a revision must be numbered and name the plan it replaces; a first plan must not
    expect(badPaths({ ...data, revision: true })).toEqual(expect.arrayContaining(['planVersion', 'previousPlanIssuedOn']));
    expect(badPaths({ ...data, planVersion: 3 })).toEqual(['planVersion']);
    expect(badPaths({ ...data, previousPlanIssuedOn: '2026-03-27' })).toEqual(['previousPlanIssuedOn']);
  });
});
