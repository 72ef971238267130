import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JsonLogger, HostedTemporalWorker, TemporalWorkerHost } from '@wc/service-kit';
import { LOGGER, PAYMENTS_CONFIG, PaymentsConfig } from '../config';
import { PaymentRunsService } from '../payment-runs/payment-runs.service';
import { RemediationService } from '../remediation/remediation.service';
import { WeeklyPaymentsService } from '../weekly-payments/weekly-payments.service';
import { createPaymentActivities } from './activities';
import { PaymentsTemporal } from './payments-temporal';

/**
 * The payments service's Temporal worker (issue 15), on PAYMENTS_TASK_QUEUE, in every replica.
 * Each time it connects it keeps the weekly cycle's schedules and starts the workflow of any run or
 * remediation the database says is unfinished (one whose start failed while Temporal was away).
 */
@Injectable()
export class PaymentsWorker extends HostedTemporalWorker {
  protected readonly host: TemporalWorkerHost;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(PAYMENTS_CONFIG) config: PaymentsConfig,
    @Inject(LOGGER) log: JsonLogger,
    private readonly temporal: PaymentsTemporal,
    runs: PaymentRunsService,
    remediation: RemediationService,
    weekly: WeeklyPaymentsService,
  ) {
    super();
    this.host = new TemporalWorkerHost({
      name: 'payments worker',
      config,
      taskQueue: config.PAYMENTS_TASK_QUEUE,
      workflowsPath: require.resolve('./workflows'),
      activities: createPaymentActivities({ runs, remediation, weekly }),
      log,
      afterConnect: async () => {
        await this.temporal.keepSchedules();
        await this.reconcile();
      },
    });
  }

  /** Starts the workflow of every unfinished run and remediation (a running one is left as it is). */
  private async reconcile(): Promise<void> {
    const runs: { id: string }[] = await this.ds.query(`SELECT id FROM payments.payment_runs WHERE status = 'building'`);
    for (const { id } of runs) await this.temporal.startRun(id);
    const remediations: { id: string }[] = await this.ds.query(`SELECT id FROM payments.remediations WHERE status = 'running'`);
    for (const { id } of remediations) await this.temporal.startRemediation(id);
  }
}
