import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Roles, StaffUser, ZodBody, ZodQuery, ZodResponse, parseOr400 } from '@wc/service-kit';
import { providerSchema, providerUpdateSchema, registrationUpdateSchema } from './provider.schemas';
import { providerHistory, providerPage, providerView } from './providers.responses';
import { ProvidersService } from './providers.service';
import { InvoicesService } from '../invoices/invoices.service';

const listQuery = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    abn: z
      .string()
      .regex(/^\d{11}$/, 'must be 11 digits')
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

@ApiTags('medical: providers')
@ApiBearerAuth()
@Controller('providers')
export class ProvidersController {
  constructor(
    private readonly providers: ProvidersService,
    private readonly invoices: InvoicesService,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('payments-officer', 'team-leader', 'admin')
  @ApiOperation({ summary: 'Register a treatment provider: name, ABN (checked), kind, AHPRA number, registration status over time, the account it is paid to' })
  @ZodBody(providerSchema)
  @ZodResponse(201, providerView, 'the provider registered')
  @ApiResponse({ status: 400, description: 'a field is missing or malformed (an ABN whose check digits do not match): `problems` names it' })
  @ApiResponse({ status: 409, description: 'the ABN is already registered' })
  async create(@Body() body: unknown, @Req() req: { staff: StaffUser }) {
    return this.providers.create(parseOr400(providerSchema, body), req.staff);
  }

  @Get()
  @Roles('payments-officer', 'case-manager', 'team-leader', 'admin')
  @ApiOperation({ summary: 'Providers, by name (part of it) or ABN, paged' })
  @ZodQuery(listQuery)
  @ZodResponse(200, providerPage, 'the page of providers, by name')
  async list(@Query() query: unknown) {
    return this.providers.list(parseOr400(listQuery, query, 'query'));
  }

  @Get(':id')
  @Roles('payments-officer', 'case-manager', 'team-leader', 'admin')
  @ZodResponse(200, providerView, 'the provider')
  async get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.providers.get(id);
  }

  @Get(':id/history')
  @Roles('payments-officer', 'team-leader', 'admin')
  @ApiOperation({ summary: 'Every change to the provider, whole, with who made it and why' })
  @ZodResponse(200, providerHistory, 'the changes, oldest first')
  async history(@Param('id', new ParseUUIDPipe()) id: string) {
    return { changes: await this.providers.historyOf(id) };
  }

  @Put(':id')
  @Roles('payments-officer', 'team-leader', 'admin')
  @ApiOperation({ summary: "Replace a provider's details (a new account, a new name), with the reason" })
  @ZodBody(providerUpdateSchema)
  @ZodResponse(200, providerView, 'the provider as changed')
  async update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: unknown, @Req() req: { staff: StaffUser }) {
    const { reason, provider } = parseOr400(providerUpdateSchema, body);
    const updated = await this.providers.update(id, provider, reason, req.staff);
    // Lines already paid or reduced for this provider waited for an account: they can be paid now.
    if (updated.bank) await this.invoices.payPending({ providerId: id }, req.staff);
    return updated;
  }

  @Post(':id/registration')
  @Roles('payments-officer', 'team-leader', 'admin')
  @ApiOperation({
    summary:
      'A registration status from a date (AHPRA: suspended, disqualified, conditions after a disciplinary process, current again): lines for services from then are refused (1987 Act s60(2A)(d))',
  })
  @ZodBody(registrationUpdateSchema)
  // No @HttpCode: Nest answers a POST with 201.
  @ZodResponse(201, providerView, 'the provider with the registration status recorded')
  async registration(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: unknown, @Req() req: { staff: StaffUser }) {
    const { reason, ...change } = parseOr400(registrationUpdateSchema, body);
    return this.providers.changeRegistration(id, change, reason, req.staff);
  }
}
