import { randomUUID } from 'node:crypto';
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { MedicalProvider } from '@wc/rules';
import { JsonLogger, StaffUser } from '@wc/service-kit';
import { LOGGER } from '../../config';
import type { ProviderInput } from './provider.schemas';

export interface ProviderView extends ProviderInput {
  id: string;
  updatedBy: string;
  updatedAt: string;
}

type Row = {
  id: string;
  name: string;
  abn: string;
  kind: string;
  ahpra_number: string | null;
  registration: ProviderInput['registration'];
  bsb: string | null;
  account: string | null;
  account_title: string | null;
  updated_by: string;
  updated_at: Date;
};

const COLUMNS = `id, name, abn, kind, ahpra_number, registration, bsb, account, account_title, updated_by, updated_at`;

function view(r: Row): ProviderView {
  return {
    id: r.id,
    name: r.name,
    abn: r.abn,
    kind: r.kind as ProviderInput['kind'],
    ...(r.ahpra_number ? { ahpraNumber: r.ahpra_number } : {}),
    registration: [...r.registration].sort((a, b) => (a.from < b.from ? -1 : 1)),
    ...(r.bsb ? { bank: { bsb: r.bsb, account: r.account!, accountTitle: r.account_title! } } : {}),
    updatedBy: r.updated_by,
    updatedAt: r.updated_at.toISOString(),
  };
}

/**
 * The register of treatment providers (issue 17): who they are (ABN, AHPRA registration), their
 * registration over time (a suspension or disciplinary conditions from a date stops their lines
 * being paid: 1987 Act s60(2A)(d)) and the account they are paid to. Every change is kept whole in
 * the provider's history with who made it and why.
 */
@Injectable()
export class ProvidersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(LOGGER) private readonly log: JsonLogger,
  ) {}

  async create(p: ProviderInput, by: StaffUser): Promise<ProviderView> {
    return this.ds.transaction(async (m) => {
      const same = await m.query(`SELECT id FROM payments.providers WHERE abn = $1`, [p.abn]);
      if (same.length)
        throw new ConflictException({
          statusCode: 409,
          message: `a provider with ABN ${p.abn} is already registered (${same[0].id})`,
          problems: [{ field: 'abn', problem: `is already registered: provider ${same[0].id}` }],
        });
      const id = randomUUID();
      await m.query(
        `INSERT INTO payments.providers (id, name, abn, kind, ahpra_number, registration, bsb, account, account_title, created_by, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $10)`,
        [id, p.name, p.abn, p.kind, p.ahpraNumber ?? null, JSON.stringify(p.registration), p.bank?.bsb ?? null, p.bank?.account ?? null, p.bank?.accountTitle ?? null, by.user],
      );
      await this.history(m, id, by, 'registered');
      this.log.info('provider registered', { providerId: id, abn: p.abn, by: by.user });
      return this.get(id, m);
    });
  }

  async update(id: string, p: ProviderInput, reason: string, by: StaffUser): Promise<ProviderView> {
    return this.ds.transaction(async (m) => {
      const before = await this.get(id, m, true);
      if (before.abn !== p.abn) {
        const same = await m.query(`SELECT id FROM payments.providers WHERE abn = $1 AND id <> $2`, [p.abn, id]);
        if (same.length)
          throw new ConflictException({
            statusCode: 409,
            message: `ABN ${p.abn} belongs to provider ${same[0].id}`,
            problems: [{ field: 'provider.abn', problem: `belongs to provider ${same[0].id}` }],
          });
      }
      await m.query(
        `UPDATE payments.providers SET name = $2, abn = $3, kind = $4, ahpra_number = $5, registration = $6::jsonb, bsb = $7, account = $8, account_title = $9, updated_by = $10, updated_at = now() WHERE id = $1`,
        [id, p.name, p.abn, p.kind, p.ahpraNumber ?? null, JSON.stringify(p.registration), p.bank?.bsb ?? null, p.bank?.account ?? null, p.bank?.accountTitle ?? null, by.user],
      );
      await this.history(m, id, by, reason);
      const bankChanged = JSON.stringify(before.bank ?? null) !== JSON.stringify(p.bank ?? null);
      this.log.info('provider changed', { providerId: id, by: by.user, reason, bankChanged });
      return this.get(id, m);
    });
  }

  /** A registration status from a date (a suspension, conditions lifted); the same date again replaces that day's status. */
  async changeRegistration(id: string, change: { status: ProviderInput['registration'][number]['status']; from: string; note?: string }, reason: string, by: StaffUser): Promise<ProviderView> {
    return this.ds.transaction(async (m) => {
      const p = await this.get(id, m, true);
      const registration = [...p.registration.filter((r) => r.from !== change.from), { status: change.status, from: change.from, ...(change.note ? { note: change.note } : {}) }];
      await m.query(`UPDATE payments.providers SET registration = $2::jsonb, updated_by = $3, updated_at = now() WHERE id = $1`, [id, JSON.stringify(registration), by.user]);
      await this.history(m, id, by, reason);
      this.log.info('provider registration changed', { providerId: id, status: change.status, from: change.from, by: by.user });
      return this.get(id, m);
    });
  }

  async get(id: string, m: EntityManager = this.ds.manager, lock = false): Promise<ProviderView> {
    const rows: Row[] = await m.query(`SELECT ${COLUMNS} FROM payments.providers WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    if (!rows.length) throw new NotFoundException(`no provider ${id}`);
    return view(rows[0]);
  }

  async byAbn(abns: string[], m: EntityManager = this.ds.manager): Promise<Map<string, ProviderView>> {
    const rows: Row[] = await m.query(`SELECT ${COLUMNS} FROM payments.providers WHERE abn = ANY($1)`, [abns]);
    return new Map(rows.map((r) => [r.abn, view(r)]));
  }

  async list(query: { name?: string; abn?: string; limit: number; offset: number }): Promise<{ items: ProviderView[]; total: number }> {
    const where = `WHERE ($1::text IS NULL OR name ILIKE '%' || $1 || '%') AND ($2::text IS NULL OR abn = $2)`;
    const rows: Row[] = await this.ds.query(`SELECT ${COLUMNS} FROM payments.providers ${where} ORDER BY name, id LIMIT $3 OFFSET $4`, [
      query.name ?? null,
      query.abn ?? null,
      query.limit,
      query.offset,
    ]);
    const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM payments.providers ${where}`, [query.name ?? null, query.abn ?? null]);
    return { items: rows.map(view), total: n };
  }

  async historyOf(id: string) {
    await this.get(id);
    return this.ds.query(`SELECT changed_by AS "changedBy", changed_at AS "changedAt", reason, provider FROM payments.provider_history WHERE provider_id = $1 ORDER BY seq`, [id]);
  }

  /** The providers as the assessment reads them (docs/medical-assessment.md's providers), by id. */
  async forAssessment(ids: string[], m: EntityManager): Promise<MedicalProvider[]> {
    const rows: Row[] = await m.query(`SELECT ${COLUMNS} FROM payments.providers WHERE id = ANY($1::uuid[])`, [ids]);
    return rows.map((r) => ({ id: r.id, name: r.name, registration: r.registration.map(({ status, from }) => ({ status, from })) }));
  }

  private async history(m: EntityManager, id: string, by: StaffUser, reason: string) {
    const [p] = await m.query(`SELECT ${COLUMNS} FROM payments.providers WHERE id = $1`, [id]);
    await m.query(`INSERT INTO payments.provider_history (provider_id, changed_by, reason, provider) VALUES ($1, $2, $3, $4::jsonb)`, [id, by.user, reason, JSON.stringify(view(p))]);
  }
}
