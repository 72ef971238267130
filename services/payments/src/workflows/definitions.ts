/**
 * What the payments service runs on Temporal (issue 15): its long jobs as workflows, durable and
 * resumable after a crash and visible in the Web UI, on the service's own task queue. This file is
 * shared by the workflow code (bundled, deterministic) and the service, so it holds names and
 * types only.
 */

/** The activities the workflows call; the service implements them (activities.ts). */
export interface PaymentActivities {
  /** Builds a payment run's ABA file and completes the run (a pure function of its payments, so a retry builds it again). */
  buildRunFile(runId: string): Promise<void>;
  /**
   * Works a remediation's next batches for a while (each batch one transaction with its cursor) and
   * says whether it is complete; a slice cut short by a crash is worked again from the cursor.
   */
  remediateSlice(remediationId: string): Promise<{ complete: boolean; claimsDone: number }>;
  /** The weekly cycle's first step: every claim's weekly payments due through today (Sydney), generated for authorisation. */
  generateWeeklyPayments(): Promise<{ through: string; claims: number; payments: number }>;
  /** A payment run of every authorised payment waiting, made once per processing date (its workflow started as for a run staff start); null when none waits. */
  startScheduledRun(): Promise<{ runId: string | null; processingDate: string }>;
}

export const WORKFLOW_TYPES = {
  paymentRun: 'paymentRunWorkflow',
  remediation: 'remediationWorkflow',
  weeklyPayments: 'weeklyPaymentsWorkflow',
  scheduledPaymentRun: 'scheduledPaymentRunWorkflow',
} as const;

/** One workflow per run and per remediation: starting it again (a restart, a second replica) finds the one running. */
export const paymentRunWorkflowId = (runId: string) => `payment-run-${runId}`;
export const remediationWorkflowId = (remediationId: string) => `remediation-${remediationId}`;

/** Who the schedules' work is recorded as made by: the maker of the payments they generate (so any officer may authorise them), the starter of their runs. */
export const SCHEDULE_USER = { user: 'schedule', role: 'service' } as const;

/** Slices of a remediation in one run of its workflow before it continues as new (its history stays bounded). */
export const REMEDIATION_SLICES_PER_RUN = 100;
