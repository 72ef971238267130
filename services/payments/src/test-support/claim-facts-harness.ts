/**
 * What the payments engine tests share: calls to the API as a given person, waiting for what
 * arrives asynchronously, and a claim's facts published on Kafka exactly as the claims service
 * publishes them (claim.notified with who works on the claim, then claim.action-recorded with what
 * the claim decided, and claim.staffing-recorded when its staffing changes).
 */
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { ActionOutcomeData, ClaimEvent, TOPICS } from '@wc/contracts';
import { Publisher, newEnvelope } from '@wc/messaging';
import { Role, mintToken, signingKey } from '@wc/service-kit';

export type Person = [user: string, role: Role];
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ApiAnswer = { status: number; body: any; text: string };

/**
 * Sets an authority limit the way it must be set (issue 14): one administrator proposes it, another
 * approves it. Answers the approval (200 with the change as approved), or the proposal if refused.
 */
export async function setAuthorityLimit(call: ReturnType<typeof apiCaller>, subject: string, maxAmount: string): Promise<ApiAnswer> {
  const proposed = await call(['ada', 'admin'], 'PUT', `/authority-limits/${subject}`, { maxAmount });
  if (proposed.status !== 202) return proposed;
  return call(['abe', 'admin'], 'POST', `/changes/${proposed.body.changeId}/approve`, {});
}

/**
 * Sets an interim PIAWE the way it must be set (issue 14): `maker` determines it and `approver`, a
 * second person who may review it (a team leader, payments officer or reviewer who may see the
 * claim), approves it; only then is it in force. Answers the approval (200, status 'interim').
 */
export async function setInterimPiawe(call: ReturnType<typeof apiCaller>, claimId: string, o: { maker: Person; approver: Person; amount: string; reason: string }): Promise<ApiAnswer> {
  const made = await call(o.maker, 'POST', `/claims/${claimId}/piawe`, { basis: 'interim', amount: o.amount, reason: o.reason });
  if (made.status !== 201) throw new Error(`interim PIAWE not recorded: ${made.status} ${made.text}`);
  const approved = await call(o.approver, 'POST', `/piawe/${made.body.id}/review`, { decision: 'approve', note: 'the estimate checked by a second person' });
  if (approved.status !== 200) throw new Error(`interim PIAWE not approved: ${approved.status} ${approved.text}`);
  return approved;
}

/** Calls the service at `base()` with a development token for each person (minted once). */
export function apiCaller(base: () => string) {
  const tokens = new Map<string, string>();
  const token = async (user: string, role: Role): Promise<string> => {
    const k = `${user}/${role}`;
    if (!tokens.has(k)) tokens.set(k, await mintToken({ user, role }, signingKey(process.env)));
    return tokens.get(k)!;
  };
  return async function call(who: Person, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer> {
    const res = await fetch(`${base()}${path}`, {
      method,
      headers: { authorization: `Bearer ${await token(...who)}`, ...(body === undefined ? {} : { 'content-type': typeof body === 'string' ? 'text/csv' : 'application/json' }), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* a file */
    }
    return { status: res.status, body: parsed, text };
  };
}

export async function eventually<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A staff action, with what the claim decided with it when it decided something (docs/rules.md §8.3). */
export type PublishedAction = ClaimEvent | { event: ClaimEvent; outcome: ActionOutcomeData };

/** Who works on a claim as claim.notified announces it (issue 14: case managers and team leaders reach only their claims). */
export type Assignment = { caseManager: string | null; teamLeader: string | null };

/** A claim as the claims service would publish it; resolves once payments holds every fact. */
export async function publishClaim(publisher: Publisher, db: Client, o: { claimNumber: string; policy: string; doi: string; actions: PublishedAction[]; assignment?: Assignment }): Promise<string> {
  const claimId = randomUUID();
  await publishActions(publisher, db, { claimId, claimNumber: o.claimNumber, actions: o.actions, notified: { policy: o.policy, doi: o.doi, assignment: o.assignment } });
  return claimId;
}

/** claim.staffing-recorded, as the claims service publishes it on every change; resolves once payments holds it. */
export async function publishStaffing(
  publisher: Publisher,
  db: Client,
  o: { claimId: string; claimNumber: string; caseManager: string | null; teamLeader: string | null; reviewers?: string[] },
): Promise<void> {
  const data = { claimId: o.claimId, claimNumber: o.claimNumber, caseManager: o.caseManager, teamLeader: o.teamLeader, reviewers: o.reviewers ?? [], by: 'tess' };
  await publisher.publish(TOPICS.claims, [{ key: o.claimId, value: JSON.stringify(newEnvelope({ type: 'claim.staffing-recorded', source: 'wc-claims/claims', subject: o.claimId, data })) }]);
  await eventually('the staffing in payments', async () => {
    const r = await db.query(`SELECT case_manager, team_leader, reviewers FROM payments.claim_staffing WHERE claim_id = $1`, [o.claimId]);
    const s = r.rows[0];
    return s && s.case_manager === o.caseManager && s.team_leader === o.teamLeader && JSON.stringify(s.reviewers) === JSON.stringify(data.reviewers);
  });
}

/** More actions on a claim payments already knows (or, with `notified`, its notification first). */
export async function publishActions(
  publisher: Publisher,
  db: Client,
  o: { claimId: string; claimNumber: string; actions: PublishedAction[]; notified?: { policy: string; doi: string; assignment?: Assignment } },
): Promise<void> {
  const { claimId, claimNumber } = o;
  const [{ n: before }] = (await db.query(`SELECT count(*)::int AS n FROM payments.claim_actions WHERE claim_id = $1`, [claimId])).rows;
  const envs = [
    ...(o.notified
      ? [
          newEnvelope({
            type: 'claim.notified',
            source: 'wc-claims/claims',
            subject: claimId,
            data: {
              claimId,
              claimNumber,
              worker: { givenName: 'Alex', familyName: 'Nguyen' },
              employer: { name: 'Harbour Freight', policyNumber: o.notified.policy },
              dateOfInjury: o.notified.doi,
              notificationDate: o.notified.doi,
              notificationComplete: true,
              ...(o.notified.assignment ? { assignment: o.notified.assignment } : {}),
            },
          }),
        ]
      : []),
    ...o.actions.map((a) => {
      const { event, outcome } = 'event' in a ? a : { event: a, outcome: undefined };
      const data = { claimId, claimNumber, actionId: randomUUID(), action: event, ...(outcome ? { outcome } : {}), by: { user: 'cara', role: 'case-manager' }, recordedAt: new Date().toISOString() };
      return newEnvelope({ type: 'claim.action-recorded', source: 'wc-claims/claims', subject: claimId, data });
    }),
  ];
  await publisher.publish(
    TOPICS.claims,
    envs.map((e) => ({ key: claimId, value: JSON.stringify(e) })),
  );
  await eventually('the claim and its facts in payments', async () => {
    // The claim itself too (a claim published with no actions): its staffing is kept with it, so the access checks know it.
    const r = await db.query(`SELECT (SELECT count(*)::int FROM payments.claim_actions WHERE claim_id = $1) AS n, EXISTS (SELECT 1 FROM payments.claims WHERE claim_id = $1) AS known`, [claimId]);
    return r.rows[0].n === before + o.actions.length && r.rows[0].known;
  });
}

/**
 * The claim the payments tests work their figures on: injured Mon 2 Feb 2026, provisional liability
 * on 5 Feb, no capacity to Sun 31 May 2026, interim PIAWE $1,000, paid to the worker's account
 * (tax-free threshold claimed). Weeks 1-13 are 95% × 1000 = 950.00 (PAYG 127.00), weeks 14-17 80% ×
 * 1000 = 800.00 (PAYG 87.00): s36(1), s37(1), worked in weekly-payments.engines.test.ts. The claim is
 * assigned to `caseManager` (who records the PIAWE) and to `teamLeader`'s team when one is given.
 * The interim PIAWE is approved by a second person (issue 14): the team leader, else `maker` (a
 * payments officer, who sees every claim).
 */
export async function payableClaim(
  publisher: Publisher,
  db: Client,
  call: ReturnType<typeof apiCaller>,
  o: { claimNumber: string; policy: string; account: { bsb: string; account: string; accountTitle: string }; maker: Person; caseManager: Person; teamLeader?: Person },
): Promise<string> {
  const claimId = await publishClaim(publisher, db, {
    claimNumber: o.claimNumber,
    policy: o.policy,
    doi: '2026-02-02',
    assignment: { caseManager: o.caseManager[0], teamLeader: o.teamLeader?.[0] ?? null },
    actions: [
      { type: 'liability.provisional', at: '2026-02-05' },
      { type: 'certificate.received', at: '2026-02-05', capacity: 'none', from: '2026-02-02', to: '2026-05-31' },
    ] as ClaimEvent[],
  });
  const payee = await call(o.maker, 'PUT', `/claims/${claimId}/payee`, { paidBy: 'insurer', worker: { ...o.account, taxScale: 'tax-free-threshold' } });
  if (payee.status !== 200) throw new Error(`payee not recorded: ${payee.status} ${payee.text}`);
  await setInterimPiawe(call, claimId, { maker: o.caseManager, approver: o.teamLeader ?? o.maker, amount: '1000.00', reason: 'employer estimate' });
  return claimId;
}
