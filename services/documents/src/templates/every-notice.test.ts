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
import { SAMPLES, claimNumber, contact, employer, handler, signatory } from '../testing/samples';

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
