import { pdfText } from '../testing/pdf-text';
import { renderDocument } from '../documents/documents.service';
import { documentRequestSchema } from './index';
import { languageAssistanceBlocks, translationFor } from './language-assistance';
import { LOCAL_INSURER } from './letterhead';

const claimId = '6f1c2a9e-3b1d-4c8e-9a57-2d0f4b7e8c11';
const data = {
  claimNumber: 'WC0004417',
  worker: { givenName: 'Ines', familyName: 'Carvalho' },
  employer: { name: 'Harbourside Tiling Pty Ltd', policyNumber: 'P-88120' },
  dateOfInjury: '2026-05-04',
  notificationDate: '2026-05-06',
  issuedOn: '2026-05-06',
  contact: { caseManager: 'Teodoro Lindgren', phone: '02 9555 0230', email: 'teodoro.lindgren@claims.example' },
};
const flat = (b: Buffer) => pdfText(b).replace(/\s+/g, ' ');

describe('interpreter-services paragraph (program 4.3)', () => {
  it("comes first, in the worker's language and then in English, with TIS National's number", async () => {
    const request = documentRequestSchema.parse({ claimId, kind: 'acknowledgement-letter', data, languageAssistance: { language: 'Portuguese' } });
    const rendered = await renderDocument(request, LOCAL_INSURER);
    // Stored with the document, as its template version is.
    expect(rendered.languageAssistance).toEqual({ language: 'Portuguese', translated: true, version: 2 });
    const text = flat(rendered.bytes);
    expect(text).toContain('Precisa de um intérprete?');
    expect(text).toContain('Ligue para 131 450, diga que fala português');
    expect(text).toContain('Need an interpreter?');
    expect(text).toContain('say that you speak Portuguese');
    // No certified translator has checked it yet: the letter says so, plainly.
    expect(text).toContain('The Portuguese paragraph above has not yet been checked by a certified translator.');
    // Straight after the salutation, before anything the letter says.
    expect(text).toMatch(/Dear [^,]+, Precisa de um intérprete\?/);
  });

  it('names any other language in English and says it is untranslated (so a translated copy can be arranged)', () => {
    const r = languageAssistanceBlocks({ language: 'Vietnamese' }, LOCAL_INSURER);
    expect(r.translated).toBe(false);
    expect(r.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')).join(' ')).toContain('say that you speak Vietnamese');
    expect(translationFor('ESPAÑOL')?.heading).toBe('¿Necesita un intérprete?');
    // The interpreter is asked to call the insurer that sends the letter (configuration, not a literal).
    const named = languageAssistanceBlocks({ language: 'Spanish' }, { ...LOCAL_INSURER, name: 'Harbour Mutual Workers Insurance' });
    expect(named.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')).join(' ')).toContain('pida que llamen a Harbour Mutual Workers Insurance por usted');
    expect(named.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')).join(' ')).toContain('ask them to call Harbour Mutual Workers Insurance for you');
  });

  it('changes the bytes only when asked for', async () => {
    const plain = documentRequestSchema.parse({ claimId, kind: 'acknowledgement-letter', data });
    const rendered = await renderDocument(plain, LOCAL_INSURER);
    expect(flat(rendered.bytes)).not.toContain('interpreter');
    expect(rendered.languageAssistance).toBeNull();
    const bad = documentRequestSchema.safeParse({ claimId, kind: 'acknowledgement-letter', data, languageAssistance: { language: '' } });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.path.join('.'))).toEqual(['languageAssistance.language']);
  });
});
