import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { PermanentDeliveryError, type SendResult } from './email';

/**
 * What an SMS gateway does for us. A real provider (an aggregator's HTTP API) is another
 * implementation of this interface; none is wired in, so production needs one.
 */
export interface SmsProvider {
  send(m: EntityManager, message: { deliveryId: string; claimId: string; to: string; body: string }): Promise<SendResult>;
}

/**
 * The local provider: keeps each message in the service's own table (GET /notifications/sms shows
 * them) and reports it delivered, as a gateway's delivery receipt would. Numbers a gateway would
 * refuse (not an Australian mobile) fail for good.
 */
export class LocalSmsProvider implements SmsProvider {
  constructor(private readonly schema: string) {}

  async send(m: EntityManager, message: { deliveryId: string; claimId: string; to: string; body: string }): Promise<SendResult> {
    const to = message.to.replace(/\s+/g, '');
    if (!/^(04\d{8}|\+614\d{8})$/.test(to)) throw new PermanentDeliveryError(`not an Australian mobile number: ${message.to}`, false);
    const id = randomUUID();
    await m.query(`INSERT INTO ${this.schema}.sms_messages (id, delivery_id, claim_id, "to", body, status) VALUES ($1, $2, $3, $4, $5, 'delivered') ON CONFLICT (delivery_id) DO NOTHING`, [
      id,
      message.deliveryId,
      message.claimId,
      to,
      message.body,
    ]);
    return { status: 'delivered', providerRef: `local-sms:${id}`, detail: 'delivered (local SMS provider)' };
  }
}
