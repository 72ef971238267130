import { Controller, Get, Inject } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { z } from 'zod';
import { ZodResponse } from './api-contract';
import { Public } from './auth';

/** Terminus' answer: each dependency by name, up (or down with the reason, in a 503). */
const dependency = z.object({ status: z.enum(['up', 'down']), message: z.string().optional() }).strict();
const byName = z.record(z.string(), dependency);
export const healthAnswer = z.object({ status: z.literal('ok'), info: byName, error: byName, details: byName }).strict();
const NOT_READY = { status: 503, description: "a dependency does not answer: terminus' answer with status `error`, the failing one under `error` with its message" };

export type HealthChecks = Record<string, () => Promise<unknown>>;
/**
 * A service's own checks beyond its database and Kafka (which the service module checks itself):
 * provide them under this token (useFactory), e.g. Temporal for claims, the SMTP relay for
 * notifications.
 */
export const HEALTH_CHECKS = Symbol('health checks');
/** The checks every service has (database, Kafka), provided by the service module. */
export const BASE_HEALTH_CHECKS = Symbol('base health checks');

/**
 * `compute` run at most once per `everyMs` while it succeeds: calls in between get that result, and
 * concurrent calls share one run. A failure is not kept: the next call runs it again, so a recovery
 * shows at once. Keeps a probe every few seconds (an SMTP relay's connection and greeting) or a
 * Prometheus scrape (an outbox query, Kafka's offsets) from becoming a steady load on a dependency.
 */
export function atMostEvery<T>(everyMs: number, compute: () => Promise<T>, now: () => number = Date.now): () => Promise<T> {
  let last: { at: number; value: Promise<T> } | undefined;
  return () => {
    if (!last || now() - last.at >= everyMs) {
      const run = { at: now(), value: compute() };
      run.value.catch(() => {
        if (last === run) last = undefined;
      });
      last = run;
    }
    return last.value;
  };
}

/** A health check run at most once per `everyMs` while it succeeds (atMostEvery). */
export function checkAtMostEvery(everyMs: number, check: () => Promise<unknown>, now: () => number = Date.now): () => Promise<void> {
  const run = atMostEvery(everyMs, check, now);
  return () => run().then(() => undefined);
}

async function within<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Health through @nestjs/terminus: /health/live for the process, /health/ready for its
 * dependencies (Kubernetes liveness and readiness probes, issue 18).
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  private checks?: HealthChecks;

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(BASE_HEALTH_CHECKS) private readonly base: HealthChecks,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** The base checks and the service's own (HEALTH_CHECKS, from its module, when it has some). */
  private all(): HealthChecks {
    if (!this.checks) {
      let own: HealthChecks = {};
      try {
        own = this.moduleRef.get<HealthChecks>(HEALTH_CHECKS, { strict: false });
      } catch {
        /* a service with no checks of its own */
      }
      this.checks = { ...this.base, ...own };
    }
    return this.checks;
  }

  /**
   * Liveness: the process answers HTTP. Never looks at a dependency: a slow database or SMTP relay
   * takes a pod out of its Service (readiness), it must not have Kubernetes restart it.
   */
  @Public()
  @Get('live')
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness: 200 while the process answers; dependencies are not checked' })
  @ZodResponse(200, healthAnswer, 'the process answers')
  live() {
    return this.health.check([]);
  }

  /** Readiness: 200 when every dependency answers within 3 s, 503 naming the one that does not. */
  @Public()
  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: 200 when the database and every other dependency answer, else 503 naming the failing one' })
  @ZodResponse(200, healthAnswer, 'every dependency answers')
  @ApiResponse(NOT_READY)
  ready() {
    return this.health.check(
      Object.entries(this.all()).map(([name, check]) => async () => {
        const indicator = this.indicators.check(name);
        try {
          await within(3000, check());
          return indicator.up();
        } catch (e) {
          return indicator.down({ message: (e as Error).message });
        }
      }),
    );
  }

  /** The readiness answer, as before /health/live and /health/ready were separate (docker compose, the launcher). */
  @Public()
  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Same as /health/ready' })
  @ZodResponse(200, healthAnswer, 'every dependency answers')
  @ApiResponse(NOT_READY)
  legacy() {
    return this.ready();
  }
}
