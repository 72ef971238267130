import type { Effect } from '@wc/claim-lifecycle';
import type { ClaimEffectsPort } from './activities';

/**
 * Effects go to the claims service (the system of record) over its internal API, with a service
 * token. A non-2xx answer throws, so Temporal retries the activity; the batch key makes that safe.
 */
export class ClaimsServiceEffects implements ClaimEffectsPort {
  constructor(
    private readonly baseUrl: string,
    private readonly token: () => Promise<string>,
  ) {}

  async record(claimId: string, effects: Effect[], batchKey: string): Promise<void> {
    const res = await fetch(`${this.baseUrl}/internal/claims/${encodeURIComponent(claimId)}/effects`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await this.token()}` },
      body: JSON.stringify({ batchKey, effects }),
      signal: AbortSignal.timeout(15_000),
    });
    if (!res.ok) throw new Error(`claims service answered ${res.status} for claim ${claimId}: ${(await res.text()).slice(0, 300)}`);
  }
}
