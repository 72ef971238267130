import { BadRequestException, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { WRS_COLUMNS } from '@wc/payment-files';
import { Roles, StaffUser, ZodQuery, ZodResponse, openApiSchema, parseOr400 } from '@wc/service-kit';
import { wageScheduleJson } from '../contracts';
import { checkScheduleJson, checkScheduleText } from './schedule-input';
import { discrepancyList, scheduleView } from './schedules.responses';
import { IncomingSchedule, SchedulesService } from './schedules.service';

const idempotencyKeySchema = z.string().min(8, 'must be at least 8 characters').max(200, 'must be at most 200 characters');
const partialSchema = z.enum(['true', 'false']).optional();
/** Read as one parameter (its problem names `query limit`); the object is for OpenAPI. */
const discrepanciesQuery = z
  .object({
    limit: z.coerce.number().int().min(1, 'must be at least 1').max(1000, 'must be at most 1000').default(200),
    after: z
      .string()
      .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:[1-9]\d{0,8}$/i, "must be a line as the previous page's `next` gives it: <schedule id>:<line>")
      .optional(),
  })
  .strict();
const policyNumberSchema = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
const utf8 = new TextDecoder('utf-8', { fatal: true });

@ApiTags('wage reimbursement schedules')
@ApiBearerAuth()
@Roles('payments-officer', 'admin')
@Controller('wage-reimbursement-schedules')
export class SchedulesController {
  constructor(private readonly schedules: SchedulesService) {}

  @Post()
  @ApiOperation({
    summary: "Receive an employer's wage reimbursement schedule (payments.md CSV, or the same as JSON)",
    description:
      'Every line is checked with the rules of `claimctl wrs check`. With a problem the schedule is refused and nothing is stored, ' +
      'unless ?partial=true: then only the good lines are stored and the others are reported under `rejected`. ' +
      `text/csv: the header must be ${WRS_COLUMNS.join(',')}; the employer is ?policyNumber=. Up to 5 MB.`,
  })
  @ApiConsumes('text/csv', 'application/json')
  @ApiBody({ schema: { oneOf: [{ type: 'string', description: 'text/csv, UTF-8' }, openApiSchema(wageScheduleJson)] } })
  @ApiQuery({ name: 'partial', required: false, enum: ['true', 'false'], description: 'store the good lines of a schedule with bad ones' })
  @ApiQuery({ name: 'policyNumber', required: false, description: "text/csv only (required there): the employer's policy number" })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'the same key and schedule return the same stored schedule' })
  @ZodResponse(201, scheduleView, 'stored, with its lines and exact totals')
  @ZodResponse(200, scheduleView, 'the same schedule was already received with this Idempotency-Key')
  @ApiResponse({ status: 400, description: 'not a schedule at all (JSON shape, missing policyNumber, not UTF-8): `problems` names each field' })
  @ApiResponse({ status: 409, description: 'the Idempotency-Key was used for a different schedule' })
  @ApiResponse({ status: 413, description: 'larger than 5 MB' })
  @ApiResponse({ status: 415, description: 'neither text/csv (UTF-8) nor application/json' })
  @ApiResponse({ status: 422, description: 'lines with problems: `problems` lists each with its line and column; nothing was stored' })
  @HttpCode(201)
  async receive(
    @Req() req: Request & { staff: StaffUser },
    @Query('partial') partialParam: string | undefined,
    @Query('policyNumber') policyParam: string | undefined,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const partial = parseOr400(partialSchema, partialParam, 'query partial') === 'true';
    if (key !== undefined) parseOr400(idempotencyKeySchema, key, 'header Idempotency-Key');
    const input = incomingSchedule(req, policyParam, partial);
    // A schedule is the employer's, over many claims: received by role (issue 14), answered as its sender may see it.
    const { schedule, created } = await this.schedules.receive(input, key, req.staff);
    if (!created) res.status(200);
    res.setHeader('Location', `/wage-reimbursement-schedules/${schedule.id}`);
    return this.schedules.view(schedule.id, req.staff);
  }

  @Get('discrepancies')
  @Roles('payments-officer', 'case-manager', 'team-leader', 'admin')
  @ApiOperation({ summary: "Schedule lines that differ from the platform's entitlement or could not be checked (for case managers), of the claims you may see" })
  @ZodQuery(discrepanciesQuery)
  @ZodResponse(200, discrepancyList, 'a page of lines, oldest period first, at most `limit`, and the cursor of the next page (null on the last)')
  @ApiResponse({ status: 400, description: 'a bad limit, or `after` names no line' })
  async discrepancies(@Query() query: unknown, @Req() req: { staff: StaffUser }) {
    const q = parseOr400(discrepanciesQuery, query, 'query');
    return this.schedules.discrepancies(q.limit, q.after, req.staff);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A stored schedule: its exact totals, (partial imports) the lines left out, and its lines of the claims you may see' })
  @ZodResponse(200, scheduleView, 'the schedule, its lines and how each was reconciled')
  @ApiResponse({ status: 404, description: 'no such schedule' })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @Req() req: { staff: StaffUser }) {
    return this.schedules.view(id, req.staff);
  }
}

/** The request as the service's input, whichever way it came; the body parsers are in http/body-parsers.ts. */
function incomingSchedule(req: Request, policyParam: string | undefined, partial: boolean): IncomingSchedule {
  if (req.is('text/csv')) {
    const charset = /;\s*charset="?([^";]+)"?/i.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase();
    if (charset && charset !== 'utf-8' && charset !== 'utf8') throw new UnsupportedMediaTypeException(`a schedule must be UTF-8, not ${charset}`);
    const policyNumber = parseOr400(policyNumberSchema, policyParam, 'query policyNumber (the employer, required with text/csv)');
    let text: string;
    try {
      text = Buffer.isBuffer(req.body) ? utf8.decode(req.body) : '';
    } catch {
      throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'the schedule is not valid UTF-8', problems: [{ field: 'body', problem: 'must be UTF-8 text' }] });
    }
    return { format: 'csv', policyNumber, partial, canonical: text, check: () => checkScheduleText(text, { partial }) };
  }
  if (req.is('application/json')) {
    if (policyParam !== undefined)
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'invalid request query',
        problems: [{ field: 'policyNumber', problem: 'give employer.policyNumber in the body with application/json' }],
      });
    const body = parseOr400(wageScheduleJson, req.body);
    return { format: 'json', policyNumber: body.employer.policyNumber, partial, canonical: JSON.stringify(body), check: () => checkScheduleJson(body, { partial }) };
  }
  throw new UnsupportedMediaTypeException('send the schedule as text/csv (UTF-8) or application/json');
}
