import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/errors.ts';
import { decodeText, firstInvalidUtf8, readInputs } from '../../src/cli/read-input.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => new TextEncoder().encode(text);
const noStdin = async (): Promise<Uint8Array> => {
  throw new Error('stdin must not be read');
};

function inputErrorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).kind).toBe('input');
    expect((error as Error).message).not.toContain('\n');
    return (error as Error).message;
  }
  throw new Error('expected an input error');
}

describe('decodeText', () => {
  it('keeps UTF-8 text exactly, CRLF and emoji included', () => {
    const text = 'Tere!\r\nJõudsime 🙂 CRM-iga järele.\r\n';
    expect(decodeText(utf8(text), 'a.txt')).toBe(text);
  });

  it('drops a UTF-8 byte-order mark so line 1 columns start at the first visible character', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x43, 0x52, 0x4d), 'a.txt')).toBe('CRM');
  });

  it('reads UTF-16 with a byte-order mark, as Windows Notepad saves "Unicode"', () => {
    const le = bytes(0xff, 0xfe, 0x54, 0x00, 0xf5, 0x00, 0x0d, 0x00, 0x0a, 0x00);
    expect(decodeText(le, 'a.txt')).toBe('Tõ\r\n');
    const be = bytes(0xfe, 0xff, 0x00, 0x54, 0x00, 0xf5);
    expect(decodeText(be, 'a.txt')).toBe('Tõ');
  });

  it('refuses files with NUL bytes as binary, naming the file and line', () => {
    const message = inputErrorOf(() => decodeText(bytes(0x61, 0x0a, 0x62, 0x00, 0x63), 'logo.png'));
    expect(message).toBe('logo.png: binary file (NUL byte on line 2)');
  });

  it('refuses invalid UTF-8 (a Latin-1 file), naming the byte and line', () => {
    // "Tere\nTäname" saved as Latin-1: ä is the lone byte 0xE4.
    const latin1 = bytes(...utf8('Tere\nT'), 0xe4, ...utf8('name'));
    expect(inputErrorOf(() => decodeText(latin1, 'vana.txt'))).toBe('vana.txt: not UTF-8 text (byte 0xE4 on line 2); save it as UTF-8');
  });

  it('accepts an empty file', () => {
    expect(decodeText(bytes(), 'empty.txt')).toBe('');
  });
});

describe('firstInvalidUtf8', () => {
  it('agrees with TextDecoder about what is valid', () => {
    const valid = utf8('aõ€😀\u{10FFFF}\u{FFFF}');
    expect(firstInvalidUtf8(valid)).toBe(valid.length);
    const cases: Array<[Uint8Array, number]> = [
      [bytes(0x61, 0x80), 1], // stray continuation byte
      [bytes(0x61, 0xc0, 0x80), 1], // overlong NUL
      [bytes(0xe0, 0x80, 0x80), 0], // overlong 3-byte
      [bytes(0xed, 0xa0, 0x80), 0], // UTF-16 surrogate
      [bytes(0xf4, 0x90, 0x80, 0x80), 0], // past U+10FFFF
      [bytes(0x61, 0x62, 0xe2, 0x82), 2], // truncated at the end
      [bytes(0xe2, 0x82, 0x41), 0], // broken in the middle
      [bytes(0xff), 0],
    ];
    for (const [input, at] of cases) {
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(input)).toThrow();
      expect(firstInvalidUtf8(input), Array.from(input).join(',')).toBe(at);
    }
  });
});

describe('readInputs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'selge-read-input-'));
    await mkdir(join(dir, 'macros/replies'), { recursive: true });
    await mkdir(join(dir, 'macros/.git'), { recursive: true });
    await mkdir(join(dir, 'macros/node_modules'), { recursive: true });
    await mkdir(join(dir, 'empty'), { recursive: true });
    await writeFile(join(dir, 'macros/b.md'), 'B');
    await writeFile(join(dir, 'macros/a.TXT'), 'A');
    await writeFile(join(dir, 'macros/replies/c.txt'), 'C');
    await writeFile(join(dir, 'macros/notes.json'), '{}');
    await writeFile(join(dir, 'macros/.draft.txt'), 'hidden');
    await writeFile(join(dir, 'macros/.git/x.txt'), 'git');
    await writeFile(join(dir, 'macros/node_modules/y.txt'), 'dep');
    await symlink('..', join(dir, 'macros/replies/loop')); // must not recurse forever
    await writeFile(join(dir, 'empty/readme.json'), '{}');
    await writeFile(join(dir, 'macro.html'), '<p>html</p>');
    await writeFile(join(dir, 'bin.dat'), bytes(1, 0, 2));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('takes a named file whatever its extension', async () => {
    expect(await readInputs([join(dir, 'macro.html')], noStdin)).toEqual([{ name: join(dir, 'macro.html'), text: '<p>html</p>' }]);
  });

  it('walks a directory for .txt and .md files in name order, skipping hidden entries and node_modules', async () => {
    const inputs = await readInputs([join(dir, 'macros')], noStdin);
    expect(inputs.map((input) => input.name)).toEqual([join(dir, 'macros/a.TXT'), join(dir, 'macros/b.md'), join(dir, 'macros/replies/c.txt')]);
    expect(inputs.map((input) => input.text)).toEqual(['A', 'B', 'C']);
  });

  it('checks a file once even when it is named twice or also reached through its folder', async () => {
    const inputs = await readInputs([join(dir, 'macros/b.md'), join(dir, 'macros'), join(dir, 'macros/b.md')], noStdin);
    expect(inputs.map((input) => input.text)).toEqual(['B', 'A', 'C']);
  });

  it('reads - from standard input as <stdin>, in its place among the files', async () => {
    const inputs = await readInputs([join(dir, 'macros/b.md'), '-'], async () => utf8('from stdin'));
    expect(inputs).toEqual([
      { name: join(dir, 'macros/b.md'), text: 'B' },
      { name: '<stdin>', text: 'from stdin' },
    ]);
  });

  it('reports a missing file, an empty directory and a binary file by name', async () => {
    await expect(readInputs([join(dir, 'nope.txt')], noStdin)).rejects.toThrow(`${join(dir, 'nope.txt')}: no such file or directory`);
    await expect(readInputs([join(dir, 'empty')], noStdin)).rejects.toThrow(`${join(dir, 'empty')}: directory holds no .txt or .md files`);
    await expect(readInputs([join(dir, 'bin.dat')], noStdin)).rejects.toThrow(`${join(dir, 'bin.dat')}: binary file (NUL byte on line 1)`);
    await expect(readInputs(['-'], async () => bytes(0))).rejects.toThrow('<stdin>: binary file');
  });
});
