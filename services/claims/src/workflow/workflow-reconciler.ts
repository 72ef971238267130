import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { JsonLogger } from '@wc/service-kit';
import { ClaimsService, LOGGER } from '../claims/claims.service';

/** Starts the workflow of any claim whose start failed after its commit (Temporal was unreachable). */
@Injectable()
export class WorkflowReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly claims: ClaimsService,
    @Inject(LOGGER) private readonly log: JsonLogger,
  ) {}

  onApplicationBootstrap() {
    this.timer = setInterval(() => {
      this.running ??= this.sweep().finally(() => (this.running = undefined));
    }, 5000);
  }

  private async sweep() {
    try {
      for (const claim of await this.claims.claimsWithoutWorkflow()) await this.claims.startWorkflow(claim);
    } catch (e) {
      this.log.warn('workflow reconciler sweep failed', { error: (e as Error).message });
    }
  }

  async onApplicationShutdown() {
    clearInterval(this.timer);
    await this.running;
  }
}
