import { BadRequestException, Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req, Res, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { MEDICAL_INVOICE_COLUMNS } from '@wc/payment-files';
import { ClaimScoped, Roles, StaffUser, ZodBody, ZodQuery, ZodResponse, addLogContext, parseOr400 } from '@wc/service-kit';
import { approvalSchema, invoiceSchema } from '@wc/contracts';
import { ApprovalsService } from './approvals/approvals.service';
import { FeeOrderService } from './fee-order/fee-order.service';
import { InvoiceImportService } from './invoices/invoice-import.service';
import { InvoicesService } from './invoices/invoices.service';
import { EstimatesService } from './estimates/estimates.service';
import { approvalCreated, claimEstimateView, claimMedicalView, feeOrderLoaded, feeOrderRows, invoiceImportAnswer, invoiceImportView, invoiceView, portfolioView } from './medical.responses';

const idempotencyKeySchema = z.string().min(8, 'must be at least 8 characters').max(200, 'must be at most 200 characters');
const feeOrderSource = z.string().trim().min(1, 'must say where the rows come from, e.g. the Workers Compensation (Physiotherapy) Fees Order 2025').max(300);
const itemCode = z.string().regex(/^[A-Z0-9]{1,12}$/, 'must be an item code');
// The routes read one query parameter each (a missing or unknown other one is ignored): these only put them in OpenAPI.
const feeOrderLoadQuery = z.object({ source: feeOrderSource.meta({ description: 'where the rows come from (kept with the version)' }) });
const feeOrderListQuery = z.object({ item: itemCode.meta({ description: 'only this item' }).optional() });
const utf8 = new TextDecoder('utf-8', { fatal: true });

@ApiTags('medical: invoices, approvals, fee order')
@ApiBearerAuth()
@Controller()
export class MedicalController {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly imports: InvoiceImportService,
    private readonly approvals: ApprovalsService,
    private readonly feeOrder: FeeOrderService,
    private readonly estimates: EstimatesService,
  ) {}

  @Post('claims/:claimId/invoices')
  @HttpCode(201)
  @Roles('payments-officer', 'case-manager', 'admin')
  // Medical invoices are payments data (issue 14): the payments officer pays them.
  @ClaimScoped('payments', { param: 'claimId' })
  @ApiOperation({
    summary: "One provider invoice (or a worker's receipts, payee worker) for a claim: every line assessed as medical.md says; paid and reduced lines become payments waiting for authorisation",
  })
  @ZodBody(invoiceSchema)
  @ZodResponse(201, invoiceView, 'the invoice recorded, every line as assessed')
  @ZodResponse(200, invoiceView, 'the same invoice was already received (same provider, number and lines)')
  @ApiResponse({ status: 409, description: 'the invoice number was already received from this provider for the claim with other lines' })
  @ApiResponse({ status: 422, description: 'a service date in the future; nothing recorded' })
  async submit(@Param('claimId', new ParseUUIDPipe()) claimId: string, @Body() body: unknown, @Req() req: { staff: StaffUser }, @Res({ passthrough: true }) res: Response) {
    addLogContext({ claimId });
    const invoice = parseOr400(invoiceSchema, body);
    InvoicesService.refuseFutureServices(invoice);
    const r = await this.invoices.submit(claimId, invoice, req.staff);
    if (!r.created) res.status(200);
    return r.invoice;
  }

  @Get('claims/:claimId/medical')
  @Roles('payments-officer', 'case-manager', 'team-leader', 'admin')
  @ClaimScoped('payments', { param: 'claimId' })
  @ApiOperation({ summary: "A claim's medical side: treatment requests as the claim recorded them, approvals with the units used, invoices with every line as assessed, and the estimate" })
  @ZodResponse(200, claimMedicalView, "the claim's medical side")
  async claimMedical(@Param('claimId', new ParseUUIDPipe()) claimId: string) {
    addLogContext({ claimId });
    return {
      treatmentRequests: await this.approvals.treatmentRequests(claimId),
      approvals: await this.approvals.ofClaim(claimId),
      invoices: await this.invoices.ofClaim(claimId),
      estimate: await this.estimates.ofClaim(claimId),
    };
  }

  @Get('invoices/:id')
  @Roles('payments-officer', 'case-manager', 'team-leader', 'admin')
  @ClaimScoped('payments', { lookup: { table: 'medical_invoices' } })
  @ZodResponse(200, invoiceView, 'the invoice, every line as assessed')
  async invoice(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.invoices.get(id);
  }

  @Post('medical-invoices')
  @HttpCode(201)
  @Roles('payments-officer', 'admin')
  @ApiOperation({
    summary: `Invoice lines in bulk (text/csv, UTF-8, header ${MEDICAL_INVOICE_COLUMNS.join(',')}; docs/medical-invoices.md): checked line by line, then all recorded and assessed, or nothing`,
  })
  @ApiConsumes('text/csv')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'the same key and file return the same import (the same bytes do too)' })
  @ZodResponse(201, invoiceImportAnswer, 'imported: every invoice recorded and assessed (Location: the import)')
  @ZodResponse(200, invoiceImportAnswer, 'this file was already imported')
  @ApiResponse({ status: 409, description: 'the Idempotency-Key was used for another file' })
  @ApiResponse({ status: 415, description: 'not text/csv in UTF-8' })
  @ApiResponse({ status: 422, description: '`problems`: each with its line, column and message (`line N: column: problem`); nothing imported' })
  async importFile(@Req() req: Request & { staff: StaffUser }, @Headers('idempotency-key') key: string | undefined, @Res({ passthrough: true }) res: Response) {
    if (key !== undefined) parseOr400(idempotencyKeySchema, key, 'header Idempotency-Key');
    if (!req.is('text/csv')) throw new UnsupportedMediaTypeException('send the invoice lines as text/csv (UTF-8)');
    const charset = /;\s*charset="?([^";]+)"?/i.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase();
    if (charset && charset !== 'utf-8' && charset !== 'utf8') throw new UnsupportedMediaTypeException(`the file must be UTF-8, not ${charset}`);
    if (!Buffer.isBuffer(req.body) || req.body.length === 0) throw new BadRequestException({ statusCode: 400, message: 'the file is empty', problems: [{ field: 'body', problem: 'is empty' }] });
    let text: string;
    try {
      text = utf8.decode(req.body);
    } catch {
      throw new UnsupportedMediaTypeException('the file is not UTF-8 text');
    }
    // A file over many claims, so by role (issue 14); its answer shows only the invoices of claims the sender may see.
    const r = await this.imports.import(text, key, req.staff);
    if (!r.created) res.status(200);
    res.setHeader('Location', `/medical-invoices/${r.id}`);
    return r;
  }

  @Get('medical-invoices/:id')
  @Roles('payments-officer', 'team-leader', 'admin')
  @ZodResponse(200, invoiceImportView, 'the import')
  @ApiResponse({ status: 404, description: 'no such import' })
  async importView(@Param('id', new ParseUUIDPipe()) id: string, @Req() req: { staff: StaffUser }) {
    return this.imports.view(id, req.staff);
  }

  @Post('claims/:claimId/approvals')
  @HttpCode(201)
  @Roles('case-manager', 'team-leader', 'admin')
  @ClaimScoped('payments', { param: 'claimId' })
  @ApiOperation({
    summary: 'Approve treatment for payment (1987 Act s60(2A)): an approved treatment request becomes items, units and dates for a provider; lines held for want of it are assessed again',
  })
  @ZodBody(approvalSchema)
  @ZodResponse(201, approvalCreated, 'approved; held lines it covers were assessed again')
  @ApiResponse({ status: 422, description: 'the request is not approved (or not recorded), or an item is not in the fee order' })
  async approve(@Param('claimId', new ParseUUIDPipe()) claimId: string, @Body() body: unknown, @Req() req: { staff: StaffUser }) {
    addLogContext({ claimId });
    return this.approvals.create(claimId, parseOr400(approvalSchema, body), req.staff);
  }

  @Put('fee-order')
  @Roles('admin')
  @ApiOperation({ summary: 'Load fee order rows from a CSV file (item,from,description,max_fee,exempt_from_approval): a row with the same item and date replaces it; any bad row loads nothing' })
  @ApiConsumes('text/csv')
  @ZodQuery(feeOrderLoadQuery)
  @ZodResponse(200, feeOrderLoaded, 'loaded: the version the rows carry')
  @ApiResponse({ status: 422, description: '`problems` with line, column and message; nothing loaded' })
  async loadFeeOrder(@Req() req: Request & { staff: StaffUser }, @Query('source') source: string | undefined) {
    if (!req.is('text/csv') || !Buffer.isBuffer(req.body)) throw new UnsupportedMediaTypeException('send the fee order as text/csv (UTF-8)');
    const from = parseOr400(feeOrderSource, source, 'query source');
    let text: string;
    try {
      text = utf8.decode(req.body);
    } catch {
      throw new UnsupportedMediaTypeException('the file is not UTF-8 text');
    }
    return this.feeOrder.load(text, from, req.staff);
  }

  @Get('fee-order')
  @Roles('payments-officer', 'case-manager', 'team-leader', 'admin')
  @ZodQuery(feeOrderListQuery)
  @ZodResponse(200, feeOrderRows, 'the rows, by item and date')
  async listFeeOrder(@Query('item') item: string | undefined) {
    return { rows: await this.feeOrder.list(item === undefined ? undefined : parseOr400(itemCode, item, 'query item')) };
  }

  @Get('estimates')
  @Roles('team-leader', 'payments-officer', 'admin')
  @ApiOperation({ summary: 'The portfolio: the estimate of every claim you may see of what it will still cost, summed (weekly, medical, other), as at today' })
  @ZodResponse(200, portfolioView, 'the estimates of the claims you may see, summed')
  async portfolio(@Req() req: { staff: StaffUser }) {
    return this.estimates.portfolio(req.staff);
  }

  @Get('claims/:claimId/estimate')
  @Roles('payments-officer', 'case-manager', 'team-leader', 'admin')
  @ClaimScoped('payments', { param: 'claimId' })
  @ApiOperation({ summary: "The claim's estimate of what it will still cost, with the method of each part and its history" })
  @ZodResponse(200, claimEstimateView, 'the estimate now and its history, newest first')
  async estimate(@Param('claimId', new ParseUUIDPipe()) claimId: string) {
    addLogContext({ claimId });
    return { current: await this.estimates.ofClaim(claimId), history: await this.estimates.history(claimId) };
  }
}
