import { Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { FeeOrderRow } from '@wc/rules';
import { JsonLogger, StaffUser } from '@wc/service-kit';
import { LOGGER } from '../../config';
import { readFeeOrder } from './fee-order';
import type { FeeOrderRowView } from '../medical.responses';

/**
 * The fee order in force: rows loaded from files, each a version. A row with the same item and
 * date as an earlier one replaces it (a correction); every other row stays, so the table keeps
 * every date's fees for services given then. A file with any bad row loads nothing.
 */
@Injectable()
export class FeeOrderService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(LOGGER) private readonly log: JsonLogger,
  ) {}

  async load(csv: string, source: string, by: StaffUser): Promise<{ version: number; rows: number }> {
    const file = readFeeOrder(csv);
    if (!file.ok) throw new UnprocessableEntityException({ statusCode: 422, error: 'Unprocessable Entity', message: 'fee order refused; nothing loaded', problems: file.problems });
    const rows = file.rows;
    return this.ds.transaction(async (m) => {
      const [{ version }] = await m.query(`INSERT INTO payments.fee_order_versions (source, rows, loaded_by) VALUES ($1, $2, $3) RETURNING version`, [source, rows.length, by.user]);
      const col = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
      await m.query(
        `INSERT INTO payments.fee_order (item, "from", description, max_fee, exempt_from_approval, version)
         SELECT i, f, d, x, e, $6 FROM unnest($1::text[], $2::date[], $3::text[], $4::numeric[], $5::boolean[]) AS u(i, f, d, x, e)
         ON CONFLICT (item, "from") DO UPDATE SET description = EXCLUDED.description, max_fee = EXCLUDED.max_fee, exempt_from_approval = EXCLUDED.exempt_from_approval, version = EXCLUDED.version`,
        [col((r) => r.item), col((r) => r.from), col((r) => r.description), col((r) => r.maxFee), col((r) => r.exemptFromApproval), version],
      );
      this.log.info('fee order loaded', { version, rows: rows.length, source, by: by.user });
      return { version, rows: rows.length };
    });
  }

  /** Rows for these items, every date (the assessment picks the one in force on each service date). */
  async rows(items: string[], m: EntityManager = this.ds.manager): Promise<{ feeOrder: FeeOrderRow[]; exemptItems: string[] }> {
    const rows: { item: string; from: string; description: string; max_fee: string; exempt: boolean }[] = await m.query(
      `SELECT item, "from"::text AS from, description, max_fee::text AS max_fee, exempt_from_approval AS exempt FROM payments.fee_order WHERE item = ANY($1) ORDER BY item, "from"`,
      [items],
    );
    return {
      feeOrder: rows.map((r) => ({ item: r.item, from: r.from, description: r.description, maxFee: r.max_fee })),
      // Exempt when the item's latest row says so (Part 4 of the guidelines; its conditions, such as
      // the time since injury, are outside this platform for now). Rows come ordered by date.
      exemptItems: [...new Map(rows.map((r) => [r.item, r.exempt])).entries()].filter(([, exempt]) => exempt).map(([item]) => item),
    };
  }

  async list(item?: string): Promise<FeeOrderRowView[]> {
    return this.ds.query(
      `SELECT item, "from"::text AS "from", description, max_fee::text AS "maxFee", exempt_from_approval AS "exemptFromApproval", version FROM payments.fee_order WHERE ($1::text IS NULL OR item = $1) ORDER BY item, "from" LIMIT 5000`,
      [item ?? null],
    );
  }
}
