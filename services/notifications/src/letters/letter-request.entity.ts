import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A letter this service asked the documents service for, because of one event. */
@Entity({ name: 'letter_requests' })
export class LetterRequestEntity {
  /** The event that called for the letter: one letter per event, however often it is delivered. */
  @PrimaryColumn('uuid', { name: 'event_id' }) eventId!: string;
  @Column('uuid', { name: 'claim_id' }) claimId!: string;
  @Column() kind!: string;
  /** null when the documents service refused the request for good (see `failure`). */
  @Column('uuid', { name: 'document_id', nullable: true }) documentId!: string | null;
  @Column({ type: 'text', nullable: true }) failure!: string | null;
  @Column({ name: 'requested_at', type: 'timestamptz' }) requestedAt!: Date;
}
