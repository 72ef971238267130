import { OpenTelemetryActivityInboundInterceptor, OpenTelemetryActivityOutboundInterceptor } from '@temporalio/interceptors-opentelemetry';
import type { WorkerOptions } from '@temporalio/worker';

/**
 * What every worker of the claim workflows is given for tracing (issue 18): each activity runs in a
 * span (and its calls to the claims service carry that trace). The workflow side of Temporal's
 * interceptors, which would continue the staff request's trace from the workflow's start into its
 * activities, is not in the bundle (bundle.ts): it changes how a workflow yields, so histories
 * recorded before it stop replaying. Adding it needs a version gate (patched) around each
 * interceptor call, for workflows started after it only.
 */
export function workerTelemetry(): Pick<WorkerOptions, 'interceptors'> {
  return {
    interceptors: { activity: [(ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) })] },
  };
}
