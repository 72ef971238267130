import { Controller, DynamicModule, Get, HttpStatus, Inject, Module, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from './auth';

export type HealthChecks = Record<string, () => Promise<unknown>>;
const CHECKS = Symbol('health checks');

@Controller('health')
class HealthController {
  constructor(@Inject(CHECKS) private readonly checks: HealthChecks) {}

  /** 200 when every dependency answers, 503 naming the one that does not. */
  @Public()
  @Get()
  async health(@Res() res: Response) {
    const results: Record<string, string> = {};
    await Promise.all(
      Object.entries(this.checks).map(async ([name, check]) => {
        try {
          await Promise.race([check(), new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 3 s')), 3000))]);
          results[name] = 'ok';
        } catch (e) {
          results[name] = `failing: ${(e as Error).message}`;
        }
      }),
    );
    const ok = Object.values(results).every((v) => v === 'ok');
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({ status: ok ? 'ok' : 'failing', checks: results });
  }
}

@Module({})
export class HealthModule {
  static register(checks: HealthChecks): DynamicModule {
    return { module: HealthModule, controllers: [HealthController], providers: [{ provide: CHECKS, useValue: checks }] };
  }
}
