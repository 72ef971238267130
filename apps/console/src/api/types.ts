// The shapes the console shows, named from the API's own types (./openapi): nothing re-declared.
import type { operations as ClaimsOperations } from './openapi/claims';

type Ok<O extends { responses: { 200: { content: { 'application/json': unknown } } } }> = O['responses'][200]['content']['application/json'];

export type WorkQueue = Ok<ClaimsOperations['QueuesController_workQueue']>;
export type WorkItem = WorkQueue['items'][number];
export type ClaimView = Ok<ClaimsOperations['ClaimsController_get']>;
export type ClaimDocument = ClaimView['documents'][number];
export type Timeline = Ok<ClaimsOperations['ActionsController_timeline']>;
export type TimelineObligation = Timeline['obligations'][number];
