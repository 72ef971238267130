import { OpenTelemetryActivityInboundInterceptor, OpenTelemetryActivityOutboundInterceptor, makeWorkflowExporter } from '@temporalio/interceptors-opentelemetry';
import type { WorkerOptions } from '@temporalio/worker';
import type { Resource } from '@opentelemetry/resources';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';

/**
 * What a worker of the claim workflows is given for tracing (issue 18): each activity runs in a
 * span that continues the trace its workflow put in the activity's headers; with `tracing` (the
 * production worker) the spans of traced workflows leave the sandbox through the exporter sink.
 * Workflows are traced only when started so (claim/tracing-interceptors.ts): simulate and the tests
 * start theirs untraced and need no sink.
 */
export function workerTelemetry(tracing?: { processor: SpanProcessor; resource: Resource }): Pick<WorkerOptions, 'interceptors' | 'sinks'> {
  return {
    interceptors: { activity: [(ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) })] },
    ...(tracing && { sinks: { exporter: makeWorkflowExporter(tracing.processor, tracing.resource) } }),
  };
}
