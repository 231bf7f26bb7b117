import { describe, expect, it } from 'vitest';
import { parseCheckArgs, parseThreshold } from '../../src/cli/args.ts';
import { CliError } from '../../src/cli/errors.ts';

/** The one-line message a usage error carries (and main prints after "selge: "). */
function errorOf(argv: string[]): string {
  try {
    parseCheckArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).kind).toBe('usage');
    return (error as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(argv)} to be refused`);
}

describe('parseCheckArgs', () => {
  it('has defaults that leave the threshold to the core', () => {
    expect(parseCheckArgs(['a.txt'])).toEqual({
      help: false,
      lang: 'auto',
      format: 'text',
      threshold: undefined,
      includeFamiliar: false,
      dicts: [],
      inputs: ['a.txt'],
    });
  });

  it('reads every option, in both --opt value and --opt=value forms', () => {
    const args = parseCheckArgs(['--lang', 'et', '--format=json', '--threshold', '0', '--include-familiar', '--dict', 'team.json', '--dict=me.json', 'a.txt', '-', 'dir']);
    expect(args).toMatchObject({ lang: 'et', format: 'json', threshold: 0, includeFamiliar: true, dicts: ['team.json', 'me.json'], inputs: ['a.txt', '-', 'dir'] });
  });

  it('allows options after files and a file named like an option after --', () => {
    expect(parseCheckArgs(['a.txt', '--lang', 'en', '--', '--weird.txt'])).toMatchObject({ lang: 'en', inputs: ['a.txt', '--weird.txt'] });
  });

  it('accepts --help without files', () => {
    expect(parseCheckArgs(['--help']).help).toBe(true);
    expect(parseCheckArgs(['-h']).help).toBe(true);
  });

  it('refuses what it cannot use, in one line naming the culprit', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--bogus', 'a.txt'], /unknown option --bogus/],
      [['-x', 'a.txt'], /unknown option -x/],
      [['--lang', 'fi', 'a.txt'], /--lang must be one of auto, et, en, got 'fi'/],
      [['--format', 'xml', 'a.txt'], /--format must be one of text, json, got 'xml'/],
      [['--threshold', '1.5', 'a.txt'], /--threshold .*got '1.5'/],
      [['--threshold', 'two', 'a.txt'], /--threshold .*got 'two'/],
      [['--threshold', '-1', 'a.txt'], /--threshold .*got '-1'/],
      [['--threshold=-1', 'a.txt'], /--threshold .*got '-1'/],
      [['--threshold', '', 'a.txt'], /--threshold .*got ''/],
      [['a.txt', '--lang'], /--lang needs a value/],
      [['--include-familiar=yes', 'a.txt'], /--include-familiar does not take a value/],
      [['--dict', '-x.json', 'a.txt'], /--dict got '-x.json'.*--dict=-x.json/],
      [[], /no input files/],
      [['--lang', 'et'], /no input files/],
      [['-', '-'], /standard input.*only once/],
    ];
    for (const [argv, pattern] of cases) {
      const message = errorOf(argv);
      expect(message, JSON.stringify(argv)).toMatch(pattern);
      expect(message, JSON.stringify(argv)).not.toContain('\n');
    }
  });
});

describe('parseThreshold', () => {
  it('takes whole numbers 0 or more and nothing that merely converts to one', () => {
    expect(parseThreshold('0')).toBe(0);
    expect(parseThreshold('3')).toBe(3);
    expect(parseThreshold('007')).toBe(7);
    for (const raw of ['', ' 2', '2 ', '0x10', '1e3', '+1', '-0', '2.0', 'Infinity', '99999999999999999999']) {
      expect(() => parseThreshold(raw), raw).toThrow(CliError);
    }
  });
});
