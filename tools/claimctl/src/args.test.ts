import { parseArgs, UsageError } from './args';
import type { OptionSpec } from './args';

const specs: OptionSpec[] = [
  { name: 'json', description: 'JSON output' },
  { name: 'html', value: 'file', description: 'page' },
  { name: 'help', short: 'h', description: 'help' },
];

describe('parseArgs', () => {
  it('separates positionals, flags and options with values in either form', () => {
    expect(parseArgs(['a.json', '--json', '--html', 'out.html', 'b'], specs)).toEqual({
      positionals: ['a.json', 'b'],
      options: { json: true, html: 'out.html' },
    });
    expect(parseArgs(['--html=x=y.html', '-h'], specs).options).toEqual({ html: 'x=y.html', help: true });
  });

  it('takes everything after -- as positional, and - as a positional', () => {
    expect(parseArgs(['--', '--json', '-'], specs).positionals).toEqual(['--json', '-']);
    expect(parseArgs(['-'], specs).positionals).toEqual(['-']);
  });

  it.each([
    [['--verbose'], 'unknown option --verbose'],
    [['-x'], 'unknown option -x'],
    [['--json=yes'], 'option --json takes no value'],
    [['--html'], 'option --html needs a value <file>'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseArgs(argv, specs)).toThrow(new UsageError(message));
  });
});
