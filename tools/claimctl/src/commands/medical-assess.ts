import { parseMedicalBatch } from '@wc/contracts';
import { assessMedicalBatch } from '@wc/rules';
import { EXIT_INVALID, EXIT_OK, readJsonFile } from '../io';
import type { Command } from './command';

/**
 * docs/medical-assessment.md: every line of a batch assessed by the same code the payments service applies to the
 * invoice lines it imports; the assessment as JSON on stdout. A bad batch prints nothing there and
 * one `file: path.to.field: what is wrong` per problem on stderr (exit 2).
 */
export const medicalAssess: Command = {
  words: ['medical', 'assess'],
  operands: ['batch.json'],
  summary: 'assess a batch of medical invoice lines (provider, fee order, entitlement period, approval, duplicates, provisional cap)',
  async run({ positionals: [file] }, io) {
    const parsed = parseMedicalBatch(readJsonFile(file));
    if (!parsed.ok) {
      io.err(parsed.problems.map((p) => `${file}: ${p.path}: ${p.message}\n`).join(''));
      return EXIT_INVALID;
    }
    const a = assessMedicalBatch(parsed.batch);
    // docs/medical-assessment.md's output: each line's status, payable amount and reasons (the approval used stays inside the platform).
    const out = { claimNumber: a.claimNumber, lines: a.lines.map(({ line, status, payable, reasons }) => ({ line, status, payable, reasons })), totals: a.totals };
    io.out(`${JSON.stringify(out, null, 2)}\n`);
    return EXIT_OK;
  },
};
