import { ConflictException, Controller, Get, HttpCode, NotFoundException, OnApplicationShutdown, Param, ParseUUIDPipe, Post, Query, Req, ServiceUnavailableException } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { type KafkaClient, type ParkedEvent, PublishError, type Publisher, countParked, listParked, replayParked } from '@wc/messaging';
import { ZodQuery, ZodResponse } from './api-contract';
import { Roles, type StaffUser } from './auth';
import type { JsonLogger } from './logger';
import { parseOr400 } from './validation';

/**
 * Kafka messages the service's consumers parked (libs/messaging/src/parking.ts: malformed, or their
 * handler failed every attempt), for an operator to look at and replay once the cause is fixed.
 * Built by ServiceModule for every service; the publisher exists only once something is replayed.
 */
export class ParkedEvents implements OnApplicationShutdown {
  private publisher?: Publisher;

  constructor(
    private readonly ds: DataSource,
    private readonly kafka: KafkaClient,
    private readonly schema: string,
    private readonly log: JsonLogger,
  ) {}

  list(options: { all?: boolean; limit?: number }): Promise<ParkedEvent[]> {
    return listParked(this.ds, this.schema, options);
  }

  /** Per consumer: every message ever parked, and those not replayed yet (the metrics). */
  counts() {
    return countParked(this.ds, this.schema);
  }

  async replay(id: string, by: string): Promise<ParkedEvent> {
    this.publisher ??= this.kafka.publisher();
    let result;
    try {
      result = await replayParked(this.ds, this.schema, id, by, this.publisher);
    } catch (e) {
      if (e instanceof PublishError) throw new ServiceUnavailableException(`Kafka did not take the message; nothing changed, replay it again later (${e.message})`);
      throw e;
    }
    if (result.status === 'not-found') throw new NotFoundException('no such parked event');
    if (result.status === 'already-replayed') throw new ConflictException(`already replayed by ${result.event.replayedBy} at ${result.event.replayedAt?.toISOString()}`);
    const e = result.event;
    this.log.warn('parked event replayed', { parkedId: e.id, claimId: e.subject, eventId: e.eventId, topic: e.topic, partition: e.partition, offset: e.offset, consumer: e.consumer, by });
    return e;
  }

  async onApplicationShutdown() {
    await this.publisher?.disconnect();
  }
}

const parkedEvent = z
  .object({
    id: z.guid(),
    consumer: z.string().describe('the consumer group that parked it; a replay is for it only'),
    topic: z.string(),
    partition: z.number().int().nonnegative(),
    offset: z.string().describe('Kafka offset (64-bit, as text)'),
    key: z.string().nullable(),
    eventId: z.guid().nullable().describe('the envelope id, when it could be read'),
    type: z.string().nullable(),
    claimId: z.string().nullable().describe("the envelope's subject"),
    reason: z.string().describe('handler-failed, or why it could not be read: empty, not-json, invalid-envelope, invalid-data'),
    error: z.string().describe('the last error'),
    attempts: z.number().int().positive(),
    parkedAt: z.iso.datetime(),
    replayedAt: z.iso.datetime().nullable(),
    replayedBy: z.string().nullable(),
  })
  .strict();
export const parkedEventList = z.object({ parkedEvents: z.array(parkedEvent) }).strict();
const listQuery = z
  .object({
    all: z.enum(['true', 'false']).optional().describe('true: replayed ones too'),
    limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(500, 'must be at most 500').default(100),
  })
  .strict();

/** The message's value stays in the database: it may hold health information, which an administrator does not read. */
const view = ({ subject, ...e }: ParkedEvent) => ({ ...e, claimId: subject });

@ApiTags('operations')
@ApiBearerAuth()
@Controller('admin/parked-events')
export class ParkedEventsController {
  constructor(private readonly parked: ParkedEvents) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Kafka messages this service parked (unreadable, or failing every attempt), newest first; not yet replayed unless all=true' })
  @ZodQuery(listQuery)
  @ZodResponse(200, parkedEventList, 'the parked messages, without their content')
  async list(@Query() query: unknown) {
    const q = parseOr400(listQuery, query, 'query');
    return { parkedEvents: (await this.parked.list({ all: q.all === 'true', limit: q.limit })).map(view) };
  }

  @Post(':id/replay')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Republish a parked message to its topic (same key, value and headers) for the consumer that parked it; once' })
  @ZodResponse(200, parkedEvent, 'republished; replayedAt and replayedBy recorded')
  @ApiResponse({ status: 404, description: 'no such parked event' })
  @ApiResponse({ status: 409, description: 'already replayed' })
  @ApiResponse({ status: 503, description: 'Kafka did not take it; nothing changed' })
  async replay(@Param('id', new ParseUUIDPipe()) id: string, @Req() req: { staff: StaffUser }) {
    return view(await this.parked.replay(id, req.staff.user));
  }
}
