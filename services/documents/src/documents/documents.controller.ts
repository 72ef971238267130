import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { ClaimAccess, ClaimData, Roles, isUuid, ServiceAccess, StaffUser, ZodBody, ZodResponse, addLogContext, parseOr400 } from '@wc/service-kit';
import { documentRequestSchema } from '../templates';
import { documentViewSchema } from './documents.responses';
import { DocumentView, DocumentsService, PDF, view } from './documents.service';

/**
 * What a document shows of its claim (issue 14): a remittance advice (what was paid to a provider)
 * and a PIAWE decision (the worker's earnings) are payment data, which payments officers work with;
 * every other notice and letter is about the injury, health information. Reads of either are audited.
 */
const PAYMENT_DOCUMENTS: ReadonlySet<unknown> = new Set(['remittance-advice', 'piawe-decision']);
const dataOf = (kind: unknown): ClaimData => (PAYMENT_DOCUMENTS.has(kind) ? 'payments' : 'health');

const idempotencyKeySchema = z.string().min(8, 'must be at least 8 characters').max(200, 'must be at most 200 characters');

@ApiTags('documents')
@ApiBearerAuth()
@Controller('documents')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly access: ClaimAccess,
  ) {}

  @Post()
  @Roles('case-manager', 'team-leader')
  @ServiceAccess('documents:write')
  @ApiOperation({ summary: 'Render a notice to PDF from its current template and store it (document.created is published)' })
  @ZodBody(documentRequestSchema)
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'at least 8 characters; the same key and request return the same document' })
  @ZodResponse(201, documentViewSchema, 'document created')
  @ZodResponse(200, documentViewSchema, 'this Idempotency-Key already made this document: the same document, nothing new stored')
  @ApiResponse({ status: 400, description: 'invalid request: `problems` names each field' })
  @ApiResponse({ status: 409, description: 'the Idempotency-Key was used for a different request' })
  @HttpCode(201)
  async create(@Body() body: unknown, @Headers('idempotency-key') key: string | undefined, @Req() req: { staff: StaffUser }, @Res({ passthrough: true }) res: Response): Promise<DocumentView> {
    // Before the body is checked: someone who may not write to the claim learns nothing from its validation.
    const claimId = (body as { claimId?: unknown } | null)?.claimId;
    const kind = (body as { kind?: unknown } | null)?.kind;
    if (typeof claimId === 'string' && isUuid(claimId)) await this.access.require(req.staff, claimId, dataOf(kind), { route: 'POST /documents', read: false });
    const request = parseOr400(documentRequestSchema, body);
    const idempotencyKey = parseOr400(idempotencyKeySchema, key, 'header Idempotency-Key');
    addLogContext({ claimId: request.claimId });
    const { document, created } = await this.documents.create(request, idempotencyKey, req.staff);
    if (!created) res.status(200);
    res.setHeader('Location', `/documents/${document.id}`);
    return view(document);
  }

  @Get(':id')
  @ApiOperation({ summary: "A document's metadata: claim, kind, template and version, content hash, size" })
  @ZodResponse(200, documentViewSchema, "the document's metadata")
  @ApiResponse({ status: 404, description: 'no such document' })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @Req() req: { staff: StaffUser }): Promise<DocumentView> {
    const d = await this.documents.get(id);
    addLogContext({ claimId: d.claimId });
    await this.access.require(req.staff, d.claimId, dataOf(d.kind), { route: 'GET /documents/:id', read: true, audited: true });
    return view(d);
  }

  @Get(':id/content')
  @ServiceAccess('documents:read')
  @ApiOperation({ summary: "The document's PDF. Every read is recorded (who, when)" })
  @ApiProduces(PDF)
  @ApiResponse({ status: 200, description: 'the PDF, as stored (its ETag is its content hash)', content: { [PDF]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiResponse({ status: 404, description: 'no such document' })
  async content(@Param('id', new ParseUUIDPipe()) id: string, @Req() req: { staff: StaffUser }, @Res({ passthrough: true }) res: Response) {
    const about = await this.documents.get(id);
    await this.access.require(req.staff, about.claimId, dataOf(about.kind), { route: 'GET /documents/:id/content', read: true, audited: true });
    const d = await this.documents.readContent(id, req.staff);
    addLogContext({ claimId: d.claimId });
    // Health information: never kept by a browser or proxy cache.
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('ETag', `"${d.contentHash}"`);
    return new StreamableFile(d.bytes, { type: d.mediaType, length: d.size, disposition: `inline; filename="${d.kind}-${d.id}.pdf"` });
  }
}
