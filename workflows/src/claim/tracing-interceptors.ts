/**
 * OpenTelemetry in the claim's workflows (issue 18), for the workflows started to be traced only.
 *
 * Temporal's workflow interceptors continue the caller's trace (a staff request) into the workflow
 * and on into each activity. Added as they are, they change how a workflow yields, so a history
 * recorded before them stops replaying (TMPRL1100 on an update's completion). So they act only for
 * a run whose memo says `traced: true`: the claims service and the production worker start
 * workflows so, and a traced run passes it on across continueAsNew. A run started before (every
 * recorded history, every claim already running) is untouched, and replays as it was recorded.
 * The memo is in the run's first event, so the choice is the same on every replay.
 */
import { workflowInfo, type WorkflowInterceptorsFactory } from '@temporalio/workflow';
import { TRACED_MEMO } from './definitions';
import { OpenTelemetryInboundInterceptor, OpenTelemetryInternalsInterceptor, OpenTelemetryOutboundInterceptor } from '@temporalio/interceptors-opentelemetry/lib/workflow';

const traced = () => workflowInfo().memo?.[TRACED_MEMO] === true;

export const interceptors: WorkflowInterceptorsFactory = () => {
  const inbound = new OpenTelemetryInboundInterceptor();
  const outbound = new OpenTelemetryOutboundInterceptor();
  const internals = new OpenTelemetryInternalsInterceptor();
  return {
    inbound: [
      {
        execute: (input, next) => (traced() ? inbound.execute(input, next) : next(input)),
        handleSignal: (input, next) => (traced() ? inbound.handleSignal(input, next) : next(input)),
        handleUpdate: (input, next) => (traced() ? inbound.handleUpdate(input, next) : next(input)),
      },
    ],
    outbound: [
      {
        scheduleActivity: (input, next) => (traced() ? outbound.scheduleActivity(input, next) : next(input)),
        scheduleLocalActivity: (input, next) => (traced() ? outbound.scheduleLocalActivity(input, next) : next(input)),
        startChildWorkflowExecution: (input, next) => (traced() ? outbound.startChildWorkflowExecution(input, next) : next(input)),
        signalWorkflow: (input, next) => (traced() ? outbound.signalWorkflow(input, next) : next(input)),
        // The next run is traced too (a memo is not carried over unless given).
        continueAsNew: (input, next) =>
          traced() ? outbound.continueAsNew({ ...input, options: { ...input.options, memo: { ...(input.options.memo ?? {}), [TRACED_MEMO]: true } } }, next) : next(input),
      },
    ],
    // Only lets go of the sandbox's context manager when a workflow is evicted: no command, any run.
    internals: [internals],
  };
};
