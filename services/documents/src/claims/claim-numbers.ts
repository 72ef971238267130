import { ConflictException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { badRequest } from '@wc/service-kit';

/**
 * A document request's claim number is its claim's (as claim.notified gave it; ClaimsDirectory
 * records them): a 400 naming `data.claimNumber` when it is another claim's or a typo, a 409 while
 * the claim's claim.notified has not arrived yet (callers retry a 409).
 */
export async function checkClaimNumber(m: Pick<EntityManager, 'query'>, schema: string, claimId: string, claimNumber: string): Promise<void> {
  const [row] = await m.query(`SELECT claim_number FROM ${schema}.claims WHERE claim_id = $1`, [claimId]);
  if (!row) throw new ConflictException(`claim ${claimId} is not known to the documents service yet (its claim.notified event has not arrived): retry shortly`);
  if (row.claim_number !== claimNumber) throw badRequest('data.claimNumber', `is ${claimNumber}, but claim ${claimId} is ${row.claim_number}`);
}
