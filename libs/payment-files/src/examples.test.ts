import * as fs from 'node:fs';
import { caseFiles, expectedFile, sharedDir } from '../../../tools/test-cases/src';
import { abaFile } from './aba';
import { checkWageSchedule } from './wrs';

// Every payment example must pass (docs/payment-files.md): the repository's own in
// docs/examples/payments, always, and the shared ones too when ../shared (or WC_SHARED_DIR) exists.
// They are found by listing the folders, so a new example is tested without touching this file.
const inputs = caseFiles('payments');
const aba = inputs.filter((c) => c.file.endsWith('.json'));
const schedules = inputs.filter((c) => c.file.endsWith('.csv'));

const read = (file: string) => fs.readFileSync(file);
const json = (file: string) => JSON.parse(read(file).toString('utf8'));

/**
 * An expected problem may be given as `[line, column]`, `[path]`, a bare path, or an object
 * (`{ path, message }`, `{ line, column, message }`); the fields it gives are the ones compared.
 */
function expectProblems(actual: object[], expected: unknown[]) {
  const keys = ['line', 'column', 'path'];
  const asObject = (p: unknown, names: string[]): Record<string, unknown> =>
    Array.isArray(p) ? Object.fromEntries(p.map((v, i) => [names[i], v])) : typeof p === 'object' && p !== null ? (p as Record<string, unknown>) : { path: p };
  const wanted = expected.map((p) => asObject(p, typeof (Array.isArray(p) ? p[0] : undefined) === 'number' ? ['line', 'column', 'message'] : ['path', 'message']));
  const got = actual.map((p, i) => {
    const w = wanted[i] ?? {};
    const fields = [...keys, 'message'].filter((k) => k in w || (keys.includes(k) && k in p));
    return Object.fromEntries(fields.map((k) => [k, (p as Record<string, unknown>)[k]]));
  });
  expect(got).toEqual(wanted);
}

describe('payment examples', () => {
  it("has the repository's own ABA and schedule examples, valid and invalid", () => {
    const own = inputs.filter((c) => c.source === 'own');
    expect(own.filter((c) => c.file.endsWith('.json')).length).toBeGreaterThanOrEqual(3);
    expect(own.filter((c) => c.file.endsWith('.csv')).length).toBeGreaterThanOrEqual(2);
    expect(own.some((c) => expectedFile(c.file, 'aba'))).toBe(true);
  });

  it('has the shared examples too when the shared folder is there', () => {
    const shared = inputs.filter((c) => c.source === 'shared');
    if (sharedDir()) expect(shared.length).toBeGreaterThan(0);
    else expect(shared).toEqual([]);
  });

  describe.each(aba.map((c) => [c.name, c.file] as const))('ABA batch %s', (_name, input) => {
    it('matches its expected result', () => {
      const result = abaFile(json(input));
      const file = expectedFile(input, 'aba');
      if (file) {
        if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
        expect(result.file).toBe(read(file).toString('latin1'));
        expect(Buffer.from(result.file, 'latin1').equals(read(file))).toBe(true);
        return;
      }
      const expectedJson = expectedFile(input, 'json');
      if (!expectedJson) throw new Error(`${input} has no .expected.aba or .expected.json`);
      const expected = json(expectedJson);
      expect(result.ok).toBe(expected.ok);
      if (!result.ok) expectProblems(result.problems, expected.problems);
    });
  });

  describe.each(schedules.map((c) => [c.name, c.file] as const))('wage reimbursement schedule %s', (_name, input) => {
    it('matches its expected result', () => {
      const expectedJson = expectedFile(input, 'json');
      if (!expectedJson) throw new Error(`${input} has no .expected.json`);
      const expected = json(expectedJson);
      const result = checkWageSchedule(read(input).toString('utf8'));
      expect(result.ok).toBe(expected.ok);
      if (result.ok) expect(result.summary).toEqual(expected.summary);
      else expectProblems(result.problems, expected.problems);
    });
  });
});
