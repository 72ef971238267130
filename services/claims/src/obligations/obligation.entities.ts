import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The claims service's view of each obligation, kept from the workflow's effects: what work queues read. */
@Entity({ name: 'obligations' })
export class ObligationView {
  @PrimaryColumn('uuid', { name: 'claim_id' }) claimId!: string;
  @PrimaryColumn({ name: 'obligation_id' }) obligationId!: string;
  @Column() type!: string;
  @Column({ type: 'text', nullable: true }) ref!: string | null;
  @Column({ name: 'opened_on', type: 'date' }) openedOn!: string;
  @Column({ name: 'due_on', type: 'date' }) dueOn!: string;
  @Column({ name: 'completed_on', type: 'date', nullable: true }) completedOn!: string | null;
  @Column({ name: 'cancelled_on', type: 'date', nullable: true }) cancelledOn!: string | null;
  @Column({ name: 'escalated_on', type: 'date', nullable: true }) escalatedOn!: string | null;
  @Column({ name: 'reminded_on', type: 'date', nullable: true }) remindedOn!: string | null;
  @Column({ name: 'overdue_notified_on', type: 'date', nullable: true }) overdueNotifiedOn!: string | null;
  @Column() rule!: string;
  @Column() source!: string;
}

/** A task in a team leader's queue: an obligation escalated at 09:00; `overdueOn` when told again. */
@Entity({ name: 'escalation_tasks' })
export class EscalationTask {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'claim_id' }) claimId!: string;
  @Column({ name: 'obligation_id' }) obligationId!: string;
  @Column({ type: 'date' }) on!: string;
  @Column({ name: 'overdue_on', type: 'date', nullable: true }) overdueOn!: string | null;
  @Column({ name: 'team_leader', type: 'text', nullable: true }) teamLeader!: string | null;
  @Column({ name: 'resolved_on', type: 'date', nullable: true }) resolvedOn!: string | null;
}

/** A notice the platform requested (docs/rules.md §5), as the workflow decided it. */
@Entity({ name: 'notices' })
export class NoticeRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'claim_id' }) claimId!: string;
  @Column() type!: string;
  @Column({ type: 'date' }) on!: string;
  @Column({ type: 'jsonb' }) to!: string[];
  @Column() cause!: string;
  @Column({ type: 'text', nullable: true }) ref!: string | null;
  /** What the notice states that the platform decided (docs/rules.md §8), e.g. when a discontinuance takes effect. */
  @Column({ type: 'jsonb', nullable: true }) facts!: Record<string, string | number | null> | null;
}

/** Who did what on a claim: every accepted staff action. */
@Entity({ name: 'claim_actions' })
export class ClaimAction {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'claim_id' }) claimId!: string;
  @Column() type!: string;
  @Column({ type: 'jsonb' }) event!: unknown;
  @Column({ name: 'by_user' }) byUser!: string;
  @Column() role!: string;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
  @Column({ name: 'idempotency_key', type: 'text', nullable: true }) idempotencyKey!: string | null;
  /** What the claim decided with it (docs/rules.md §8); null before §8 and for actions that decide nothing more. */
  @Column({ type: 'jsonb', nullable: true }) outcome!: unknown;
}
