import { Module } from '@nestjs/common';
import { TOPICS } from '@wc/contracts';
import { HEALTH_CHECKS, HealthChecks, ServiceModule, checkAtMostEvery } from '@wc/service-kit';
import { NOTIFICATIONS_CONFIG, loadNotificationsConfig } from './config';
import { DocumentsClient } from './documents.client';
import { ClaimsConsumer } from './claims/claims.consumer';
import { LetterRequestEntity } from './letters/letter-request.entity';
import { LettersController } from './letters/letters.controller';
import { LettersService } from './letters/letters.service';
import { Correspondence1763830000000 } from './migrations/1763830000000-correspondence';
import { NoticeFacts1763850000000 } from './migrations/1763850000000-notice-facts';
import { SendAttempts1763870000000 } from './migrations/1763870000000-send-attempts';
import { NoticeDecided1763880000000 } from './migrations/1763880000000-notice-decided';
import { InvoiceHeldTasks1763890000000 } from './migrations/1763890000000-invoice-held-tasks';
import { OutboxHeaders1765200000000 } from './migrations/1765200000000-outbox-headers';
import { ParkedEvents1765400000000 } from './migrations/1765400000000-parked-events';
import { ClaimAccess1765500000000 } from './migrations/1765500000000-claim-access';
import { DailyDigests1766100000000 } from './migrations/1766100000000-daily-digests';
import { ContentNeeded1766300000000 } from './migrations/1766300000000-content-needed';
import { CorrespondenceController } from './notices/correspondence.controller';
import { CorrespondenceViews } from './notices/correspondence-views';
import { CorrespondenceService } from './notices/correspondence.service';
import { DeliveryWorker, EMAIL, smsProvider, smtpEmailProvider } from './notices/delivery-worker';
import { DigestService } from './notices/digest.service';
import { NotificationsWorker } from './workflows/notifications-worker';
import type { SmtpEmail } from './notices/channels/email';
import { NotificationsInitial1763790000000 } from './migrations/1763790000000-initial';
import { NoticesAndAlerts1763800000000 } from './migrations/1763800000000-notices-and-alerts';
import { Reminders1763810000000 } from './migrations/1763810000000-reminders';
import { LetterFailures1763820000000 } from './migrations/1763820000000-letter-failures';
import { AlertsController } from './alerts/alerts.controller';
import { AlertsService } from './alerts/alerts.service';

const config = loadNotificationsConfig();

@Module({
  imports: [
    ServiceModule.forRoot({
      name: 'notifications',
      config,
      schema: config.DB_SCHEMA,
      outboxTopics: [TOPICS.notifications],
      // Reads of health information go to the claims service's audit as events (issue 14).
      healthReads: { topic: TOPICS.notifications },
      entities: [LetterRequestEntity],
      migrations: [
        NotificationsInitial1763790000000,
        NoticesAndAlerts1763800000000,
        Reminders1763810000000,
        LetterFailures1763820000000,
        Correspondence1763830000000,
        NoticeFacts1763850000000,
        SendAttempts1763870000000,
        NoticeDecided1763880000000,
        InvoiceHeldTasks1763890000000,
        OutboxHeaders1765200000000,
        ParkedEvents1765400000000,
        ClaimAccess1765500000000,
        DailyDigests1766100000000,
        ContentNeeded1766300000000,
      ],
    }),
  ],
  controllers: [LettersController, AlertsController, CorrespondenceController],
  providers: [
    { provide: NOTIFICATIONS_CONFIG, useValue: config },
    DocumentsClient,
    LettersService,
    AlertsService,
    CorrespondenceService,
    CorrespondenceViews,
    smtpEmailProvider,
    smsProvider,
    DeliveryWorker,
    DigestService,
    NotificationsWorker,
    ClaimsConsumer,
    {
      provide: HEALTH_CHECKS,
      inject: [DocumentsClient, EMAIL, NotificationsWorker],
      useFactory: (documents: DocumentsClient, email: SmtpEmail, worker: NotificationsWorker): HealthChecks => ({
        documents: () => documents.ping(),
        // The daily digest's worker polls its task queue (issue 15).
        temporal: () => worker.ping(),
        // A relay's connection and greeting per probe would be a steady load on it: once per 30 s while it answers.
        smtp: checkAtMostEvery(30_000, () => email.verify()),
      }),
    },
  ],
})
export class AppModule {}
