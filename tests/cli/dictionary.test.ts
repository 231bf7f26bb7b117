import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/core/index.ts';
import { loadDictionary } from '../../src/cli/dictionary.ts';
import { CliError } from '../../src/cli/errors.ts';

// mergeDictionaries itself is tested in src/dictionary/merge.test.ts.

const FIXTURES = 'tests/cli/fixtures';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'selge-dict-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function meaningsIn(text: string, dictionary: Awaited<ReturnType<typeof loadDictionary>>): Record<string, string | undefined> {
  const report = check(text, { dictionary, language: 'et' });
  return Object.fromEntries(report.findings.map((finding) => [finding.term, finding.meanings[0]?.expansion]));
}

describe('loadDictionary', () => {
  it('layers a team pack over the built-in dictionary', async () => {
    const merged = await loadDictionary([`${FIXTURES}/team.json`]);
    expect(meaningsIn('Teie TKP on CRM-is kirjas.', merged)).toEqual({ TKP: 'tagasihelistamise palve', CRM: 'meie kliendiregister' });
  });

  it('reads CSV dictionaries too', async () => {
    const merged = await loadDictionary([`${FIXTURES}/team.csv`]);
    expect(meaningsIn('Teie TKP on CRM-is kirjas.', merged)).toEqual({ TKP: 'tagasihelistamise palve', CRM: 'meie kliendiregister' });
  });

  it('lets a later --dict win over an earlier one', async () => {
    const user = join(tmp, 'user.json');
    await writeFile(
      user,
      JSON.stringify([{ term: 'TKP', senses: [{ et: { expansion: 'tehniline kontrollpunkt', explanation: 'Koht, kus kontrollime tehnilist seisu.' } }] }]),
    );
    expect(meaningsIn('Teie TKP.', await loadDictionary([user, `${FIXTURES}/team.json`]))).toEqual({ TKP: 'tagasihelistamise palve' });
    expect(meaningsIn('Teie TKP.', await loadDictionary([`${FIXTURES}/team.json`, user]))).toEqual({ TKP: 'tehniline kontrollpunkt' });
  });

  async function messageOf(files: string[]): Promise<string> {
    const error = await loadDictionary(files).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).not.toContain('\n');
    return (error as Error).message;
  }

  it('names the file, line, entry and field for a bad dictionary', async () => {
    expect(await messageOf([`${FIXTURES}/invalid-dict.json`])).toBe('tests/cli/fixtures/invalid-dict.json:5: entry "TKP": senses: must have at least one sense.');
    expect(await messageOf([`${FIXTURES}/broken-json.json`])).toMatch(/^tests\/cli\/fixtures\/broken-json\.json:4: is not valid JSON \(.* at line 4, column 1\)\.$/);
    expect(await messageOf([`${FIXTURES}/invalid-two.csv`])).toMatch(
      /^tests\/cli\/fixtures\/invalid-two\.csv:3: entry "TKP": explanation_en: .* \(and 1 more problem; selge dict validate lists them all\)$/,
    );
    expect(await messageOf([`${FIXTURES}/nope.json`])).toBe('tests/cli/fixtures/nope.json: no such file or directory');
    expect(await messageOf([FIXTURES])).toBe('tests/cli/fixtures: is a directory, not a dictionary file');
    expect(await messageOf([`${FIXTURES}/binary.png`])).toBe('tests/cli/fixtures/binary.png: a dictionary file must end in .json or .csv, not .png');
  });

  it('refuses binary and non-UTF-8 files before parsing them', async () => {
    const binary = join(tmp, 'binary.json');
    await writeFile(binary, new Uint8Array([0x7b, 0x00, 0x01, 0x7d]));
    expect(await messageOf([binary])).toMatch(/binary\.json: binary file/);
    const latin = join(tmp, 'latin.csv');
    await writeFile(latin, new Uint8Array([0x74, 0x65, 0x72, 0x6d, 0x0a, 0xf5, 0x0a])); // "õ" in Windows-1257
    expect(await messageOf([latin])).toMatch(/latin\.csv: not UTF-8 text \(byte 0xF5 on line 2\); save it as UTF-8$/);
  });

  it('refuses a file over the size limit from its size, without reading it', async () => {
    const big = join(tmp, 'big.csv');
    await writeFile(big, 'x'.repeat(10 * 1024 * 1024));
    expect(await messageOf([big])).toMatch(/big\.csv:1: is 10,485,760 bytes; a user or team dictionary may be at most 2,000,000 bytes/);
  });
});
