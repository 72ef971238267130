import { Inject, Injectable } from '@nestjs/common';
import { DocumentsServiceClient } from '@wc/service-kit';
import { NOTIFICATIONS_CONFIG, NotificationsConfig } from './config';

export { DocumentsServiceError } from '@wc/service-kit';
export type { DocumentRequest, StoredDocument } from '@wc/service-kit';

/** The documents service as notifications calls it: notices written for each recipient. */
@Injectable()
export class DocumentsClient extends DocumentsServiceClient {
  constructor(@Inject(NOTIFICATIONS_CONFIG) config: NotificationsConfig) {
    super(config.DOCUMENTS_SERVICE_URL, 'notifications-service');
  }
}
