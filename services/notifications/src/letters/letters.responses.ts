import { z } from 'zod';
import type { Same } from '@wc/service-kit';
import type { LetterRequestView } from './letters.service';

/** A letter asked of the documents service for one event: the document it became, or why the documents service refused it for good. */
export const letterRequestView = z
  .object({ eventId: z.guid(), claimId: z.guid(), kind: z.string(), documentId: z.guid().nullable(), failure: z.string().nullable(), requestedAt: z.iso.datetime() })
  .strict();

/** A claim's letters, oldest first. */
export const claimLetters = z.object({ claimId: z.guid(), letters: z.array(letterRequestView) }).strict();

const _mirrors: Same<z.output<typeof letterRequestView>, LetterRequestView> = true;
void _mirrors;
