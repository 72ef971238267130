import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Roles, StaffUser, ZodQuery, ZodResponse, parseOr400 } from '@wc/service-kit';
import { claimList } from './claim-search.responses';
import { ClaimSearchService } from './claim-search.service';

const searchSchema = z
  .object({
    q: z.string().trim().min(2, 'must be at least 2 characters').max(100, 'must be at most 100 characters').optional(),
    limit: z.coerce.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100').default(25),
    before: z.guid("must be the id of a claim (the previous page's `next`)").optional(),
  })
  .strict();

@ApiTags('claims')
@ApiBearerAuth()
@Controller('claims')
export class ClaimSearchController {
  constructor(private readonly search: ClaimSearchService) {}

  @Get()
  @Roles('case-manager', 'team-leader', 'reviewer')
  @ApiOperation({
    summary: "The claims you may see, newest first, a page at a time; ?q= finds part of a claim number (from its start), of the worker's name or of the employer's name",
  })
  @ZodQuery(searchSchema)
  @ZodResponse(200, claimList, 'a page of claims, and the cursor of the next page (null on the last)')
  async list(@Query() query: unknown, @Req() req: { staff: StaffUser }) {
    const q = parseOr400(searchSchema, query, 'query');
    return this.search.search(q, req.staff);
  }
}
