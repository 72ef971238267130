import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A rendered notice as issued: its bytes, their hash, and the template (and version) it came from. */
@Entity({ name: 'documents' })
export class DocumentEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'claim_id' }) claimId!: string;
  @Column() kind!: string;
  @Column() template!: string;
  @Column({ name: 'template_version', type: 'int' }) templateVersion!: number;
  /** 1 for a new document; a re-issued notice (a later issue) gets the next version. */
  @Column({ type: 'int' }) version!: number;
  /** `sha256:<hex>` of `bytes`. */
  @Column({ name: 'content_hash' }) contentHash!: string;
  @Column({ name: 'media_type' }) mediaType!: string;
  /** Not loaded unless asked for (addSelect): metadata reads never pull the PDF. */
  @Column({ type: 'bytea', select: false }) bytes!: Buffer;
  @Column({ type: 'int' }) size!: number;
  /** The interpreter-services paragraph it opens with, if any (program 4.3). */
  @Column({ name: 'language_assistance', type: 'jsonb', nullable: true }) languageAssistance!: { language: string; translated: boolean; version: number } | null;
  /** Why a team leader dated this letter other than the day it was written (null: dated that day). */
  @Column({ name: 'dated_reason', type: 'text', nullable: true }) datedReason!: string | null;
  @Column({ name: 'idempotency_key', unique: true }) idempotencyKey!: string;
  /** sha256 of the request that made it: the same key with another request is refused (409). */
  @Column({ name: 'request_hash' }) requestHash!: string;
  @Column({ name: 'created_by' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** Who read a document's content, and when (SIRA audits access to health information). */
@Entity({ name: 'document_reads' })
export class DocumentReadEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column('uuid', { name: 'document_id' }) documentId!: string;
  @Column() user!: string;
  @Column() role!: string;
  @Column({ name: 'read_at', type: 'timestamptz' }) readAt!: Date;
}
