/**
 * A small argument parser, so the CLI needs nothing beyond Node. It knows only what a command
 * declares: `--flag`, `--name value`, `--name=value`, `-h`, and `--` to end options.
 */

export interface OptionSpec {
  name: string;
  /** A one-letter alias, without the dash. */
  short?: string;
  /** Takes a value (`--html page.html`); otherwise it is a flag. */
  value?: string;
  description: string;
}

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | true>;
}

/** A mistake in how the command was called: the message is one line for stderr, and the exit status 2. */
export class UsageError extends Error {}

function findOption(token: string, specs: OptionSpec[]): OptionSpec {
  const spec = token.startsWith('--') ? specs.find((s) => s.name === token.slice(2)) : specs.find((s) => s.short === token.slice(1));
  if (!spec) throw new UsageError(`unknown option ${token}`);
  return spec;
}

export function parseArgs(argv: string[], specs: OptionSpec[]): ParsedArgs {
  const result: ParsedArgs = { positionals: [], options: {} };
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === '--') {
      result.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (token === '-' || !token.startsWith('-')) {
      result.positionals.push(token);
      continue;
    }
    const eq = token.startsWith('--') ? token.indexOf('=') : -1;
    const spec = findOption(eq === -1 ? token : token.slice(0, eq), specs);
    if (!spec.value) {
      if (eq !== -1) throw new UsageError(`option --${spec.name} takes no value`);
      result.options[spec.name] = true;
    } else if (eq !== -1) {
      result.options[spec.name] = token.slice(eq + 1);
    } else if (i + 1 < argv.length) {
      result.options[spec.name] = argv[++i];
    } else {
      throw new UsageError(`option --${spec.name} needs a value <${spec.value}>`);
    }
  }
  return result;
}
