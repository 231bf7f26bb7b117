// End to end: the real bin, the real core, the real built-in dictionary, as a support team runs
// it. Assertions about *which* terms are found stay loose (the core decides that); assertions
// about positions, exit codes and the shape of the output are exact, because they are the CLI's.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = 'tests/cli/fixtures';
const ET = `${FIXTURES}/et-unexplained.txt`;
const EN = `${FIXTURES}/en-explained.txt`;
const TIMEOUT = 60_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function selge(args: string[], input?: string | Uint8Array): Run {
  const result: SpawnSyncReturns<string> = spawnSync(process.execPath, ['src/cli/bin.mjs', ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: TIMEOUT });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The verdict line of one file, and the finding lines before it. */
function linesOf(stdout: string, file: string): { findings: string[]; verdict: string | undefined } {
  const lines = stdout.split('\n');
  return { findings: lines.filter((line) => line.startsWith(`${file}:`) && /^[^ ]+:\d+:\d+ {2}/.test(line)), verdict: lines.find((line) => line.startsWith(`${file}: `)) };
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'selge-e2e-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('selge check (spawned)', () => {
  it('fails the Estonian message and points at CRM-iga and NPSi by line and code-point column', () => {
    const run = selge(['check', ET]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const { findings, verdict } = linesOf(run.stdout, ET);
    // Line 3 has "🙂" before CRM: 47 in code points (UTF-16 would say 48).
    expect(findings).toContainEqual(expect.stringMatching(new RegExp(`^${ET}:3:47  CRM\\b.* unexplained — \\S`)));
    expect(findings).toContainEqual(expect.stringMatching(new RegExp(`^${ET}:4:23  NPS\\b.* unexplained — \\S`)));
    expect(verdict).toMatch(/: fail — [2-9]\d* questions \(threshold 1, Estonian\)$/);
    expect(run.stdout.endsWith('\n')).toBe(true);
  }, TIMEOUT);

  it('gives the same positions for the message saved with CRLF line endings', async () => {
    const crlf = join(tmp, 'crlf.txt');
    await writeFile(crlf, (await readFile(join(ROOT, ET), 'utf8')).replaceAll('\n', '\r\n'));
    const run = selge(['check', crlf]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${crlf}:3:47  CRM`);
    expect(run.stdout).toContain(`${crlf}:4:23  NPS`);
  }, TIMEOUT);

  it('passes the English message that explains "Net Promoter Score (NPS)"', () => {
    const run = selge(['check', EN]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/NPS\b.* unexplained/);
    expect(linesOf(run.stdout, EN).verdict).toMatch(/^tests\/cli\/fixtures\/en-explained\.txt: pass — \d+ questions? \(threshold 1, English\)$/);
  }, TIMEOUT);

  it('shows the explained NPS, marked, with --include-familiar', () => {
    const run = selge(['check', '--include-familiar', EN]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^${EN}:3:46  NPS  explained — `, 'm'));
  }, TIMEOUT);

  it('lets --threshold decide the verdict', () => {
    const run = selge(['check', '--threshold', '10', ET]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/: pass — \d+ questions? \(threshold 10, Estonian\)$/m);
  }, TIMEOUT);

  it('checks several files, exits 1 if any fails, and ends with totals', () => {
    const run = selge(['check', EN, ET]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.findIndex((l) => l.startsWith(`${EN}: pass`))).toBeLessThan(lines.findIndex((l) => l.startsWith(`${ET}: fail`)));
    expect(lines.at(-1)).toBe('2 files: 1 fail, 1 pass');
  }, TIMEOUT);

  it('reads standard input for - and calls it <stdin>', async () => {
    const run = selge(['check', '-'], await readFile(join(ROOT, ET), 'utf8'));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('<stdin>:3:47  CRM');
    expect(run.stdout).toMatch(/^<stdin>: fail — /m);
  }, TIMEOUT);

  it('prints one JSON report per file per line with --format json', () => {
    const run = selge(['check', '--format', 'json', ET, EN]);
    expect(run.code).toBe(1);
    const reports = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(reports.map((report) => [report.file, report.verdict, report.language])).toEqual([
      [ET, 'fail', 'et'],
      [EN, 'pass', 'en'],
    ]);
    const crm = reports[0].findings.find((finding: { term: string }) => finding.term === 'CRM');
    expect(crm).toMatchObject({ text: 'CRM-iga', explained: false, line: 3, column: 47 });
    expect(reports[0].questions).toBeGreaterThanOrEqual(2);
  }, TIMEOUT);

  it('uses a team dictionary from --dict, over the built-in one', async () => {
    const message = join(tmp, 'tkp.txt');
    await writeFile(message, 'Tere!\nTeie TKP on meie CRM-is kirjas.\n');
    const without = selge(['check', message]);
    expect(without.stdout).toContain(`${message}:2:6  TKP  unexplained — unknown acronym — no meaning in the dictionary`);
    const run = selge(['check', '--dict', `${FIXTURES}/team.json`, message]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${message}:2:6  TKP  unexplained — tagasihelistamise palve: Klient palus, et me talle tagasi helistaksime.`);
    expect(run.stdout).toContain(`${message}:2:18  CRM (CRM-is)  unexplained — meie kliendiregister: `);
  }, TIMEOUT);

  it('walks a directory for .txt and .md macros', async () => {
    const dir = join(tmp, 'macros');
    await mkdir(join(dir, 'replies'), { recursive: true });
    await writeFile(join(dir, 'welcome.txt'), await readFile(join(ROOT, EN)));
    await writeFile(join(dir, 'replies', 'crm.md'), await readFile(join(ROOT, ET)));
    await writeFile(join(dir, 'notes.json'), '{"not": "a macro"}');
    const run = selge(['check', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${join(dir, 'replies', 'crm.md')}:3:47  CRM`);
    expect(run.stdout).toContain(`${join(dir, 'welcome.txt')}: pass`);
    expect(run.stdout).not.toContain('notes.json');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('2 files: 1 fail, 1 pass');
  }, TIMEOUT);
});

describe('selge errors (spawned): exit 2, one line on stderr, nothing on stdout', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['binary file', ['check', `${FIXTURES}/binary.png`], /^selge: tests\/cli\/fixtures\/binary\.png: binary file/],
    ['missing file', ['check', ET, `${FIXTURES}/missing.txt`], /^selge: tests\/cli\/fixtures\/missing\.txt: no such file or directory$/],
    ['unknown flag', ['check', '--colour', ET], /^selge: unknown option --colour/],
    ['bad --lang', ['check', '--lang', 'fi', ET], /^selge: --lang must be one of auto, et, en, got 'fi'$/],
    ['negative threshold', ['check', '--threshold', '-1', ET], /^selge: --threshold must be a whole number 0 or more, got '-1'$/],
    ['fractional threshold', ['check', '--threshold=1.5', ET], /^selge: --threshold must be a whole number 0 or more, got '1.5'$/],
    ['unknown command', ['chek', ET], /^selge: unknown command 'chek'/],
    ['dictionary that is not JSON', ['check', '--dict', `${FIXTURES}/broken-json.json`, ET], /^selge: tests\/cli\/fixtures\/broken-json\.json:4: is not valid JSON \(/],
    ['invalid dictionary pack', ['check', '--dict', `${FIXTURES}/invalid-dict.json`, ET], /^selge: tests\/cli\/fixtures\/invalid-dict\.json\b/],
    ['missing dictionary', ['check', '--dict', `${FIXTURES}/nope.json`, ET], /^selge: tests\/cli\/fixtures\/nope\.json: no such file or directory$/],
  ];
  it.each(cases)('%s', (_name, args, stderr) => {
    const run = selge(args);
    expect(run.stdout).toBe('');
    expect(run.stderr.endsWith('\n')).toBe(true);
    expect(run.stderr.trimEnd()).toMatch(stderr);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.code).toBe(2);
  }, TIMEOUT);
});

describe('selge help and version (spawned)', () => {
  it('prints help and version with exit 0', () => {
    expect(selge(['--help'])).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^Usage: selge <command>/) });
    expect(selge(['check', '--help'])).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^Usage: selge check/) });
    expect(selge(['--version'])).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^selge \d+\.\d+\.\d+\n$/) });
  }, TIMEOUT);
});

describe('npx selge', () => {
  it('runs this project\'s own bin from the project root', () => {
    const result = spawnSync('npx', ['selge', 'check', ET], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    if (result.error) throw result.error;
    // npm may print its own warnings (e.g. about the user's npmrc); only ours count.
    const stderr = result.stderr.split('\n').filter((line) => line && !line.startsWith('npm warn')).join('\n');
    expect(stderr).toBe('');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`${ET}:3:47  CRM`);
  }, 120_000);
});
