import { Controller, Get, Inject } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Public } from './auth';

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
 * A check that costs the dependency something (an SMTP relay's connection and greeting) run at most
 * once per `everyMs` while it succeeds: probes in between get that success, and concurrent probes
 * share one run. A failure is not kept: the next probe checks again, so a recovery shows at once.
 * Keeps a liveness probe every few seconds from becoming a steady load on the relay.
 */
export function checkAtMostEvery(everyMs: number, check: () => Promise<unknown>, now: () => number = Date.now): () => Promise<void> {
  let last: { at: number; outcome: Promise<void>; failed: boolean } | undefined;
  return () => {
    if (!last || last.failed || now() - last.at >= everyMs) {
      const run = { at: now(), failed: false, outcome: Promise.resolve() };
      run.outcome = check().then(
        () => undefined,
        (e) => {
          run.failed = true;
          throw e;
        },
      );
      last = run;
    }
    return last.outcome;
  };
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
  live() {
    return this.health.check([]);
  }

  /** Readiness: 200 when every dependency answers within 3 s, 503 naming the one that does not. */
  @Public()
  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: 200 when the database and every other dependency answer, else 503 naming the failing one' })
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
  legacy() {
    return this.ready();
  }
}
