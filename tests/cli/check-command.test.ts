// The check command in-process, with a stand-in checker, so its ordering and exit codes are
// tested independently of what the real core finds (the end-to-end tests use the real one).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckOptions, CompiledDictionary, Finding, Report } from '../../src/core/types.ts';
import { runCheck, type CheckDeps } from '../../src/cli/check-command.ts';
import { inputError } from '../../src/cli/errors.ts';
import { memoryIo } from '../../src/cli/io.ts';

const DICTIONARY: CompiledDictionary = { format: 'selge-compiled/1', entries: [], acronyms: {}, dotted: {}, words: {}, phrases: {}, capitals: [] };

/** Every run of 2+ capitals is an unexplained acronym; the threshold defaults to 1 as in the core. */
function fakeDeps(calls: { dicts?: readonly string[]; options?: Omit<CheckOptions, 'dictionary'> } = {}): CheckDeps {
  return {
    async loadDictionary(dicts) {
      calls.dicts = dicts;
      if (dicts.includes('broken.json')) throw inputError('broken.json: entries[0].term is missing');
      return DICTIONARY;
    },
    check(text, { dictionary, ...options }): Report {
      calls.options = options;
      const findings: Finding[] = [...text.matchAll(/\p{Lu}{2,}/gu)].map((m) => ({
        start: m.index,
        end: m.index + m[0].length,
        text: m[0],
        term: m[0],
        kind: 'acronym',
        explained: false,
        familiar: false,
        meanings: [],
      }));
      const threshold = options.threshold ?? 1;
      const questions = new Set(findings.map((f) => f.term)).size;
      return { language: options.language === 'et' ? 'et' : 'en', questions, threshold, verdict: questions > threshold ? 'fail' : 'pass', findings };
    },
  };
}

let dir: string;
let pass: string;
let fail: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'selge-check-'));
  pass = join(dir, 'pass.txt');
  fail = join(dir, 'fail.txt');
  await writeFile(pass, 'Hello, one ABC here.\n');
  await writeFile(fail, 'Hello\r\n😀 XYZ and QRS.\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('runCheck', () => {
  it('exits 0 and prints a verdict line when every file passes', async () => {
    const io = memoryIo();
    expect(await runCheck([pass], io, fakeDeps())).toBe(0);
    expect(io.out).toBe(`${pass}:1:12  ABC  unexplained — unknown acronym — no meaning in the dictionary\n${pass}: pass — 1 question (threshold 1, English)\n`);
    expect(io.err).toBe('');
  });

  it('exits 1 when any file fails, and totals a multi-file run', async () => {
    const io = memoryIo();
    expect(await runCheck([pass, fail], io, fakeDeps())).toBe(1);
    const lines = io.out.trimEnd().split('\n');
    expect(lines).toContain(`${fail}:2:3  XYZ  unexplained — unknown acronym — no meaning in the dictionary`);
    expect(lines).toContain(`${fail}:2:11  QRS  unexplained — unknown acronym — no meaning in the dictionary`);
    expect(lines).toContain(`${fail}: fail — 2 questions (threshold 1, English)`);
    expect(lines.at(-1)).toBe('2 files: 1 fail, 1 pass');
  });

  it('passes --lang, --threshold and --include-familiar to the checker and --dict files to the loader', async () => {
    const calls: Parameters<typeof fakeDeps>[0] = {};
    expect(await runCheck(['--lang', 'et', '--threshold', '2', '--include-familiar', '--dict', 'team.json', '--dict', 'me.json', fail], memoryIo(), fakeDeps(calls))).toBe(0);
    expect(calls.options).toEqual({ language: 'et', threshold: 2, includeFamiliar: true });
    expect(calls.dicts).toEqual(['team.json', 'me.json']);
  });

  it('leaves the threshold to the checker when not given', async () => {
    const calls: Parameters<typeof fakeDeps>[0] = {};
    await runCheck([pass], memoryIo(), fakeDeps(calls));
    expect(calls.options).toEqual({ language: 'auto', threshold: undefined, includeFamiliar: false });
  });

  it('prints JSON Lines with --format json: one report per file, no totals', async () => {
    const io = memoryIo();
    expect(await runCheck(['--format', 'json', pass, '-'], io, fakeDeps())).toBe(0);
    const reports = io.out.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(reports.map((r) => r.file)).toEqual([pass, '<stdin>']);
    expect(reports[0]).toMatchObject({ verdict: 'pass', questions: 1, findings: [{ term: 'ABC', line: 1, column: 12 }] });
    expect(reports[1]).toMatchObject({ verdict: 'pass', questions: 0, findings: [] });
  });

  it('reads standard input for -', async () => {
    const io = memoryIo('Hi\nsee the KPI and the SLA');
    expect(await runCheck(['-'], io, fakeDeps())).toBe(1);
    expect(io.out).toContain('<stdin>:2:9  KPI  unexplained');
    expect(io.out).toContain('<stdin>: fail — 2 questions');
  });

  it('writes nothing to stdout when an input or the dictionary is bad', async () => {
    for (const argv of [[pass, join(dir, 'missing.txt')], ['--dict', 'broken.json', pass]]) {
      const io = memoryIo();
      await expect(runCheck(argv, io, fakeDeps())).rejects.toThrow(/missing\.txt: no such file|broken\.json: entries\[0\]/);
      expect(io.out).toBe('');
    }
  });
});
