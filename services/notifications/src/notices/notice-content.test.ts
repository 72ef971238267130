import type { RecordedParty } from '@wc/contracts';
// The documents service's own schemas, in a test only (the dependency rules check sources, not
// tests): the prefilled data must be what the template accepts, not just what we think it is.
import { acknowledgementLetterData } from '../../../documents/src/templates/acknowledgement-letter';
import { decisionNoticeData } from '../../../documents/src/templates/decision-notice';
import { CURRENT_TEMPLATES } from '../../../documents/src/templates/index';
import { piaweDecisionData } from '../../../documents/src/templates/piawe-decision';
import { s39NoticeData } from '../../../documents/src/templates/s39-notice';
import { s48aSuspensionData } from '../../../documents/src/templates/s48a-suspension';
import { s48aWarningData } from '../../../documents/src/templates/s48a-warning';
import { s59aNoticeData } from '../../../documents/src/templates/s59a-notice';
import { treatmentDecisionData } from '../../../documents/src/templates/treatment-decision';
import {
  type ClaimRecord,
  type DecidedFacts,
  type NoticeStaff,
  acknowledgementData,
  addressRefusal,
  consentRefusal,
  decidedContentRefusals,
  decidedFields,
  decisionMaker,
  discontinuanceEffect,
  documentData,
  documentKind,
  merge,
  missingParty,
  partiesFor,
  smsText,
} from './notice-content';
import { noticeStatus } from './correspondence-views';

const party = (role: RecordedParty['role'], extra: Partial<RecordedParty> = {}): RecordedParty => ({
  partyId: `p-${role}`,
  role,
  name: `The ${role}`,
  capacities: [],
  email: `${role}@example.org`,
  channels: ['email'],
  ...extra,
});
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
  facts: {
    'liability.disputed': { type: 'liability.disputed', at: '2026-10-05T10:30:00+11:00', reasons: 'x' },
    'liability.reasonable-excuse': { type: 'liability.reasonable-excuse', at: '2026-09-20', reason: 'late-notification' },
  },
  parties: [worker, employer, doctor, solicitor],
  consents: [{ partyId: doctor.partyId, scope: 'health-information', givenOn: '2026-09-15', evidence: 'certificate of capacity', recordedBy: 'cm.rio' }],
};
const staff = { user: 'cm.rio', name: 'Rio Tanaka', role: 'Case manager', phone: '02 9000 4321', email: 'rio@insurer.example' };
/** The staff directory as the delivery worker gives it: the case manager, and no decision maker recorded. */
const byCaseManager: NoticeStaff = { caseManager: staff, decisionMaker: null };
const noStaff: NoticeStaff = { caseManager: null, decisionMaker: null };
const contactBlock = { caseManager: 'Rio Tanaka', phone: '02 9000 4321', email: 'rio@insurer.example' };
/** A decision the claim does not say who made is signed by the case manager. */
const caseManagerSigns = { name: 'Rio Tanaka', role: 'Case manager' };
const notice = (type: string, content: Record<string, unknown> = {}, decided: DecidedFacts | null = null, cause = 'test', on = '2026-10-05') => ({
  noticeId: 'n1',
  type,
  on,
  cause,
  ref: null,
  content,
  decided,
});

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
  it('prefills what the platform recorded: names, dates of the decision, the case manager as contact and (no one else recorded) as signatory', () => {
    const d = documentData('decision-notice', notice('decision-notice'), claim, worker, byCaseManager, '2026-10-06');
    expect(d).toEqual({
      claimNumber: 'WC0000123',
      issuedOn: '2026-10-06',
      worker: { givenName: 'Lena', familyName: 'Okoro' },
      employer: { name: 'Harbour Freight Pty Ltd' },
      decidedOn: '2026-10-05',
      contact: contactBlock,
      signatory: caseManagerSigns,
    });
    expect(problems(decisionNoticeData, d)).not.toContain('contact');
    expect(problems(decisionNoticeData, d)).not.toContain('signatory');
    expect(documentData('reasonable-excuse', notice('reasonable-excuse'), claim, worker, byCaseManager, '2026-09-21').reason).toBe('late-notification');
    expect(documentData('contact-request', notice('contact-request'), claim, doctor, byCaseManager, '2026-09-21').recipient).toEqual({ party: 'doctor', name: 'Dr Nadia Okafor' });
  });

  it("leaves out what it does not know (the documents service then names it), and the person's content fills it", () => {
    const bare = documentData('liability-accepted', notice('liability-accepted'), claim, worker, noStaff, '2026-10-06');
    expect(bare).not.toHaveProperty('decidedOn');
    expect(bare).not.toHaveProperty('contact');
    expect(bare).not.toHaveProperty('signatory');
    const filled = documentData(
      'liability-accepted',
      notice('liability-accepted', { decidedOn: '2026-10-01', contact: { name: 'Team', phone: '13 00', email: 't@x.example' } }),
      claim,
      worker,
      noStaff,
      '2026-10-06',
    );
    expect(filled).toMatchObject({ decidedOn: '2026-10-01', contact: { name: 'Team' } });
  });

  it("takes an IME's date and a case conference's date and participants from what was recorded", () => {
    const booked = {
      ...claim,
      facts: {
        ...claim.facts,
        'ime.booked': { type: 'ime.booked', at: '2026-10-01', appointmentOn: '2026-10-20' },
        'case-conference.scheduled': { type: 'case-conference.scheduled', at: '2026-10-01', on: '2026-10-09' },
      },
    };
    expect(documentData('ime-notice', notice('ime-notice', { appointment: { time: '10:30' } }), booked, worker, byCaseManager, '2026-10-01').appointment).toEqual({
      date: '2026-10-20',
      time: '10:30',
    });
    const agenda = documentData('case-conference-agenda', notice('case-conference-agenda'), booked, doctor, byCaseManager, '2026-10-01');
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
    expect(text).toBe(
      'Workers Compensation Claims: we have written to you about workers compensation claim WC0000123 (Decision notice). It is on its way by email. Questions? Call your case manager.',
    );
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

// ---- docs/rules.md §8: the notices whose facts the platform decided ----

const physio = party('other', { partyId: 'p-physio', name: 'Northside Physio', relationship: 'physiotherapist', capacities: ['provider'] });
const chiro = party('other', { partyId: 'p-chiro', name: 'Harbour Chiropractic', relationship: 'chiropractor', capacities: ['provider'] });
const treatingDoctorProvider = party('doctor', { partyId: 'p-doctor-provider', name: 'Dr Nadia Okafor', capacities: ['provider'] });
const withProviders: ClaimRecord = { ...claim, parties: [worker, employer, doctor, solicitor, physio, chiro] };
const names = (ps: RecordedParty[]) => ps.map((p) => p.name);
/** The template's problems with the data, by field: what the documents service would name. */
const problems = (schema: { safeParse: (d: unknown) => { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } } }, d: unknown) => {
  const r = schema.safeParse(d);
  return r.success ? [] : r.error!.issues.map((i) => i.path.join('.'));
};

const treatment = (decision: 'approved' | 'declined', extra: DecidedFacts = {}): DecidedFacts => ({
  treatment: 'physiotherapy, 8 sessions',
  provider: 'Northside Physio',
  cost: '760.00',
  requestedOn: '2026-09-20',
  decision,
  decidedOn: '2026-10-05',
  ...extra,
});
const discontinuance: DecidedFacts = {
  takesEffectOn: '2026-10-20',
  lastPayableDay: '2026-10-19',
  noticePeriod: '2 weeks',
  continuousDays: 120,
  basis: 'other',
  rule: 'rules.md §8.3: C >= 84 and < 364: N + 15 days',
};

describe('the provider of a treatment request (rules.md §8.1)', () => {
  it('is the party recorded with capacity provider under the name the request gave (case and spaces aside)', () => {
    expect(partiesFor('provider', withProviders.parties, treatment('approved'))).toEqual([physio]);
    expect(partiesFor('provider', withProviders.parties, treatment('approved', { provider: '  northside   PHYSIO ' }))).toEqual([physio]);
    // A doctor can be the provider too.
    expect(partiesFor('provider', [worker, treatingDoctorProvider, physio], treatment('approved', { provider: 'Dr Nadia Okafor' }))).toEqual([treatingDoctorProvider]);
  });

  it('is every provider party when the request named none, and nobody when the one it named is not recorded', () => {
    expect(names(partiesFor('provider', withProviders.parties))).toEqual(['Northside Physio', 'Harbour Chiropractic']);
    expect(names(partiesFor('provider', withProviders.parties, treatment('approved', { provider: null })))).toEqual(['Northside Physio', 'Harbour Chiropractic']);
    expect(partiesFor('provider', withProviders.parties, treatment('approved', { provider: 'Eastside Podiatry' }))).toEqual([]);
    // The name alone is not enough: the party must be recorded as a provider.
    expect(partiesFor('provider', [worker, { ...physio, capacities: [] }], treatment('approved'))).toEqual([]);
  });

  it("makes the case manager's task say which provider to record, and with capacity provider", () => {
    const named = missingParty('treatment-decision', 'provider', treatment('declined', { provider: 'Eastside Podiatry' }));
    expect(named.detail).toBe('no provider named Eastside Podiatry is recorded on the claim (a party with capacity provider)');
    expect(named.task).toContain('record Eastside Podiatry, the provider named in the treatment request, with capacity provider');
    expect(named.task).toContain('(on the claim page, Parties and consents)');
    expect(missingParty('treatment-decision', 'provider', null).task).toContain('record the treatment provider with capacity provider');
    expect(missingParty('contact-request', 'employer')).toEqual({
      detail: 'no employer is recorded on the claim',
      task: 'The contact-request notice cannot go to the employer: record the employer and how they want to be written to (on the claim page, Parties and consents).',
    });
  });

  it('is written to as the provider whatever its role; nobody else gets a treatment decision', () => {
    expect(addressRefusal('treatment-decision', physio)).toBeNull();
    expect(addressRefusal('treatment-decision', treatingDoctorProvider)).toBeNull();
    expect(addressRefusal('treatment-decision', worker)).toBeNull();
    expect(addressRefusal('treatment-decision', solicitor)).toMatch(/written to the worker or to the treatment provider; Jones Legal \(the worker's solicitor\) is neither/);
    expect(addressRefusal('treatment-decision', employer)).not.toBeNull();
  });
});

describe('who the §8 notices are written to, and consent (program s11; 1998 Act s243)', () => {
  it('writes the s48A and s39 notices to the worker only, the s59A notice to the worker and the doctor', () => {
    for (const kind of ['s48a-warning', 's48a-suspension', 's39-notice']) {
      expect(addressRefusal(kind, worker)).toBeNull();
      expect(addressRefusal(kind, doctor)).toMatch(/is written to the worker; Dr Nadia Okafor \(doctor\) needs a covering letter/);
    }
    expect(addressRefusal('s59a-notice', doctor)).toBeNull();
    expect(addressRefusal('s59a-notice', worker)).toBeNull();
    expect(addressRefusal('s59a-notice', employer)).toMatch(/worker or the nominated treating doctor/);
  });

  it('holds a treatment decision to a provider, and an s59A notice to the doctor, without the worker’s consent', () => {
    expect(consentRefusal('treatment-decision', physio, claim.consents, '2026-10-06')).toMatch(/treatment-decision carries the worker's health information .* Northside Physio \(other\)/);
    const consented = [{ partyId: physio.partyId, scope: 'health-information' as const, givenOn: '2026-09-15', evidence: 'claim form', recordedBy: 'cm.rio' }];
    expect(consentRefusal('treatment-decision', physio, consented, '2026-10-06')).toBeNull();
    expect(consentRefusal('treatment-decision', worker, [], '2026-10-06')).toBeNull();
    expect(consentRefusal('s59a-notice', doctor, [], '2026-10-06')).toMatch(/s59a-notice carries/);
    expect(consentRefusal('s59a-notice', doctor, claim.consents, '2026-10-06')).toBeNull();
    expect(consentRefusal('s48a-warning', worker, [], '2026-10-06')).toBeNull();
  });
});

describe('the data of a §8 notice: what the platform decided, prefilled', () => {
  it('treatment-decision, approved: both copies complete from the decided facts (SoP S4.3)', () => {
    const n = notice('treatment-decision', {}, treatment('approved'), 'treatment.approved');
    const toProvider = documentData('treatment-decision', n, withProviders, physio, byCaseManager, '2026-10-06');
    expect(toProvider).toEqual({
      claimNumber: 'WC0000123',
      issuedOn: '2026-10-06',
      worker: { givenName: 'Lena', familyName: 'Okoro' },
      recipient: { party: 'provider', name: 'Northside Physio' },
      treatment: 'physiotherapy, 8 sessions',
      provider: 'Northside Physio',
      requestedOn: '2026-09-20',
      estimatedCost: '760.00',
      decision: 'approved',
      decidedOn: '2026-10-05',
      contact: contactBlock,
      signatory: caseManagerSigns,
    });
    expect(problems(treatmentDecisionData, toProvider)).toEqual([]);
    const toWorker = documentData('treatment-decision', n, withProviders, worker, byCaseManager, '2026-10-06');
    expect(toWorker.recipient).toEqual({ party: 'worker', name: 'Lena Okoro' });
    expect(problems(treatmentDecisionData, toWorker)).toEqual([]);
    // A doctor who is the provider gets the provider's copy.
    expect(documentData('treatment-decision', n, withProviders, treatingDoctorProvider, byCaseManager, '2026-10-06').recipient).toEqual({ party: 'provider', name: 'Dr Nadia Okafor' });
  });

  it('treatment-decision, declined: only the reasons are left to a person; a cost not quoted is left out', () => {
    const facts = treatment('declined', { cost: null });
    const bare = documentData('treatment-decision', notice('treatment-decision', {}, facts, 'treatment.declined'), withProviders, physio, byCaseManager, '2026-10-06');
    expect(bare).not.toHaveProperty('estimatedCost');
    expect(problems(treatmentDecisionData, bare)).toEqual(['reasons']);
    const written = documentData(
      'treatment-decision',
      notice('treatment-decision', { reasons: ['The IME found it is not reasonably necessary'] }, facts, 'treatment.declined'),
      withProviders,
      physio,
      byCaseManager,
      '2026-10-06',
    );
    expect(problems(treatmentDecisionData, written)).toEqual([]);
  });

  it('decision-notice for a declined treatment: decided on and takes effect on the day of the notice (s78)', () => {
    const n = notice('decision-notice', {}, treatment('declined'), 'treatment.declined');
    const d = documentData('decision-notice', n, claim, worker, byCaseManager, '2026-10-06');
    expect(d).toMatchObject({ decidedOn: '2026-10-05', takesEffectOn: '2026-10-05', contact: contactBlock });
    expect(d).not.toHaveProperty('effect');
    expect(problems(decisionNoticeData, d).sort()).toEqual(['decision', 'effect', 'issues', 'provisions', 'reasons', 'reports']);
  });

  it('decision-notice for a discontinuance: takes effect on the day §8.3 computed, with a plain effect a person may replace', () => {
    const person = {
      decision: 'We are stopping your weekly payments.',
      issues: ['Whether you have current work capacity'],
      reasons: ['The work capacity assessment found you can work 38 hours a week in suitable employment.'],
      provisions: ['Workplace Injury Management and Workers Compensation Act 1998 s80'],
      reports: [{ title: 'Work capacity assessment', author: 'Ms Ada Ng', date: '2026-09-28', supports: true, reliedOn: true, submittedBy: 'insurer' }],
    };
    const n = notice('decision-notice', person, discontinuance, 'weekly.discontinued');
    const d = documentData('decision-notice', n, claim, worker, byCaseManager, '2026-10-05');
    expect(d).toMatchObject({ decidedOn: '2026-10-05', takesEffectOn: '2026-10-20' });
    expect(d.effect).toBe(
      'Your weekly payments will stop. We will pay them for every day up to and including 19 October 2026, and not for any day after that. This allows the notice period of 2 weeks that the law requires (section 80 of the Workplace Injury Management and Workers Compensation Act 1998).',
    );
    expect(problems(decisionNoticeData, d)).toEqual([]);
    // Decided on the day of the discontinuance's notice, not on the liability dispute's day the claim recorded.
    expect(documentData('decision-notice', notice('decision-notice', person, discontinuance, 'weekly.discontinued', '2026-10-07'), claim, worker, byCaseManager, '2026-10-07').decidedOn).toBe(
      '2026-10-07',
    );
    expect(
      documentData('decision-notice', notice('decision-notice', { effect: 'Your payments stop.' }, discontinuance, 'weekly.discontinued'), claim, worker, byCaseManager, '2026-10-05').effect,
    ).toBe('Your payments stop.');
    // Even content stored before the check cannot print another date than the one decided.
    expect(
      documentData('decision-notice', notice('decision-notice', { takesEffectOn: '2026-10-06' }, discontinuance, 'weekly.discontinued'), claim, worker, byCaseManager, '2026-10-05').takesEffectOn,
    ).toBe('2026-10-20');
    expect(discontinuanceEffect({ ...discontinuance, noticePeriod: 'none', lastPayableDay: '2026-10-05' })).toContain(
      'No notice period applies, because weekly payments were not paid to you for 12 weeks or more in a row',
    );
    expect(discontinuanceEffect(null)).toBeUndefined();
  });

  it("s48a-warning: the suspension date decided; the reason and the obligation are the case manager's (s48A(2))", () => {
    const facts = { suspendFrom: '2026-10-26', suspensionEndsOn: '2026-11-22' };
    const bare = documentData('s48a-warning', notice('s48a-warning', {}, facts, 's48a.warning-issued'), claim, worker, byCaseManager, '2026-10-05');
    expect(bare).toEqual({ claimNumber: 'WC0000123', issuedOn: '2026-10-05', worker: claim.worker, suspendFrom: '2026-10-26', contact: contactBlock, signatory: caseManagerSigns });
    expect(problems(s48aWarningData, bare).sort()).toEqual(['obligation', 'reason']);
    const written = documentData(
      's48a-warning',
      notice('s48a-warning', { reason: 'You did not attend the suitable duties offered.', obligation: 'Attend the suitable duties your employer offered.' }, facts),
      claim,
      worker,
      byCaseManager,
      '2026-10-05',
    );
    expect(problems(s48aWarningData, written)).toEqual([]);
  });

  it('s48a-suspension: the warning date and the suspension date decided; the obligation is the case manager’s', () => {
    const facts = { warnedOn: '2026-10-05', suspendedFrom: '2026-10-26', suspensionEndsOn: '2026-11-22' };
    const d = documentData(
      's48a-suspension',
      notice('s48a-suspension', { obligation: 'Attend the suitable duties your employer offered.' }, facts, 'suspension', '2026-10-26'),
      claim,
      worker,
      byCaseManager,
      '2026-10-26',
    );
    expect(d).toMatchObject({ warnedOn: '2026-10-05', suspendedFrom: '2026-10-26', contact: contactBlock });
    expect(d).not.toHaveProperty('suspensionEndsOn');
    expect(problems(s48aSuspensionData, d)).toEqual([]);
  });

  it('s39-notice: the last payment and the day payments cease decided (SoP S17); complete without content', () => {
    const facts = { lastPaymentOn: '2027-02-28', ceaseOn: '2027-03-01', week235StartedOn: '2026-08-31' };
    const d = documentData('s39-notice', notice('s39-notice', {}, facts, 's39.notice-issued', '2026-11-23'), claim, worker, byCaseManager, '2026-11-23');
    expect(d).toEqual({
      claimNumber: 'WC0000123',
      issuedOn: '2026-11-23',
      worker: claim.worker,
      lastPaymentOn: '2027-02-28',
      ceaseOn: '2027-03-01',
      contact: contactBlock,
      signatory: caseManagerSigns,
    });
    expect(problems(s39NoticeData, d)).toEqual([]);
    // Without the lifecycle's facts (week 235 not known), a person gives the dates.
    expect(problems(s39NoticeData, documentData('s39-notice', notice('s39-notice'), claim, worker, byCaseManager, '2026-11-23')).sort()).toEqual(['ceaseOn', 'lastPaymentOn']);
  });

  it('s59a-notice: to the worker and the doctor, each addressed as such, complete from the decided period (SoP S19)', () => {
    const facts = { ceaseOn: '2027-03-01', period: '2 years', from: '2025-03-01', basis: 'weekly payments ceased' };
    const n = notice('s59a-notice', {}, facts, 's59a.notice-issued', '2026-11-23');
    const toDoctor = documentData('s59a-notice', n, claim, doctor, byCaseManager, '2026-11-23');
    expect(toDoctor).toEqual({
      claimNumber: 'WC0000123',
      issuedOn: '2026-11-23',
      worker: claim.worker,
      recipient: { party: 'doctor', name: 'Dr Nadia Okafor' },
      ceaseOn: '2027-03-01',
      period: '2 years',
      from: '2025-03-01',
      basis: 'weekly payments ceased',
      contact: contactBlock,
      signatory: caseManagerSigns,
    });
    expect(problems(s59aNoticeData, toDoctor)).toEqual([]);
    const toWorker = documentData('s59a-notice', n, claim, worker, byCaseManager, '2026-11-23');
    expect(toWorker.recipient).toEqual({ party: 'worker', name: 'Lena Okoro' });
    expect(problems(s59aNoticeData, toWorker)).toEqual([]);
  });
});

describe('a person cannot write over what the platform decided (rules.md §8)', () => {
  it("refuses a discontinuance's dates in content, naming each field, and lets the rest through", () => {
    const n = notice('decision-notice', {}, discontinuance, 'weekly.discontinued');
    expect(decidedContentRefusals(n, { takesEffectOn: '2026-10-06', decidedOn: '2026-10-01', effect: 'x', reasons: ['y'] })).toEqual([
      { field: 'content.takesEffectOn', problem: 'is decided by the platform (2026-10-20; rules.md §8.3, s80) and cannot be written on the notice' },
      { field: 'content.decidedOn', problem: 'is decided by the platform (2026-10-05; rules.md §8.3, s80) and cannot be written on the notice' },
    ]);
  });

  it('refuses the s48A, s39 and s59A dates and a treatment decision’s facts; a fact not decided (null) a person may give', () => {
    const field = (type: string, decided: DecidedFacts, content: Record<string, unknown>) => decidedContentRefusals(notice(type, {}, decided), content).map((p) => p.field);
    expect(field('s48a-warning', { suspendFrom: '2026-10-26', suspensionEndsOn: '2026-11-22' }, { suspendFrom: '2026-11-30', reason: 'x' })).toEqual(['content.suspendFrom']);
    expect(field('s48a-suspension', { warnedOn: '2026-10-05', suspendedFrom: '2026-10-26', suspensionEndsOn: '2026-11-22' }, { warnedOn: 'x', suspendedFrom: 'y', obligation: 'z' })).toEqual([
      'content.warnedOn',
      'content.suspendedFrom',
    ]);
    expect(field('s39-notice', { lastPaymentOn: '2027-02-28', ceaseOn: '2027-03-01', week235StartedOn: '2026-08-31' }, { ceaseOn: 'x', lastPaymentOn: 'y', weeksPaid: 230 })).toEqual([
      'content.ceaseOn',
      'content.lastPaymentOn',
    ]);
    expect(field('s59a-notice', { ceaseOn: '2027-03-01', period: '2 years', from: '2025-03-01', basis: 'claim first made' }, { period: '5 years', ceaseOn: 'x' })).toEqual([
      'content.period',
      'content.ceaseOn',
    ]);
    expect(field('treatment-decision', treatment('declined', { cost: null }), { decision: 'approved', estimatedCost: '100.00', reasons: ['r'] })).toEqual(['content.decision']);
    expect(field('decision-notice', treatment('declined'), { takesEffectOn: 'x' })).toEqual(['content.takesEffectOn']);
  });

  it('refuses nothing of a notice the platform decided nothing for', () => {
    expect(decidedContentRefusals(notice('decision-notice'), { takesEffectOn: '2026-10-19', decidedOn: '2026-10-05' })).toEqual([]);
    expect(decidedContentRefusals(notice('s39-notice'), { ceaseOn: '2027-03-01' })).toEqual([]);
    expect(decidedFields(notice('liability-accepted', {}, { anything: 'x' }))).toEqual({});
  });
});

// ---- issue 16: the staff directory's contact and signatory, each recipient's address ----

describe('who signs a decision, from the staff directory', () => {
  const decided = {
    ...claim,
    facts: {
      ...claim.facts,
      'liability.disputed': { ...claim.facts['liability.disputed'], by: 'tl.jo' },
      's48a.warning-issued': { type: 's48a.warning-issued', at: '2026-10-05', suspendFrom: '2026-10-26', by: 'cm.kai' },
    },
  };
  const jo = { user: 'tl.jo', name: 'Jo Marchetti', role: 'Team leader', phone: '02 9000 7777', email: 'jo@insurer.example' };

  it('is who recorded the action that caused the notice (a suspension: who gave the warning), or nobody recorded', () => {
    expect(decisionMaker(notice('decision-notice', {}, null, 'liability.disputed'), decided)).toBe('tl.jo');
    expect(decisionMaker(notice('s48a-suspension', {}, null, 'suspension'), decided)).toBe('cm.kai');
    expect(decisionMaker(notice('decision-notice', {}, null, 'liability.disputed'), claim)).toBeNull(); // facts recorded before `by` was
    expect(decisionMaker(notice('piawe-decision', {}, null, 'piawe.determined'), decided)).toBeNull(); // payments' notice without a name
    // Payments names who made the PIAWE determination in the notice's facts.
    expect(decisionMaker(notice('piawe-decision', {}, { decidedBy: 'pay.ola' }, 'piawe.determined'), decided)).toBe('pay.ola');
  });

  it("prints the decision maker's name and role as the signatory, the case manager as the contact", () => {
    const d = documentData(
      'decision-notice',
      notice('decision-notice', {}, null, 'liability.disputed'),
      decided,
      worker,
      { caseManager: staff, decisionMaker: { user: 'tl.jo', contact: jo } },
      '2026-10-06',
    );
    expect(d).toMatchObject({ signatory: { name: 'Jo Marchetti', role: 'Team leader' }, contact: contactBlock });
  });

  it("leaves the signatory out when the decision maker has no directory entry, so the documents service names it and the notice waits (never signed in another's name)", () => {
    const d = documentData(
      'decision-notice',
      notice('decision-notice', {}, null, 'liability.disputed'),
      decided,
      worker,
      { caseManager: staff, decisionMaker: { user: 'tl.jo', contact: null } },
      '2026-10-06',
    );
    expect(d).not.toHaveProperty('signatory');
    expect(problems(decisionNoticeData, d)).toContain('signatory');
  });

  it('signs only decisions: the other notices are signed by the case manager, whose contact they carry', () => {
    for (const kind of ['acknowledgement-letter', 'contact-request', 'imp', 'ime-notice', 'case-conference-agenda', 'complaint-acknowledgement'])
      expect([kind, documentData(kind, notice(kind), claim, worker, byCaseManager, '2026-10-06')]).not.toEqual([kind, expect.objectContaining({ signatory: expect.anything() })]);
    for (const kind of ['reasonable-excuse', 'provisional-liability', 'liability-accepted', 'review-outcome', 's39-notice', 'piawe-decision'])
      expect([kind, documentData(kind, notice(kind), claim, worker, byCaseManager, '2026-10-06').signatory]).toEqual([kind, caseManagerSigns]);
  });
});

describe("each recipient's postal address, from the claim's parties", () => {
  const home = ['4 Jacaranda Avenue', 'Granville NSW 2142'];
  const office = ['Level 2, 10 Wharf Road', 'Botany NSW 2019'];
  const posted: ClaimRecord = { ...claim, parties: [{ ...worker, postalAddress: home }, { ...employer, postalAddress: office }, doctor, solicitor] };
  const w = posted.parties[0];
  const e = posted.parties[1];

  it("goes under the worker's name on the notices written to the worker, whoever the copy is for", () => {
    expect(documentData('decision-notice', notice('decision-notice'), posted, w, byCaseManager, '2026-10-06').worker).toEqual({ ...claim.worker, address: home });
    // The employer's copy of the worker's notice: the same letter, addressed to the worker.
    expect(documentData('decision-notice', notice('decision-notice'), posted, e, byCaseManager, '2026-10-06').worker).toEqual({ ...claim.worker, address: home });
    // Where the worker is not the addressee, their address is not printed.
    expect(documentData('imp', notice('imp'), posted, e, byCaseManager, '2026-10-06').worker).toEqual(claim.worker);
  });

  it("goes with the recipient, the notifier and the employer's notice", () => {
    expect(documentData('imp', notice('imp'), posted, e, byCaseManager, '2026-10-06').recipient).toEqual({ party: 'employer', name: 'Harbour Freight Pty Ltd', address: office });
    expect(documentData('information-request', notice('information-request'), posted, e, byCaseManager, '2026-10-06').notifier).toEqual({
      party: 'employer',
      name: 'Harbour Freight Pty Ltd',
      address: office,
    });
    expect(documentData('provisional-liability-employer', notice('provisional-liability'), posted, e, byCaseManager, '2026-10-06').employer).toEqual({ ...claim.employer, address: office });
    expect(documentData('imp', notice('imp'), posted, doctor, byCaseManager, '2026-10-06').recipient).toEqual({ party: 'doctor', name: 'Dr Nadia Okafor' });
  });

  it('is in the acknowledgement letter written at notification when the claim already records it, with the case manager', () => {
    const d = acknowledgementData(posted, staff, '2026-09-15');
    expect(d).toEqual({
      claimNumber: 'WC0000123',
      issuedOn: '2026-09-15',
      worker: { ...claim.worker, address: home },
      employer: claim.employer,
      dateOfInjury: '2026-09-14',
      notificationDate: '2026-09-15',
      contact: contactBlock,
    });
    expect(problems(acknowledgementLetterData, d)).toEqual([]);
    expect(problems(acknowledgementLetterData, acknowledgementData({ ...claim, parties: [] }, null, '2026-09-15'))).toEqual(['contact']);
  });

  it("tells the PIAWE decision whose copy it is: the employer's shows only its own earnings (s243)", () => {
    const d = documentData('piawe-decision', notice('piawe-decision', {}, null, 'piawe.determined'), posted, e, byCaseManager, '2026-10-06');
    expect(d.recipient).toEqual({ party: 'employer', name: 'Harbour Freight Pty Ltd', address: office });
    // What a person writes: how it was set and the earnings used.
    expect(problems(piaweDecisionData, d).sort()).toEqual(['basis', 'employments']);
  });
});

describe('what documentData prefills is what each template accepts', () => {
  const addressed = (p: RecordedParty): RecordedParty => ({ ...p, postalAddress: ['1 Test Street', 'Sydney NSW 2000'] });
  const posted: ClaimRecord = { ...withProviders, parties: withProviders.parties.map(addressed) };
  const [w, e, d, other, physio2] = posted.parties;
  const READER: Record<string, RecordedParty> = {
    'acknowledgement-letter': w,
    'information-request': e,
    'contact-request': d,
    'reasonable-excuse': w,
    'provisional-liability': w,
    'provisional-liability-employer': e,
    'liability-accepted': e,
    'decision-notice': w,
    imp: e,
    'ime-notice': d,
    'review-outcome': w,
    'complaint-acknowledgement': other,
    'case-conference-agenda': d,
    'case-conference-summary': d,
    'piawe-decision': e,
    'treatment-decision': physio2,
    's48a-warning': w,
    's48a-suspension': w,
    's39-notice': w,
    's59a-notice': d,
  };
  /** Fields the platform fills: a problem with one of them is a prefill that does not fit the template. */
  const PREFILLED = ['', 'claimNumber', 'issuedOn', 'worker', 'employer', 'dateOfInjury', 'notificationDate', 'notifiedOn', 'recipient', 'notifier', 'contact', 'signatory', 'handler'];

  it.each(Object.keys(READER))('%s', (kind) => {
    const data = documentData(kind, notice(kind), posted, READER[kind], byCaseManager, '2026-10-06');
    const schema = CURRENT_TEMPLATES[kind as keyof typeof CURRENT_TEMPLATES].data;
    const bad = problems(schema, data).filter((p) => PREFILLED.includes(p.split('.')[0]));
    expect([kind, bad]).toEqual([kind, []]);
  });
});
