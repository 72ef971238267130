import fs from 'node:fs';
import { scenarioSchema } from '@wc/contracts';
import { caseFiles, sharedDir } from '../../../tools/test-cases/src';
import { runScenarioInProcess } from './scenario-driver';

// Every scenario with its expected timeline (docs/simulate.md): the repository's own in scenarios/
// and its folders, always; the shared ones too when ../shared (or WC_SHARED_DIR) exists.
const cases = caseFiles('scenarios').map((c) => [c.name, c.file, c.source] as const);
const own = cases.filter(([, , source]) => source === 'own');

describe('scenarios through the lifecycle, in process', () => {
  it("finds the repository's own scenarios, with docs/rules.md §8 ones in their folder", () => {
    expect(own.length).toBeGreaterThanOrEqual(10);
    expect(own.some(([name]) => name.includes('treatment-and-decisions/'))).toBe(true);
  });

  it('finds the shared scenarios when the shared folder is there', () => {
    const shared = cases.filter(([, , source]) => source === 'shared');
    if (sharedDir()) expect(shared.length).toBeGreaterThan(0);
    else expect(shared).toEqual([]);
  });

  it.each(cases)('%s matches its expected timeline', (_name, file) => {
    const scenario = scenarioSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    const expected = JSON.parse(fs.readFileSync(file.replace(/\.json$/, '.expected.json'), 'utf8'));
    const { timeline, refused } = runScenarioInProcess(scenario);
    expect(refused).toEqual([]);
    expect(timeline).toEqual(expected);
  });
});
