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
    const io = memoryIo();
    expect(await main(['--version'], io)).toBe(0);
    expect(io.out).toMatch(/^selge \d+\.\d+\.\d+/);
  });

  it('exits 2 with one line on stderr and nothing on stdout for usage errors', async () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /^selge: missing command \(commands: check; see selge --help\)\n$/],
      [['constructor'], /^selge: unknown command 'constructor'/],
      [['help', 'toString'], /^selge: unknown command 'toString'\n$/],
      [['chekc', 'a.txt'], /^selge: unknown command 'chekc' \(commands: check\)\n$/],
      [['--bogus'], /^selge: unknown option --bogus/],
      [['check', '--lang', 'fi', 'a.txt'], /^selge: --lang must be one of auto, et, en, got 'fi'\n$/],
      [['check', '--threshold', '-2', 'a.txt'], /^selge: --threshold must be a whole number 0 or more, got '-2'/],
      [['check'], /^selge: check: no input files/],
      [['check', join(tmpdir(), 'selge-no-such-file.txt')], /^selge: .*selge-no-such-file\.txt: no such file or directory\n$/],
    ];
    for (const [argv, pattern] of cases) {
      const io = memoryIo();
      expect(await main(argv, io), argv.join(' ')).toBe(2);
      expect(io.out, argv.join(' ')).toBe('');
      expect(io.err, argv.join(' ')).toMatch(pattern);
    }
  });
});
