import { z } from 'zod';
import { localDate, nameOrder, nonEmpty } from '@wc/contracts';
import { CLASSIFICATIONS } from '@wc/rules';

/** One claim in a search's answer: enough to tell claims apart and open the right one. */
export const claimListItem = z
  .object({
    id: z.guid(),
    claimNumber: nonEmpty,
    worker: z.object({ givenName: nonEmpty, familyName: nonEmpty, nameOrder: nameOrder.optional() }).strict(),
    employer: nonEmpty,
    dateOfInjury: localDate,
    notificationDate: localDate,
    classification: z.enum(CLASSIFICATIONS).nullable(),
    /** The latest liability decision, if any. */
    liability: z.enum(['provisional', 'accepted', 'disputed']).nullable(),
    status: z.enum(['open', 'finalised']),
    caseManager: nonEmpty.nullable(),
    teamLeader: nonEmpty.nullable(),
  })
  .strict();
export type ClaimListItem = z.output<typeof claimListItem>;

/** A page of claims, newest first: `next` is the `before` of the next page, null on the last. */
export const claimList = z.object({ claims: z.array(claimListItem), next: z.guid().nullable() }).strict();
export type ClaimList = z.output<typeof claimList>;
