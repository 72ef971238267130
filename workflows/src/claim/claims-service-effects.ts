import type { Effect } from '@wc/claim-lifecycle';
import { type ClaimEffectsPort, EffectsRefusedError, type IncidentsPort } from './activities';
import type { EffectsIncident } from './definitions';

/**
 * Answers no retry can change (issue 14: an activity that can never succeed stops retrying and
 * raises a task): the batch or the credential is wrong, the claim is unknown, the batch too large.
 * Anything else (5xx, 408, 429, no answer) is retried by Temporal.
 */
export const REFUSALS = new Set([400, 401, 403, 404, 413, 422]);

/**
 * Effects go to the claims service (the system of record) over its internal API, with a service
 * token. A refusal (REFUSALS) throws EffectsRefusedError; any other non-2xx answer throws, so
 * Temporal retries the activity; the batch key makes that safe.
 */
export class ClaimsServiceEffects implements ClaimEffectsPort {
  constructor(
    private readonly baseUrl: string,
    private readonly token: () => Promise<string>,
  ) {}

  async record(claimId: string, effects: Effect[], batchKey: string): Promise<void> {
    await post(this.baseUrl, `/internal/claims/${encodeURIComponent(claimId)}/effects`, await this.token(), { batchKey, effects }, claimId);
  }
}

/** Incidents go to the claims service's list for operators (GET /admin/incidents), recorded once per key. */
export class ClaimsServiceIncidents implements IncidentsPort {
  constructor(
    private readonly baseUrl: string,
    private readonly token: () => Promise<string>,
  ) {}

  async raise(incident: EffectsIncident): Promise<void> {
    const { claimId, ...body } = incident;
    await post(this.baseUrl, `/internal/claims/${encodeURIComponent(claimId)}/incidents`, await this.token(), body, claimId);
  }
}

async function post(baseUrl: string, path: string, token: string, body: unknown, claimId: string): Promise<void> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  if (res.ok) return;
  const message = `claims service answered ${res.status} to ${path.split('/').pop()} for claim ${claimId}: ${(await res.text()).slice(0, 300)}`;
  throw REFUSALS.has(res.status) ? new EffectsRefusedError(res.status, message) : new Error(message);
}
