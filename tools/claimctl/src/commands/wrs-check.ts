import { checkWageSchedule } from '@wc/payment-files';
import { EXIT_INVALID, EXIT_OK, readTextFile } from '../io';
import type { Command } from './command';

/** docs/payment-files.md: the summary as one JSON object when valid; otherwise every problem, in line order, on stderr. */
export const wrsCheck: Command = {
  words: ['wrs', 'check'],
  operands: ['schedule.csv'],
  summary: "check an employer's wage reimbursement schedule and print its totals",
  async run({ positionals: [file] }, io) {
    const result = checkWageSchedule(readTextFile(file));
    if (!result.ok) {
      io.err(result.problems.map((p) => `line ${p.line}: ${p.column}: ${p.message}\n`).join(''));
      return EXIT_INVALID;
    }
    io.out(`${JSON.stringify(result.summary)}\n`);
    return EXIT_OK;
  },
};
