import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { changeDecisionSchema } from '@wc/contracts';
import { ClaimScoped, Roles, StaffUser, ZodBody, ZodQuery, ZodResponse, parseOr400 } from '@wc/service-kit';
import { pendingChange, pendingChanges } from './changes.responses';
import { ChangesService } from './changes.service';

const listSchema = z.object({ all: z.enum(['true', 'false']).optional().meta({ description: 'true: decided ones too' }) }).strict();

@ApiTags('approvals')
@ApiBearerAuth()
@Controller('changes')
export class ChangesController {
  constructor(private readonly changes: ChangesService) {}

  @Get()
  @Roles('payments-officer', 'team-leader', 'admin')
  @ApiOperation({ summary: "Changes waiting for a second person: payees' bank accounts (of the claims you may see), corrected rate tables, authority limits (administrators)" })
  @ZodQuery(listSchema)
  @ZodResponse(200, pendingChanges, 'oldest first')
  async list(@Query() query: unknown, @Req() req: { staff: StaffUser }) {
    const { all } = parseOr400(listSchema, query, 'query');
    return { changes: await this.changes.list(req.staff, all === 'true') };
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('payments-officer', 'team-leader', 'admin')
  @ClaimScoped('payments', { lookup: { table: 'pending_changes' } })
  @ApiOperation({ summary: 'Approve a change someone else proposed: it is recorded now' })
  @ZodBody(changeDecisionSchema)
  @ZodResponse(200, pendingChange, 'approved and applied')
  @ApiResponse({ status: 403, description: 'you proposed it, it is your own limit, or your role may not approve it' })
  @ApiResponse({ status: 404, description: 'no such change' })
  @ApiResponse({ status: 409, description: 'already decided, or superseded by a later proposal' })
  async approve(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: unknown, @Req() req: { staff: StaffUser }) {
    return this.changes.decide(id, req.staff, 'approved', parseOr400(changeDecisionSchema, body ?? {}).note);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('payments-officer', 'team-leader', 'admin')
  @ClaimScoped('payments', { lookup: { table: 'pending_changes' } })
  @ApiOperation({ summary: 'Reject a change someone else proposed: nothing is recorded' })
  @ZodBody(changeDecisionSchema)
  @ZodResponse(200, pendingChange, 'rejected')
  @ApiResponse({ status: 403, description: 'you proposed it, it is your own limit, or your role may not decide it' })
  @ApiResponse({ status: 404, description: 'no such change' })
  @ApiResponse({ status: 409, description: 'already decided, or superseded by a later proposal' })
  async reject(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: unknown, @Req() req: { staff: StaffUser }) {
    return this.changes.decide(id, req.staff, 'rejected', parseOr400(changeDecisionSchema, body ?? {}).note);
  }
}
