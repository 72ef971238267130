import { Module } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HEALTH_CHECKS, HealthChecks, checkAtMostEvery, HealthController, JsonLogger, serviceDataSourceOptions } from '@wc/service-kit';
import { KafkaClient } from '@wc/messaging';
import { NOTIFICATIONS_CONFIG, loadNotificationsConfig } from './config';
import { DocumentsClient } from './documents.client';
import { ClaimsConsumer } from './letters/claims.consumer';
import { LetterRequestEntity } from './letters/letter-request.entity';
import { LettersController } from './letters/letters.controller';
import { LOGGER, LettersService } from './letters/letters.service';
import { KAFKA, NotificationsOutboxRelay, kafkaProvider } from './messaging.providers';
import { Correspondence1763830000000 } from './migrations/1763830000000-correspondence';
import { NoticeFacts1763850000000 } from './migrations/1763850000000-notice-facts';
import { SendAttempts1763870000000 } from './migrations/1763870000000-send-attempts';
import { NoticeDecided1763880000000 } from './migrations/1763880000000-notice-decided';
import { InvoiceHeldTasks1763890000000 } from './migrations/1763890000000-invoice-held-tasks';
import { CorrespondenceController } from './correspondence/correspondence.controller';
import { CorrespondenceViews } from './correspondence/correspondence-views';
import { CorrespondenceService } from './correspondence/correspondence.service';
import { DeliveryWorker, EMAIL, smsProvider, smtpEmailProvider } from './correspondence/delivery-worker';
import { DigestService } from './correspondence/digest.service';
import type { SmtpEmail } from './correspondence/channels/email';
import { NotificationsInitial1763790000000 } from './migrations/1763790000000-initial';
import { NoticesAndAlerts1763800000000 } from './migrations/1763800000000-notices-and-alerts';
import { Reminders1763810000000 } from './migrations/1763810000000-reminders';
import { LetterFailures1763820000000 } from './migrations/1763820000000-letter-failures';
import { NoticesController } from './notices/notices.controller';
import { NoticesService } from './notices/notices.service';

const config = loadNotificationsConfig();

@Module({
  imports: [
    TypeOrmModule.forRoot(
      serviceDataSourceOptions({
        url: config.DATABASE_URL,
        schema: config.DB_SCHEMA,
        entities: [LetterRequestEntity],
        migrations: [NotificationsInitial1763790000000, NoticesAndAlerts1763800000000, Reminders1763810000000, LetterFailures1763820000000, Correspondence1763830000000, NoticeFacts1763850000000, SendAttempts1763870000000, NoticeDecided1763880000000, InvoiceHeldTasks1763890000000],
      }),
    ),
  ],
  controllers: [LettersController, NoticesController, CorrespondenceController, HealthController],
  providers: [
    { provide: NOTIFICATIONS_CONFIG, useValue: config },
    { provide: LOGGER, useValue: new JsonLogger('notifications', config.LOG_LEVEL) },
    kafkaProvider,
    DocumentsClient,
    LettersService,
    NoticesService,
    CorrespondenceService,
    CorrespondenceViews,
    smtpEmailProvider,
    smsProvider,
    DeliveryWorker,
    DigestService,
    NotificationsOutboxRelay,
    ClaimsConsumer,
    {
      provide: HEALTH_CHECKS,
      inject: [getDataSourceToken(), KAFKA, DocumentsClient, EMAIL],
      useFactory: (ds: DataSource, kafka: KafkaClient, documents: DocumentsClient, email: SmtpEmail): HealthChecks => ({
        database: () => ds.query('SELECT 1'),
        kafka: () => kafka.ping(),
        documents: () => documents.ping(),
        // A relay's connection and greeting per probe would be a steady load on it: once per 30 s while it answers.
        smtp: checkAtMostEvery(30_000, () => email.verify()),
      }),
    },
  ],
})
export class AppModule {}
