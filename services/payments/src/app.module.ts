import { Module } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HEALTH_CHECKS, HealthChecks, HealthController, JsonLogger, serviceDataSourceOptions } from '@wc/service-kit';
import { KafkaClient } from '@wc/messaging';
import { LOGGER, PAYMENTS_CONFIG, SCHEMA, loadPaymentsConfig } from './config';
import { BodyParsers } from './http/body-parsers';
import { KAFKA, PaymentsOutboxRelay, kafkaHealth, kafkaProvider } from './messaging.providers';
import { Initial1763800000000 } from './migrations/1763800000000-initial';
import { WageScheduleEntity, WageScheduleLineEntity } from './schedules/schedule.entity';
import { SchedulesController } from './schedules/schedules.controller';
import { SchedulesService } from './schedules/schedules.service';

const config = loadPaymentsConfig();

@Module({
  imports: [
    TypeOrmModule.forRoot(
      serviceDataSourceOptions({
        url: config.DATABASE_URL,
        schema: SCHEMA,
        entities: [WageScheduleEntity, WageScheduleLineEntity],
        migrations: [Initial1763800000000],
      }),
    ),
  ],
  controllers: [SchedulesController, HealthController],
  providers: [
    { provide: PAYMENTS_CONFIG, useValue: config },
    { provide: LOGGER, useValue: new JsonLogger('payments', config.LOG_LEVEL) },
    BodyParsers,
    kafkaProvider,
    SchedulesService,
    PaymentsOutboxRelay,
    {
      provide: HEALTH_CHECKS,
      inject: [getDataSourceToken(), KAFKA],
      useFactory: (ds: DataSource, kafka: KafkaClient): HealthChecks => ({
        database: () => ds.query('SELECT 1'),
        kafka: () => kafkaHealth(kafka),
      }),
    },
  ],
})
export class AppModule {}
