import { z } from 'zod';
import { acknowledgementLetterData, acknowledgementLetterV1 } from './acknowledgement-letter';
import type { NoticeTemplate } from './template';

export * from './template';
export { renderLetter } from './render';

/**
 * The template each kind is rendered with now. To add a notice type: write its template and add it
 * here (and to `documentRequestSchema`). To change a notice's wording: a new template version
 * replaces the old one here; the old version stays in TEMPLATE_HISTORY.
 */
export const CURRENT_TEMPLATES = {
  'acknowledgement-letter': acknowledgementLetterV1,
} as const;
export type DocumentKind = keyof typeof CURRENT_TEMPLATES;
export const DOCUMENT_KINDS = Object.keys(CURRENT_TEMPLATES) as DocumentKind[];

/** Every template version ever used (to re-render or explain a stored document). */
export const TEMPLATE_HISTORY: readonly NoticeTemplate[] = [acknowledgementLetterV1 as NoticeTemplate];

export function currentTemplate<K extends DocumentKind>(kind: K): (typeof CURRENT_TEMPLATES)[K] {
  return CURRENT_TEMPLATES[kind];
}

/** The body of POST /documents: which notice, for which claim, with that notice's data. */
export const documentRequestSchema = z.discriminatedUnion('kind', [
  z.object({ claimId: z.string().uuid(), kind: z.literal('acknowledgement-letter'), data: acknowledgementLetterData }).strict(),
]);
export type DocumentRequest = z.infer<typeof documentRequestSchema>;
