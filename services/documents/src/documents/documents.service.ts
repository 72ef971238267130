import { createHash, randomUUID } from 'node:crypto';
import { BadRequestException, ConflictException, ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { sydneyAt } from '@wc/rules';
import { checkClaimNumber } from '../claims/claim-numbers';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DocumentCreatedData, TOPICS } from '@wc/contracts';
import { enqueue, newEnvelope } from '@wc/messaging';
import { badRequest, canonicalHash, JsonLogger, LOGGER, StaffUser, withLogContext } from '@wc/service-kit';
import { DOCUMENTS_CONFIG, DocumentsConfig } from '../config';
import { DocumentRequest, LANGUAGE_ASSISTANCE_VERSION, type Letter, NoticeTemplate, currentTemplate, languageAssistanceBlocks, renderLetter } from '../templates';
import { describe, unprintable } from '../templates/fonts';
import { type Insurer } from '../templates/letterhead';
import { DocumentEntity, DocumentReadEntity } from './document.entity';

/** The service module's logger (service-kit), under the name this service's code imports. */
export { LOGGER };
export const PDF = 'application/pdf';

export const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/**
 * Where in the request a string holds a character no font of the letters has (NUL and other control
 * characters among them), in parseOr400's shape for a 400; empty when every string prints.
 */
export function unprintableFields(value: unknown, path = ''): Array<{ field: string; problem: string }> {
  if (typeof value === 'string') {
    const ch = unprintable(value);
    return ch === null ? [] : [{ field: path || 'body', problem: `contains ${describe(ch)}, which the letters' fonts cannot print` }];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => unprintableFields(v, `${path}.${i}`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => unprintableFields(v, path ? `${path}.${k}` : k));
  return [];
}

/** A request's letter, composed from its kind's current template and the configured insurer (nothing drawn yet). */
export function composeDocument(request: DocumentRequest, insurer: Insurer): { template: NoticeTemplate; letter: Letter; languageAssistance: DocumentEntity['languageAssistance'] } {
  const problems = unprintableFields(request);
  if (problems.length > 0) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'invalid request body', problems });
  const template = currentTemplate(request.kind) as NoticeTemplate;
  const letter = template.compose(request.data, insurer);
  let languageAssistance: DocumentEntity['languageAssistance'] = null;
  if (request.languageAssistance) {
    // The interpreter paragraph goes first: a reader who needs it should not have to find it.
    const { blocks, translated } = languageAssistanceBlocks(request.languageAssistance, insurer);
    letter.body = [...blocks, ...letter.body];
    languageAssistance = { language: request.languageAssistance.language, translated, version: LANGUAGE_ASSISTANCE_VERSION };
  }
  return { template, letter, languageAssistance };
}

/**
 * Renders a request's notice with its kind's current template, from the configured insurer.
 * Deterministic: equal requests, equal bytes. A character the fonts cannot print is a 400 naming
 * its field, found before anything is drawn: a name is printed as given or not at all.
 */
export async function renderDocument(request: DocumentRequest, insurer: Insurer): Promise<{ template: NoticeTemplate; bytes: Buffer; languageAssistance: DocumentEntity['languageAssistance'] }> {
  const { template, letter, languageAssistance } = composeDocument(request, insurer);
  const bytes = await renderLetter(template, letter, { insurer });
  return { template, bytes, languageAssistance };
}

/**
 * A letter is dated the day it is written, in Sydney: an earlier date (the notice's `issuedOn`)
 * only from a team leader who says why (`dated.reason`, stored with the document); a later one
 * never. Services, which write letters as they happen, always date them today.
 */
export function datingRefusal(issuedOn: string, today: string, dated: { reason: string } | undefined, by: StaffUser): BadRequestException | ForbiddenException | null {
  if (issuedOn === today) return dated ? badRequest('dated', `is only for a letter not dated today; this one is dated ${issuedOn}, today`) : null;
  // A letter dated ahead would tell its reader of time they do not yet have (a notice period, a date to reply by).
  if (issuedOn > today) return badRequest('data.issuedOn', `is ${issuedOn}, after today (${today} in Sydney): a letter is never dated ahead`);
  if (!dated) return badRequest('data.issuedOn', `is ${issuedOn}, but a letter is dated the day it is written (${today} in Sydney); a team leader may date it otherwise by giving dated.reason`);
  if (by.role !== 'team-leader') return new ForbiddenException(`only a team leader may date a letter other than today (${today}); ${by.user} is a ${by.role}`);
  return null;
}

export interface DocumentView {
  id: string;
  claimId: string;
  kind: string;
  template: string;
  templateVersion: number;
  version: number;
  contentHash: string;
  mediaType: string;
  size: number;
  languageAssistance: { language: string; translated: boolean; version: number } | null;
  /** Why the letter is dated other than the day it was written (a team leader's), or null. */
  datedReason: string | null;
  createdBy: string;
  createdAt: string;
  content: string;
}

export const view = (d: DocumentEntity): DocumentView => ({
  id: d.id,
  claimId: d.claimId,
  kind: d.kind,
  template: d.template,
  templateVersion: d.templateVersion,
  version: d.version,
  contentHash: d.contentHash,
  mediaType: d.mediaType,
  size: d.size,
  languageAssistance: d.languageAssistance ?? null,
  datedReason: d.datedReason ?? null,
  createdBy: d.createdBy,
  createdAt: d.createdAt.toISOString(),
  content: `/documents/${d.id}/content`,
});

@Injectable()
export class DocumentsService {
  private readonly schema: string;
  private readonly insurer: Insurer;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(DOCUMENTS_CONFIG) config: DocumentsConfig,
    @Inject(LOGGER) private readonly log: JsonLogger,
  ) {
    this.schema = config.DB_SCHEMA;
    this.insurer = config.insurer;
  }

  /**
   * Renders and stores a notice, and enqueues document.created in the same transaction (outbox).
   * The same Idempotency-Key with the same request returns the stored document and changes nothing;
   * with a different request it is refused (409).
   */
  async create(request: DocumentRequest, idempotencyKey: string, by: StaffUser): Promise<{ document: DocumentEntity; created: boolean }> {
    // Key order must not change the hash: the same request sent twice is the same request.
    const requestHash = canonicalHash(request);
    const repo = this.ds.getRepository(DocumentEntity);
    const existing = await repo.findOneBy({ idempotencyKey });
    if (existing) return { document: this.sameRequest(existing, requestHash), created: false };

    await checkClaimNumber(this.ds, this.schema, request.claimId, (request.data as { claimNumber: string }).claimNumber);
    const { template, letter, languageAssistance } = composeDocument(request, this.insurer);
    const refusal = datingRefusal(letter.issuedOn, sydneyAt(Date.now()).date, request.dated, by);
    if (refusal) throw refusal;
    const bytes = await renderLetter(template, letter, { insurer: this.insurer });
    let document: DocumentEntity;
    try {
      document = await this.ds.transaction(async (m) => {
        const row = m.getRepository(DocumentEntity).create({
          id: randomUUID(),
          claimId: request.claimId,
          kind: request.kind,
          template: template.name,
          templateVersion: template.version,
          version: 1,
          contentHash: `sha256:${sha256(bytes)}`,
          mediaType: PDF,
          bytes,
          size: bytes.length,
          languageAssistance,
          datedReason: request.dated?.reason ?? null,
          idempotencyKey,
          requestHash,
          createdBy: by.user,
          createdAt: new Date(),
        });
        await m.getRepository(DocumentEntity).insert(row);
        const data: DocumentCreatedData = {
          documentId: row.id,
          claimId: row.claimId,
          kind: row.kind,
          template: row.template,
          templateVersion: row.templateVersion,
          version: row.version,
          contentHash: row.contentHash,
          mediaType: PDF,
          bytes: row.size,
        };
        await enqueue(m, this.schema, TOPICS.documents, newEnvelope({ type: 'document.created', source: 'wc-documents/documents', subject: row.claimId, data, time: row.createdAt }));
        return row;
      });
    } catch (e) {
      // Two requests with the same key at once: the loser returns the winner's document.
      if ((e as { code?: string }).code === '23505') {
        const winner = await repo.findOneBy({ idempotencyKey });
        if (winner) return { document: this.sameRequest(winner, requestHash), created: false };
      }
      throw e;
    }
    withLogContext({ claimId: document.claimId }, () =>
      this.log.info('document created', {
        documentId: document.id,
        kind: document.kind,
        ...(document.datedReason ? { datedOtherwise: document.datedReason, by: document.createdBy } : {}),
        template: document.template,
        templateVersion: document.templateVersion,
        contentHash: document.contentHash,
        size: document.size,
      }),
    );
    return { document, created: true };
  }

  private sameRequest(existing: DocumentEntity, requestHash: string): DocumentEntity {
    if (existing.requestHash !== requestHash) throw new ConflictException('this Idempotency-Key was already used for a different document request');
    return existing;
  }

  async get(id: string): Promise<DocumentEntity> {
    const d = await this.ds.getRepository(DocumentEntity).findOneBy({ id });
    if (!d) throw new NotFoundException(`no document ${id}`);
    return d;
  }

  /** The bytes, after recording who read them: no read goes unrecorded (the record commits first). */
  async readContent(id: string, by: StaffUser): Promise<DocumentEntity> {
    return this.ds.transaction(async (m) => {
      const d = await m.getRepository(DocumentEntity).createQueryBuilder('d').addSelect('d.bytes').where('d.id = :id', { id }).getOne();
      if (!d) throw new NotFoundException(`no document ${id}`);
      await m.getRepository(DocumentReadEntity).insert({ documentId: id, user: by.user, role: by.role, readAt: new Date() });
      withLogContext({ claimId: d.claimId }, () => this.log.info('document content read', { documentId: id, reader: by.user, role: by.role }));
      return d;
    });
  }
}
