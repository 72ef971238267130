import { Body, Controller, Get, HttpCode, OnModuleInit, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeController, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Internal, Roles, ServiceMetrics, StaffUser, ZodBody, ZodQuery, ZodResponse, addLogContext, parseOr400 } from '@wc/service-kit';
import { IncidentsService } from './incidents.service';
import { incidentListSchema, incidentRaisedSchema, incidentSchema } from './incidents.responses';

const raisedBody = z
  .object({
    workflowId: z.string().min(1).max(300),
    runId: z.string().min(1).max(100),
    key: z.string().min(1).max(300),
    status: z.number().int().min(100).max(599),
    message: z.string().min(1).max(2000),
    kinds: z.array(z.string().min(1).max(100)).max(100),
    since: z.string().datetime({ offset: true }),
  })
  .strict();

/** Raised by the claim worker with its own credential (scope claims:effects); a staff token is refused. */
@ApiExcludeController()
@ApiBearerAuth()
@Controller('internal/claims')
export class IncidentsInternalController {
  constructor(private readonly incidents: IncidentsService) {}

  @Post(':id/incidents')
  @Internal('claims:effects')
  @HttpCode(200)
  @ZodBody(raisedBody)
  @ZodResponse(200, incidentRaisedSchema, 'recorded now, or by an earlier try with the same key')
  async raise(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: unknown) {
    addLogContext({ claimId: id });
    return this.incidents.raise(id, parseOr400(raisedBody, body));
  }
}

const listQuery = z.object({ all: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }).strict();

/**
 * Claim workflows waiting on effects this service refused (issue 14): an administrator's list, and
 * the retry once the cause is fixed. Incidents name a claim but show none of its health information.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/incidents')
export class IncidentsController implements OnModuleInit {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly metrics: ServiceMetrics,
  ) {}

  onModuleInit() {
    // Alert on it above 0: a claim's clock is running while its effects wait.
    this.metrics.gauge('claim_incidents_open', 'Claim workflows waiting on effects this service refused, not yet retried (GET /admin/incidents)', [], async (g) => {
      g.set(await this.incidents.openCount().catch(() => 0));
    });
  }

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Claim workflows waiting on effects this service refused (a bad credential, an unknown claim, a batch too large), newest first; not yet retried unless all=true' })
  @ZodQuery(listQuery)
  @ZodResponse(200, incidentListSchema, 'the incidents')
  async list(@Query() query: unknown) {
    const q = parseOr400(listQuery, query, 'query');
    return { incidents: await this.incidents.list(q.all === 'true', q.limit) };
  }

  @Post(':id/retry')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: "Tell the incident's workflow to carry the refused effects out again, once the cause is fixed; refused again, it raises a new incident" })
  @ZodResponse(200, incidentSchema, 'signalled; retriedAt and retriedBy recorded')
  @ApiResponse({ status: 404, description: 'no such incident' })
  @ApiResponse({ status: 409, description: 'already retried' })
  async retry(@Param('id', new ParseUUIDPipe()) id: string, @Req() req: { staff: StaffUser }) {
    return this.incidents.retry(id, req.staff.user);
  }
}
