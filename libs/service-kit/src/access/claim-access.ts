import { CanActivate, ExecutionContext, ForbiddenException, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { DataSource, EntityManager } from 'typeorm';
import type { HealthInformationReadData } from '@wc/contracts';
import type { StaffUser } from '../auth';
import { addLogContext } from '../logger';
import { ClaimData, decideClaimAccess, seesAllClaims } from './policy';
import { staffingOf } from './staffing';

/**
 * What a route shows or changes of one claim, and where its claim id is: a path parameter (`id` by
 * default), or the `claim_id` of the row of `lookup.table` (in the service's schema) whose
 * `lookup.key` (default id) is that parameter. A route without this is not about one claim (lists
 * filter their rows with visibleClaimsCondition).
 */
export interface ClaimScope {
  data: ClaimData;
  param?: string;
  lookup?: { table: string; key?: string };
  /** Reads are audited although the data is not health information (PIAWE evidence: issue 14). */
  audited?: boolean;
  /** Where the claim id is when not in the path: a query parameter (e.g. ?claimId=). */
  query?: string;
}
const CLAIM_SCOPE = 'wc:claim-scope';
export const ClaimScoped = (data: ClaimData, where: Omit<ClaimScope, 'data'> = {}) => SetMetadata(CLAIM_SCOPE, { data, ...where } satisfies ClaimScope);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Shaped like a uuid (as z.guid and ParseUUIDPipe take them): what a claim id can be. */
export const isUuid = (s: string) => UUID.test(s);

/** How a service keeps a read of health information: the claims service in its table, the others as an event for it. */
export type HealthReadRecorder = (m: EntityManager, read: HealthInformationReadData) => Promise<void>;

/**
 * Decides, for one request, whether its person may see or change one claim's data (policy.ts), from
 * this service's copy of who works on the claim, and records every read of health information.
 */
export class ClaimAccess {
  constructor(
    private readonly ds: DataSource,
    readonly schema: string,
    private readonly service: string,
    private readonly record: HealthReadRecorder,
  ) {}

  /** Refuses (403 with the reason) or lets through; a read of health information is recorded first. */
  async require(who: StaffUser, claimId: string, data: ClaimData, what: { route: string; read: boolean; audited?: boolean }): Promise<void> {
    addLogContext({ claimId });
    // Some decisions do not depend on who works on the claim (a payments officer, an administrator).
    const staffing = seesAllClaims(who, data) === false ? await staffingOf(this.ds, this.schema, claimId) : { caseManager: null, teamLeader: null, reviewers: [], coveringCaseManagers: [] };
    if (staffing === null) throw new ForbiddenException(`the ${this.service} service does not yet know who works on claim ${claimId}; try again shortly`);
    const decision = decideClaimAccess(who, staffing, data);
    if (!decision.allowed) throw new ForbiddenException(`${who.user} (${who.role}) may not see claim ${claimId} here: ${decision.reason}`);
    if ((data === 'health' || what.audited) && what.read && who.role !== 'service') {
      const read: HealthInformationReadData = { claimId, user: who.user, role: who.role, basis: decision.basis, service: this.service, what: what.route, at: new Date().toISOString() };
      // Recorded before the answer is sent: an unrecorded read of health information is never shown.
      await this.ds.transaction((m) => this.record(m, read));
    }
  }
}

type Req = { method: string; params?: Record<string, string>; query?: Record<string, unknown>; route?: { path?: string }; staff?: StaffUser };

/** Applies each route's ClaimScoped (after StaffAuthGuard has said who is asking). */
export class ClaimAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: ClaimAccess | undefined,
    private readonly ds: DataSource | undefined,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const scope = this.reflector.getAllAndOverride<ClaimScope | undefined>(CLAIM_SCOPE, [ctx.getHandler(), ctx.getClass()]);
    if (!scope) return true;
    const req = ctx.switchToHttp().getRequest<Req>();
    if (!req.staff) return true; // a public route
    if (!this.access || !this.ds) throw new Error('a route is ClaimScoped but the service has no ClaimAccess');
    const given = scope.query ? req.query?.[scope.query] : req.params?.[scope.param ?? 'id'];
    // Not an id (the route's own validation answers 400), no resource (404), or a list not narrowed
    // to one claim (which filters its rows with visibleClaimsCondition): nothing to decide here.
    if (typeof given !== 'string' || !isUuid(given)) return true;
    let claimId = given;
    if (scope.lookup) {
      const rows: { claim_id: string }[] = await this.ds.query(`SELECT claim_id FROM "${this.access.schema}".${scope.lookup.table} WHERE ${scope.lookup.key ?? 'id'} = $1`, [given]);
      // No such row (the handler answers 404), or a row about no claim (an authority limit's change).
      if (!rows.length || !rows[0].claim_id) return true;
      claimId = rows[0].claim_id;
    }
    await this.access.require(req.staff, claimId, scope.data, { route: `${req.method} ${req.route?.path ?? ''}`, read: req.method === 'GET', audited: scope.audited });
    return true;
  }
}
