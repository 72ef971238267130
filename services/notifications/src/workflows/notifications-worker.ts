import { Inject, Injectable } from '@nestjs/common';
import { JsonLogger, HostedTemporalWorker, TemporalWorkerHost, keepSchedules, lazyTemporalClient } from '@wc/service-kit';
import { NOTIFICATIONS_CONFIG, NotificationsConfig } from '../config';
import { LOGGER } from '../letters/letters.service';
import { DigestService } from '../notices/digest.service';
import { DIGEST_WORKFLOW_TYPE, DigestActivities } from './definitions';

/**
 * The notifications service's Temporal worker (issue 15), on NOTIFICATIONS_TASK_QUEUE in every
 * replica, and the daily digest's schedule (DIGEST_SCHEDULE in SCHEDULE_TIME_ZONE), kept each time
 * it connects.
 */
@Injectable()
export class NotificationsWorker extends HostedTemporalWorker {
  protected readonly host: TemporalWorkerHost;
  private readonly temporal: ReturnType<typeof lazyTemporalClient>;

  constructor(
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
    @Inject(LOGGER) private readonly log: JsonLogger,
    digests: DigestService,
  ) {
    super();
    this.temporal = lazyTemporalClient(config);
    const activities: DigestActivities = {
      digestsDue: () => digests.due(),
      sendDailyDigest: (teamLeader, day) => digests.sendDaily(teamLeader, day),
    };
    this.host = new TemporalWorkerHost({
      name: 'notifications worker',
      config,
      taskQueue: config.NOTIFICATIONS_TASK_QUEUE,
      workflowsPath: require.resolve('./workflows'),
      activities,
      log,
      afterConnect: () => this.keepSchedule(),
    });
  }

  override onApplicationShutdown() {
    return super.onApplicationShutdown().then(() => this.temporal.close());
  }

  private async keepSchedule(): Promise<void> {
    const c = this.config;
    await keepSchedules(
      await this.temporal.client(),
      [
        {
          scheduleId: `${c.NOTIFICATIONS_TASK_QUEUE}.team-leader-digest`,
          cron: c.DIGEST_SCHEDULE,
          timeZone: c.SCHEDULE_TIME_ZONE,
          workflowType: DIGEST_WORKFLOW_TYPE,
          taskQueue: c.NOTIFICATIONS_TASK_QUEUE,
        },
      ],
      this.log,
    );
  }
}
