/**
 * Trace context across Kafka (issue 18): an event carries the W3C trace context and baggage of the
 * transaction that enqueued it in its Kafka headers, and a consumer handles it in a span that
 * continues that trace. Only @opentelemetry/api is used: without an SDK in the process these are
 * no-ops, so the library stays usable on its own.
 */
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';
import type { IncomingMessage } from './kafka';

const tracer = trace.getTracer('@wc/messaging');

/** The active context as headers (traceparent, tracestate, baggage), JSON for the outbox row; null when there is none. */
export function contextHeaders(): string | null {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return Object.keys(carrier).length > 0 ? JSON.stringify(carrier) : null;
}

/** Runs a consumer's handler in a CONSUMER span whose parent is the context in the message's headers. */
export function consumeInContext<T>(message: IncomingMessage, groupId: string, handle: () => Promise<T>): Promise<T> {
  const parent = propagation.extract(ROOT_CONTEXT, message.headers);
  return context.with(parent, () =>
    tracer.startActiveSpan(
      `${message.topic} process`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation': 'process',
          'messaging.destination.name': message.topic,
          'messaging.destination.partition.id': String(message.partition),
          'messaging.kafka.message.offset': message.offset,
          'messaging.consumer.group.name': groupId,
          ...(message.key !== null && { 'messaging.kafka.message.key': message.key }),
        },
      },
      async (span) => {
        try {
          return await handle();
        } catch (e) {
          span.recordException(e as Error);
          span.setStatus({ code: SpanStatusCode.ERROR, message: (e as Error).message });
          throw e;
        } finally {
          span.end();
        }
      },
    ),
  );
}
