import { parseArgs, UsageError } from './args';
import type { OptionSpec } from './args';
import { commands } from './commands';
import type { Command } from './commands';
import { EXIT_FAILED, EXIT_INVALID, EXIT_OK, InputError, processIo } from './io';
import type { Io } from './io';
import { StatutoryPeriodError } from '@wc/rules';

const HELP: OptionSpec = { name: 'help', short: 'h', description: 'show help' };

const synopsis = (c: Command) => ['claimctl', ...c.words, ...(c.options ?? []).map((o) => `[--${o.name}${o.value ? ` <${o.value}>` : ''}]`), ...c.operands.map((o) => `<${o}>`)].join(' ');

function usage(list: Command[] = commands): string {
  const lines = list.map((c) => `  ${synopsis(c).padEnd(44)} ${c.summary}`);
  return ['usage: claimctl <command> [options]', '', 'commands:', ...lines, '', 'claimctl <command> --help shows one command. Exit status: 0 done, 2 refused input or wrong usage.', ''].join('\n');
}

function commandUsage(c: Command): string {
  const options = [...(c.options ?? []), HELP].map((o) => `  ${`${o.short ? `-${o.short}, ` : ''}--${o.name}${o.value ? ` <${o.value}>` : ''}`.padEnd(28)} ${o.description}`);
  return [`usage: ${synopsis(c)}`, '', c.summary, '', 'options:', ...options, ''].join('\n');
}

/** The command whose words start `args`, or a usage error naming what was typed. */
function select(args: string[]): Command {
  const found = commands.find((c) => c.words.every((w, i) => args[i] === w));
  if (found) return found;
  const group = commands.filter((c) => c.words[0] === args[0]);
  const typed = args.slice(0, group.length > 0 ? 2 : 1).join(' ');
  throw new UsageError(`unknown command '${typed}'\n\n${usage(group.length > 0 ? group : commands)}`);
}

/** Runs the CLI for `args` (argv without node and script) and resolves to the exit status. */
export async function run(args: string[], io: Io): Promise<number> {
  if (args.length === 0) {
    io.err(usage());
    return EXIT_INVALID;
  }
  if (args[0] === '--help' || args[0] === '-h' || args[0] === 'help') {
    io.out(usage());
    return EXIT_OK;
  }
  try {
    const command = select(args);
    const parsed = parseArgs(args.slice(command.words.length), [...(command.options ?? []), HELP]);
    if (parsed.options.help) {
      io.out(commandUsage(command));
      return EXIT_OK;
    }
    if (parsed.positionals.length !== command.operands.length) {
      throw new UsageError(`expected ${command.operands.map((o) => `<${o}>`).join(' ')}\n\n${commandUsage(command)}`);
    }
    return await command.run(parsed, io);
  } catch (e) {
    // A date before the first row of a statutory period table: the input asks what the rules do not
    // know (libs/rules/src/parameters/statutory-periods.ts refuses rather than guess), not a bug.
    if (e instanceof UsageError || e instanceof InputError || e instanceof StatutoryPeriodError) {
      io.err(`claimctl: ${e.message.trimEnd()}\n`);
      return EXIT_INVALID;
    }
    // A bug rather than bad input: still one line, since users of the CLI should never see a stack trace.
    io.err(`claimctl: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    return EXIT_FAILED;
  }
}

/** Entry point for bin/claimctl.js: takes process.argv and sets the exit status without cutting output short. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const status = await run(argv.slice(2), io);
  process.exitCode = status;
  return status;
}

if (require.main === module) void main(process.argv);
