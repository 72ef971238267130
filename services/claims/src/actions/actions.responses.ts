import { z } from 'zod';
import type { ObligationStatus, Timeline, TimelineDetails } from '@wc/claim-lifecycle';
import { actionOutcomeSchema, localDate, moneyText, nonEmpty } from '@wc/contracts';
import { sameType } from '@wc/service-kit';

/** POST /claims/:id/actions: the action was applied, its place in the claim's history and what the claim decided with it. */
export const appliedActionSchema = z
  .object({
    accepted: z.literal(true),
    actionId: z.guid().meta({ description: "the action's id: a review names the decision it reviews by it" }),
    seq: z.number().int().nonnegative(),
    outcome: actionOutcomeSchema.optional(),
  })
  .strict();
export type AppliedAction = z.output<typeof appliedActionSchema>;

/** How an obligation stands at the end of `until` (claim-lifecycle's ObligationStatus). */
const OBLIGATION_STATUSES = ['met', 'late', 'overdue', 'open', 'cancelled'] as const;
sameType<(typeof OBLIGATION_STATUSES)[number], ObligationStatus>(true);

/** docs/simulate.md's timeline (claim-lifecycle's Timeline) without `name`, which only a simulated scenario has. */
export const timelineSchema = z
  .object({
    claim: z.object({ notificationDate: localDate, significanceDate: localDate.nullable(), classification: nonEmpty, segment: nonEmpty, employerExcess: moneyText.nullable() }).strict(),
    obligations: z.array(
      z.object({ type: nonEmpty, openedOn: localDate, dueOn: localDate, status: z.enum(OBLIGATION_STATUSES), completedOn: localDate.nullable(), escalatedOn: localDate.nullable() }).strict(),
    ),
    notices: z.array(z.object({ type: nonEmpty, on: localDate, to: z.array(nonEmpty) }).strict()),
    payments: z.array(z.object({ week: z.number().int().positive(), from: localDate, to: localDate, amount: moneyText }).strict()),
  })
  .strict();
sameType<z.output<typeof timelineSchema>, Omit<Timeline, 'name'>>(true);

/** Why an obligation is due when it is: the rule and where it comes from (part of TimelineDetails' obligations). */
const explanationSchema = z.object({ type: nonEmpty, openedOn: localDate, dueOn: localDate, rule: nonEmpty, source: nonEmpty }).strict();
sameType<z.output<typeof explanationSchema>, Pick<TimelineDetails['obligations'][number], 'type' | 'openedOn' | 'dueOn' | 'rule' | 'source'>>(true);

/** GET /claims/:id/timeline: the timeline, the rules' warnings (e.g. no PIAWE recorded) and why each obligation is due when it is. */
export const claimTimelineSchema = timelineSchema.extend({ warnings: z.array(nonEmpty), explanations: z.array(explanationSchema) }).strict();
export type ClaimTimeline = z.output<typeof claimTimelineSchema>;

/** PUT /claims/:id/assignment: who handles the claim now and whose queue its escalations go to. */
export const assignmentViewSchema = z.object({ id: z.guid(), caseManager: nonEmpty, teamLeader: nonEmpty }).strict();
export type AssignmentView = z.output<typeof assignmentViewSchema>;

/** GET /audit/backdated-actions: actions dated before the day they were recorded (actions/backdating.ts). */
export const backdatedActionListSchema = z
  .object({
    windowDays: z.number().int().describe('how far back a case manager may date an action (ACTION_BACKDATING_DAYS)'),
    actions: z.array(
      z
        .object({
          actionId: z.guid(),
          claimId: z.guid(),
          claimNumber: nonEmpty,
          type: nonEmpty,
          at: nonEmpty.describe('the date or time the action was said to happen'),
          recordedAt: nonEmpty,
          daysBack: z.number().int().positive(),
          by: z.object({ user: nonEmpty, role: nonEmpty }).strict(),
          reason: z.string().nullable().describe('the Backdating-Reason given (required beyond the window)'),
        })
        .strict(),
    ),
    next: z.guid().nullable().meta({ description: 'pass as `before` for the next page (older actions); null on the last' }),
  })
  .strict();
export type BackdatedActionList = z.output<typeof backdatedActionListSchema>;
