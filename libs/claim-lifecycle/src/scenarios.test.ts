import fs from 'node:fs';
import path from 'node:path';
import { scenarioSchema } from '@wc/contracts';
import { runScenarioInProcess } from './scenario-driver';

const shared = process.env.WC_SHARED_DIR ?? path.resolve(__dirname, '..', '..', '..', '..', 'shared');
const dirs = [path.join(shared, 'scenarios'), path.resolve(__dirname, '..', '..', '..', 'scenarios')];
const cases = dirs.flatMap((dir) =>
  fs.existsSync(dir)
    ? fs.readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json')).sort().map((f) => [path.relative(path.dirname(shared), path.join(dir, f)), path.join(dir, f)])
    : [],
);

describe('scenarios through the lifecycle, in process', () => {
  it('finds the shared scenarios', () => expect(cases.length).toBeGreaterThanOrEqual(3));

  it.each(cases)('%s matches its expected timeline', (_name, file) => {
    const scenario = scenarioSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    const expected = JSON.parse(fs.readFileSync(file.replace(/\.json$/, '.expected.json'), 'utf8'));
    const { timeline, refused } = runScenarioInProcess(scenario);
    expect(refused).toEqual([]);
    expect(timeline).toEqual(expected);
  });
});
