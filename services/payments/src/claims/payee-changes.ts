import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { StaffUser } from '@wc/service-kit';
import { ChangesService } from '../approvals/changes.service';
import type { PendingChange } from '../approvals/changes.responses';
import { payeeChangeNeedsSecondPerson } from '../approvals/dual-control';
import { InvoicesService } from '../medical/invoices/invoices.service';
import { type Payee, payeeSchema } from '@wc/contracts';
import { PaymentClaim, PaymentClaimsService } from './payment-claims.service';

/**
 * Who is paid and into which account (PUT /claims/:claimId/payee): the first account at once, a
 * replaced one only once a second person approves (issue 14; dual-control.ts).
 */
@Injectable()
export class PayeeChanges implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly claims: PaymentClaimsService,
    private readonly changes: ChangesService,
    private readonly invoices: InvoicesService,
  ) {}

  onModuleInit() {
    this.changes.register('payee', async (m, change, approvedBy) => {
      const payee = payeeSchema.parse(change.change);
      await this.claims.get(change.claimId!, m, true);
      await this.claims.recordPayee(m, change.claimId!, payee, change.proposedBy);
      return { afterCommit: () => this.afterRecorded(change.claimId!, payee, approvedBy) };
    });
  }

  async request(claimId: string, payee: Payee, by: StaffUser): Promise<{ claim: PaymentClaim } | { held: PendingChange }> {
    const recorded = await this.ds.transaction(async (m) => {
      const current = await this.claims.get(claimId, m, true);
      return payeeChangeNeedsSecondPerson(current, payee) ? null : { claim: await this.claims.recordPayee(m, claimId, payee, by.user) };
    });
    if (recorded) {
      await this.afterRecorded(claimId, payee, by);
      return recorded;
    }
    const reason = 'the bank account payments go to is replaced, or another party is to be paid';
    return { held: await this.changes.propose({ kind: 'payee', subject: claimId, claimId, change: payee as unknown as Record<string, unknown>, reason }, by) };
  }

  /** The worker's receipts already assessed for payment waited for the worker's account. */
  private async afterRecorded(claimId: string, payee: Payee, by: StaffUser): Promise<void> {
    if (payee.worker) await this.invoices.payPending({ claimId }, by);
  }
}
