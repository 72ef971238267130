import { checkMedicalInvoices } from '@wc/payment-files';
import { EXIT_INVALID, EXIT_OK, readTextFile } from '../io';
import type { Command } from './command';

/**
 * docs/medical-invoices.md: a file of medical invoice lines checked as the payments service checks it
 * before import, exactly as `wrs check` checks a schedule: the summary as one JSON object when valid;
 * otherwise nothing on stdout and every problem, in line order, on stderr (exit 2).
 */
export const medicalCheckInvoices: Command = {
  words: ['medical', 'check-invoices'],
  operands: ['file.csv'],
  summary: 'check a CSV of medical invoice lines and print its totals',
  async run({ positionals: [file] }, io) {
    const result = checkMedicalInvoices(readTextFile(file));
    if (!result.ok) {
      io.err(result.problems.map((p) => `line ${p.line}: ${p.column}: ${p.message}\n`).join(''));
      return EXIT_INVALID;
    }
    io.out(`${JSON.stringify(result.summary)}\n`);
    return EXIT_OK;
  },
};
