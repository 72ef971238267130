import type { RecordedParty } from '@wc/contracts';
import { type ClaimRecord, addressRefusal, consentRefusal, documentData, documentKind, merge, partiesFor, smsText } from './notice-content';
import { noticeStatus } from './correspondence-views';

const party = (role: RecordedParty['role'], extra: Partial<RecordedParty> = {}): RecordedParty => ({ partyId: `p-${role}`, role, name: `The ${role}`, capacities: [], email: `${role}@example.org`, channels: ['email'], ...extra });
const worker = party('worker', { name: 'Lena Okoro' });
const employer = party('employer', { name: 'Harbour Freight Pty Ltd', capacities: ['notifier'] });
const doctor = party('doctor', { name: 'Dr Nadia Okafor' });
const solicitor = party('other', { name: 'Jones Legal', relationship: "the worker's solicitor", capacities: ['complainant', 'participant'] });

const claim: ClaimRecord = {
  claimId: 'c1',
  claimNumber: 'WC0000123',
  worker: { givenName: 'Lena', familyName: 'Okoro' },
  employer: { name: 'Harbour Freight Pty Ltd', policyNumber: 'WI-1' },
  dateOfInjury: '2026-09-14',
  notificationDate: '2026-09-15',
  caseManager: 'cm.rio',
  teamLeader: 'tl.jo',
  facts: { 'liability.disputed': { type: 'liability.disputed', at: '2026-10-05T10:30:00+11:00', reasons: 'x' }, 'liability.reasonable-excuse': { type: 'liability.reasonable-excuse', at: '2026-09-20', reason: 'late-notification' } },
  parties: [worker, employer, doctor, solicitor],
  consents: [{ partyId: doctor.partyId, scope: 'health-information', givenOn: '2026-09-15', evidence: 'certificate of capacity', recordedBy: 'cm.rio' }],
};
const staff = { user: 'cm.rio', name: 'Rio Tanaka', role: 'Case manager', phone: '02 9000 4321', email: 'rio@insurer.example' };
const notice = (type: string, content: Record<string, unknown> = {}) => ({ noticeId: 'n1', type, on: '2026-10-05', cause: 'test', ref: null, content });

describe("a notice's recipients", () => {
  it("are the claim's recorded parties in the role or capacity the workflow names", () => {
    expect(partiesFor('worker', claim.parties)).toEqual([worker]);
    expect(partiesFor('notifier', claim.parties)).toEqual([employer]);
    expect(partiesFor('complainant', claim.parties)).toEqual([solicitor]);
    expect(partiesFor('participants', claim.parties).map((p) => p.role)).toEqual(['worker', 'employer', 'doctor', 'other']);
    expect(partiesFor('doctor', [worker])).toEqual([]);
  });

  it('are never a solicitor addressed as the worker: notices written to a role refuse another party', () => {
    expect(addressRefusal('liability-accepted', solicitor)).toMatch(/needs a covering letter written by a person/);
    expect(addressRefusal('case-conference-agenda', solicitor)).toBeNull();
    expect(addressRefusal('liability-accepted', employer)).toBeNull();
  });

  it("get the employer's own provisional liability notice (SoP 3.3)", () => {
    expect(documentKind('provisional-liability', employer)).toBe('provisional-liability-employer');
    expect(documentKind('provisional-liability', worker)).toBe('provisional-liability');
  });
});

describe('health information and consent (program s11; 1998 Act s243)', () => {
  it('goes to the worker always, to another party only with consent covering the day', () => {
    expect(consentRefusal('decision-notice', worker, claim.consents, '2026-10-05')).toBeNull();
    expect(consentRefusal('decision-notice', doctor, claim.consents, '2026-10-05')).toBeNull();
    expect(consentRefusal('decision-notice', doctor, claim.consents, '2026-09-14')).toMatch(/no consent of the worker .* Dr Nadia Okafor \(doctor\)/);
    expect(consentRefusal('imp', employer, claim.consents, '2026-10-05')).toMatch(/imp carries the worker's health information/);
  });

  it('does not stop notices without health information', () => {
    expect(consentRefusal('contact-request', employer, [], '2026-10-05')).toBeNull();
    expect(consentRefusal('provisional-liability-employer', employer, [], '2026-10-05')).toBeNull();
    expect(consentRefusal('piawe-decision', employer, [], '2026-10-05')).toBeNull();
  });
});

describe("a notice's data", () => {
  it('prefills what the platform recorded: names, dates of the decision, the case manager and the reply address', () => {
    const d = documentData('decision-notice', notice('decision-notice'), claim, worker, staff, '2026-10-06', 'Locked Bag 7, Parramatta NSW 2124');
    expect(d).toEqual({
      claimNumber: 'WC0000123',
      issuedOn: '2026-10-06',
      worker: { givenName: 'Lena', familyName: 'Okoro' },
      employer: { name: 'Harbour Freight Pty Ltd' },
      decidedOn: '2026-10-05',
      contact: { caseManager: 'Rio Tanaka', phone: '02 9000 4321', email: 'rio@insurer.example', postalAddress: 'Locked Bag 7, Parramatta NSW 2124' },
    });
    expect(documentData('reasonable-excuse', notice('reasonable-excuse'), claim, worker, staff, '2026-09-21', 'x').reason).toBe('late-notification');
    expect(documentData('contact-request', notice('contact-request'), claim, doctor, staff, '2026-09-21', 'x').recipient).toEqual({ party: 'doctor', name: 'Dr Nadia Okafor' });
  });

  it("leaves out what it does not know (the documents service then names it), and the person's content fills it", () => {
    const bare = documentData('liability-accepted', notice('liability-accepted'), claim, worker, null, '2026-10-06', 'x');
    expect(bare).not.toHaveProperty('decidedOn');
    expect(bare).not.toHaveProperty('contact');
    const filled = documentData('liability-accepted', notice('liability-accepted', { decidedOn: '2026-10-01', contact: { name: 'Team', phone: '13 00', email: 't@x.example' } }), claim, worker, null, '2026-10-06', 'x');
    expect(filled).toMatchObject({ decidedOn: '2026-10-01', contact: { name: 'Team' } });
  });

  it("takes an IME's date and a case conference's date and participants from what was recorded", () => {
    const booked = { ...claim, facts: { ...claim.facts, 'ime.booked': { type: 'ime.booked', at: '2026-10-01', appointmentOn: '2026-10-20' }, 'case-conference.scheduled': { type: 'case-conference.scheduled', at: '2026-10-01', on: '2026-10-09' } } };
    expect(documentData('ime-notice', notice('ime-notice', { appointment: { time: '10:30' } }), booked, worker, staff, '2026-10-01', 'x').appointment).toEqual({ date: '2026-10-20', time: '10:30' });
    const agenda = documentData('case-conference-agenda', notice('case-conference-agenda'), booked, doctor, staff, '2026-10-01', 'x');
    expect(agenda.conference).toEqual({ on: '2026-10-09' });
    expect(agenda.participants).toEqual([
      { name: 'Lena Okoro', role: 'Worker' },
      { name: 'Harbour Freight Pty Ltd', role: 'Employer' },
      { name: 'Dr Nadia Okafor', role: 'Nominated treating doctor' },
      { name: 'Jones Legal', role: "the worker's solicitor" },
    ]);
  });

  it('merges content into objects key by key and replaces arrays', () => {
    expect(merge({ contact: { name: 'A', phone: '1' }, list: [1, 2] }, { contact: { phone: '2' }, list: [3] })).toEqual({ contact: { name: 'A', phone: '2' }, list: [3] });
  });

  it('never puts health information in an SMS', () => {
    const text = smsText('Decision notice', 'WC0000123', 'Workers Compensation Claims', ['sms', 'email']);
    expect(text).toBe('Workers Compensation Claims: we have written to you about workers compensation claim WC0000123 (Decision notice). It is on its way by email. Questions? Call your case manager.');
    expect(smsText('Injury management plan', 'WC0000123', 'X', ['sms'])).toContain('Call us for a copy.');
  });
});

describe("a notice's status from its copies", () => {
  it('needs attention while any copy waits on a person; sent only when every copy went', () => {
    expect(noticeStatus(['sent', 'awaiting-content'])).toBe('needs-attention');
    expect(noticeStatus(['sent', 'queued'])).toBe('in-progress');
    expect(noticeStatus(['sent', 'delivered', 'superseded'])).toBe('sent');
    expect(noticeStatus(['sent', 'refused'])).toBe('partly-sent');
    expect(noticeStatus(['superseded'])).toBe('no-copies');
  });
});
