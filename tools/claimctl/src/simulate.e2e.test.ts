import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ownCase, scenarioFolders, sharedDir } from '../../test-cases/src';

// Real servers and webpack bundling on 2 cores: minutes, not the default 5 seconds.
jest.setTimeout(300_000);

// claimctl simulate as a user runs it (docs/simulate.md): the built CLI, the real workflow, the time-skipping server.
const root = path.resolve(__dirname, '..', '..', '..');
const claimctl = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'tools', 'claimctl', 'bin', 'claimctl.js'), ...args], { cwd: root, encoding: 'utf8', timeout: 300_000 });
// A directory runs the scenarios in it (docs/simulate.md), so each folder of scenarios is run on its
// own: the repository's own (scenarios/ and its folders) always, the shared ones when ../shared exists.
const folders = scenarioFolders();
// The repository's own fracture (first four events: contacts on 4 March, provisional liability and a
// certificate of no capacity from 2 March on 5 March; the doctor reached late, escalated on 6 March).
const fracture = ownCase('scenarios', 'fracture-provisional-then-accepted.json');

describe('claimctl simulate', () => {
  it('runs the folders of docs/rules.md §8 too, and the shared ones when the shared folder is there', () => {
    expect(folders.some((f) => f.source === 'own' && f.dir.endsWith('treatment-and-decisions'))).toBe(true);
    if (sharedDir()) expect(folders.some((f) => f.source === 'shared')).toBe(true);
  });

  it.each(folders.map((f) => [f.name, f.dir] as const))('every scenario in %s matches its .expected.json exactly', (_name, dir) => {
    const r = claimctl('simulate', dir, '--json');
    expect(r.stderr).not.toMatch(/internal error|refused/);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout); // stdout carries the JSON and nothing else
    const names = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'))
      .sort();
    expect(out).toHaveLength(names.length);
    names.forEach((name, i) => {
      const expected = JSON.parse(fs.readFileSync(path.join(dir, name.replace(/\.json$/, '.expected.json')), 'utf8'));
      expect({ name, timeline: out[i] }).toEqual({ name, timeline: expected });
    });
  });

  it('prints a readable timeline and writes an HTML picture of it', () => {
    const html = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sim-')), 'timeline.html');
    const r = claimctl('simulate', fracture, '--html', html);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('initial-contact.doctor');
    expect(r.stdout).toContain('week   5  2026-03-30 – 2026-04-05     1153.57');
    const page = fs.readFileSync(html, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<svg');
    expect(page).toContain('escalated 2026-03-06');
    expect(page).not.toMatch(/<script|src="http/); // self-contained
  });

  it('refuses a bad scenario with one line per problem and status 2, no stack trace', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-'));
    const bad = JSON.parse(fs.readFileSync(fracture, 'utf8'));
    bad.claim.injury.nature = 'bruise';
    bad.claim.piawe = 1200;
    bad.colour = 'blue';
    bad.events[1] = { at: '2026-03-04', type: 'contact.lost' };
    bad.events[2].at = '2026-03-01';
    fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(bad));
    const r = claimctl('simulate', path.join(dir, 'bad.json'), '--json');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n').filter((l) => l.includes('bad.json'));
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/bad\.json: claim\.injury\.nature: must be one of head, .*got "bruise"/),
        expect.stringMatching(/bad\.json: claim\.piawe: must be string, got number/),
        expect.stringMatching(/bad\.json: \(root\): unknown field: colour/),
        expect.stringMatching(/bad\.json: events\[1\]\.type: unknown type/),
      ]),
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
