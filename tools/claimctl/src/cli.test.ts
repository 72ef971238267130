import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { caseFiles, expectedFile, ownCase, sharedDir } from '../../test-cases/src';

// Runs the built CLI the way a user does, so exit codes and the stdout/stderr split are what ships.
// `npm test` builds first; after editing, run `npm run build` before this file.
const repoRoot = path.resolve(__dirname, '..', '..', '..');
// The examples (docs/payment-files.md, docs/medical-assessment.md): the repository's own always,
// the shared ones too when ../shared (or WC_SHARED_DIR) exists.
const abaExamples = caseFiles('payments').filter((c) => c.file.endsWith('.json') && expectedFile(c.file, 'aba'));
const medicalExamples = caseFiles('medical');
const bin = path.join(repoRoot, 'tools', 'claimctl', 'bin', 'claimctl.js');
const docExamples = path.join(repoRoot, 'docs', 'examples');
let tmp: string;

function claimctl(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: repoRoot, encoding: 'latin1' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(name: string, text: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
}

beforeAll(() => {
  if (!fs.existsSync(path.join(repoRoot, 'tools', 'claimctl', 'dist', 'cli.js'))) {
    throw new Error('tools/claimctl/dist is missing: run `npm run build` first');
  }
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'claimctl-test-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('claimctl payments aba', () => {
  it("has the repository's own batches with their expected files", () => {
    expect(abaExamples.filter((c) => c.source === 'own').length).toBeGreaterThanOrEqual(2);
    if (sharedDir()) expect(abaExamples.some((c) => c.source === 'shared')).toBe(true);
  });

  it.each(abaExamples.map((c) => [c.name, c.file] as const))('writes the file of %s to stdout and nothing to stderr', (_name, input) => {
    const expected = fs.readFileSync(expectedFile(input, 'aba')!, 'latin1');
    expect(claimctl('payments', 'aba', input)).toEqual({ status: 0, stdout: expected, stderr: '' });
  });

  it('writes the documented example batch, balancing record included', () => {
    const r = claimctl('payments', 'aba', path.join(docExamples, 'aba-batch.json'));
    expect(r.status).toBe(0);
    expect(r.stdout.split('\r\n').map((l) => l[0])).toEqual(['0', '1', '1', '1', '7', undefined]);
  });

  it('refuses an invalid batch with exit 2, one problem per stderr line and nothing on stdout', () => {
    const batch = JSON.parse(fs.readFileSync(path.join(docExamples, 'aba-batch.json'), 'utf8'));
    batch.payments[1].bsb = '733042';
    batch.userId = '1234567';
    const r = claimctl('payments', 'aba', write('bad-batch.json', JSON.stringify(batch)));
    expect(r).toEqual({ status: 2, stdout: '', stderr: 'userId: must be 1 to 6 digits\npayments[1].bsb: must be NNN-NNN\n' });
  });

  it('gives one line and exit 2 for a file that is not JSON or cannot be read', () => {
    const bad = claimctl('payments', 'aba', write('not.json', '{"payments": ['));
    expect(bad).toMatchObject({ status: 2, stdout: '' });
    expect(bad.stderr).toMatch(/^claimctl: .*not\.json: not valid JSON: [^\n]*\n$/);
    const missing = claimctl('payments', 'aba', path.join(tmp, 'missing.json'));
    expect(missing).toMatchObject({ status: 2, stdout: '' });
    expect(missing.stderr).toMatch(/^claimctl: cannot read .*missing\.json: no such file\n$/);
  });
});

describe('claimctl wrs check', () => {
  it('prints one JSON summary on stdout for a valid schedule', () => {
    const r = claimctl('wrs', 'check', path.join(docExamples, 'wage-reimbursement-schedule.csv'));
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout)).toEqual({ lines: 4, claims: 3, grossEarnings: '2392.50', compensationPaid: '3633.10', paygWithheld: '607.00' });
  });

  it('refuses an invalid schedule with exit 2, problems in line order on stderr and nothing on stdout', () => {
    const csv = [
      'claim_number,period_start,period_end,hours_worked,gross_earnings,compensation_paid,payg_withheld',
      'CLM000001,2026-08-10,2026-08-09,8,1.00,2.00,0.00',
      'CLM000001,2026-08-10,2026-08-16,8,1.00,2.00',
    ].join('\n');
    expect(claimctl('wrs', 'check', write('bad.csv', csv))).toEqual({
      status: 2,
      stdout: '',
      stderr: 'line 2: period_end: before period_start\nline 3: fields: expected 7 fields, found 6\n',
    });
  });
});

describe('claimctl usage', () => {
  it('prints usage on stdout with exit 0 for --help', () => {
    for (const args of [['--help'], ['-h']]) {
      const r = claimctl(...args);
      expect(r).toMatchObject({ status: 0, stderr: '' });
      expect(r.stdout).toMatch(/payments aba <batch\.json>[\s\S]*wrs check <schedule\.csv>/);
    }
    expect(claimctl('wrs', 'check', '--help')).toMatchObject({ status: 0, stdout: expect.stringMatching(/^usage: claimctl wrs check/) });
  });

  it.each([[['frobnicate']], [['payments', 'refund', 'x.json']], [[]]])('prints usage on stderr with exit 2 for %j', (args) => {
    const r = claimctl(...args);
    expect(r).toMatchObject({ status: 2, stdout: '' });
    expect(r.stderr).toMatch(/usage: claimctl/);
  });

  it('refuses a missing operand or an unknown option with exit 2', () => {
    expect(claimctl('payments', 'aba')).toMatchObject({ status: 2, stdout: '', stderr: expect.stringMatching(/^claimctl: expected <batch\.json>/) });
    expect(claimctl('wrs', 'check', 'x.csv', '--fast')).toMatchObject({ status: 2, stdout: '', stderr: 'claimctl: unknown option --fast\n' });
  });
});

describe('claimctl medical assess', () => {
  it("has the repository's own examples to run, and the shared ones when the shared folder is there", () => {
    expect(medicalExamples.filter((c) => c.source === 'own').length).toBeGreaterThanOrEqual(3);
    if (sharedDir()) expect(medicalExamples.some((c) => c.source === 'shared')).toBe(true);
  });

  it.each(medicalExamples.map((c) => [c.name, c.file] as const))('%s: the assessment equals its .expected.json exactly', (_name, file) => {
    const r = claimctl('medical', 'assess', file);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(fs.readFileSync(expectedFile(file)!, 'utf8')));
  });

  it('a date before any recorded s59A period is refused as input (exit 2, the table named), not an internal error', () => {
    const batch = JSON.parse(fs.readFileSync(ownCase('medical', 'entitlement-period-from-a-leap-day.json'), 'utf8'));
    batch.claim.weeklyPayments = { status: 'ceased', on: '2018-06-29' };
    const r = claimctl('medical', 'assess', write('early-s59a.json', JSON.stringify(batch)));
    expect(r).toMatchObject({ status: 2, stdout: '' });
    expect(r.stderr).toMatch(/^claimctl: s59aMedicalPeriod: no period is recorded for 2018-06-29 \(the first row is from 2019-08-12\)\n$/);
  });

  it('refuses a bad batch whole: exit 2, one `file: field: problem` line each, nothing on stdout', () => {
    const batch = JSON.parse(fs.readFileSync(ownCase('medical', 'provisional-cap.json'), 'utf8'));
    batch.lines.push({ ...batch.lines[0] }); // the same line number again
    batch.lines[0].units = 1.5;
    batch.lines[0].charged = '84.2';
    batch.claim.liability = 'maybe';
    batch.claim.wpi = 101;
    batch.claim.weeklyPayments = { status: 'ceased' };
    batch.approvals = [{ id: 'A1', provider: 'P1', items: ['PTA002'], from: '2026-05-10', to: '2026-03-10', units: 0 }];
    const file = write('bad-medical.json', JSON.stringify(batch));
    const r = claimctl('medical', 'assess', file);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter(Boolean).sort()).toEqual(
      [
        `${file}: approvals[0].to: is before from (2026-05-10)`,
        `${file}: approvals[0].units: must be a whole number of at least 1`,
        `${file}: claim.liability: must be one of provisional, accepted, disputed, got "maybe"`,
        `${file}: claim.weeklyPayments.on: is required`,
        `${file}: claim.wpi: must be a number from 0 to 100, or null`,
        `${file}: lines[0].charged: must be an amount as a string with two decimal places, e.g. "95.00"`,
        `${file}: lines[0].units: must be a whole number of at least 1`,
        `${file}: lines[${batch.lines.length - 1}].line: repeats line 1`,
      ].sort(),
    );
  });
});

describe('claimctl medical check-invoices', () => {
  it('prints the documented summary as one JSON line for the valid example', () => {
    // docs/medical-invoices.md: 6 lines (line 5 is blank), 5 invoices, 2 claims, 4 providers, and
    // 110.00 + 95.00 + 184.00 + 79.95 + 0.00 + 1450.00 = 1918.95 charged.
    expect(claimctl('medical', 'check-invoices', path.join(docExamples, 'medical-invoices-valid.csv'))).toEqual({
      status: 0,
      stdout: '{"lines":6,"invoices":5,"claims":2,"providers":4,"charged":"1918.95"}\n',
      stderr: '',
    });
  });

  it('refuses the invalid example with exit 2, every problem in line order on stderr and nothing on stdout', () => {
    const header = 'claim_number,invoice_number,provider_abn,payee,service_date,item,units,charged';
    expect(claimctl('medical', 'check-invoices', path.join(docExamples, 'medical-invoices-invalid.csv'))).toEqual({
      status: 2,
      stdout: '',
      stderr: [
        `line 1: header: must be exactly ${header}`,
        'line 3: fields: repeats line 2',
        'line 3: charged: must have exactly 2 decimal places',
        'line 4: claim_number: must not be empty',
        'line 4: invoice_number: must contain only letters, digits, -, /, . and _',
        'line 4: charged: must not be negative',
        'line 5: invoice_number: must not be empty',
        'line 5: provider_abn: is not a valid ABN (check digits do not match)',
        'line 5: payee: must be provider or worker',
        'line 5: service_date: must be a date YYYY-MM-DD',
        'line 5: charged: must be a plain number (no $ sign or thousands separators)',
        'line 6: invoice_number: must be at most 30 characters',
        'line 6: provider_abn: must be 11 digits with no spaces',
        'line 6: charged: must not be empty',
        'line 7: units: must be a whole number from 1 to 99',
        'line 7: charged: must be at most 99999.99',
        'line 8: item: must be 1 to 12 capital letters and digits',
        'line 8: charged: must be an amount such as 95.00',
        'line 9: fields: expected 8 fields, found 7',
        'line 10: fields: quote inside an unquoted field (quote the whole field and double the quote)',
        'line 11: fields: text after a closing quote (quote the whole field)',
        'line 12: fields: quoted field is never closed',
        '',
      ].join('\n'),
    });
  });

  it('gives the one-line claimctl message and exit 2 for a missing file or one that is not UTF-8', () => {
    const missing = claimctl('medical', 'check-invoices', path.join(tmp, 'missing.csv'));
    expect(missing).toMatchObject({ status: 2, stdout: '' });
    expect(missing.stderr).toMatch(/^claimctl: cannot read .*missing\.csv: no such file\n$/);
    const header = 'claim_number,invoice_number,provider_abn,payee,service_date,item,units,charged\n';
    const latin1 = path.join(tmp, 'latin1.csv');
    fs.writeFileSync(latin1, Buffer.concat([Buffer.from(header), Buffer.from('WC0000123,NP-1042,51824753556,provider,2026-03-12,PTA002,1,95.00,caf\xe9\n', 'latin1')]));
    const notUtf8 = claimctl('medical', 'check-invoices', latin1);
    expect(notUtf8).toEqual({ status: 2, stdout: '', stderr: `claimctl: ${latin1}: not UTF-8 text\n` });
  });

  it('is listed in the usage and refuses a missing operand', () => {
    expect(claimctl('--help').stdout).toMatch(/medical assess <batch\.json>[\s\S]*medical check-invoices <file\.csv>/);
    expect(claimctl('medical', 'check-invoices')).toMatchObject({ status: 2, stdout: '', stderr: expect.stringMatching(/^claimctl: expected <file\.csv>/) });
  });
});

// Issue 14: each process's own service-credential key pair, as the env lines docker compose and
// `kubectl create secret` take (docker-compose.yml, deploy/k8s/README.md).
describe('claimctl service-keys', () => {
  it("prints each process's own private key and the public keys that match them, new each time", () => {
    const r = claimctl('service-keys');
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    const vars = Object.fromEntries(
      r.stdout
        .split('\n')
        .filter((l) => l && !l.startsWith('#'))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1).replace(/^'(.*)'$/, '$1')]),
    );
    expect(Object.keys(vars)).toEqual(['CLAIM_WORKER_PRIVATE_KEY', 'NOTIFICATIONS_SERVICE_PRIVATE_KEY', 'PAYMENTS_SERVICE_PRIVATE_KEY', 'AUTH_SERVICE_PUBLIC_KEYS']);
    const publicKeys = JSON.parse(vars.AUTH_SERVICE_PUBLIC_KEYS) as Record<string, string>;
    expect(Object.keys(publicKeys)).toEqual(['claim-worker', 'notifications-service', 'payments-service']);
    for (const [name, variable] of [
      ['claim-worker', 'CLAIM_WORKER_PRIVATE_KEY'],
      ['notifications-service', 'NOTIFICATIONS_SERVICE_PRIVATE_KEY'],
      ['payments-service', 'PAYMENTS_SERVICE_PRIVATE_KEY'],
    ]) {
      const own = crypto.createPrivateKey({ key: Buffer.from(vars[variable], 'base64'), format: 'der', type: 'pkcs8' });
      expect([name, own.asymmetricKeyType]).toEqual([name, 'ed25519']);
      expect([name, crypto.createPublicKey(own).export({ format: 'der', type: 'spki' }).toString('base64')]).toEqual([name, publicKeys[name]]);
    }
    expect(claimctl('service-keys').stdout).not.toContain(vars.CLAIM_WORKER_PRIVATE_KEY);
  });
});
