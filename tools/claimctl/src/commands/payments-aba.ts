import { abaFile } from '@wc/payment-files';
import { EXIT_INVALID, EXIT_OK, readJsonFile } from '../io';
import type { Command } from './command';

/** docs/payment-files.md: the file on stdout; refused batches print nothing there and one problem per line on stderr. */
export const paymentsAba: Command = {
  words: ['payments', 'aba'],
  operands: ['batch.json'],
  summary: 'write the ABA (Cemtex) direct-entry file for a payment batch to stdout',
  async run({ positionals: [file] }, io) {
    const result = abaFile(readJsonFile(file));
    if (!result.ok) {
      io.err(result.problems.map((p) => `${p.path}: ${p.message}\n`).join(''));
      return EXIT_INVALID;
    }
    io.out(result.file);
    return EXIT_OK;
  },
};
