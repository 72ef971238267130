// Loaded first by worker.ts: OpenTelemetry must patch http and fetch before they load (issue 18).
import { startTracing } from '@wc/service-kit/dist/observability/tracing';

export const tracing = startTracing('claim-worker');
