import { randomUUID } from 'node:crypto';
import { Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ClaimPartiesRecordedData, Consent, ConsentInput, PartyInput, PartyRemoval, RecordedParty, RemovedParty, TOPICS } from '@wc/contracts';
import { enqueue, newEnvelope } from '@wc/messaging';
import { sydneyAt } from '@wc/rules';
import { JsonLogger, StaffUser, withLogContext } from '@wc/service-kit';
import { ClaimEntity } from '../claims/claim.entity';
import { LOGGER } from '../claims/claims.service';
import { SCHEMA } from '../config';
import type { PartiesView } from './parties.responses';

interface Row {
  version: number;
  parties: RecordedParty[];
  consents: Consent[];
  removed: RemovedParty[];
}

/** Roles a claim has exactly one of: the notices are addressed by them. */
const SINGLE: ReadonlySet<string> = new Set(['worker']);

@Injectable()
export class PartiesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(LOGGER) private readonly log: JsonLogger,
  ) {}

  async view(claimId: string): Promise<PartiesView> {
    const claim = await this.ds.getRepository(ClaimEntity).findOneBy({ id: claimId });
    if (!claim) throw new NotFoundException(`no claim ${claimId}`);
    const rows: Row[] = await this.ds.query(`SELECT version, parties, consents, removed FROM ${SCHEMA}.claim_parties WHERE claim_id = $1`, [claimId]);
    const row = rows[0] ?? { version: 0, parties: [], consents: [], removed: [] };
    return { claimId, version: row.version, parties: row.parties, consents: row.consents, removed: row.removed };
  }

  /** Adds a party (partyId absent) or replaces one; the whole address book is published. */
  async saveParty(claimId: string, input: PartyInput, by: StaffUser, partyId?: string): Promise<{ party: RecordedParty; version: number }> {
    const { result: party, version } = await withLogContext({ claimId }, () =>
      this.change(claimId, by, (row) => {
        if (partyId !== undefined && !row.parties.some((p) => p.partyId === partyId)) throw new NotFoundException(`no party ${partyId} on claim ${claimId}`);
        const clash = row.parties.find((p) => p.partyId !== partyId && SINGLE.has(input.role) && p.role === input.role);
        if (clash)
          throw new UnprocessableEntityException({
            message: `the claim already has a ${input.role} (party ${clash.partyId}); change that party instead`,
            problems: [{ field: 'role', problem: `a claim has one ${input.role}` }],
          });
        const before = row.parties.find((p) => p.partyId === partyId);
        if (before?.role === 'worker' && input.role !== 'worker')
          throw new UnprocessableEntityException({ message: 'the worker cannot become another role', problems: [{ field: 'role', problem: 'must stay worker' }] });
        const party: RecordedParty = { ...input, partyId: partyId ?? randomUUID() };
        const parties = partyId === undefined ? [...row.parties, party] : row.parties.map((p) => (p.partyId === partyId ? party : p));
        this.log.info(partyId ? 'party changed' : 'party recorded', { partyId: party.partyId, role: party.role, channels: party.channels });
        return { row: { ...row, parties }, result: party };
      }),
    );
    return { party, version };
  }

  /**
   * Records the worker's consent for one party (or its withdrawal). Program s11: personal and health
   * information is shared with a party only after the worker's written consent, so a consent names
   * its evidence, and consent for the worker to see their own information is not a thing.
   */
  async recordConsent(claimId: string, input: ConsentInput, by: StaffUser): Promise<{ consent: Consent; version: number }> {
    const { result: consent, version } = await withLogContext({ claimId }, () =>
      this.change(claimId, by, (row) => {
        const party = row.parties.find((p) => p.partyId === input.partyId);
        if (!party) throw new UnprocessableEntityException({ message: `no party ${input.partyId} on this claim`, problems: [{ field: 'partyId', problem: 'is not a party of this claim' }] });
        if (party.role === 'worker')
          throw new UnprocessableEntityException({ message: 'the worker does not need consent to receive their own information', problems: [{ field: 'partyId', problem: 'is the worker' }] });
        const consent: Consent = { ...input, recordedBy: by.user };
        // One consent per party and scope: a later record (e.g. a withdrawal) replaces it.
        const consents = [...row.consents.filter((c) => !(c.partyId === input.partyId && c.scope === input.scope)), consent];
        this.log.info(input.withdrawnOn ? 'consent withdrawn' : 'consent recorded', { partyId: input.partyId, givenOn: input.givenOn, withdrawnOn: input.withdrawnOn ?? null });
        return { row: { ...row, consents }, result: consent };
      }),
    );
    return { consent, version };
  }

  /**
   * Takes a party off the claim. Its consents go with it, the snapshot published without it, so
   * notices not yet sent to it are refused by notifications ("no longer recorded on the claim").
   * The worker stays: every notice is about them, and a wrong worker is a wrong claim.
   */
  async removeParty(claimId: string, partyId: string, input: PartyRemoval, by: StaffUser): Promise<{ removed: RemovedParty; version: number }> {
    const { result: removed, version } = await withLogContext({ claimId }, () =>
      this.change(claimId, by, (row) => {
        const party = row.parties.find((p) => p.partyId === partyId);
        if (!party) throw new NotFoundException(`no party ${partyId} on claim ${claimId}`);
        if (party.role === 'worker')
          throw new UnprocessableEntityException({ message: 'the worker cannot be taken off the claim; change their details instead', problems: [{ field: 'partyId', problem: 'is the worker' }] });
        const removed: RemovedParty = { party, consents: row.consents.filter((c) => c.partyId === partyId), removedOn: sydneyAt(Date.now()).date, removedBy: by.user, reason: input.reason };
        this.log.info('party removed', { partyId, role: party.role, reason: input.reason });
        return {
          row: { ...row, parties: row.parties.filter((p) => p.partyId !== partyId), consents: row.consents.filter((c) => c.partyId !== partyId), removed: [...row.removed, removed] },
          result: removed,
        };
      }),
    );
    return { removed, version };
  }

  /** Publishes the address book again (e.g. the claim was assigned to someone else); inside the caller's transaction. */
  async republish(m: EntityManager, claim: ClaimEntity, by: string): Promise<void> {
    const row = await this.lockedRow(m, claim.id);
    await this.write(m, claim, { ...row, version: row.version + 1 }, by);
  }

  private async change<T>(claimId: string, by: StaffUser, apply: (row: Row) => { row: Row; result: T }): Promise<{ result: T; version: number }> {
    return this.ds.transaction(async (m) => {
      const claim = await m.getRepository(ClaimEntity).findOne({ where: { id: claimId }, lock: { mode: 'pessimistic_write' } });
      if (!claim) throw new NotFoundException(`no claim ${claimId}`);
      const row = await this.lockedRow(m, claimId);
      const { row: next, result } = apply(row);
      const version = row.version + 1;
      await this.write(m, claim, { ...next, version }, by.user);
      return { result, version };
    });
  }

  private async lockedRow(m: EntityManager, claimId: string): Promise<Row> {
    await m.query(`INSERT INTO ${SCHEMA}.claim_parties (claim_id) VALUES ($1) ON CONFLICT DO NOTHING`, [claimId]);
    const rows: Row[] = await m.query(`SELECT version, parties, consents, removed FROM ${SCHEMA}.claim_parties WHERE claim_id = $1 FOR UPDATE`, [claimId]);
    return rows[0];
  }

  private async write(m: EntityManager, claim: ClaimEntity, row: Row, by: string): Promise<void> {
    await m.query(`UPDATE ${SCHEMA}.claim_parties SET version = $2, parties = $3, consents = $4, removed = $5, updated_by = $6, updated_at = now() WHERE claim_id = $1`, [
      claim.id,
      row.version,
      JSON.stringify(row.parties),
      JSON.stringify(row.consents),
      JSON.stringify(row.removed),
      by,
    ]);
    const data: ClaimPartiesRecordedData = {
      claimId: claim.id,
      claimNumber: claim.claimNumber,
      version: row.version,
      caseManager: claim.caseManager,
      teamLeader: claim.teamLeader,
      parties: row.parties,
      consents: row.consents,
    };
    await enqueue(m, SCHEMA, TOPICS.claims, newEnvelope({ type: 'claim.parties-recorded', source: 'wc-claims/claims', subject: claim.id, data }));
  }
}
