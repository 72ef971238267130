import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { consentInputSchema, partyInputSchema, partyRemovalSchema } from '@wc/contracts';
import { ClaimScoped, Roles, StaffUser, ZodBody, ZodResponse, addLogContext, parseOr400 } from '@wc/service-kit';
import { PartiesService } from './parties.service';
import { PartiesView, RecordedConsent, Removed, SavedParty, partiesViewSchema, recordedConsentSchema, removedSchema, savedPartySchema } from './parties.responses';

/** The claim's parties (its address book for notices) and the worker's consents to share health information. */
@ApiTags('parties and consents')
@ApiBearerAuth()
@ClaimScoped('health')
@Controller('claims/:id')
export class PartiesController {
  constructor(private readonly parties: PartiesService) {}

  @Get('parties')
  @ApiOperation({ summary: "The claim's parties, how each is written to, and the worker's consents" })
  @ZodResponse(200, partiesViewSchema, "the claim's parties, consents and the parties taken off it")
  @ApiResponse({ status: 404, description: 'no such claim' })
  async list(@Param('id', new ParseUUIDPipe()) id: string): Promise<PartiesView> {
    addLogContext({ claimId: id });
    return this.parties.view(id);
  }

  @Post('parties')
  @HttpCode(201)
  @Roles('case-manager', 'team-leader')
  @ApiOperation({ summary: 'Record a party: worker, employer, nominated treating doctor or another (solicitor, provider), with channels and contact details' })
  @ZodBody(partyInputSchema)
  @ZodResponse(201, savedPartySchema, 'party recorded')
  @ApiResponse({ status: 400, description: 'invalid party: `problems` names each field (e.g. a channel without its contact detail)' })
  @ApiResponse({ status: 422, description: 'a second worker' })
  async add(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: unknown, @Req() req: { staff: StaffUser }): Promise<SavedParty> {
    addLogContext({ claimId: id });
    return this.parties.saveParty(id, parseOr400(partyInputSchema, body), req.staff);
  }

  @Put('parties/:partyId')
  @Roles('case-manager', 'team-leader')
  @ApiOperation({ summary: "Replace a party's details (e.g. a new address); notices not yet sent use them" })
  @ZodBody(partyInputSchema)
  @ZodResponse(200, savedPartySchema, 'party changed')
  async change(@Param('id', new ParseUUIDPipe()) id: string, @Param('partyId', new ParseUUIDPipe()) partyId: string, @Body() body: unknown, @Req() req: { staff: StaffUser }): Promise<SavedParty> {
    addLogContext({ claimId: id });
    return this.parties.saveParty(id, parseOr400(partyInputSchema, body), req.staff, partyId);
  }

  @Post('parties/:partyId/removal')
  @HttpCode(201)
  @Roles('case-manager', 'team-leader')
  @ApiOperation({ summary: 'Take a party off the claim, with the reason: its consents go with it, and notices not yet sent to it are not sent' })
  @ZodBody(partyRemovalSchema)
  @ZodResponse(201, removedSchema, 'party taken off the claim')
  @ApiResponse({ status: 400, description: 'no reason' })
  @ApiResponse({ status: 404, description: 'no such claim or party' })
  @ApiResponse({ status: 422, description: 'the worker' })
  async remove(@Param('id', new ParseUUIDPipe()) id: string, @Param('partyId', new ParseUUIDPipe()) partyId: string, @Body() body: unknown, @Req() req: { staff: StaffUser }): Promise<Removed> {
    addLogContext({ claimId: id });
    return this.parties.removeParty(id, partyId, parseOr400(partyRemovalSchema, body), req.staff);
  }

  @Post('consents')
  @HttpCode(201)
  @Roles('case-manager', 'team-leader')
  @ApiOperation({ summary: "Record the worker's written consent to share health information with a party, or its withdrawal (program s11; 1998 Act s243)" })
  @ZodBody(consentInputSchema)
  @ZodResponse(201, recordedConsentSchema, 'consent (or its withdrawal) recorded')
  @ApiResponse({ status: 422, description: 'the party is not on the claim, or is the worker' })
  async consent(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: unknown, @Req() req: { staff: StaffUser }): Promise<RecordedConsent> {
    addLogContext({ claimId: id });
    return this.parties.recordConsent(id, parseOr400(consentInputSchema, body), req.staff);
  }
}
