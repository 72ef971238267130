import { randomUUID } from 'node:crypto';
import { Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JsonLogger, StaffUser, withLogContext } from '@wc/service-kit';
import { LOGGER } from '../../config';
import { PaymentClaimsService } from '../../claims/payment-claims.service';
import { ProvidersService } from '../providers/providers.service';
import { InvoicesService } from '../invoices/invoices.service';
import type { ApprovalInput } from './approvals';
import { EstimatesService } from '../estimates/estimates.service';
import type { TreatmentRequestView } from '../medical.responses';

const refuse = (field: string, problem: string) =>
  new UnprocessableEntityException({ statusCode: 422, error: 'Unprocessable Entity', message: 'approval refused; nothing recorded', problems: [{ field, problem }] });

/**
 * Approvals of treatment for a claim: an approved treatment request (docs/rules.md §8.1, as the claim
 * recorded it) becomes what invoice lines are checked against (docs/medical-assessment.md check 7). Lines held for
 * want of an approval are assessed again as soon as one is given.
 */
@Injectable()
export class ApprovalsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly claims: PaymentClaimsService,
    private readonly providers: ProvidersService,
    private readonly invoices: InvoicesService,
    private readonly estimates: EstimatesService,
    @Inject(LOGGER) private readonly log: JsonLogger,
  ) {}

  async create(claimId: string, a: ApprovalInput, by: StaffUser) {
    return withLogContext({ claimId }, () =>
      this.ds.transaction(async (m) => {
        await this.claims.get(claimId, m, true);
        await this.providers.get(a.providerId, m);
        const [request] = await m.query(`SELECT ref, decision, requested_on::text AS requested_on FROM payments.treatment_requests WHERE claim_id = $1 AND ref = $2`, [claimId, a.treatmentRef]);
        if (!request) throw refuse('treatmentRef', `no treatment request ${JSON.stringify(a.treatmentRef)} is recorded on the claim (treatment.requested on the claim's actions)`);
        if (request.decision !== 'approved')
          throw refuse(
            'treatmentRef',
            `treatment request ${JSON.stringify(a.treatmentRef)} is ${request.decision ?? 'not decided yet'}: only an approved request can be approved for payment (rules.md §8.1)`,
          );
        const known: { item: string }[] = await m.query(`SELECT DISTINCT item FROM payments.fee_order WHERE item = ANY($1)`, [a.items]);
        const missing = a.items.filter((i) => !known.some((k) => k.item === i));
        if (missing.length) throw refuse('items', `not in the fee order: ${missing.join(', ')}`);
        const id = randomUUID();
        await m.query(`INSERT INTO payments.medical_approvals (id, claim_id, treatment_ref, provider_id, items, units, "from", "to", created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [
          id,
          claimId,
          a.treatmentRef,
          a.providerId,
          a.items,
          a.units,
          a.from,
          a.to,
          by.user,
        ]);
        const again = await this.invoices.reassessHeld(m, claimId, 'approval', by);
        await this.estimates.recompute(m, claimId, `treatment ${a.treatmentRef} approved for payment`);
        this.log.info('treatment approved for payment', { approvalId: id, treatmentRef: a.treatmentRef, units: a.units, heldLinesAssessedAgain: again, by: by.user });
        return { id, claimId, ...a, createdBy: by.user, heldLinesAssessedAgain: again };
      }),
    );
  }

  async ofClaim(claimId: string) {
    await this.claims.get(claimId);
    return this.ds.query(
      `SELECT a.id, a.treatment_ref AS "treatmentRef", a.provider_id AS "providerId", p.name AS "providerName", a.items, a.units, a."from"::text AS "from", a."to"::text AS "to", a.created_by AS "createdBy", a.created_at AS "createdAt",
              coalesce((SELECT sum(l.units) FROM payments.medical_invoice_lines l WHERE l.approval_id = a.id AND l.status IN ('pay', 'reduce')), 0)::int AS "unitsUsed"
       FROM payments.medical_approvals a JOIN payments.providers p ON p.id = a.provider_id WHERE a.claim_id = $1 ORDER BY a.created_at, a.id`,
      [claimId],
    );
  }

  async treatmentRequests(claimId: string): Promise<TreatmentRequestView[]> {
    return this.ds.query(
      `SELECT ref, treatment, provider_name AS provider, cost::text AS cost, requested_on::text AS "requestedOn", decision, decided_on::text AS "decidedOn" FROM payments.treatment_requests WHERE claim_id = $1 ORDER BY requested_on, ref`,
      [claimId],
    );
  }
}
