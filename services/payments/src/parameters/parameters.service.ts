import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AmountTable, FactorTable, ParameterError, ParameterTables, REVIEW_CYCLES, tablesWith } from '@wc/rules';

export interface ParameterVersion {
  /** 0 is the rule book's built-in tables (libs/rules/src/data/nsw-parameters.json). */
  version: number;
  tables: ParameterTables;
}

/**
 * The rate tables payments computes with. A new version replaces whole tables (MAX, indexation,
 * excess cap) and is what a remediation recomputes the past with; every payment records the
 * version it was computed with, so its amount can always be explained.
 */
@Injectable()
export class ParametersService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async current(m: EntityManager = this.ds.manager): Promise<ParameterVersion> {
    const rows: { version: number; tables: Partial<ParameterTables> }[] = await m.query(`SELECT version, tables FROM payments.parameter_versions ORDER BY version DESC LIMIT 1`);
    if (rows.length === 0) return { version: 0, tables: tablesWith() };
    return { version: rows[0].version, tables: tablesWith(rows[0].tables) };
  }

  async version(version: number, m: EntityManager = this.ds.manager): Promise<ParameterVersion> {
    if (version === 0) return { version: 0, tables: tablesWith() };
    const rows: { tables: Partial<ParameterTables> }[] = await m.query(`SELECT tables FROM payments.parameter_versions WHERE version = $1`, [version]);
    if (rows.length === 0) throw new Error(`no parameter version ${version}`);
    return { version, tables: tablesWith(rows[0].tables) };
  }

  /** Stores a new version: the current tables with `replace` replacing whole tables. Caller's transaction. */
  async add(m: EntityManager, replace: Partial<ParameterTables>, reason: string, by: string): Promise<ParameterVersion> {
    checkTables(replace);
    await m.query(`LOCK TABLE payments.parameter_versions IN EXCLUSIVE MODE`);
    const current = await this.current(m);
    const merged: ParameterTables = { ...current.tables, ...replace };
    const version = current.version + 1;
    await m.query(`INSERT INTO payments.parameter_versions (version, tables, reason, created_by) VALUES ($1, $2::jsonb, $3, $4)`, [version, JSON.stringify(merged), reason, by]);
    return { version, tables: merged };
  }
}

/** Builds each given table once so a bad row is refused before anything is stored. */
export function checkTables(t: Partial<ParameterTables>): void {
  if (t.maxWeeklyCompensation) new AmountTable('maxWeeklyCompensation', t.maxWeeklyCompensation, REVIEW_CYCLES.maxWeeklyCompensation);
  if (t.employerExcessCap) new AmountTable('employerExcessCap', t.employerExcessCap, REVIEW_CYCLES.employerExcessCap);
  if (t.indexation) new FactorTable(t.indexation);
}
export { ParameterError };
