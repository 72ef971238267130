import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ScheduleProblem } from './schedule-input';

/**
 * A wage reimbursement schedule as received from an employer's payroll. Money columns are
 * numeric(…,2), read back as strings by the pg driver: amounts never pass through a float.
 */
@Entity({ name: 'wage_reimbursement_schedules' })
export class WageScheduleEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'idempotency_key', type: 'text', nullable: true, unique: true }) idempotencyKey!: string | null;
  @Column({ name: 'request_hash', type: 'text' }) requestHash!: string;
  @Column({ name: 'employer_policy_number', type: 'text' }) employerPolicyNumber!: string;
  @Column({ type: 'text' }) format!: 'csv' | 'json';
  @Column({ type: 'boolean' }) partial!: boolean;
  @Column({ name: 'line_count', type: 'int' }) lineCount!: number;
  @Column({ name: 'claim_count', type: 'int' }) claimCount!: number;
  @Column({ name: 'gross_earnings', type: 'numeric', precision: 18, scale: 2 }) grossEarnings!: string;
  @Column({ name: 'compensation_paid', type: 'numeric', precision: 18, scale: 2 }) compensationPaid!: string;
  @Column({ name: 'payg_withheld', type: 'numeric', precision: 18, scale: 2 }) paygWithheld!: string;
  /** Partial imports: the problems of the lines that were left out. */
  @Column({ name: 'rejected_problems', type: 'jsonb' }) rejectedProblems!: ScheduleProblem[];
  @Column({ name: 'received_by', type: 'text' }) receivedBy!: string;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
}

/** One worker's pay period. `line_number`: the file line (CSV) or the position in `lines` (JSON). */
@Entity({ name: 'wage_reimbursement_schedule_lines' })
export class WageScheduleLineEntity {
  @PrimaryColumn('uuid', { name: 'schedule_id' }) scheduleId!: string;
  @PrimaryColumn('int', { name: 'line_number' }) lineNumber!: number;
  @Column({ name: 'claim_number', type: 'text' }) claimNumber!: string;
  @Column({ name: 'period_start', type: 'date' }) periodStart!: string;
  @Column({ name: 'period_end', type: 'date' }) periodEnd!: string;
  @Column({ name: 'hours_worked', type: 'numeric' }) hoursWorked!: string;
  @Column({ name: 'gross_earnings', type: 'numeric', precision: 12, scale: 2 }) grossEarnings!: string;
  @Column({ name: 'compensation_paid', type: 'numeric', precision: 12, scale: 2 }) compensationPaid!: string;
  @Column({ name: 'payg_withheld', type: 'numeric', precision: 12, scale: 2 }) paygWithheld!: string;
}
