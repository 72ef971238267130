import { createHash } from 'node:crypto';
import { pdfText } from '../testing/pdf-text';
import { acknowledgementLetterV2 } from './acknowledgement-letter';
import { fullName, longDate } from './format';
import { CURRENT_TEMPLATES, DOCUMENT_KINDS, TEMPLATE_HISTORY, documentRequestSchema, renderLetter } from './index';
import { letterText } from './letter-text';
import { LOCAL_INSURER } from './letterhead';

const data = {
  claimNumber: 'WC0000042',
  worker: { givenName: 'Mia', familyName: 'Okafor' },
  employer: { name: 'Harbour Logistics Pty Ltd', policyNumber: 'POL-778812' },
  dateOfInjury: '2026-03-02',
  notificationDate: '2026-03-04',
  issuedOn: '2026-03-04',
  contact: { caseManager: 'Yusra Pemberton', phone: '02 9555 0100', email: 'yusra.pemberton@claims.example' },
};
const t = acknowledgementLetterV2;
const compose = (d: typeof data) => t.compose(acknowledgementLetterV2.data.parse(d), LOCAL_INSURER);
const hash = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const oneLine = (s: string) => s.replace(/\s+/g, ' ');

describe('acknowledgement letter v2', () => {
  it('renders a PDF with the claim number, the worker and what happens next', async () => {
    const pdf = await renderLetter(t, compose(data), { compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(oneLine(pdfText(pdf))).toContain('acknowledgement-letter@v2');
    const text = letterText(compose(data));
    expect(text).toContain('WC0000042');
    expect(text).toContain('Dear Mia Okafor,');
    expect(text).toContain('Harbour Logistics Pty Ltd (policy POL-778812)');
    expect(text).toContain('2 March 2026');
    expect(text).toContain('What happens next');
    expect(text).toContain('Your case manager, Yusra Pemberton, will look after your claim.');
  });

  it('gives the case manager and how to reach them, the IRO, and is signed by the case manager', () => {
    const letter = compose({ ...data, worker: { ...data.worker, address: ['4 Banksia Close', 'Penrith NSW 2750'] } } as typeof data);
    const text = letterText(letter);
    expect(text).toContain(
      'Who to contact Your case manager is Yusra Pemberton. If you have a question about this letter, or think something in it is wrong, call Yusra Pemberton on 02 9555 0100 or email yusra.pemberton@claims.example. You can also call us on 02 9000 0000 or write to us at Locked Bag 1, Sydney NSW 2001. Please quote your claim number, WC0000042, whenever you contact us.',
    );
    expect(text).toContain('Independent Review Office (IRO) on 13 94 76 or at www.iro.nsw.gov.au');
    expect(letter.recipient).toEqual(['Mia Okafor', '4 Banksia Close', 'Penrith NSW 2750']);
    expect(letter.closing).toEqual(['Yours sincerely,', 'Yusra Pemberton', 'Case manager']);
  });

  it('reads the same from the compressed PDF the service stores', async () => {
    const pdf = await renderLetter(t, compose(data));
    expect(oneLine(pdfText(pdf))).toContain('Its number is WC0000042.');
    expect(pdf.toString('latin1')).toContain('/FlateDecode');
  });

  it('is deterministic: equal data give equal bytes, other data other bytes', async () => {
    const a = await renderLetter(t, compose(data));
    const b = await renderLetter(t, compose(structuredClone(data)));
    expect(hash(a)).toBe(hash(b));
    const c = await renderLetter(t, compose({ ...data, claimNumber: 'WC0000043' }));
    expect(hash(c)).not.toBe(hash(a));
  });

  it('dates the PDF with the letter date, not the time of rendering', async () => {
    const raw = (await renderLetter(t, compose(data), { compress: false })).toString('latin1');
    // pdfkit writes each info value as its own object: both dates are the letter's date.
    expect(raw.match(/\(D:\d{14}Z\)/g)).toEqual(['(D:20260304000000Z)', '(D:20260304000000Z)']);
  });

  it('writes names as given', async () => {
    const letter = compose({ ...data, worker: { givenName: 'Zoë', familyName: 'Nguyễn' } });
    expect(letter.salutation).toBe('Dear Zoë Nguyễn,');
    expect(oneLine(pdfText(await renderLetter(t, letter, { compress: false })))).toContain('Dear Zoë Nguyễn,');
  });
});

describe('document requests', () => {
  const claimId = '4f6f1c4e-8a51-4d6f-9c37-2a0f1c3b7e11';

  it('accept each kind with its data, and name each bad field', () => {
    expect(documentRequestSchema.parse({ claimId, kind: 'acknowledgement-letter', data }).kind).toBe('acknowledgement-letter');
    const r = documentRequestSchema.safeParse({ claimId: 'x', kind: 'acknowledgement-letter', data: { ...data, worker: { givenName: '' }, dateOfInjury: '2026-02-30', extra: 1 } });
    expect(r.success).toBe(false);
    const paths = r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['claimId', 'data.worker.givenName', 'data.worker.familyName', 'data.dateOfInjury', 'data']));
    expect(documentRequestSchema.safeParse({ claimId, kind: 'decision-notice', data }).success).toBe(false);
  });

  it('refuse a notification before the injury', () => {
    const r = documentRequestSchema.safeParse({ claimId, kind: 'acknowledgement-letter', data: { ...data, notificationDate: '2026-03-01' } });
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join('.'))).toEqual(['data.notificationDate']);
  });
});

describe('template registry', () => {
  it('has a current template for every kind, each with a name and a positive integer version, all in the history', () => {
    for (const kind of DOCUMENT_KINDS) {
      const tpl = CURRENT_TEMPLATES[kind];
      expect(tpl.kind).toBe(kind);
      expect(Number.isInteger(tpl.version) && tpl.version > 0).toBe(true);
      expect(TEMPLATE_HISTORY).toContain(tpl);
    }
    const refs = TEMPLATE_HISTORY.map((x) => `${x.name}@${x.version}`);
    expect(new Set(refs).size).toBe(refs.length);
  });

  it('formats dates in words', () => {
    expect(longDate('2026-01-09')).toBe('9 January 2026');
    expect(() => longDate('9/1/2026')).toThrow(RangeError);
  });
});

describe('every notice of rules.md §5 has a template', () => {
  // docs/rules.md §5, as the claim's workflow names them (libs/claim-lifecycle NoticeType): the
  // provisional liability notice goes to the worker and, in its own version, to the employer.
  const RULES_MD_NOTICES = [
    'information-request',
    'contact-request',
    'provisional-liability',
    'reasonable-excuse',
    'liability-accepted',
    'decision-notice',
    'imp',
    'ime-notice',
    'review-outcome',
    'complaint-acknowledgement',
    'case-conference-agenda',
    'case-conference-summary',
  ];
  it.each(RULES_MD_NOTICES)('%s', (kind) => {
    expect(DOCUMENT_KINDS).toContain(kind);
  });
  it('has the employer version of the provisional liability notice and the PIAWE decision', () => {
    expect(DOCUMENT_KINDS).toEqual(expect.arrayContaining(['provisional-liability-employer', 'piawe-decision']));
  });
  // docs/rules.md §5 and §8: the treatment decision (§8.1), the s48A warning and suspension (§8.2), the
  // s39 notice (§8.4); and the s59A notice (docs/sources.md T23), whose rules are still to come (§9).
  it.each(['treatment-decision', 's48a-warning', 's48a-suspension', 's39-notice', 's59a-notice'])('%s (rules.md §8, nsw-facts T23)', (kind) => {
    expect(DOCUMENT_KINDS).toContain(kind);
  });
});

describe('requests for the notices of rules.md §8', () => {
  const claimId = '4f6f1c4e-8a51-4d6f-9c37-2a0f1c3b7e11';
  const warning = {
    claimNumber: 'WC0052290',
    issuedOn: '2026-07-06',
    worker: { givenName: 'Desmond', familyName: 'Oyelowo-Hart' },
    reason: 'You have not started the suitable duties your employer offered.',
    obligation: 'Start the suitable duties your employer offered.',
    suspendFrom: '2026-07-27',
    contact: { caseManager: 'Saoirse Abubakar', phone: '02 9555 0733', email: 'rtw@claims.example' },
    signatory: { name: 'Bronwyn Achterberg-Lee', role: 'Return to work decision maker' },
  };

  it('accept an s48a-warning and name the bad field under data', () => {
    expect(documentRequestSchema.parse({ claimId, kind: 's48a-warning', data: warning }).kind).toBe('s48a-warning');
    const r = documentRequestSchema.safeParse({ claimId, kind: 's48a-warning', data: { ...warning, suspendFrom: '2026-07-10' } });
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join('.'))).toEqual(['data.suspendFrom']);
    expect(documentRequestSchema.safeParse({ claimId, kind: 's48a-suspension', data: warning }).success).toBe(false);
  });

  it('refuse a contact phone that is not a phone number, naming the field with the words the 400 gives', () => {
    const r = documentRequestSchema.safeParse({ claimId, kind: 's48a-warning', data: { ...warning, contact: { ...warning.contact, phone: 'TBC' } } });
    expect(r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['data.contact.phone: must be a phone number, e.g. "02 9000 1234"']);
  });
});

describe('names in the order and script the person gives (issue 16)', () => {
  it.each([
    [{ givenName: 'Mia', familyName: 'Okafor' }, 'Mia Okafor'],
    [{ givenName: 'Thị Ánh', familyName: 'Nguyễn', nameOrder: 'family-first' as const }, 'Nguyễn Thị Ánh'],
    [{ givenName: 'Thị Ánh', familyName: 'Nguyễn' }, 'Thị Ánh Nguyễn'],
    [{ givenName: '小龙', familyName: '李', nameOrder: 'family-first' as const }, '李小龙'],
    // Unsaid, a name in Chinese, Korean or Japanese script is family name first, without a space.
    [{ givenName: '小龙', familyName: '李' }, '李小龙'],
    [{ givenName: '민준', familyName: '김' }, '김민준'],
    [{ givenName: 'Xiaolong', familyName: 'Li', nameOrder: 'family-first' as const }, 'Li Xiaolong'],
    [{ givenName: 'ジョン', familyName: 'スミス' }, 'ジョン・スミス'],
  ])('%j is printed %s', (name, printed) => {
    expect(fullName(name)).toBe(printed);
  });
});
