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

/**
 * GET /team: the case managers of the claims a team leader leads (the platform keeps no other list
 * of a team: who handles which claim is the claims' assignment), each with the work a team leader
 * watches, counted on Sydney's today.
 */
export const teamSchema = z
  .object({
    teamLeader: nonEmpty,
    today: localDate,
    members: z.array(
      z
        .object({
          caseManager: nonEmpty,
          /** Claims they handle that this team leader leads and that are not finalised. */
          openClaims: z.number().int().nonnegative(),
          /** Open obligations of those claims due before today, and due today. */
          overdue: z.number().int().nonnegative(),
          dueToday: z.number().int().nonnegative(),
          /** Escalations of those claims to this team leader not yet resolved. */
          escalations: z.number().int().nonnegative(),
        })
        .strict(),
    ),
  })
  .strict();
