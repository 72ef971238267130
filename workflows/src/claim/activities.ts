import { ApplicationFailure, Context, log } from '@temporalio/activity';
import type { Effect, PartRef } from '@wc/claim-lifecycle';
import { EFFECTS_REFUSED, TRACED_MEMO, type ClaimActivities, type EffectsIncident } from './definitions';

/** Where the effects of a claim's step go: the claims service in production, memory in `simulate`. */
export interface ClaimEffectsPort {
  /**
   * `batchKey` is the same on every retry of one activity: a port records a batch once. Throws
   * EffectsRefusedError when the answer would be the same however often it is asked.
   */
  record(claimId: string, effects: Effect[], batchKey: string): Promise<void>;
}

/** The claims service refused a batch for a reason no retry changes (a bad credential, an unknown claim, a batch too large). */
export class EffectsRefusedError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Where incidents go: the claims service's operators' list in production, memory in `simulate` and tests. */
export interface IncidentsPort {
  raise(incident: EffectsIncident): Promise<void>;
}

/** Where a part's effects go: its own workflow, started if need be (a Temporal client's signal-with-start). */
export interface ClaimPartsPort {
  send(input: { workflowId: string; taskQueue: string; claimId: string; part: PartRef; effects: Effect[]; end: boolean; batchId: string }): Promise<void>;
}

/** Activities built from their dependencies (samples-typescript style). */
export function createClaimActivities(deps: { effects: ClaimEffectsPort; parts: ClaimPartsPort; incidents?: IncidentsPort }): ClaimActivities {
  return {
    async sendToPart({ claimId, workflowId, part, effects, end }) {
      const info = Context.current().info;
      const batchId = `${info.workflowExecution?.runId ?? info.workflowType}/${info.activityId}`;
      await deps.parts.send({ workflowId, taskQueue: info.taskQueue, claimId, part, effects, end, batchId });
    },
    async carryOutEffects({ claimId, effects, stopWhenRefused }) {
      const info = Context.current().info;
      const batchKey = `${info.workflowExecution?.runId ?? info.workflowType}/${info.activityId}`;
      log.info('carrying out claim effects', { claimId, count: effects.length, kinds: [...new Set(effects.map((e) => e.kind))] });
      try {
        await deps.effects.record(claimId, effects, batchKey);
      } catch (e) {
        // A run older than workflow version 10 cannot handle the failure: it keeps retrying, as before.
        if (e instanceof EffectsRefusedError && stopWhenRefused) throw ApplicationFailure.nonRetryable(e.message, EFFECTS_REFUSED, { status: e.status });
        throw e;
      }
    },
    async raiseIncident(incident) {
      log.error('claim effects refused: the workflow waits for an operator', { ...incident });
      // Without a port (simulate, tests that give none) the log line above is the incident.
      if (!deps.incidents) return;
      try {
        await deps.incidents.raise(incident);
      } catch (e) {
        // Refused too (the same bad credential): the workflow logs it and waits all the same.
        if (e instanceof EffectsRefusedError) throw ApplicationFailure.nonRetryable(e.message, EFFECTS_REFUSED, { status: e.status });
        throw e;
      }
    },
  };
}

/** Keeps incidents in memory: for `simulate` and tests. */
export class InMemoryIncidents implements IncidentsPort {
  readonly raised: EffectsIncident[] = [];
  async raise(incident: EffectsIncident): Promise<void> {
    if (!this.raised.some((i) => i.key === incident.key)) this.raised.push(incident);
  }
}

/** Keeps every effect in memory, per claim: for `simulate` and tests. */
export class InMemoryEffects implements ClaimEffectsPort {
  readonly byClaim = new Map<string, Effect[]>();
  async record(claimId: string, effects: Effect[]): Promise<void> {
    const list = this.byClaim.get(claimId) ?? [];
    list.push(...effects);
    this.byClaim.set(claimId, list);
  }
}

/** Parts through a Temporal client: signal-with-start of `claimPartWorkflow` (production and `simulate`). */
export class TemporalClaimParts implements ClaimPartsPort {
  /** `traced`: parts are started to be traced (the production worker; tracing-interceptors.ts). */
  constructor(
    private readonly client: { workflow: { signalWithStart: (...args: any[]) => Promise<unknown> } }, // eslint-disable-line @typescript-eslint/no-explicit-any
    private readonly options: { traced?: boolean } = {},
  ) {}

  async send(input: Parameters<ClaimPartsPort['send']>[0]): Promise<void> {
    await this.client.workflow.signalWithStart('claimPartWorkflow', {
      workflowId: input.workflowId,
      taskQueue: input.taskQueue,
      args: [{ claimId: input.claimId, part: input.part }],
      signal: 'partEffects',
      signalArgs: [input.effects, input.end, input.batchId],
      ...(this.options.traced && { memo: { [TRACED_MEMO]: true } }),
    });
  }
}
