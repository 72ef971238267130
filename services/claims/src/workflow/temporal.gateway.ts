import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ApplicationFailure, Client, Connection, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import type { PartKind } from '@wc/claim-lifecycle';
import type { ClaimEvent, FieldProblem } from '@wc/contracts';
import { temporalConnection } from '@wc/service-kit';
import {
  ActionResult,
  CLAIM_TASK_QUEUE,
  TRACED_MEMO,
  ClaimWorkflowInput,
  actionUpdate,
  appliedActionQuery,
  decisionsQuery,
  partsQuery,
  retryEffectsSignal,
  timelineQuery,
} from '@wc/workflows/dist/claim/definitions';

/** The claim's workflow is not running yet (Temporal was unreachable when it was lodged; the reconciler retries). */
export class WorkflowNotStartedError extends Error {}

/** The workflow refused a staff action (docs/rules.md §4 and the lifecycle's refusals). */
export class ActionRefusedError extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  }
}
import { CLAIMS_CONFIG, ClaimsConfig } from '../config';

/** The claims service's only door to Temporal: start a claim's workflow, ask how it is. */
@Injectable()
export class TemporalGateway implements OnApplicationShutdown {
  private client?: Promise<{ connection: Connection; client: Client }>;

  constructor(@Inject(CLAIMS_CONFIG) private readonly config: ClaimsConfig) {}

  private connect() {
    // TLS and the API key from the settings; the interceptor carries the trace context (and the
    // request id in baggage) into the workflow's start, signals and updates (issue 18).
    this.client ??= Connection.connect({ ...temporalConnection(this.config), connectTimeout: this.config.TEMPORAL_CONNECT_TIMEOUT_MS }).then((connection) => ({
      connection,
      client: new Client({ connection, namespace: this.config.TEMPORAL_NAMESPACE, interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor()] } }),
    }));
    this.client.catch(() => (this.client = undefined)); // try again next time
    return this.client;
  }

  /**
   * Starting twice is harmless: the workflow id is derived from the claim number. The claim id goes
   * in the memo so a workflow of the same id that belongs to another claim (a database restored out
   * of step with Temporal) is an error, never silently shared.
   */
  async startClaimWorkflow(workflowId: string, input: ClaimWorkflowInput): Promise<void> {
    const { client } = await this.connect();
    try {
      // `traced`: the run continues this request's trace (workflows/src/claim/tracing-interceptors.ts).
      await client.workflow.start('claimWorkflow', { taskQueue: CLAIM_TASK_QUEUE, workflowId, args: [input], memo: { claimId: input.claimId, [TRACED_MEMO]: true } });
    } catch (e) {
      if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
      const existing = (await client.workflow.getHandle(workflowId).describe()).memo?.claimId;
      if (existing !== input.claimId) throw new Error(`workflow ${workflowId} already belongs to claim ${String(existing)}, not ${input.claimId}: the claims database and Temporal are out of step`);
    }
  }

  async workflowStatus(workflowId: string): Promise<string> {
    const { client } = await this.connect();
    try {
      return (await client.workflow.getHandle(workflowId).describe()).status.name;
    } catch (e) {
      if (e instanceof WorkflowNotFoundError) return 'NOT_STARTED';
      throw e;
    }
  }

  /**
   * The claim's parts that have a workflow of their own (IME referrals, reviews, complaints, case
   * conferences, work capacity assessments) and how each workflow stands, for whoever looks after
   * the claim or the platform.
   */
  async workflowParts(workflowId: string): Promise<Array<{ id: string; kind: PartKind; workflowId: string; status: string }>> {
    const { client, connection } = await this.connect();
    let parts: Array<{ id: string; kind: PartKind; workflowId: string }>;
    try {
      // A query needs a claim worker to answer; with none running it would hold the staff API's
      // answer until the server gives up. Two seconds, then the caller says the parts are unknown.
      parts = await connection.withDeadline(Date.now() + 2000, () => client.workflow.getHandle(workflowId).query(partsQuery));
    } catch (e) {
      if (e instanceof WorkflowNotFoundError) return [];
      throw e;
    }
    return Promise.all(
      parts.map(async (p) => {
        let status: string;
        try {
          status = (await client.workflow.getHandle(p.workflowId).describe()).status.name;
        } catch (e) {
          status = e instanceof WorkflowNotFoundError ? 'NOT_STARTED' : `UNKNOWN (${(e as Error).message})`;
        }
        return { id: p.id, kind: p.kind, workflowId: p.workflowId, status };
      }),
    );
  }

  /**
   * docs/rules.md §8 on the claim (treatment requests, s48A warnings, a discontinuance), from its
   * workflow; like the parts, at most two seconds when no claim worker answers.
   */
  async decisions(workflowId: string) {
    const { client, connection } = await this.connect();
    try {
      return await connection.withDeadline(Date.now() + 2000, () => client.workflow.getHandle(workflowId).query(decisionsQuery));
    } catch (e) {
      if (e instanceof WorkflowNotFoundError) throw new WorkflowNotStartedError(`the workflow of this claim (${workflowId}) has not started yet; try again shortly`);
      throw e;
    }
  }

  /** A staff action as a workflow update: applied in order with the claim's clock, or refused with reasons. */
  async applyAction(workflowId: string, event: ClaimEvent, updateId?: string): Promise<ActionResult> {
    const { client } = await this.connect();
    try {
      // The same update id is applied once by Temporal and answers with the first outcome.
      return await client.workflow.getHandle(workflowId).executeUpdate(actionUpdate, { args: [event], ...(updateId ? { updateId } : {}) });
    } catch (e) {
      if (e instanceof WorkflowUpdateFailedError && e.cause instanceof ApplicationFailure && e.cause.type === 'ActionRefused') {
        const details = (e.cause.details ?? []) as FieldProblem[];
        throw new ActionRefusedError(details.length ? details : [{ path: 'type', message: e.cause.message }]);
      }
      if (e instanceof WorkflowNotFoundError) throw new WorkflowNotStartedError(`the workflow of this claim (${workflowId}) has not started yet; try again shortly`);
      throw e;
    }
  }

  /**
   * Whether the claim applied the action sent with this update id, and its answer: `null` when it
   * never did (nor will: the caller asks only about updates no live request is still sending).
   * The claim remembers its latest actions across continueAsNew (workflow version 9); a run started
   * before that remembers nothing, so Temporal is asked about the update in the current run too.
   */
  async appliedAction(workflowId: string, updateId: string): Promise<ActionResult | null> {
    const { client, connection } = await this.connect();
    const handle = client.workflow.getHandle(workflowId);
    try {
      const remembered = await connection.withDeadline(Date.now() + 10_000, () => handle.query(appliedActionQuery, updateId));
      if (remembered) return remembered;
    } catch (e) {
      if (e instanceof WorkflowNotFoundError) return null;
      if (!/appliedAction|query.*not (found|registered)/i.test((e as Error).message)) throw e;
    }
    try {
      return await connection.withDeadline(Date.now() + 10_000, () => handle.getUpdateHandle<ActionResult>(updateId).result());
    } catch (e) {
      // Refused (never applied), or no such update in this run.
      if (e instanceof WorkflowUpdateFailedError || e instanceof WorkflowNotFoundError || isNotFound(e)) return null;
      throw e;
    }
  }

  /** An operator has fixed why the claim's effects were refused: the workflow carries them out again (incidents/). */
  async retryEffects(workflowId: string): Promise<void> {
    const { client } = await this.connect();
    try {
      await client.workflow.getHandle(workflowId).signal(retryEffectsSignal);
    } catch (e) {
      if (e instanceof WorkflowNotFoundError) throw new WorkflowNotStartedError(`the workflow ${workflowId} is not running`);
      throw e;
    }
  }

  async timeline(workflowId: string, until?: string) {
    const { client } = await this.connect();
    try {
      return await client.workflow.getHandle(workflowId).query(timelineQuery, until);
    } catch (e) {
      if (e instanceof WorkflowNotFoundError) throw new WorkflowNotStartedError(`the workflow of this claim (${workflowId}) has not started yet; try again shortly`);
      throw e;
    }
  }

  async ping(): Promise<void> {
    const { connection } = await this.connect();
    await connection.healthService.check({});
  }

  async onApplicationShutdown() {
    const c = await this.client?.catch(() => undefined);
    await c?.connection.close();
  }
}

/** gRPC NOT_FOUND (5): Temporal knows no update of that id in the workflow's current run. */
function isNotFound(e: unknown): boolean {
  for (let c: unknown = e; c; c = (c as { cause?: unknown }).cause) if ((c as { code?: unknown }).code === 5) return true;
  return false;
}
