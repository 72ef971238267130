import fs from 'node:fs';
import path from 'node:path';
import { Scenario, problemsOf, scenarioSchema } from '@wc/contracts';
import { InputError, readJsonFile } from '../io';

export interface LoadedScenarios {
  items: { file: string; scenario: Scenario }[];
  /** `file: path.to.field: what is wrong`, one per problem (docs/simulate.md). */
  problems: string[];
}

/** A scenario file, or every `*.json` in a directory that is not an `.expected.json`, in file-name order. */
export function scenarioFiles(target: string): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    throw new InputError(`cannot read ${target}: no such file or directory`);
  }
  if (!stat.isDirectory()) return [target];
  return fs
    .readdirSync(target)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'))
    .sort()
    .map((f) => path.join(target, f));
}

export function loadScenarios(target: string): LoadedScenarios {
  const items: LoadedScenarios['items'] = [];
  const problems: string[] = [];
  for (const file of scenarioFiles(target)) {
    let json: unknown;
    try {
      json = readJsonFile(file);
    } catch (e) {
      problems.push((e as Error).message);
      continue;
    }
    const parsed = scenarioSchema.safeParse(json);
    if (parsed.success) items.push({ file, scenario: parsed.data });
    else problems.push(...problemsOf(parsed.error).map((p) => `${file}: ${p.path}: ${p.message}`));
  }
  return { items, problems };
}
