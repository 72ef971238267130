import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, caseDirs, caseFiles, expectedFile, ownCase, scenarioFolders, sharedCase, sharedDir } from '.';

// Where the suite finds its cases: the repository's own always, the shared ones only when the
// shared folder exists (WC_SHARED_DIR overrides ../shared).
const saved = process.env.WC_SHARED_DIR;
afterEach(() => {
  if (saved === undefined) delete process.env.WC_SHARED_DIR;
  else process.env.WC_SHARED_DIR = saved;
});

describe('test cases', () => {
  it("without a shared folder: only the repository's own cases, each with its expected result", () => {
    process.env.WC_SHARED_DIR = path.join(os.tmpdir(), 'no-such-shared-folder');
    expect(sharedDir()).toBeNull();
    expect(sharedCase('scenarios', 'x.json')).toBeNull();
    for (const kind of ['scenarios', 'payments', 'medical'] as const) {
      expect(caseDirs(kind)).toEqual([{ source: 'own', dir: expect.stringContaining(ROOT) }]);
      const files = caseFiles(kind);
      expect(files.length).toBeGreaterThan(0);
      for (const c of files) {
        expect(c.source).toBe('own');
        expect(expectedFile(c.file) ?? expectedFile(c.file, 'aba')).not.toBeNull();
      }
    }
    expect(caseFiles('scenarios').some((c) => c.name === 'own: treatment-and-decisions/s39-window-wpi-above-20.json')).toBe(true);
    expect(scenarioFolders().map((f) => f.name)).toEqual(['own: .', 'own: treatment-and-decisions']);
  });

  it('with a shared folder: its cases after the own ones, each folder in file-name order', () => {
    const shared = fs.mkdtempSync(path.join(os.tmpdir(), 'shared-'));
    fs.mkdirSync(path.join(shared, 'examples', 'payments'), { recursive: true });
    for (const f of ['b.csv', 'a.json', 'a.expected.json', 'notes.md']) fs.writeFileSync(path.join(shared, 'examples', 'payments', f), '');
    process.env.WC_SHARED_DIR = shared;
    try {
      expect(sharedDir()).toBe(shared);
      expect(sharedCase('payments', 'a.json')).toBe(path.join(shared, 'examples', 'payments', 'a.json'));
      const files = caseFiles('payments');
      expect(files.filter((c) => c.source === 'shared').map((c) => c.name)).toEqual(['shared: a.json', 'shared: b.csv']);
      expect(files[0].source).toBe('own');
      // A shared folder without the kind's folder is an error, not a silent skip.
      expect(() => caseFiles('medical')).toThrow(/ENOENT/);
    } finally {
      fs.rmSync(shared, { recursive: true, force: true });
    }
  });

  it('an own case that is missing is an error', () => {
    expect(() => ownCase('scenarios', 'no-such-scenario.json')).toThrow(/own case is missing/);
    expect(ownCase('payments', 'wrs-valid.csv')).toBe(path.join(ROOT, 'docs', 'examples', 'payments', 'wrs-valid.csv'));
  });
});
