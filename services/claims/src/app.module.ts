import { Module } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HEALTH_CHECKS, HealthChecks, HealthController, JsonLogger, serviceDataSourceOptions } from '@wc/service-kit';
import { KafkaClient } from '@wc/messaging';
import { ClaimDocumentEntity, ClaimEffectEntity, ClaimEntity } from './claims/claim.entity';
import { ClaimsController } from './claims/claims.controller';
import { ClaimsService, LOGGER } from './claims/claims.service';
import { CLAIMS_CONFIG, SCHEMA, loadClaimsConfig } from './config';
import { DocumentsConsumer } from './documents/documents.consumer';
import { PaymentsConsumer } from './actions/payments.consumer';
import { EffectsService } from './effects/effects.service';
import { InternalController } from './effects/internal.controller';
import { Initial1763770000000 } from './migrations/1763770000000-initial';
import { EffectBatches1763770000001 } from './migrations/1763770000001-effect-batches';
import { ClaimsOutboxRelay, KAFKA, kafkaProvider } from './messaging.providers';
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
import { NotificationsConsumer } from './correspondence/notifications.consumer';
import { PartiesController } from './parties/parties.controller';
import { PartiesService } from './parties/parties.service';

const config = loadClaimsConfig();

@Module({
  imports: [
    TypeOrmModule.forRoot(
      serviceDataSourceOptions({
        url: config.DATABASE_URL,
        schema: SCHEMA,
        entities: [ClaimEntity, ClaimDocumentEntity, ClaimEffectEntity, ObligationView, EscalationTask, NoticeRow, ClaimAction],
        migrations: [Initial1763770000000, EffectBatches1763770000001, ObligationsAndQueues1763770000002, ActionIdempotency1763770000003, Parties1763770000004, NoticeDeliveries1763770000005, RemovedParties1763860000000, ActionOutcomes1765000000000, ActionRequestHash1765100000000],
      }),
    ),
  ],
  controllers: [ClaimsController, ActionsController, PartiesController, QueuesController, InternalController, HealthController],
  providers: [
    { provide: CLAIMS_CONFIG, useValue: config },
    { provide: LOGGER, useValue: new JsonLogger('claims', config.LOG_LEVEL) },
    kafkaProvider,
    TemporalGateway,
    ClaimsService,
    PartiesService,
    NotificationsConsumer,
    EffectsService,
    ActionsService,
    ClaimsOutboxRelay,
    DocumentsConsumer,
    PaymentsConsumer,
    WorkflowReconciler,
    {
      provide: HEALTH_CHECKS,
      inject: [getDataSourceToken(), KAFKA, TemporalGateway],
      useFactory: (ds: DataSource, kafka: KafkaClient, temporal: TemporalGateway): HealthChecks => ({
        database: () => ds.query('SELECT 1'),
        kafka: () => kafka.ping(),
        temporal: () => temporal.ping(),
      }),
    },
  ],
})
export class AppModule {}
