import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { Public } from '../auth';

/**
 * One Prometheus registry per service instance (a test process may run several services): the
 * process's default metrics, HTTP request counts and latencies by route template, and the gauges a
 * service adds (outbox lag, consumer lag). Served at GET /metrics in the text format.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly requests: Histogram<'method' | 'route' | 'status'>;

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Histogram({
      name: 'http_server_request_duration_seconds',
      help: 'HTTP requests served, by method, route template and status (count: the request rate)',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
  }

  /** Express middleware timing every request; the route is the template (/claims/:id), never the raw path. */
  middleware() {
    return (req: Request, res: Response, next: NextFunction) => {
      const end = this.requests.startTimer({ method: req.method });
      res.on('finish', () => {
        const template = req.route?.path ? `${req.baseUrl ?? ''}${String(req.route.path)}` : 'unmatched';
        end({ route: template, status: String(res.statusCode) });
      });
      next();
    };
  }

  gauge(name: string, help: string, labelNames: string[], collect: (g: Gauge<string>) => Promise<void> | void): Gauge<string> {
    return new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      collect() {
        return collect(this);
      },
    });
  }

  /** A counter counted in process, or (`collect`) read at scrape time from where the count is kept. */
  counter(name: string, help: string, labelNames: string[] = [], collect?: (c: Counter<string>) => Promise<void> | void): Counter<string> {
    return new Counter({
      name,
      help,
      labelNames,
      registers: [this.registry],
      ...(collect && {
        collect() {
          return collect(this);
        },
      }),
    });
  }
}

export const SERVICE_METRICS = Symbol('service metrics');

@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: ServiceMetrics) {}

  @Public()
  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({ summary: 'Prometheus metrics: requests, latencies, outbox and consumer lag, the process' })
  @ApiProduces('text/plain')
  @ApiResponse({ status: 200, description: 'the Prometheus text format (0.0.4)', content: { 'text/plain': { schema: { type: 'string' } } } })
  async scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
