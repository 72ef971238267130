import { Module } from '@nestjs/common';
import { TOPICS } from '@wc/contracts';
import { PAYMENTS_CONFIG, SCHEMA, loadPaymentsConfig } from './config';
import { OutboxHeaders1765200000000 } from './migrations/1765200000000-outbox-headers';
import { ReimbursementGuards1765300000000 } from './migrations/1765300000000-reimbursement-guards';
import { ParkedEvents1765400000000 } from './migrations/1765400000000-parked-events';
import { ClaimAccess1765500000000 } from './migrations/1765500000000-claim-access';
import { PendingChanges1765600000000 } from './migrations/1765600000000-pending-changes';
import { RateTableChanges1765600000001 } from './migrations/1765600000001-rate-table-changes';
import { KeptValuations1766000000000 } from './migrations/1766000000000-kept-valuations';
import { PaymentRunOrder1766000000001 } from './migrations/1766000000001-payment-run-order';
import { PaymentsListed1766200000000 } from './migrations/1766200000000-payments-listed';
import { DiscrepanciesListed1766200000001 } from './migrations/1766200000001-discrepancies-listed';
import { ChangesController } from './approvals/changes.controller';
import { ChangesService } from './approvals/changes.service';
import { PayeeChanges } from './claims/payee-changes';
import { BodyParsers } from './http/body-parsers';
import { Initial1763800000000 } from './migrations/1763800000000-initial';
import { WeeklyPayments1763900000000 } from './migrations/1763900000000-weekly-payments';
import { PaymentClocks1763900000001 } from './migrations/1763900000001-payment-clocks';
import { ActionOutcomes1765000000001 } from './migrations/1765000000001-action-outcomes';
import { Medical1765000000002 } from './migrations/1765000000002-medical';
import { WorkerNameOrder1765000000003 } from './migrations/1765000000003-worker-name-order';
import { MedicalController } from './medical/medical.controller';
import { ProvidersController } from './medical/providers/providers.controller';
import { ProvidersService } from './medical/providers/providers.service';
import { FeeOrderService } from './medical/fee-order/fee-order.service';
import { InvoicesService } from './medical/invoices/invoices.service';
import { InvoiceImportService } from './medical/invoices/invoice-import.service';
import { ApprovalsService } from './medical/approvals/approvals.service';
import { EstimatesService } from './medical/estimates/estimates.service';
import { PaymentsDocumentsClient, RemittancesService } from './medical/remittances/remittances.service';
import { ClaimsConsumer } from './claims/claims.consumer';
import { PaymentClaimSearchController, PaymentClaimsController } from './claims/payment-claims.controller';
import { PaymentClaimsService } from './claims/payment-claims.service';
import { AuthorityService } from './authority/authority.service';
import { PaymentsController } from './authority/payments.controller';
import { ParametersService } from './parameters/parameters.service';
import { PaymentRunsController } from './payment-runs/payment-runs.controller';
import { PaymentRunsService } from './payment-runs/payment-runs.service';
import { PiaweController } from './piawe/piawe.controller';
import { PiaweService } from './piawe/piawe.service';
import { RemediationController } from './remediation/remediation.controller';
import { RemediationService } from './remediation/remediation.service';
import { WeeklyPaymentsController } from './weekly-payments/weekly-payments.controller';
import { WeeklyPaymentsService } from './weekly-payments/weekly-payments.service';
import { WageScheduleEntity, WageScheduleLineEntity } from './schedules/schedule.entity';
import { SchedulesController } from './schedules/schedules.controller';
import { SchedulesService } from './schedules/schedules.service';
import { PaymentsTemporal } from './workflows/payments-temporal';
import { PaymentsWorker } from './workflows/payments-worker';
import { HEALTH_CHECKS, HealthChecks, ServiceModule } from '@wc/service-kit';

const config = loadPaymentsConfig();

@Module({
  imports: [
    ServiceModule.forRoot({
      name: 'payments',
      config,
      schema: SCHEMA,
      outboxTopics: [TOPICS.payments],
      // Reads of health information go to the claims service's audit as events (issue 14).
      healthReads: { topic: TOPICS.payments },
      entities: [WageScheduleEntity, WageScheduleLineEntity],
      migrations: [
        Initial1763800000000,
        WeeklyPayments1763900000000,
        PaymentClocks1763900000001,
        ActionOutcomes1765000000001,
        Medical1765000000002,
        WorkerNameOrder1765000000003,
        OutboxHeaders1765200000000,
        ReimbursementGuards1765300000000,
        ParkedEvents1765400000000,
        ClaimAccess1765500000000,
        PendingChanges1765600000000,
        RateTableChanges1765600000001,
        KeptValuations1766000000000,
        PaymentRunOrder1766000000001,
        PaymentsListed1766200000000,
        DiscrepanciesListed1766200000001,
      ],
    }),
  ],
  controllers: [
    SchedulesController,
    PaymentClaimsController,
    PaymentClaimSearchController,
    PiaweController,
    WeeklyPaymentsController,
    PaymentsController,
    PaymentRunsController,
    RemediationController,
    ProvidersController,
    MedicalController,
    ChangesController,
  ],
  providers: [
    { provide: PAYMENTS_CONFIG, useValue: config },
    BodyParsers,
    SchedulesService,
    PaymentClaimsService,
    PayeeChanges,
    ChangesService,
    ClaimsConsumer,
    ParametersService,
    PiaweService,
    WeeklyPaymentsService,
    AuthorityService,
    PaymentRunsService,
    RemediationService,
    ProvidersService,
    FeeOrderService,
    InvoicesService,
    InvoiceImportService,
    ApprovalsService,
    EstimatesService,
    PaymentsDocumentsClient,
    RemittancesService,
    PaymentsTemporal,
    PaymentsWorker,
    {
      provide: HEALTH_CHECKS,
      inject: [PaymentsWorker],
      // Ready once the worker polls its task queue: runs and remediations are built by it (issue 15).
      useFactory: (worker: PaymentsWorker): HealthChecks => ({ temporal: () => worker.ping() }),
    },
  ],
})
export class AppModule {}
