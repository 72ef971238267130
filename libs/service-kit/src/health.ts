import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from './auth';

export type HealthChecks = Record<string, () => Promise<unknown>>;
/** Each service provides its checks under this token (useFactory) and lists HealthController. */
export const HEALTH_CHECKS = Symbol('health checks');

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

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(HEALTH_CHECKS) private readonly checks: HealthChecks) {}

  /**
   * Liveness: the process answers HTTP. Never looks at a dependency: a slow database or SMTP relay
   * takes a pod out of its Service (readiness), it must not have Kubernetes restart it (issue 18).
   */
  @Public()
  @Get('live')
  @ApiOperation({ summary: 'Liveness: 200 while the process answers; dependencies are not checked' })
  live() {
    return { status: 'ok' };
  }

  /** Readiness: 200 when every dependency answers, 503 naming the one that does not. */
  @Public()
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: 200 when the database and every other dependency answer, else 503 naming the failing one' })
  async ready(@Res() res: Response) {
    return this.health(res);
  }

  /** The readiness answer, as before /health/live and /health/ready were separate (docker compose, the launcher). */
  @Public()
  @Get()
  @ApiOperation({ summary: 'Same as /health/ready: 200 when the database and every other dependency answer, else 503 naming the failing one' })
  async health(@Res() res: Response) {
    const results: Record<string, string> = {};
    await Promise.all(
      Object.entries(this.checks).map(async ([name, check]) => {
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([check(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('no answer within 3 s')), 3000)))]);
          results[name] = 'ok';
        } catch (e) {
          results[name] = `failing: ${(e as Error).message}`;
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    const ok = Object.values(results).every((v) => v === 'ok');
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({ status: ok ? 'ok' : 'failing', checks: results });
  }
}
