import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Notification } from '@wc/contracts';
import type { Classification, Segment } from '@wc/rules';

/** A claim as the system of record keeps it. The lifecycle itself lives in the claim's workflow. */
@Entity({ name: 'claims' })
export class ClaimEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'claim_number', unique: true }) claimNumber!: string;
  @Column({ name: 'idempotency_key', type: 'text', nullable: true, unique: true }) idempotencyKey!: string | null;
  @Column({ name: 'request_hash', type: 'text' }) requestHash!: string;
  @Column({ type: 'jsonb' }) notification!: Notification;
  @Column({ name: 'date_of_injury', type: 'date' }) dateOfInjury!: string;
  @Column({ name: 'notification_date', type: 'date' }) notificationDate!: string;
  @Column({ type: 'text', nullable: true }) classification!: Classification | null;
  @Column({ type: 'text', nullable: true }) segment!: Segment | null;
  @Column({ name: 'triage_reasons', type: 'jsonb', nullable: true }) triageReasons!: { classification: string; segment: string } | null;
  @Column({ name: 'classified_at', type: 'timestamptz', nullable: true }) classifiedAt!: Date | null;
  @Column({ name: 'workflow_id' }) workflowId!: string;
  @Column({ name: 'workflow_started_at', type: 'timestamptz', nullable: true }) workflowStartedAt!: Date | null;
  @Column({ name: 'created_by' }) createdBy!: string;
  /** Who handles the claim and whose queue its escalations go to (program 4.1: case manager, team leader). */
  @Column({ name: 'case_manager', type: 'text', nullable: true }) caseManager!: string | null;
  @Column({ name: 'team_leader', type: 'text', nullable: true }) teamLeader!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** Letters and notices stored for a claim by the documents service (from document.created). */
@Entity({ name: 'claim_documents' })
export class ClaimDocumentEntity {
  @PrimaryColumn('uuid', { name: 'document_id' }) documentId!: string;
  @Column('uuid', { name: 'claim_id' }) claimId!: string;
  @Column() kind!: string;
  @Column() template!: string;
  @Column({ name: 'template_version', type: 'int' }) templateVersion!: number;
  @Column({ type: 'int' }) version!: number;
  @Column({ name: 'content_hash' }) contentHash!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** Every effect the claim's workflow carried out, in order: the audit trail of what the platform did. */
@Entity({ name: 'claim_effects' })
export class ClaimEffectEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'claim_id' }) claimId!: string;
  @Column() kind!: string;
  @Column({ type: 'jsonb' }) effect!: unknown;
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}
