// The shapes the console shows, named from the API's own types (./openapi): nothing re-declared.
import type { operations as ClaimsOperations } from './openapi/claims';
import type { operations as NotificationsOperations } from './openapi/notifications';
import type { operations as PaymentsOperations } from './openapi/payments';

type Ok<O extends { responses: { 200: { content: { 'application/json': unknown } } } }> = O['responses'][200]['content']['application/json'];

export type WorkQueue = Ok<ClaimsOperations['QueuesController_workQueue']>;
export type WorkItem = WorkQueue['items'][number];
export type ClaimList = Ok<ClaimsOperations['ClaimSearchController_list']>;
export type ClaimListItem = ClaimList['claims'][number];
export type ClaimView = Ok<ClaimsOperations['ClaimsController_get']>;
export type ClaimDocument = ClaimView['documents'][number];
export type Timeline = Ok<ClaimsOperations['ActionsController_timeline']>;
export type TimelineObligation = Timeline['obligations'][number];
export type ClaimParties = Ok<ClaimsOperations['PartiesController_list']>;
export type ClaimParty = ClaimParties['parties'][number];
export type Consent = ClaimParties['consents'][number];

// A case manager's tasks and letters to post (the notifications service).
export type Task = Ok<NotificationsOperations['CorrespondenceController_tasks']>['tasks'][number];

// The team leader's pages.
export type EscalationQueue = Ok<ClaimsOperations['QueuesController_escalations']>;
export type Escalation = EscalationQueue['items'][number];
export type BackdatedActions = Ok<ClaimsOperations['BackdatingController_list']>;
export type BackdatedAction = BackdatedActions['actions'][number];
export type ClaimAction = ClaimsOperations['ActionsController_act']['requestBody']['content']['application/json'];

// The privacy officer's page.
export type HealthRead = Ok<ClaimsOperations['AuditController_healthReads']>['reads'][number];

// The payments officer's pages.
export type Payment = Ok<PaymentsOperations['PaymentsController_list']>['payments'][number];
export type PaymentStatus = Payment['status'];
export type PaymentClaim = Ok<PaymentsOperations['PaymentClaimsController_get']>;
export type PendingChange = Ok<PaymentsOperations['ChangesController_list']>['changes'][number];
export type PaymentRun = Ok<PaymentsOperations['PaymentRunsController_get']>;
export type Schedule = Ok<PaymentsOperations['SchedulesController_get']>;
