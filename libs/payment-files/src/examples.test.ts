import * as fs from 'node:fs';
import * as path from 'node:path';
import { abaFile } from './aba';
import { checkWageSchedule } from './wrs';

// Every example in shared/examples/payments must pass (shared/README.md). They are discovered by listing
// the directory, so a new example is tested without touching this file.
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const sharedDir = process.env.WC_SHARED_DIR ?? path.resolve(repoRoot, '..', 'shared');
const dir = path.join(sharedDir, 'examples', 'payments');
const files = fs.readdirSync(dir).sort();
const inputs = files.filter((f) => !f.includes('.expected.') && /\.(json|csv)$/.test(f));

const read = (name: string) => fs.readFileSync(path.join(dir, name));
const expectedFile = (input: string, ext: string) => {
  const name = input.replace(/\.(json|csv)$/, `.expected.${ext}`);
  return files.includes(name) ? name : undefined;
};
/** An expected problem may be given as `[line, column]`, `[path]`, a bare path or `{ path }`. */
const expectedKey = (p: unknown) => (Array.isArray(p) ? p : typeof p === 'object' && p !== null ? [(p as { path: string }).path] : [p]);

describe(`payment examples in ${dir}`, () => {
  it('has at least one ABA and one schedule example', () => {
    expect(inputs.filter((f) => f.endsWith('.json')).length).toBeGreaterThan(0);
    expect(inputs.filter((f) => f.endsWith('.csv')).length).toBeGreaterThan(0);
  });

  describe.each(inputs.filter((f) => f.endsWith('.json')))('ABA batch %s', (input) => {
    it('matches its expected result', () => {
      const result = abaFile(JSON.parse(read(input).toString('utf8')));
      const aba = expectedFile(input, 'aba');
      if (aba) {
        if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
        expect(result.file).toBe(read(aba).toString('latin1'));
        expect(Buffer.from(result.file, 'latin1').equals(read(aba))).toBe(true);
        return;
      }
      const json = expectedFile(input, 'json');
      if (!json) throw new Error(`${input} has no .expected.aba or .expected.json`);
      const expected = JSON.parse(read(json).toString('utf8'));
      expect(result.ok).toBe(expected.ok);
      if (!result.ok) expect(result.problems.map((p) => [p.path])).toEqual(expected.problems.map(expectedKey));
    });
  });

  describe.each(inputs.filter((f) => f.endsWith('.csv')))('wage reimbursement schedule %s', (input) => {
    it('matches its expected result', () => {
      const json = expectedFile(input, 'json');
      if (!json) throw new Error(`${input} has no .expected.json`);
      const expected = JSON.parse(read(json).toString('utf8'));
      const result = checkWageSchedule(read(input).toString('utf8'));
      expect(result.ok).toBe(expected.ok);
      if (result.ok) expect(result.summary).toEqual(expected.summary);
      else expect(result.problems.map((p) => [p.line, p.column])).toEqual(expected.problems.map(expectedKey));
    });
  });
});
