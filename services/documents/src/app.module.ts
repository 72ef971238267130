import { Module } from '@nestjs/common';
import { TOPICS } from '@wc/contracts';
import { ServiceModule } from '@wc/service-kit';
import { DOCUMENTS_CONFIG, loadDocumentsConfig } from './config';
import { DocumentEntity, DocumentReadEntity } from './documents/document.entity';
import { DocumentsController } from './documents/documents.controller';
import { DocumentsService } from './documents/documents.service';
import { LanguageAssistance1763840000000 } from './migrations/1763840000000-language-assistance';
import { DocumentsInitial1763780000000 } from './migrations/1763780000000-initial';
import { Claims1765000000000 } from './migrations/1765000000000-claims';
import { Dated1765000100000 } from './migrations/1765000100000-dated';
import { OutboxHeaders1765200000000 } from './migrations/1765200000000-outbox-headers';
import { ParkedEvents1765400000000 } from './migrations/1765400000000-parked-events';
import { ClaimAccess1765500000000 } from './migrations/1765500000000-claim-access';
import { ClaimsDirectory } from './claims/claims-directory';

const config = loadDocumentsConfig();

@Module({
  imports: [
    ServiceModule.forRoot({
      name: 'documents',
      config,
      schema: config.DB_SCHEMA,
      outboxTopics: [TOPICS.documents],
      // Reads of health information go to the claims service's audit as events (issue 14).
      healthReads: { topic: TOPICS.documents },
      entities: [DocumentEntity, DocumentReadEntity],
      migrations: [
        DocumentsInitial1763780000000,
        LanguageAssistance1763840000000,
        Claims1765000000000,
        Dated1765000100000,
        OutboxHeaders1765200000000,
        ParkedEvents1765400000000,
        ClaimAccess1765500000000,
      ],
    }),
  ],
  controllers: [DocumentsController],
  providers: [{ provide: DOCUMENTS_CONFIG, useValue: config }, DocumentsService, ClaimsDirectory],
})
export class AppModule {}
