import { Module } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HEALTH_CHECKS, HealthChecks, HealthController, JsonLogger, serviceDataSourceOptions } from '@wc/service-kit';
import { KafkaClient } from '@wc/messaging';
import { DOCUMENTS_CONFIG, loadDocumentsConfig } from './config';
import { DocumentEntity, DocumentReadEntity } from './documents/document.entity';
import { DocumentsController } from './documents/documents.controller';
import { DocumentsService, LOGGER } from './documents/documents.service';
import { DocumentsOutboxRelay, KAFKA, kafkaProvider } from './messaging.providers';
import { LanguageAssistance1763840000000 } from './migrations/1763840000000-language-assistance';
import { DocumentsInitial1763780000000 } from './migrations/1763780000000-initial';
import { Claims1765000000000 } from './migrations/1765000000000-claims';
import { Dated1765000100000 } from './migrations/1765000100000-dated';
import { ClaimsDirectory } from './claims/claims-directory';

const config = loadDocumentsConfig();

@Module({
  imports: [
    TypeOrmModule.forRoot(
      serviceDataSourceOptions({
        url: config.DATABASE_URL,
        schema: config.DB_SCHEMA,
        entities: [DocumentEntity, DocumentReadEntity],
        migrations: [DocumentsInitial1763780000000, LanguageAssistance1763840000000, Claims1765000000000, Dated1765000100000],
      }),
    ),
  ],
  controllers: [DocumentsController, HealthController],
  providers: [
    { provide: DOCUMENTS_CONFIG, useValue: config },
    { provide: LOGGER, useValue: new JsonLogger('documents', config.LOG_LEVEL) },
    kafkaProvider,
    DocumentsService,
    DocumentsOutboxRelay,
    ClaimsDirectory,
    {
      provide: HEALTH_CHECKS,
      inject: [getDataSourceToken(), KAFKA],
      useFactory: (ds: DataSource, kafka: KafkaClient): HealthChecks => ({
        database: () => ds.query('SELECT 1'),
        kafka: () => kafka.ping(),
      }),
    },
  ],
})
export class AppModule {}
