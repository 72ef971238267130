import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TOPICS } from '@wc/contracts';
import { IdempotentConsumer, KafkaClient, isEvent } from '@wc/messaging';
import { JsonLogger, KAFKA, keepStaffing } from '@wc/service-kit';
import { NOTIFICATIONS_CONFIG, NotificationsConfig } from '../config';
import { LOGGER, LettersService } from '../letters/letters.service';
import { AlertsService } from '../alerts/alerts.service';
import { CorrespondenceService } from '../notices/correspondence.service';

/** claim.notified → an acknowledgement letter; the claim's facts and parties kept; notice.requested → deliveries; escalations and reminders recorded (idempotent: a redelivered event does nothing twice). */
@Injectable()
export class ClaimsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer?: IdempotentConsumer;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(KAFKA) private readonly kafka: KafkaClient,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
    @Inject(LOGGER) private readonly log: JsonLogger,
    private readonly letters: LettersService,
    private readonly alerts: AlertsService,
    private readonly correspondence: CorrespondenceService,
  ) {}

  async onApplicationBootstrap() {
    // Payments requests notices too (a PIAWE decision): same event, its own topic.
    await this.kafka.ensureTopics([TOPICS.claims, TOPICS.payments]);
    this.consumer = new IdempotentConsumer({
      kafka: this.kafka,
      groupId: this.config.CLAIMS_CONSUMER_GROUP,
      topics: [TOPICS.claims, TOPICS.payments],
      dataSource: this.ds,
      schema: this.config.DB_SCHEMA,
      logger: this.log,
      handle: async (event, m) => {
        await keepStaffing(m, this.config.DB_SCHEMA, event);
        if (isEvent(event, 'claim.notified')) {
          await this.correspondence.claimNotified(event, m);
          const claim = await this.correspondence.claimRecord(m, event.data.claimId);
          await this.letters.acknowledge(event, m, await this.correspondence.staff(m, claim?.caseManager ?? null), claim?.parties ?? []);
          await this.correspondence.acknowledgementRequested(event, m);
        } else if (isEvent(event, 'claim.action-recorded')) await this.correspondence.actionRecorded(event, m);
        else if (isEvent(event, 'claim.parties-recorded')) await this.correspondence.partiesRecorded(event, m);
        else if (isEvent(event, 'notice.requested')) await this.correspondence.noticeRequested(event, m);
        else if (isEvent(event, 'obligation.escalated')) await this.alerts.obligationEscalated(event, m);
        else if (isEvent(event, 'obligation.reminder')) await this.alerts.obligationReminder(event, m);
        else if (isEvent(event, 'medical-invoice.assessed')) await this.correspondence.medicalInvoiceAssessed(event, m);
      },
    });
    await this.consumer.start();
  }

  async onApplicationShutdown() {
    await this.consumer?.stop();
  }
}
