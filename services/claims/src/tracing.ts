// Loaded first by main.ts: OpenTelemetry must patch http, express and pg before they load (issue 18).
import { startTracing } from '@wc/service-kit/dist/observability/tracing';

startTracing('claims');
