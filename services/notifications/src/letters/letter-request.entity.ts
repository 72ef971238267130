import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A letter this service asked the documents service for, because of one event. */
@Entity({ name: 'letter_requests' })
export class LetterRequestEntity {
  /** The event that called for the letter: one letter per event, however often it is delivered. */
  @PrimaryColumn('uuid', { name: 'event_id' }) eventId!: string;
  @Column('uuid', { name: 'claim_id' }) claimId!: string;
  @Column() kind!: string;
  @Column('uuid', { name: 'document_id' }) documentId!: string;
  @Column({ name: 'requested_at', type: 'timestamptz' }) requestedAt!: Date;
}
