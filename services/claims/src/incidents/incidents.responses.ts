import { z } from 'zod';

/** An incident: a claim's workflow waiting on a batch of effects this service refused. */
export const incidentSchema = z
  .object({
    id: z.string().uuid(),
    claimId: z.string().uuid(),
    workflowId: z.string(),
    runId: z.string(),
    status: z.number().int().describe('the HTTP status this service answered the workflow'),
    message: z.string(),
    kinds: z.array(z.string()).describe('the kinds of effect waiting'),
    since: z.string().describe('when the workflow stopped'),
    raisedAt: z.string(),
    retriedAt: z.string().nullable(),
    retriedBy: z.string().nullable(),
  })
  .strict();
export type IncidentView = z.output<typeof incidentSchema>;
export const incidentListSchema = z.object({ incidents: z.array(incidentSchema) }).strict();
export const incidentRaisedSchema = z.object({ recorded: z.boolean() }).strict();
