import { z } from 'zod';
import { localDate, nonEmpty } from '@wc/contracts';

/** What every queue item says of its obligation: whose claim, what is due when, and the rule that makes it due. */
const obligationItem = z.object({
  claimId: z.guid(),
  claimNumber: nonEmpty,
  obligationId: nonEmpty,
  type: nonEmpty,
  /** The complaint, review, IME, case conference or treatment request it belongs to; absent when it belongs to the claim itself. */
  ref: nonEmpty.optional(),
  openedOn: localDate,
  dueOn: localDate,
  rule: nonEmpty,
  source: nonEmpty,
});

/** GET /work-queue: a case manager's open obligations, by due date. */
export const workQueueSchema = z
  .object({
    caseManager: nonEmpty,
    items: z.array(obligationItem.extend({ escalatedOn: localDate.nullable(), remindedOn: localDate.nullable() }).strict()),
  })
  .strict();

/** GET /escalations: a team leader's escalation tasks, and those of claims nobody leads yet (assigned: false). */
export const escalationQueueSchema = z
  .object({
    teamLeader: nonEmpty,
    items: z.array(obligationItem.extend({ taskId: z.guid(), escalatedOn: localDate, overdueOn: localDate.nullable(), caseManager: nonEmpty.nullable(), assigned: z.boolean() }).strict()),
  })
  .strict();
