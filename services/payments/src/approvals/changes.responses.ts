import { z } from 'zod';
import { nonEmpty } from '@wc/contracts';

/** A change waiting for (or given) a second person's decision. */
export const pendingChange = z
  .object({
    changeId: z.guid(),
    kind: z.enum(['payee', 'authority-limit', 'rate-tables']),
    subject: nonEmpty.meta({ description: 'the claim id (payee), role:<role> / user:<user> (authority limit), or parameters (rate tables)' }),
    claimId: z.guid().nullable(),
    change: z.record(z.string(), z.unknown()).meta({ description: 'what is to be recorded: the payee, or { maxAmount }' }),
    reason: nonEmpty,
    status: z.enum(['pending', 'approved', 'rejected', 'superseded']),
    proposedBy: nonEmpty,
    proposedAt: z.iso.datetime(),
    decidedBy: nonEmpty.nullable(),
    decidedAt: z.iso.datetime().nullable(),
    note: z.string().nullable(),
    result: z.record(z.string(), z.unknown()).nullable().meta({ description: 'what the approval made: { remediationId } for rate tables' }),
  })
  .strict();
export type PendingChange = z.output<typeof pendingChange>;
export const pendingChanges = z.object({ changes: z.array(pendingChange) }).strict();
