import type { OptionSpec, ParsedArgs } from '../args';
import type { Io } from '../io';

/** One `claimctl` command. New commands (simulate, token, payments run) are new modules of this shape. */
export interface Command {
  /** The words that select it, e.g. `['payments', 'aba']`. */
  words: string[];
  /** Names of the positional arguments, e.g. `['batch.json']`; the CLI insists on exactly these. */
  operands: string[];
  summary: string;
  options?: OptionSpec[];
  /** Resolves to the exit status. */
  run(args: ParsedArgs, io: Io): Promise<number>;
}
