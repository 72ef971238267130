import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { ROLES, type StaffUser } from '../auth';
import { CLAIM_DATA, decideClaimAccess } from './policy';
import { claimStaffingTableSql, recordCover, recordStaffing, staffCoversTableSql, staffingOf, visibleClaimsCondition } from './staffing';

// The per-claim rule is written twice: decideClaimAccess for one claim, visibleClaimsCondition as
// SQL for lists. Property: on random staffing and covers, in PostgreSQL, a list shows exactly the
// claims the one-claim decision allows, for every role and kind of data.

const schema = `acc_${randomBytes(4).toString('hex')}`;
const ds = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });
const PEOPLE = ['ann', 'bo', 'cy', 'di'];
/** Sydney's today, from PostgreSQL (a cover runs over Sydney days). */
let today: string;

beforeAll(async () => {
  await ds.initialize();
  await ds.query(`CREATE SCHEMA ${schema}`);
  for (const sql of [...claimStaffingTableSql(schema), ...staffCoversTableSql(schema)]) await ds.query(sql);
  [{ today }] = await ds.query(`SELECT to_char((now() AT TIME ZONE 'Australia/Sydney')::date, 'YYYY-MM-DD') AS today`);
});
afterAll(async () => {
  await ds.query(`DROP SCHEMA ${schema} CASCADE`);
  await ds.destroy();
});

const person = fc.constantFrom(...PEOPLE);
const staffing = fc.record({ caseManager: fc.option(person), teamLeader: fc.option(person), reviewers: fc.uniqueArray(person, { maxLength: 2 }) });
/** A cover relative to today: before, spanning or after it, perhaps cancelled. */
const cover = fc.record({ caseManager: person, coveredBy: person, from: fc.integer({ min: -3, max: 2 }), days: fc.integer({ min: 0, max: 3 }), cancelled: fc.boolean() });

const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

it('a list shows exactly the claims the one-claim decision allows', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(staffing, { minLength: 1, maxLength: 6 }), fc.array(cover, { maxLength: 4 }), async (claims, covers) => {
      await ds.query(`TRUNCATE ${schema}.claim_staffing, ${schema}.staff_covers`);
      const ids: string[] = [];
      for (const c of claims) {
        const claimId = randomUUID();
        ids.push(claimId);
        await recordStaffing(ds, schema, { claimId, claimNumber: 'N', caseManager: c.caseManager, teamLeader: c.teamLeader, reviewers: c.reviewers, by: 'test' });
      }
      for (const c of covers)
        await recordCover(ds, schema, {
          coverId: randomUUID(),
          caseManager: c.caseManager,
          coveredBy: c.coveredBy,
          from: shift(today, c.from),
          to: shift(today, c.from + c.days),
          reason: 'leave',
          recordedBy: 'tl',
          cancelled: c.cancelled,
        });
      for (const role of ROLES)
        for (const user of PEOPLE)
          for (const data of CLAIM_DATA) {
            const who: StaffUser = { role, user };
            const cond = visibleClaimsCondition(who, data, schema, 'x.claim_id', 1);
            const listed: { claim_id: string }[] = await ds.query(`SELECT x.claim_id FROM ${schema}.claim_staffing x WHERE ${cond.sql} ORDER BY x.claim_id`, cond.params);
            const allowed: string[] = [];
            for (const id of ids) if (decideClaimAccess(who, (await staffingOf(ds, schema, id))!, data).allowed) allowed.push(id);
            expect(listed.map((r) => r.claim_id)).toEqual(allowed.sort());
          }
    }),
    { numRuns: 40 },
  );
}, 120_000);

it('a cover gives access over its Sydney days only, and not once cancelled', async () => {
  await ds.query(`TRUNCATE ${schema}.claim_staffing, ${schema}.staff_covers`);
  const claimId = randomUUID();
  await recordStaffing(ds, schema, { claimId, claimNumber: 'N', caseManager: 'ann', teamLeader: 'tl', reviewers: [], by: 'test' });
  const lee: StaffUser = { role: 'case-manager', user: 'lee' };
  const may = async () => decideClaimAccess(lee, (await staffingOf(ds, schema, claimId))!, 'health').allowed;
  const coverId = randomUUID();
  const base = { coverId, caseManager: 'ann', coveredBy: 'lee', reason: 'leave', recordedBy: 'tl' };
  await recordCover(ds, schema, { ...base, from: shift(today, 1), to: shift(today, 5), cancelled: false });
  expect(await may()).toBe(false);
  await recordCover(ds, schema, { ...base, coverId: randomUUID(), from: shift(today, -5), to: shift(today, -1), cancelled: false });
  expect(await may()).toBe(false);
  await recordCover(ds, schema, { ...base, from: today, to: today, cancelled: false });
  // The first cover's id again (a later day range is not a new cover): its days stay as recorded; cancelling is what changes.
  const current = randomUUID();
  await recordCover(ds, schema, { ...base, coverId: current, from: today, to: shift(today, 2), cancelled: false });
  expect(await may()).toBe(true);
  await recordCover(ds, schema, { ...base, coverId: current, from: today, to: shift(today, 2), cancelled: true });
  expect(await may()).toBe(false);
});
