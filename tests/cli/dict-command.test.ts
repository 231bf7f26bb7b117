// `selge dict list` and `selge dict validate`: in-process for the details, spawned for the
// end-to-end contract (exit codes, one line per problem with the right line numbers).
// The built-in packs change as they grow, so expectations about them come from loadPacks().
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEntries, renderListText, sensesInShort } from '../../src/cli/dict-command.ts';
import { memoryIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import { loadPacks } from '../../src/dictionary/load-node.ts';
import type { Entry, Pack } from '../../src/dictionary/schema.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = 'tests/cli/fixtures';
const TIMEOUT = 60_000;

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'selge-dict-cmd-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

function sense(en: string, et: string) {
  return { en: { expansion: en, explanation: 'Explained.', plain: en }, et: { expansion: et, explanation: 'Seletatud.', plain: et } };
}
const entry = (term: string, senses: ReturnType<typeof sense>[]): Entry => ({ term, kind: 'acronym', familiarity: 'field', senses, source: 'Test: made up' });
const pack = (name: string, entries: Entry[]): Pack => ({ pack: name, title: { et: name, en: name }, entries });

describe('dict list (in-process)', () => {
  it('prints every built-in entry, one per line, in pack order', async () => {
    const packs = loadPacks();
    const { code, out, err } = await run(['dict', 'list']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(packs.reduce((n, p) => n + p.entries.length, 0));
    const first = packs[0]!;
    expect(lines[0]).toMatch(new RegExp(`^${first.pack} +${first.entries[0]!.term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} +${first.entries[0]!.kind} +${first.entries[0]!.familiarity} +\\S`));
  });

  it('--pack keeps one pack; --format json prints JSON Lines with the full entry and its pack', async () => {
    const packs = loadPacks();
    const chosen = packs.at(-1)!;
    const { code, out } = await run(['dict', 'list', '--pack', chosen.pack, '--format', 'json']);
    expect(code).toBe(0);
    const objects = out.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(objects).toEqual(chosen.entries.map((e) => ({ pack: chosen.pack, ...e })));
  });

  it('lists --dict packs after the built-in ones and marks what they replace', async () => {
    const { code, out } = await run(['dict', 'list', '--dict', `${FIXTURES}/team.csv`]);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines.slice(-2)).toEqual([
      expect.stringMatching(/^team +TKP +acronym +field +callback request \/ tagasihelistamise palve$/),
      expect.stringMatching(/^team +CRM +acronym +field +our customer register \/ meie kliendiregister$/),
    ]);
    const builtinCrm = lines.find((line) => /^\S+ +CRM /.test(line) && !line.startsWith('team'));
    if (builtinCrm) expect(builtinCrm).toMatch(/ {2}\[replaced by team\]$/);
    const json = await run(['dict', 'list', '--dict', `${FIXTURES}/team.csv`, '--format', 'json', '--pack', 'team']);
    expect(json.out.trimEnd().split('\n').map((line) => JSON.parse(line).term)).toEqual(['TKP', 'CRM']);
  });

  it('refuses an unknown --pack with exit 2, naming the known packs, and prints nothing', async () => {
    const { code, out, err } = await run(['dict', 'list', '--pack', 'nope', '--dict', `${FIXTURES}/team.json`]);
    expect(code).toBe(2);
    expect(out).toBe('');
    const known = [...loadPacks().map((p) => p.pack), 'team'].join(', ');
    expect(err).toBe(`selge: --pack: no pack named 'nope' (known packs: ${known})\n`);
  });

  it('aligns the columns and shortens senses', () => {
    const packs = [pack('cx', [entry('CS', [sense('customer service; client service', 'klienditeenindus'), sense('customer success', 'customer success')]), entry('NPS', [sense('Net Promoter Score', 'soovitusindeks')])]), pack('mine', [entry('cs', [sense('my CS', 'minu CS')])])];
    expect(sensesInShort(packs[0]!.entries[0]!)).toBe('customer service / klienditeenindus | customer success');
    expect(renderListText(listEntries(packs))).toBe(
      [
        'cx    CS   acronym  field     customer service / klienditeenindus | customer success  [replaced by mine]',
        'cx    NPS  acronym  field     Net Promoter Score / soovitusindeks',
        'mine  cs   acronym  field     my CS / minu CS',
        '',
      ].join('\n'),
    );
  });
});

describe('dict validate (in-process)', () => {
  it('prints OK with the entry count for each valid file, exit 0', async () => {
    const { code, out, err } = await run(['dict', 'validate', `${FIXTURES}/team.json`, `${FIXTURES}/team.csv`]);
    expect(err).toBe('');
    expect(out).toBe(`${FIXTURES}/team.json: OK, 2 entries (pack "team")\n${FIXTURES}/team.csv: OK, 2 entries (pack "team")\n`);
    expect(code).toBe(0);
  });

  it('prints one line per problem and exits 1 when any file is invalid', async () => {
    const { code, out } = await run(['dict', 'validate', `${FIXTURES}/team.csv`, `${FIXTURES}/invalid-dict.json`]);
    expect(code).toBe(1);
    expect(out).toBe(`${FIXTURES}/team.csv: OK, 2 entries (pack "team")\n${FIXTURES}/invalid-dict.json:5: entry "TKP": senses: must have at least one sense.\n`);
  });

  it('treats a file over the size limit as invalid (exit 1), without reading it', async () => {
    const big = join(tmp, 'big.json');
    await writeFile(big, ' '.repeat(3_000_000));
    const { code, out } = await run(['dict', 'validate', big]);
    expect(code).toBe(1);
    expect(out).toBe(`${big}:1: is 3,000,000 bytes; a user or team dictionary may be at most 2,000,000 bytes (2000 entries).\n`);
  });

  it('exits 2 for a wrong extension or a missing file before printing anything', async () => {
    for (const [argv, message] of [
      [['dict', 'validate', `${FIXTURES}/team.json`, 'notes.txt'], "selge: notes.txt: a dictionary file must end in .json or .csv, not .txt\n"],
      [['dict', 'validate', `${FIXTURES}/team.json`, 'nope.csv'], 'selge: nope.csv: no such file or directory\n'],
      [['dict', 'validate', FIXTURES], `selge: ${FIXTURES}: a dictionary file must end in .json or .csv\n`],
    ] as const) {
      const { code, out, err } = await run([...argv]);
      expect(code, argv.join(' ')).toBe(2);
      expect(out, argv.join(' ')).toBe('');
      expect(err, argv.join(' ')).toBe(message);
    }
  });
});

describe('selge dict (spawned)', () => {
  function selge(args: string[]) {
    const result = spawnSync(process.execPath, ['src/cli/bin.mjs', ...args], { cwd: ROOT, encoding: 'utf8', timeout: TIMEOUT });
    if (result.error) throw result.error;
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it('validates a JSON pack: exit 0, one OK line', () => {
    expect(selge(['dict', 'validate', `${FIXTURES}/team.json`])).toEqual({ code: 0, stdout: `${FIXTURES}/team.json: OK, 2 entries (pack "team")\n`, stderr: '' });
  }, TIMEOUT);

  it('validates a CSV dictionary: exit 0, one OK line', () => {
    expect(selge(['dict', 'validate', `${FIXTURES}/team.csv`])).toEqual({ code: 0, stdout: `${FIXTURES}/team.csv: OK, 2 entries (pack "team")\n`, stderr: '' });
  }, TIMEOUT);

  it('reports both problems of an invalid CSV with their line numbers: exit 1', () => {
    const run = selge(['dict', 'validate', `${FIXTURES}/invalid-two.csv`]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout.trimEnd().split('\n')).toEqual([
      `${FIXTURES}/invalid-two.csv:3: entry "TKP": explanation_en: contains '<' or '>'; HTML or other markup is not allowed in dictionary text.`,
      `${FIXTURES}/invalid-two.csv:5: entry "KPI": source: starts with "=", which spreadsheet programs run as a formula (CSV injection); reword it so it starts with a letter or digit.`,
    ]);
  }, TIMEOUT);

  it('refuses an unknown --pack: exit 2, one line naming the known packs', () => {
    const run = selge(['dict', 'list', '--pack', 'nope']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^selge: --pack: no pack named 'nope' \(known packs: [a-z0-9-]+(, [a-z0-9-]+)*\)\n$/);
    expect(run.stderr).toContain('cx');
  }, TIMEOUT);

  it('checks with a CSV --dict', async () => {
    const message = join(tmp, 'tkp.txt');
    await writeFile(message, 'Tere!\nTeie TKP on meie CRM-is kirjas.\n');
    const run = selge(['check', '--dict', `${FIXTURES}/team.csv`, message]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${message}:2:6  TKP  unexplained — tagasihelistamise palve: Klient palus, et me talle tagasi helistaksime.`);
    expect(run.stdout).toContain(`${message}:2:18  CRM (CRM-is)  unexplained — meie kliendiregister: `);
  }, TIMEOUT);
});
