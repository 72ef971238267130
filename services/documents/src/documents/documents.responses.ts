import { z } from 'zod';
import type { Same } from '@wc/service-kit';
import { documentCreatedData, nonEmpty } from '@wc/contracts';
import { languageAssistanceSchema } from '../templates';
import type { DocumentView } from './documents.service';

const created = documentCreatedData.shape;

/** GET /documents/:id and POST /documents: a document's metadata (documents.service's DocumentView); its PDF is at `content`. */
export const documentViewSchema = z
  .object({
    id: created.documentId,
    claimId: created.claimId,
    kind: created.kind,
    template: created.template,
    templateVersion: created.templateVersion,
    version: created.version,
    contentHash: created.contentHash,
    mediaType: created.mediaType,
    size: created.bytes,
    /** The interpreter-services paragraph the letter opens with (program 4.3), in the version of its words; null when it has none. */
    languageAssistance: z.object({ language: languageAssistanceSchema.shape.language, translated: z.boolean(), version: z.number().int().positive() }).strict().nullable(),
    datedReason: nonEmpty.nullable(),
    createdBy: nonEmpty,
    createdAt: z.iso.datetime(),
    content: z.string().regex(/^\/documents\/[0-9a-f-]{36}\/content$/),
  })
  .strict();

const sameAsDocumentView: Same<Omit<z.output<typeof documentViewSchema>, 'mediaType'>, Omit<DocumentView, 'mediaType'>> = true;
void sameAsDocumentView;
