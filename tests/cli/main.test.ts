// Dispatch, help, version and the error-to-exit-code contract, in-process.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';

describe('main', () => {
  it('prints help and the version on stdout with exit 0', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const io = memoryIo();
      expect(await main(argv, io)).toBe(0);
      expect(io.out).toMatch(/^Usage: selge <command>/);
      expect(io.out).toContain('check');
    }
    for (const argv of [['check', '--help'], ['help', 'check']]) {
      const io = memoryIo();
      expect(await main(argv, io)).toBe(0);
      expect(io.out).toMatch(/^Usage: selge check/);
      expect(io.out).toContain('--threshold N');
    }
    for (const argv of [['dict', '--help'], ['help', 'dict'], ['dict', 'list', '--help'], ['dict', 'validate', '-h']]) {
      const io = memoryIo();
      expect(await main(argv, io)).toBe(0);
      expect(io.out).toMatch(/^Usage: selge dict list/);
    }
    const io = memoryIo();
    expect(await main(['--version'], io)).toBe(0);
    expect(io.out).toMatch(/^selge \d+\.\d+\.\d+/);
  });

  it('exits 2 with one line on stderr and nothing on stdout for usage errors', async () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /^selge: missing command \(commands: check, dict; see selge --help\)\n$/],
      [['constructor'], /^selge: unknown command 'constructor'/],
      [['help', 'toString'], /^selge: unknown command 'toString'\n$/],
      [['chekc', 'a.txt'], /^selge: unknown command 'chekc' \(commands: check, dict\)\n$/],
      [['--bogus'], /^selge: unknown option --bogus/],
      [['check', '--lang', 'fi', 'a.txt'], /^selge: --lang must be one of auto, et, en, got 'fi'\n$/],
      [['check', '--threshold', '-2', 'a.txt'], /^selge: --threshold must be a whole number 0 or more, got '-2'/],
      [['check'], /^selge: check: no input files/],
      [['check', join(tmpdir(), 'selge-no-such-file.txt')], /^selge: .*selge-no-such-file\.txt: no such file or directory\n$/],
      [['dict'], /^selge: dict: missing subcommand/],
      [['dict', 'lits'], /^selge: dict: unknown subcommand 'lits'/],
      [['dict', 'validate'], /^selge: dict validate: no files/],
      [['dict', 'validate', 'team.txt'], /^selge: team\.txt: a dictionary file must end in \.json or \.csv, not \.txt\n$/],
      [['dict', 'list', '--format', 'xml'], /^selge: --format must be one of text, json, got 'xml'\n$/],
      [['dict', 'list', 'extra'], /^selge: dict list: unexpected argument 'extra'/],
    ];
    for (const [argv, pattern] of cases) {
      const io = memoryIo();
      expect(await main(argv, io), argv.join(' ')).toBe(2);
      expect(io.out, argv.join(' ')).toBe('');
      expect(io.err, argv.join(' ')).toMatch(pattern);
    }
  });
});
