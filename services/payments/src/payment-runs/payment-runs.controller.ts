import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { localDate } from '@wc/contracts';
import { Roles, StaffUser, ZodBody, ZodQuery, ZodResponse, parseOr400 } from '@wc/service-kit';
import { paymentRunList, paymentRunView, remittancesOfRun } from './payment-runs.responses';
import { PaymentRunsService } from './payment-runs.service';
import { RemittancesService } from '../medical/remittances/remittances.service';

const runSchema = z.object({ processingDate: localDate }).strict();
const listSchema = z
  .object({
    limit: z.coerce.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100').default(20),
    before: z.guid("must be the id of a payment run (the previous page's `next`)").optional(),
  })
  .strict();
const keySchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required: a retried request must not start a second run' : undefined) })
  .min(8, 'must be at least 8 characters')
  .max(200, 'must be at most 200 characters');

@ApiTags('payment runs')
@ApiBearerAuth()
// A run pays every authorised payment of the book, so its routes are by role (issue 14); only its list of remittances is by claim.
@Roles('payments-officer', 'team-leader')
@Controller('payment-runs')
export class PaymentRunsController {
  constructor(
    private readonly runs: PaymentRunsService,
    private readonly remittances: RemittancesService,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Start a payment run: every authorised payment not in a run goes into one ABA bank file (built in the background; poll GET for progress)' })
  @ZodBody(runSchema)
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'the same key returns the same run' })
  @ZodResponse(202, paymentRunView, 'the run, building')
  @ZodResponse(200, paymentRunView, 'the run this key already started')
  @ApiResponse({ status: 422, description: 'no authorised payments are waiting' })
  async create(@Body() body: unknown, @Headers('idempotency-key') key: string | undefined, @Req() req: { staff: StaffUser }, @Res({ passthrough: true }) res: Response) {
    const k = parseOr400(keySchema, key, 'header Idempotency-Key');
    const { processingDate } = parseOr400(runSchema, body);
    const { run, created } = await this.runs.create(processingDate, k, req.staff);
    if (!created) res.status(200);
    res.setHeader('Location', `/payment-runs/${run.id}`);
    return run;
  }

  @Get()
  @ApiOperation({ summary: "Payment runs, newest first, a page at a time (?limit=, ?before= the previous page's next)" })
  @ZodQuery(listSchema)
  @ZodResponse(200, paymentRunList, 'a page of runs, and the cursor of the next page (null on the last)')
  async list(@Query() query: unknown) {
    const q = parseOr400(listSchema, query, 'query');
    return this.runs.list(q.limit, q.before);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A run and its progress' })
  @ZodResponse(200, paymentRunView, 'the run')
  async get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.runs.view(id);
  }

  @Get(':id/aba')
  @ApiOperation({ summary: "The run's ABA file (120-character records, CR LF)" })
  @ApiProduces('text/plain')
  @ApiResponse({ status: 200, description: 'the ABA file, US-ASCII, as an attachment', content: { 'text/plain': { schema: { type: 'string' } } } })
  @ApiResponse({ status: 409, description: 'still building' })
  async aba(@Param('id', new ParseUUIDPipe()) id: string, @Res() res: Response) {
    const file = await this.runs.aba(id);
    res.setHeader('Content-Type', 'text/plain; charset=us-ascii');
    res.setHeader('Content-Disposition', `attachment; filename="payment-run-${id}.aba"`);
    res.send(file);
  }

  @Get(':id/remittances')
  @ApiOperation({ summary: 'The remittance advice of each provider and claim paid in the run (a document of the documents service), once written' })
  @ZodResponse(200, remittancesOfRun, "the run's remittance advices of the claims you may see, by provider and claim number")
  async remittancesOf(@Param('id', new ParseUUIDPipe()) id: string, @Req() req: { staff: StaffUser }) {
    await this.runs.view(id);
    return { remittances: await this.remittances.ofRun(id, req.staff) };
  }
}
