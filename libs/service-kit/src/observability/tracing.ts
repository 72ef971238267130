/**
 * OpenTelemetry for a service or the worker: W3C trace context and baggage across HTTP (incoming
 * and fetch), PostgreSQL, Kafka (messaging puts the context in each event's headers) and Temporal
 * (its interceptors). Spans go to OTEL_EXPORTER_OTLP_ENDPOINT over OTLP/HTTP; without it the context
 * still propagates (the request id rides in baggage) and nothing is exported.
 *
 * Start it before anything else loads in a process (it patches http, express and pg as they load):
 * each service's main.ts first imports its `tracing.ts`, which calls startTracing. This module
 * imports nothing of the platform for that reason.
 */
import { ServerResponse } from 'node:http';
import { context, propagation, trace } from '@opentelemetry/api';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, NoopSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/** The baggage entry that carries a staff request's id to every event, workflow and activity it causes. */
export const REQUEST_ID_BAGGAGE = 'wc.request_id';
/** The server span's attribute with the request's id. */
export const REQUEST_ID_ATTRIBUTE = 'wc.request_id';

let started: { provider: NodeTracerProvider; processor: SpanProcessor; resource: Resource } | undefined;

/** Starts tracing once per process (a test process running several services shares one provider). */
export function startTracing(serviceName: string, env: NodeJS.ProcessEnv = process.env) {
  if (started) return started;
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  const resource = new Resource({ 'service.name': env.OTEL_SERVICE_NAME ?? serviceName, 'service.namespace': 'wc-claims', 'deployment.environment': env.DEPLOYMENT ?? 'local' });
  const processor: SpanProcessor = endpoint
    ? new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint.replace(/\/$/, '')}/v1/traces` }), { scheduledDelayMillis: 1000 })
    : new NoopSpanProcessor();
  const provider = new NodeTracerProvider({ resource, spanProcessors: [processor] });
  provider.register({ propagator: new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }) });
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      // Probes and scrapes would be most of the spans and say nothing.
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => /^\/(health|metrics)(\/|$|\?)/.test(req.url ?? ''),
        // The request id the service answered with (bootstrap.ts settles it), on the server span: an
        // operator holding a request id from a log line or a complaint finds its trace by it.
        applyCustomAttributesOnSpan: (span, _req, res) => {
          const id = res instanceof ServerResponse ? res.getHeader('x-request-id') : undefined;
          if (typeof id === 'string') span.setAttribute(REQUEST_ID_ATTRIBUTE, id);
        },
      }),
      new ExpressInstrumentation(),
      new PgInstrumentation({ requireParentSpan: true }),
      new UndiciInstrumentation(),
    ],
  });
  started = { provider, processor, resource };
  const flush = () => void provider.shutdown().catch(() => undefined);
  process.once('beforeExit', flush);
  return started;
}

/** Sends what is buffered (a test reads its collector right after). */
export async function flushTraces(): Promise<void> {
  await started?.provider.forceFlush();
}

/** The request id of the active context (from baggage), if a staff request caused this work. */
export function requestIdOf(ctx = context.active()): string | undefined {
  return propagation.getBaggage(ctx)?.getEntry(REQUEST_ID_BAGGAGE)?.value;
}

/** Runs `fn` with the request id in baggage, so what it causes carries it across processes. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  const bag = (propagation.getBaggage(context.active()) ?? propagation.createBaggage()).setEntry(REQUEST_ID_BAGGAGE, { value: requestId });
  return context.with(propagation.setBaggage(context.active(), bag), fn);
}

export { trace };
