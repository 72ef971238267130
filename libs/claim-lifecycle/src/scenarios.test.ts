import fs from 'node:fs';
import path from 'node:path';
import { scenarioSchema } from '@wc/contracts';
import { runScenarioInProcess } from './scenario-driver';

const shared = process.env.WC_SHARED_DIR ?? path.resolve(__dirname, '..', '..', '..', '..', 'shared');
const dirs = [path.join(shared, 'scenarios'), path.resolve(__dirname, '..', '..', '..', 'scenarios')];
/** Every scenario in a folder and its sub-folders (simulate.md: "../scenarios/ and its folders"). */
const scenarioFiles = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) return scenarioFiles(p);
        return e.name.endsWith('.json') && !e.name.endsWith('.expected.json') ? [p] : [];
      })
    : [];
const cases = dirs.flatMap((dir) => scenarioFiles(dir).sort().map((f) => [path.relative(path.dirname(shared), f), f]));

describe('scenarios through the lifecycle, in process', () => {
  it('finds the shared scenarios, with rules.md §8 ones in their folder', () => {
    expect(cases.length).toBeGreaterThanOrEqual(5);
    expect(cases.some(([name]) => name.includes('treatment-and-decisions'))).toBe(true);
  });

  it.each(cases)('%s matches its expected timeline', (_name, file) => {
    const scenario = scenarioSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    const expected = JSON.parse(fs.readFileSync(file.replace(/\.json$/, '.expected.json'), 'utf8'));
    const { timeline, refused } = runScenarioInProcess(scenario);
    expect(refused).toEqual([]);
    expect(timeline).toEqual(expected);
  });
});
