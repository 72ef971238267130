import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { JsonLogger, keepSchedules, lazyTemporalClient } from '@wc/service-kit';
import { LOGGER, PAYMENTS_CONFIG, PaymentsConfig } from '../config';
import { WORKFLOW_TYPES, paymentRunWorkflowId, remediationWorkflowId } from './definitions';

/**
 * The payments service's door to Temporal as a client (issue 15): it starts the workflow of each
 * payment run and remediation, waits for one when asked, and keeps the weekly cycle's schedules as
 * the settings say. Starting a workflow twice is harmless (one id per run or remediation); a start
 * that fails because Temporal is unreachable is made again by the worker's reconciliation
 * (payments-worker.ts) once it connects, from what the database says is unfinished.
 */
@Injectable()
export class PaymentsTemporal implements OnApplicationShutdown {
  private readonly temporal: ReturnType<typeof lazyTemporalClient>;

  constructor(
    @Inject(PAYMENTS_CONFIG) private readonly config: PaymentsConfig,
    @Inject(LOGGER) private readonly log: JsonLogger,
  ) {
    this.temporal = lazyTemporalClient(config);
  }

  onApplicationShutdown() {
    return this.temporal.close();
  }

  startRun(runId: string): Promise<void> {
    return this.start(WORKFLOW_TYPES.paymentRun, paymentRunWorkflowId(runId), runId, { runId });
  }

  startRemediation(remediationId: string): Promise<void> {
    return this.start(WORKFLOW_TYPES.remediation, remediationWorkflowId(remediationId), remediationId, { remediationId });
  }

  /** Resolves when the workflow has finished (the benchmark and tests wait on a run or remediation this way). */
  async finished(workflowId: string): Promise<void> {
    const client = await this.temporal.client();
    await client.workflow.getHandle(workflowId).result();
  }

  /**
   * Starts the workflow; if Temporal cannot be reached the work is not lost (its row says it is
   * unfinished) and the error is logged with its id, for the reconciliation to start it later.
   */
  private async start(workflowType: string, workflowId: string, arg: string, ids: Record<string, string>): Promise<void> {
    try {
      const client = await this.temporal.client();
      await client.workflow.start(workflowType, { taskQueue: this.config.PAYMENTS_TASK_QUEUE, workflowId, args: [arg] });
      this.log.info('workflow started', { ...ids, workflowId });
    } catch (e) {
      if (e instanceof WorkflowExecutionAlreadyStartedError) return;
      this.log.error('workflow not started; started when the service reaches Temporal again', { ...ids, workflowId, error: (e as Error).message });
    }
  }

  /** The weekly cycle's schedules (service-kit's keepSchedules), one per task queue. */
  async keepSchedules(): Promise<void> {
    const client = await this.temporal.client();
    const c = this.config;
    await keepSchedules(
      client,
      [
        { scheduleId: `${c.PAYMENTS_TASK_QUEUE}.weekly-payments`, cron: c.WEEKLY_PAYMENTS_SCHEDULE, workflowType: WORKFLOW_TYPES.weeklyPayments },
        { scheduleId: `${c.PAYMENTS_TASK_QUEUE}.payment-run`, cron: c.PAYMENT_RUN_SCHEDULE, workflowType: WORKFLOW_TYPES.scheduledPaymentRun },
      ].map((s) => ({ ...s, timeZone: c.SCHEDULE_TIME_ZONE, taskQueue: c.PAYMENTS_TASK_QUEUE })),
      this.log,
    );
  }

  /** The schedule's handle (a test triggers one now). */
  async schedule(name: 'weekly-payments' | 'payment-run') {
    const client = await this.temporal.client();
    return client.schedule.getHandle(`${this.config.PAYMENTS_TASK_QUEUE}.${name}`);
  }
}
