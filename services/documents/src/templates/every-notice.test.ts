import { CURRENT_TEMPLATES, DOCUMENT_KINDS, type DocumentKind, documentRequestSchema } from './index';
import { IRO, IRO_ON_NOTICES } from './independent-help';
import { letterText } from './letter-text';
import { LOCAL_INSURER } from './letterhead';
import type { Letter } from './template';

/**
 * Issue 16, on every notice: a way to reach the case manager (name, direct phone, email, the
 * insurer's reply address and phone, the claim number), the IRO where independent-help.ts says
 * so, a named signatory, the recipient's postal address, and contact fields checked as contacts.
 */
const claimNumber = 'WC0016016';
const contact = { caseManager: 'Marguerite Obi-Lindqvist', phone: '02 9555 0616', email: 'm.obi-lindqvist@claims.example' };
const signatory = { name: 'Caspar Nakashima-Reyes', role: 'Claims decision maker' };
const worker = { givenName: 'Ansel', familyName: 'Varga-Mbeki' };
const workerName = 'Ansel Varga-Mbeki';
const toWorker = { party: 'worker', name: workerName };
const employer = { name: 'Corellia Logistics Pty Ltd' };
const dateOfInjury = '2026-03-02';
const handler = { name: 'Perpetua Zhou', role: 'Complaints manager', phone: '02 9555 0999', email: 'complaints@claims.example' };

/** Valid data for each current template, read by the worker where a notice has a choice of reader. */
const SAMPLES: Record<DocumentKind, Record<string, unknown>> = {
  'acknowledgement-letter': { claimNumber, worker, employer: { ...employer, policyNumber: 'POL-1' }, dateOfInjury, notificationDate: '2026-03-04', contact },
  'information-request': {
    claimNumber,
    issuedOn: '2026-03-05',
    notifier: toWorker,
    worker,
    notifiedOn: '2026-03-04',
    missingItems: ['Your date of birth'],
    sendBy: '2026-03-12',
    contact,
  },
  'contact-request': { claimNumber, issuedOn: '2026-03-09', recipient: toWorker, worker, dateOfInjury, attemptedOn: ['2026-03-05'], contact, respondBy: '2026-03-16' },
  'reasonable-excuse': { claimNumber, issuedOn: '2026-03-06', worker, employer, dateOfInjury, notificationDate: '2026-03-04', reason: 'late-notification', contact, signatory },
  'provisional-liability': {
    claimNumber,
    issuedOn: '2026-03-09',
    worker,
    employer,
    dateOfInjury,
    provisionalPeriod: { start: '2026-03-03', end: '2026-05-25' },
    piawe: '1200.00',
    weeklyAmount: '1140.00',
    calculation: { rateSection: 's36', formula: '95% × PIAWE', lines: ['95% of $1,200.00 = $1,140.00'] },
    paidBy: 'insurer',
    contact,
    signatory,
  },
  'provisional-liability-employer': {
    claimNumber,
    issuedOn: '2026-03-09',
    employer: { ...employer, policyNumber: 'POL-1' },
    worker,
    dateOfInjury,
    provisionalPeriod: { start: '2026-03-03', end: '2026-05-25' },
    weeklyAmount: '1140.00',
    paidBy: 'employer',
    contact,
    signatory,
  },
  'liability-accepted': { claimNumber, issuedOn: '2026-03-20', recipient: toWorker, worker, employer, dateOfInjury, decidedOn: '2026-03-19', contact, signatory },
  'decision-notice': {
    claimNumber,
    issuedOn: '2026-03-20',
    worker,
    employer,
    decision: 'We dispute liability for your claim.',
    effect: 'We will not pay for this injury.',
    decidedOn: '2026-03-19',
    takesEffectOn: '2026-03-19',
    issues: ['Whether the injury arose out of employment'],
    reasons: ['Two witnesses place the injury at a weekend sporting event.'],
    provisions: ['Workers Compensation Act 1987 s4'],
    reports: [{ title: 'Witness statement', author: 'Dana Oyelaran', date: '2026-03-10', supports: true, submittedBy: 'employer', reliedOn: true }],
    contact,
    signatory,
  },
  imp: {
    claimNumber,
    issuedOn: '2026-03-30',
    recipient: toWorker,
    worker,
    employer,
    dateOfInjury,
    planVersion: 1,
    revision: false,
    participants: [
      { role: 'employer-contact', name: 'Hugo Bertrand' },
      { role: 'nominated-treating-doctor', name: 'Dr Ines Caldwell' },
    ],
    rtwGoal: 'same-job-same-employer',
    obligations: [
      { party: 'worker', obligations: ['Attend each physiotherapy session'] },
      { party: 'employer', obligations: ['Offer suitable duties'] },
      { party: 'insurer', obligations: ['Pay weekly payments on time'] },
    ],
    actions: [{ action: 'Prepare a suitable duties plan', owner: 'Hugo Bertrand', dueOn: '2026-04-10' }],
    reviewOn: '2026-05-30',
    contact,
  },
  'ime-notice': {
    claimNumber,
    issuedOn: '2026-03-30',
    recipient: toWorker,
    worker,
    reason: 'We need an independent opinion on your capacity for work.',
    appointment: { date: '2026-04-20', time: '10:00' },
    place: { address: 'Level 2, 9 George Street, Parramatta NSW 2150' },
    examiner: { name: 'Dr Yusuf Abernethy', specialty: 'occupational physician' },
    contact,
  },
  'review-outcome': {
    claimNumber,
    issuedOn: '2026-04-20',
    worker,
    decision: 'To decline payment for hydrotherapy',
    decidedOn: '2026-03-19',
    decisionMaker: 'Jonah Fettercairn',
    requestedOn: '2026-04-01',
    reviewedOn: '2026-04-14',
    signatory,
    outcome: 'confirmed',
    reasons: ['The treating physiotherapist recommends a gym program instead.'],
    contact,
  },
  'complaint-acknowledgement': {
    claimNumber,
    issuedOn: '2026-04-02',
    complainant: worker,
    receivedOn: '2026-04-01',
    summary: 'Your travel costs have not been paid.',
    handler,
    respondBy: '2026-04-09',
    contact,
  },
  'case-conference-agenda': {
    claimNumber,
    issuedOn: '2026-04-01',
    worker,
    conference: { on: '2026-04-08', startsAt: '10:00', place: 'Corellia Logistics, 3 Dock Road, Botany NSW 2019' },
    participants: [
      { name: workerName, role: 'Injured worker' },
      { name: 'Hugo Bertrand', role: 'Supervisor' },
    ],
    purpose: 'To agree suitable duties.',
    agenda: ['Duties available'],
    prepare: ['Your latest certificate of capacity'],
    contact,
  },
  'case-conference-summary': {
    claimNumber,
    issuedOn: '2026-04-09',
    worker,
    heldOn: '2026-04-08',
    attendees: [
      { name: workerName, role: 'Injured worker' },
      { name: 'Hugo Bertrand', role: 'Supervisor' },
    ],
    agreed: ['Four-hour shifts in the dispatch office'],
    actions: [],
    nextSteps: ['The case manager will call everyone in a week'],
    correctionsWithinDays: 7,
    contact,
  },
  'piawe-decision': {
    claimNumber,
    issuedOn: '2026-03-20',
    recipient: toWorker,
    worker,
    employer,
    dateOfInjury,
    basis: 'calculated',
    employments: [{ kind: 'this-employer', period: { from: '2025-03-03', to: '2026-03-01' }, daysCounted: 364, earnings: [{ description: 'Ordinary wages', amount: '62400.00' }] }],
    contact,
    signatory,
  },
  'treatment-decision': {
    claimNumber,
    issuedOn: '2026-03-20',
    worker,
    recipient: toWorker,
    treatment: 'physiotherapy, 6 sessions',
    provider: 'Northside Physio',
    requestedOn: '2026-03-10',
    decision: 'approved',
    decidedOn: '2026-03-19',
    contact,
    signatory,
  },
  's48a-warning': {
    claimNumber,
    issuedOn: '2026-07-06',
    worker,
    reason: 'You have not started the suitable duties offered.',
    obligation: 'Start the suitable duties your employer offered.',
    suspendFrom: '2026-07-27',
    contact,
    signatory,
  },
  's48a-suspension': {
    claimNumber,
    issuedOn: '2026-07-27',
    worker,
    warnedOn: '2026-07-06',
    obligation: 'Start the suitable duties your employer offered.',
    suspendedFrom: '2026-07-27',
    contact,
    signatory,
  },
  's39-notice': { claimNumber, issuedOn: '2026-12-10', worker, lastPaymentOn: '2027-03-14', ceaseOn: '2027-03-15', contact, signatory },
  's59a-notice': { claimNumber, issuedOn: '2026-12-01', worker, recipient: toWorker, ceaseOn: '2027-03-15', period: '2 years', from: '2025-03-15', basis: 'weekly payments ceased', contact, signatory },
  // Its contact is the provider payments contact (payments' PROVIDER_PAYMENTS_CONTACT_*), not the case manager.
  'remittance-advice': {
    claimNumber,
    issuedOn: '2026-06-03',
    worker,
    provider: { name: 'Northside Physio Pty Ltd', abn: '51824753556', bank: { bsb: '062-000', accountEnding: '678' } },
    payment: { reference: 'WC0016016 RA0001', processingDate: '2026-06-05', amount: '110.00' },
    lines: [{ invoice: 'NP-1', serviceDate: '2026-03-05', item: 'PTA001', units: 1, charged: '110.00', paid: '110.00', status: 'pay' }],
    contact: { ...contact, postalAddress: 'PO Box 1180, North Sydney NSW 2059' },
  },
};

const compose = (kind: DocumentKind, data: unknown): Letter => {
  const t = CURRENT_TEMPLATES[kind];
  return (t.compose as (d: unknown, i: typeof LOCAL_INSURER) => Letter)(t.data.parse(data), LOCAL_INSURER);
};
const textOf = (kind: DocumentKind, data: unknown = SAMPLES[kind]) => letterText(compose(kind, data));

/** A decision is signed by its signatory (from the data); every other notice by the case manager. */
const SIGNED: Record<DocumentKind, 'signatory' | 'case manager' | 'handler' | 'provider payments'> = {
  'acknowledgement-letter': 'case manager',
  'information-request': 'case manager',
  'contact-request': 'case manager',
  'reasonable-excuse': 'signatory',
  'provisional-liability': 'signatory',
  'provisional-liability-employer': 'signatory',
  'liability-accepted': 'signatory',
  'decision-notice': 'signatory',
  imp: 'case manager',
  'ime-notice': 'case manager',
  'review-outcome': 'signatory',
  'complaint-acknowledgement': 'handler',
  'case-conference-agenda': 'case manager',
  'case-conference-summary': 'case manager',
  'piawe-decision': 'signatory',
  'treatment-decision': 'signatory',
  's48a-warning': 'signatory',
  's48a-suspension': 'signatory',
  's39-notice': 'signatory',
  's59a-notice': 'signatory',
  'remittance-advice': 'provider payments',
};
const SIGNOFF = {
  signatory: [signatory.name, signatory.role],
  'case manager': [contact.caseManager, 'Case manager'],
  handler: [handler.name, handler.role],
  'provider payments': [contact.caseManager, 'Payments to treatment providers'],
};

const address = ['Unit 5, 18 Wattle Street', 'Ultimo NSW 2007'];
/** Where each notice takes its addressee's postal address; null: one letter to several people (a case conference's). */
const WITH_ADDRESS: Record<DocumentKind, ((d: Record<string, unknown>) => Record<string, unknown>) | null> = (() => {
  const on = (field: string) => (d: Record<string, unknown>) => ({ ...d, [field]: { ...(d[field] as object), address } });
  return {
    'acknowledgement-letter': on('worker'),
    'information-request': on('notifier'),
    'contact-request': on('recipient'),
    'reasonable-excuse': on('worker'),
    'provisional-liability': on('worker'),
    'provisional-liability-employer': on('employer'),
    'liability-accepted': on('recipient'),
    'decision-notice': on('worker'),
    imp: on('recipient'),
    'ime-notice': on('recipient'),
    'review-outcome': on('worker'),
    'complaint-acknowledgement': on('complainant'),
    'case-conference-agenda': null,
    'case-conference-summary': null,
    'piawe-decision': on('recipient'),
    'treatment-decision': on('recipient'),
    's48a-warning': on('worker'),
    's48a-suspension': on('worker'),
    's39-notice': on('worker'),
    's59a-notice': on('recipient'),
    'remittance-advice': on('provider'),
  };
})();

describe('every current notice (issue 16)', () => {
  it('has a sample here, valid for its template', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...DOCUMENT_KINDS].sort());
    for (const kind of DOCUMENT_KINDS) expect([kind, CURRENT_TEMPLATES[kind].data.safeParse(SAMPLES[kind]).success]).toEqual([kind, true]);
  });

  it.each(DOCUMENT_KINDS)("%s: gives a way to reach the case manager: name, direct phone and email, the insurer's reply address and phone, the claim number", (kind) => {
    const text = textOf(kind);
    for (const s of [contact.caseManager, contact.phone, contact.email, claimNumber]) expect(text).toContain(s);
    if (kind === 'remittance-advice') return; // its contact is the provider payments contact, with its own postal address
    expect(text).toContain('Who to contact');
    expect(text).toContain(`You can also call us on ${LOCAL_INSURER.phone} or write to us at ${LOCAL_INSURER.replyAddress}.`);
  });

  it.each(DOCUMENT_KINDS)('%s: refuses a contact phone that is not a phone number ("TBC"), naming the field', (kind) => {
    const data = { ...SAMPLES[kind], contact: { ...(SAMPLES[kind].contact as object), phone: 'TBC' } };
    const r = documentRequestSchema.safeParse({ claimId: '4f6f1c4e-8a51-4d6f-9c37-2a0f1c3b7e11', kind, data });
    expect(r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['data.contact.phone: must be a phone number, e.g. "02 9000 1234"']);
  });

  it.each(DOCUMENT_KINDS)('%s: is signed by a named person with their role, never "the claims team"', (kind) => {
    const letter = compose(kind, SAMPLES[kind]);
    expect(letter.closing.slice(1)).toEqual(SIGNOFF[SIGNED[kind]]);
    expect(letter.closing.join(' ')).not.toMatch(/claims team/i);
  });

  it.each(DOCUMENT_KINDS)("%s: is addressed to the recipient's postal address when the claim records one", (kind) => {
    const withAddress = WITH_ADDRESS[kind];
    if (!withAddress) return;
    const recipient = compose(kind, withAddress(SAMPLES[kind])).recipient;
    expect(recipient.slice(recipient.indexOf(address[0]) - 1, recipient.indexOf(address[0]) + 2)).toEqual([expect.any(String), ...address]);
    expect(compose(kind, SAMPLES[kind]).recipient).not.toContain(address[0]);
  });

  it('gives the worker the IRO, with its phone and web address, on every notice independent-help.ts says, with the reason written there', () => {
    expect(Object.keys(IRO_ON_NOTICES).sort()).toEqual([...DOCUMENT_KINDS].sort());
    const withIro = DOCUMENT_KINDS.filter((k) => IRO_ON_NOTICES[k] !== null);
    // Every notice the worker reads, bar the complaint's own list (program 8, in its body).
    expect(DOCUMENT_KINDS.filter((k) => IRO_ON_NOTICES[k] === null).sort()).toEqual(['complaint-acknowledgement', 'provisional-liability-employer', 'remittance-advice']);
    for (const kind of withIro) {
      expect([kind, IRO_ON_NOTICES[kind]]).toEqual([kind, expect.stringMatching(/program|Reg|SoP|Act/)]);
      const text = textOf(kind);
      expect([kind, text.includes(`${IRO.name} on ${IRO.phone} or at ${IRO.web}`)]).toEqual([kind, true]);
    }
    // Program 8: the complaint's escalation list names the IRO for a worker, with its details.
    expect(textOf('complaint-acknowledgement')).toContain(`${IRO.name} on ${IRO.phone} or at ${IRO.web}`);
    for (const kind of ['provisional-liability-employer', 'remittance-advice'] as const) expect(textOf(kind)).not.toContain(IRO.phone);
  });

  it("leaves the worker's IRO paragraph out of a copy for someone else, and words it for the worker in a letter to all participants", () => {
    const toEmployer = { party: 'employer', name: employer.name };
    for (const kind of ['contact-request', 'liability-accepted', 'imp', 'ime-notice', 'piawe-decision'] as const)
      expect([kind, textOf(kind, { ...SAMPLES[kind], recipient: toEmployer }).includes('You can get free, independent help')]).toEqual([kind, false]);
    expect(textOf('case-conference-agenda')).toContain(`If you are the injured worker, you can get free, independent help from the ${IRO.name} on ${IRO.phone}`);
  });
});
