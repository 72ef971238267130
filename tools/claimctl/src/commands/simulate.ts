import fs from 'node:fs';
import { EXIT_INVALID, EXIT_OK } from '../io';
import { loadScenarios } from '../simulate/load';
import { renderHtml } from '../simulate/render-html';
import { renderText } from '../simulate/render-text';
import type { Command } from './command';

/** docs/simulate.md: a scenario (or a directory of them) through the real claim workflow, in seconds. */
export const simulate: Command = {
  words: ['simulate'],
  operands: ['scenario.json | directory'],
  summary: "run scenarios through the real claim workflow and print each claim's timeline",
  options: [
    { name: 'json', description: 'print the timeline as JSON (an array for a directory), nothing else on stdout' },
    { name: 'html', value: 'timeline.html', description: 'also write a page drawing each timeline' },
  ],
  async run({ positionals: [target], options }, io) {
    const { items, problems } = loadScenarios(target);
    if (problems.length) {
      io.err(problems.map((p) => `${p}\n`).join(''));
      return EXIT_INVALID;
    }
    // Loaded only here: the Temporal worker and bundler are heavy and other commands do not need them.
    const { simulateScenarios } = await import('@wc/workflows');
    const results = await simulateScenarios(items);
    // docs/rules.md §8.5: a refused event changes nothing; the run goes on without it and says so.
    for (const r of results) for (const x of r.refused) io.err(`${r.file}: refused: ${x}\n`);
    for (const r of results) for (const i of r.afterUntil) io.err(`${r.file}: events[${i}]: after until (${items.find((it) => it.file === r.file)!.scenario.until}): not applied\n`);
    for (const r of results) for (const w of r.details.warnings) io.err(`${r.file}: warning: ${w}\n`);
    if (typeof options.html === 'string') fs.writeFileSync(options.html, renderHtml(results));
    if (options.json) {
      const isDir = fs.statSync(target).isDirectory();
      // `refused` is beyond docs/simulate.md's timeline (its fields may be added to) and only there when something was.
      const out = results.map((r) => (r.refused.length ? { ...r.timeline, refused: r.refused } : r.timeline));
      io.out(`${JSON.stringify(isDir ? out : out[0], null, 2)}\n`);
    } else io.out(results.map(renderText).join('\n'));
    return EXIT_OK;
  },
};
