/**
 * The payments service's workflows (issue 15). Deterministic: they only call activities, wait and
 * continue as new; everything they decide on is read by an activity. Keep changes versioned
 * (patched) once a workflow type has runs in production: a remediation or run in flight replays
 * this code.
 */
import { continueAsNew, proxyActivities } from '@temporalio/workflow';
import { PaymentActivities, REMEDIATION_SLICES_PER_RUN } from './definitions';

// A crashed process stops heartbeating: its attempt is given up after heartbeatTimeout and retried
// on a live replica (or this one, restarted), from the state the database holds.
const { buildRunFile, remediateSlice } = proxyActivities<PaymentActivities>({
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});
const { generateWeeklyPayments, startScheduledRun } = proxyActivities<PaymentActivities>({
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 10 },
});

/** A payment run, from its payments taken (by the service, in the request) to its bank file and release. */
export async function paymentRunWorkflow(runId: string): Promise<void> {
  await buildRunFile(runId);
}

/** A remediation over the book (or named claims), slice by slice, until its cursor has passed every claim. */
export async function remediationWorkflow(remediationId: string): Promise<void> {
  for (let i = 0; i < REMEDIATION_SLICES_PER_RUN; i++) {
    const { complete } = await remediateSlice(remediationId);
    if (complete) return;
  }
  await continueAsNew<typeof remediationWorkflow>(remediationId);
}

/** Started by the weekly-payments schedule: the week's payments generated, to be authorised by staff. */
export async function weeklyPaymentsWorkflow(): Promise<{ through: string; claims: number; payments: number }> {
  return generateWeeklyPayments();
}

/**
 * Started by the payment-run schedule: every authorised payment waiting goes into a run, made the way
 * a run staff start is made (its own paymentRunWorkflow builds the file).
 */
export async function scheduledPaymentRunWorkflow(): Promise<{ runId: string | null; processingDate: string }> {
  return startScheduledRun();
}
