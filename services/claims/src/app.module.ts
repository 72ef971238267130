import { Module } from '@nestjs/common';
import { TOPICS } from '@wc/contracts';
import { HEALTH_CHECKS, HealthChecks, ServiceModule } from '@wc/service-kit';
import { ClaimDocumentEntity, ClaimEffectEntity, ClaimEntity } from './claims/claim.entity';
import { ClaimsController } from './claims/claims.controller';
import { ClaimSearchController } from './claims/search/claim-search.controller';
import { ClaimSearchService } from './claims/search/claim-search.service';
import { ClaimsService } from './claims/claims.service';
import { CLAIMS_CONFIG, SCHEMA, loadClaimsConfig } from './config';
import { DocumentsConsumer } from './documents/documents.consumer';
import { PaymentsConsumer } from './actions/payments.consumer';
import { EffectsService } from './effects/effects.service';
import { InternalController } from './effects/internal.controller';
import { Initial1763770000000 } from './migrations/1763770000000-initial';
import { EffectBatches1763770000001 } from './migrations/1763770000001-effect-batches';
import { TemporalGateway } from './workflow/temporal.gateway';
import { ActionsController } from './actions/actions.controller';
import { ActionsService } from './actions/actions.service';
import { ClaimAction, EscalationTask, NoticeRow, ObligationView } from './obligations/obligation.entities';
import { QueuesController } from './obligations/queues.controller';
import { ObligationsAndQueues1763770000002 } from './migrations/1763770000002-obligations-and-queues';
import { ActionIdempotency1763770000003 } from './migrations/1763770000003-action-idempotency';
import { WorkflowReconciler } from './workflow/workflow-reconciler';
import { Parties1763770000004 } from './migrations/1763770000004-parties';
import { NoticeDeliveries1763770000005 } from './migrations/1763770000005-notice-deliveries';
import { RemovedParties1763860000000 } from './migrations/1763860000000-removed-parties';
import { ActionOutcomes1765000000000 } from './migrations/1765000000000-action-outcomes';
import { ActionRequestHash1765100000000 } from './migrations/1765100000000-action-request-hash';
import { OutboxHeaders1765200000000 } from './migrations/1765200000000-outbox-headers';
import { ParkedEvents1765400000000 } from './migrations/1765400000000-parked-events';
import { NotificationsConsumer } from './correspondence/notifications.consumer';
import { PartiesController } from './parties/parties.controller';
import { PartiesService } from './parties/parties.service';
import { AccessController } from './access/access.controller';
import { AuditController } from './access/audit.controller';
import { StaffingService, recordHealthRead } from './access/staffing.service';
import { ClaimAccess1765500000000 } from './migrations/1765500000000-claim-access';
import { ActionIntents1765700000000 } from './migrations/1765700000000-action-intents';
import { ActionRecovery } from './actions/action-recovery';
import { BackdatingController } from './actions/backdating.controller';
import { ActionBackdating1765900000000 } from './migrations/1765900000000-action-backdating';
import { Incidents1765800000000 } from './migrations/1765800000000-incidents';
import { IncidentsController, IncidentsInternalController } from './incidents/incidents.controller';
import { IncidentsService } from './incidents/incidents.service';

const config = loadClaimsConfig();

@Module({
  imports: [
    ServiceModule.forRoot({
      name: 'claims',
      config,
      schema: SCHEMA,
      outboxTopics: [TOPICS.claims, TOPICS.documents],
      // The claims service keeps the audit of health information reads, its own and the other services' (issue 14).
      healthReads: { record: (m, read) => recordHealthRead(m, read) },
      entities: [ClaimEntity, ClaimDocumentEntity, ClaimEffectEntity, ObligationView, EscalationTask, NoticeRow, ClaimAction],
      migrations: [
        Initial1763770000000,
        EffectBatches1763770000001,
        ObligationsAndQueues1763770000002,
        ActionIdempotency1763770000003,
        Parties1763770000004,
        NoticeDeliveries1763770000005,
        RemovedParties1763860000000,
        ActionOutcomes1765000000000,
        ActionRequestHash1765100000000,
        OutboxHeaders1765200000000,
        ParkedEvents1765400000000,
        ClaimAccess1765500000000,
        ActionIntents1765700000000,
        Incidents1765800000000,
        ActionBackdating1765900000000,
      ],
    }),
  ],
  controllers: [
    ClaimsController,
    ClaimSearchController,
    ActionsController,
    PartiesController,
    QueuesController,
    InternalController,
    AccessController,
    AuditController,
    IncidentsInternalController,
    IncidentsController,
    BackdatingController,
  ],
  providers: [
    { provide: CLAIMS_CONFIG, useValue: config },
    TemporalGateway,
    ClaimsService,
    ClaimSearchService,
    PartiesService,
    StaffingService,
    NotificationsConsumer,
    EffectsService,
    ActionsService,
    DocumentsConsumer,
    PaymentsConsumer,
    WorkflowReconciler,
    ActionRecovery,
    IncidentsService,
    {
      provide: HEALTH_CHECKS,
      inject: [TemporalGateway],
      useFactory: (temporal: TemporalGateway): HealthChecks => ({ temporal: () => temporal.ping() }),
    },
  ],
})
export class AppModule {}
