import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ClaimActionRecordedData, ClaimNotifiedData, TOPICS } from '@wc/contracts';
import { IdempotentConsumer, KafkaClient, isEvent } from '@wc/messaging';
import { JsonLogger, KAFKA, withLogContext, keepStaffing } from '@wc/service-kit';
import { LOGGER, PAYMENTS_CONFIG, PaymentsConfig, SCHEMA } from '../config';
import { ENTITLEMENT_FACT_TYPES, earliestEffect } from '@wc/claim-lifecycle';
import { clocksForAction } from '../payment-clocks/payment-clocks';
import { RemediationService } from '../remediation/remediation.service';
import { InvoicesService } from '../medical/invoices/invoices.service';
import { EstimatesService } from '../medical/estimates/estimates.service';
import { sydneyDate } from '@wc/rules';

const SYSTEM = { user: 'system:claims-consumer', role: 'admin' as const };
/** Treatment requests and their decisions (docs/rules.md §8.1): kept for approvals of payment. */
const TREATMENT: ReadonlySet<string> = new Set(['treatment.requested', 'treatment.approved', 'treatment.declined']);

/**
 * Facts that arrive after the days they are about (issue 15: "a fact that changes the past marks the
 * claim for revaluation from that date"): a certificate for days before it was received, an earnings
 * report for a week gone. Weeks already paid for those days are valued again at once.
 */
const REACHES_BACK: Partial<Record<string, string>> = {
  'certificate.received': 'a certificate for days already valued',
  'earnings.reported': 'earnings for a week already valued',
};

/** Facts that can take away days already valued, and why (docs/rules.md §8.2, §8.3). */
const TAKES_AWAY_DAYS: Partial<Record<string, string>> = {
  's48a.warning-issued': 'an s48A warning: days of its suspension are not payable (s48A(3))',
  's48a.complied': 'compliance with an s48A warning ends its suspension (s48A(4))',
  'weekly.discontinued': 'weekly payments discontinued after the s80 notice period',
  's48a.terminated': 'weekly payments terminated after an s48A suspension (s48A(1)(b))',
};

/**
 * Keeps payments' copy of what it needs about each claim: who and when (claim.notified) and the
 * staff actions that change what is payable (claim.action-recorded). Redelivered events change
 * nothing (the inbox, and the action id as primary key); one claim's events arrive in order
 * because they share a Kafka key.
 */
@Injectable()
export class ClaimsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer?: IdempotentConsumer;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(KAFKA) private readonly kafka: KafkaClient,
    @Inject(PAYMENTS_CONFIG) private readonly config: PaymentsConfig,
    @Inject(LOGGER) private readonly log: JsonLogger,
    private readonly remediation: RemediationService,
    private readonly invoices: InvoicesService,
    private readonly estimates: EstimatesService,
  ) {}

  async onApplicationBootstrap() {
    await this.kafka.ensureTopics([TOPICS.claims]);
    this.consumer = new IdempotentConsumer({
      kafka: this.kafka,
      groupId: this.config.CLAIMS_CONSUMER_GROUP,
      topics: [TOPICS.claims],
      fromBeginning: this.config.CLAIMS_FROM_BEGINNING === 'true',
      sessionTimeoutMs: this.config.KAFKA_SESSION_TIMEOUT_MS,
      dataSource: this.ds,
      schema: SCHEMA,
      logger: this.log,
      handle: async (event, m) => {
        await keepStaffing(m, SCHEMA, event);
        if (isEvent(event, 'claim.notified')) await withLogContext({ claimId: event.data.claimId }, () => this.claimNotified(m, event.data));
        else if (isEvent(event, 'claim.action-recorded')) await withLogContext({ claimId: event.data.claimId }, () => this.actionRecorded(m, event.data));
      },
    });
    await this.consumer.start();
  }

  private async actionRecorded(m: EntityManager, d: ClaimActionRecordedData): Promise<void> {
    if (TREATMENT.has(d.action.type)) return this.treatmentRecorded(m, d);
    if (!ENTITLEMENT_FACT_TYPES.has(d.action.type)) return;
    const known: { paid_by: string }[] = await m.query(`SELECT paid_by FROM payments.claims WHERE claim_id = $1`, [d.claimId]);
    // Cannot happen while claim.notified precedes a claim's actions on its partition; if it does,
    // failing redelivers the event rather than losing a fact a payment depends on.
    if (known.length === 0) throw new Error(`claim.action-recorded for claim ${d.claimId} before its claim.notified`);
    await m.query(`INSERT INTO payments.claim_actions (action_id, claim_id, type, action, outcome, recorded_at) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6) ON CONFLICT DO NOTHING`, [
      d.actionId,
      d.claimId,
      d.action.type,
      JSON.stringify(d.action),
      d.outcome ? JSON.stringify(d.outcome) : null,
      d.recordedAt,
    ]);
    await clocksForAction(m, { claimId: d.claimId, claimNumber: d.claimNumber, paidBy: known[0].paid_by }, d.actionId, d.action);
    this.log.info('payment fact recorded', { action: d.action.type });
    // docs/rules.md §6, §8: suspended days and days from the first day no longer payable are not paid; a
    // week already paid for them is an overpayment, recorded now for a person to decide on.
    const reason = TAKES_AWAY_DAYS[d.action.type];
    if (reason) await this.remediation.remediateClaimNow(m, d.claimId, `${reason} (${d.action.type} of ${d.action.at}, recorded by ${d.by.user})`, SYSTEM);
    // A late fact: its first day is before the day it is dated. What the weeks already paid were
    // worth is worked out again now (a remediation of this claim, which does nothing when no paid week
    // changes), as a final PIAWE's weeks are, instead of waiting for a person to notice.
    const late = REACHES_BACK[d.action.type];
    const from = late ? earliestEffect({ event: d.action, outcome: d.outcome ?? undefined }) : undefined;
    if (late && from && from < sydneyDate(d.action.at)) await this.remediation.remediateClaimNow(m, d.claimId, `${late} (${d.action.type} from ${from}, recorded by ${d.by.user})`, SYSTEM);
    // Medical lines held for want of a liability decision, or by the provisional cap (1998 Act s280),
    // are assessed again once liability is decided (issue 17).
    if (d.action.type === 'liability.accepted' || d.action.type === 'liability.provisional' || d.action.type === 'liability.disputed')
      await this.invoices.reassessHeld(m, d.claimId, 'liability', SYSTEM);
    await this.estimates.recompute(m, d.claimId, d.action.type);
  }

  /**
   * Treatment requests as the claim recorded them (docs/rules.md §8.1): what approvals for payment are
   * given against. The ref is the one the claim gave (outcome.ref) or the event's own.
   */
  private async treatmentRecorded(m: EntityManager, d: ClaimActionRecordedData): Promise<void> {
    const a = d.action;
    const ref = d.outcome?.ref ?? a.ref;
    if (!ref) throw new Error(`${a.type} for claim ${d.claimId} carries no ref (outcome.ref): the claims service records one for every treatment action`);
    const day = sydneyDate(a.at);
    if (a.type === 'treatment.requested') {
      await m.query(`INSERT INTO payments.treatment_requests (claim_id, ref, treatment, provider_name, cost, requested_on) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (claim_id, ref) DO NOTHING`, [
        d.claimId,
        ref,
        a.treatment,
        a.provider,
        a.cost,
        day,
      ]);
    } else if (a.type === 'treatment.approved' || a.type === 'treatment.declined') {
      await m.query(`UPDATE payments.treatment_requests SET decision = $3, decided_on = $4 WHERE claim_id = $1 AND ref = $2`, [
        d.claimId,
        ref,
        a.type === 'treatment.approved' ? 'approved' : 'declined',
        day,
      ]);
    }
    await this.estimates.recompute(m, d.claimId, a.type);
    this.log.info('treatment request recorded', { action: a.type, ref });
  }

  private async claimNotified(m: EntityManager, d: ClaimNotifiedData): Promise<void> {
    const inserted = await m.query(
      `INSERT INTO payments.claims (claim_id, claim_number, worker_name, worker_given_name, worker_family_name, worker_name_order, employer_name, employer_policy_number, date_of_injury, notification_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING RETURNING claim_id`,
      [
        d.claimId,
        d.claimNumber,
        `${d.worker.familyName} ${d.worker.givenName}`,
        d.worker.givenName,
        d.worker.familyName,
        d.worker.nameOrder ?? null,
        d.employer.name,
        d.employer.policyNumber,
        d.dateOfInjury,
        d.notificationDate,
      ],
    );
    if (inserted.length > 0) return;
    const [same] = await m.query(`SELECT claim_id FROM payments.claims WHERE claim_number = $1`, [d.claimNumber]);
    // Two claims with one number means the claims database and this one are out of step (e.g. one
    // restored from a backup). It is logged loudly; the claim's later facts then fail and are retried
    // (holding up their partition) until a person reconciles the two: payments never guesses.
    if (same && same.claim_id !== d.claimId)
      this.log.error('claim.notified for a claim number payments already holds for another claim; ignored', { claimNumber: d.claimNumber, heldBy: same.claim_id });
  }

  async onApplicationShutdown() {
    await this.consumer?.stop();
  }
}
