import type { WorkflowExecutionStatusName } from '@temporalio/client';
import { z } from 'zod';
import type { ClaimDecisions, PartKind } from '@wc/claim-lifecycle';
import { discontinuanceSchema, documentCreatedData, eventTime, localDate, moneyText, nonEmpty, noticeDeliveryUpdatedData, notificationFields } from '@wc/contracts';
import { CLASSIFICATIONS, type Segment } from '@wc/rules';
import { sameType } from '@wc/service-kit';

/** The segments triage puts a claim in (rules' Segment, which has no list of its own). */
const SEGMENTS = ['specialised', 'support', 'guide', 'empower'] as const;
sameType<(typeof SEGMENTS)[number], Segment>(true);

/** The parts of a claim that run as workflows of their own (claim-lifecycle's PartKind). */
const PART_KINDS = ['complaint', 'review', 'ime', 'case-conference', 'treatment', 'wca'] as const;
sameType<(typeof PART_KINDS)[number], PartKind>(true);

/** Temporal's names for how a workflow stands, and ours for one not started yet. */
const WORKFLOW_STATUSES = ['UNSPECIFIED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED', 'TERMINATED', 'CONTINUED_AS_NEW', 'TIMED_OUT', 'PAUSED', 'UNKNOWN', 'NOT_STARTED'] as const;
sameType<Exclude<(typeof WORKFLOW_STATUSES)[number], 'NOT_STARTED'>, WorkflowExecutionStatusName>(true);

/** What the claim shows in place of something its workflow (or Temporal) did not answer in time: why, in words. */
const unknownAnswer = z
  .string()
  .regex(/^UNKNOWN \(/)
  .meta({ description: 'not known now: UNKNOWN (the reason), e.g. no claim worker answered', example: 'UNKNOWN (deadline exceeded)' });
const workflowStatus = z.union([z.enum(WORKFLOW_STATUSES), unknownAnswer]);

/** One treatment request on the claim (docs/rules.md §8.1), as its workflow keeps it. */
const treatmentRequest = z
  .object({
    ref: nonEmpty,
    treatment: nonEmpty.nullable(),
    provider: nonEmpty.nullable(),
    cost: moneyText.nullable(),
    requestedOn: localDate,
    acknowledgementDueOn: localDate.nullable(),
    acknowledgedOn: localDate.nullable(),
    decisionDueOn: localDate.nullable(),
    decision: z
      .object({ outcome: z.enum(['approved', 'declined']), on: localDate })
      .strict()
      .nullable(),
    open: z.boolean(),
  })
  .strict();
sameType<z.output<typeof treatmentRequest>, ClaimDecisions['treatmentRequests'][number]>(true);

/** One s48A warning (docs/rules.md §8.2) and the days it suspended so far. */
const s48aWarning = z
  .object({
    issuedOn: localDate,
    suspendFrom: localDate,
    suspensionEndsOn: localDate,
    compliedOn: localDate.nullable(),
    suspended: z.object({ from: localDate, to: localDate }).strict().nullable(),
    open: z.boolean(),
  })
  .strict();
sameType<z.output<typeof s48aWarning>, ClaimDecisions['s48aWarnings'][number]>(true);

const document = documentCreatedData.shape;
const delivery = noticeDeliveryUpdatedData.shape;

/** GET /claims/:id and POST /claims: the claim, its workflow and parts, its §8 decisions, letters and correspondence. */
export const claimViewSchema = z
  .object({
    id: z.guid(),
    claimNumber: nonEmpty,
    worker: notificationFields.shape.worker,
    employer: notificationFields.shape.employer,
    injury: notificationFields.shape.injury,
    notifiedAt: eventTime,
    notificationDate: localDate,
    /** Null until the workflow has triaged the claim. */
    classification: z.enum(CLASSIFICATIONS).nullable(),
    segment: z.enum(SEGMENTS).nullable(),
    triageReasons: z.object({ classification: nonEmpty, segment: nonEmpty }).strict().nullable(),
    workflow: z
      .object({
        id: nonEmpty,
        status: workflowStatus,
        parts: z.union([z.array(z.object({ id: nonEmpty, kind: z.enum(PART_KINDS), workflowId: nonEmpty, status: workflowStatus }).strict()), unknownAnswer]),
      })
      .strict(),
    /** The §8 decisions: null when the workflow was not asked (not running, or its parts did not answer), UNKNOWN (why) when it did not answer. */
    treatmentRequests: z.union([z.array(treatmentRequest), unknownAnswer]).nullable(),
    s48aWarnings: z.union([z.array(s48aWarning), unknownAnswer]).nullable(),
    discontinuance: z.union([discontinuanceSchema, unknownAnswer]).nullable(),
    documents: z.array(
      z
        .object({
          id: document.documentId,
          kind: document.kind,
          template: document.template,
          templateVersion: document.templateVersion,
          version: document.version,
          contentHash: document.contentHash,
          createdAt: z.iso.datetime(),
        })
        .strict(),
    ),
    /** Each copy of each notice (notice.delivery-updated) with its latest status, and every status it had, oldest first. */
    correspondence: z.array(
      z
        .object({
          deliveryId: delivery.deliveryId,
          noticeId: delivery.noticeId,
          noticeType: delivery.noticeType,
          recipient: delivery.recipient,
          partyId: delivery.partyId,
          channel: delivery.channel,
          status: delivery.status,
          documentId: delivery.documentId,
          history: z.array(z.object({ status: delivery.status, attempt: delivery.attempt, detail: delivery.detail, at: z.iso.datetime() }).strict()),
        })
        .strict(),
    ),
    caseManager: nonEmpty.nullable(),
    teamLeader: nonEmpty.nullable(),
    createdAt: z.iso.datetime(),
    createdBy: nonEmpty,
    /** How far back a case manager may date an action on it (ACTION_BACKDATING_DAYS); further back only a team leader, with a reason. */
    backdatingWindowDays: z.number().int().min(0).describe('how far back (days) a case manager may date an action on the claim; further back only a team leader may, with a Backdating-Reason'),
  })
  .strict();
export type ClaimView = z.output<typeof claimViewSchema>;
