import { Controller, ForbiddenException, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { localDate, nonEmpty } from '@wc/contracts';
import { Roles, StaffUser, ZodQuery, ZodResponse, badRequest, parseOr400 } from '@wc/service-kit';
import { HealthReadList, healthReadListSchema } from './access.responses';
import { StaffingService } from './staffing.service';

const filterSchema = z
  .object({
    claimId: z.guid().optional().meta({ description: "one claim's reads (a worker's access request: program 11)" }),
    user: nonEmpty.optional().meta({ description: "one person's reads" }),
    from: localDate.optional().meta({ description: 'first Sydney day, included' }),
    to: localDate.optional().meta({ description: 'last Sydney day, included' }),
    after: z
      .string()
      .regex(/^[1-9]\d{0,17}$/, 'must be the `next` of the previous page')
      .optional(),
    limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000').default(100),
  })
  .strict();

/** The audit of reads of health information (issue 14; program 11, privacy), for the privacy officer. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly staffing: StaffingService) {}

  @Get('health-reads')
  @Roles('privacy-officer')
  @ApiOperation({ summary: "Who was shown which claim's health information, when, where and on what footing; newest first, paged" })
  @ZodQuery(filterSchema)
  @ZodResponse(200, healthReadListSchema, 'a page of reads')
  async healthReads(@Query() query: unknown, @Req() req: { staff: StaffUser }): Promise<HealthReadList> {
    // Not even an administrator (whom Roles lets through everywhere): what staff read is the privacy officer's to see.
    if (req.staff.role !== 'privacy-officer') throw new ForbiddenException('only a privacy officer reads the audit of health information');
    const f = parseOr400(filterSchema, query, 'query');
    if (f.from && f.to && f.to < f.from) throw badRequest('to', 'must not be before from', 'query');
    return this.staffing.healthReads(f);
  }
}
