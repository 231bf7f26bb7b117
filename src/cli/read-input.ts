/**
 * Turns the inputs named on the command line into texts: files as given, directories walked
 * for macro files, `-` as standard input. Everything is read and decoded before any checking,
 * so a bad input stops the run with exit 2 before anything reaches stdout.
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { inputError } from './errors.ts';

export interface InputText {
  /** As shown in output: the path as typed, a path under a typed directory, or `<stdin>`. */
  name: string;
  text: string;
}

export const STDIN_NAME = '<stdin>';

/** What a directory walk picks up: the formats support teams keep macros and canned replies in. */
export const MACRO_EXTENSIONS: readonly string[] = ['.txt', '.md'];

export async function readInputs(inputs: readonly string[], readStdin: () => Promise<Uint8Array>): Promise<InputText[]> {
  const texts: InputText[] = [];
  const seen = new Set<string>(); // real paths, so a file named twice (or via its folder) is checked once
  for (const input of inputs) {
    if (input === '-') {
      texts.push({ name: STDIN_NAME, text: decodeText(await readStdin(), STDIN_NAME) });
      continue;
    }
    for (const file of await expandInput(input)) {
      const real = await realpath(file).catch(() => file);
      if (seen.has(real)) continue;
      seen.add(real);
      texts.push({ name: file, text: decodeText(await readBytes(file), file) });
    }
  }
  return texts;
}

/** A file stands for itself whatever its extension; a directory for its macro files, recursively. */
async function expandInput(input: string): Promise<string[]> {
  const info = await stat(input).catch((error: NodeJS.ErrnoException) => {
    throw inputError(`${input}: ${describeFsError(error)}`);
  });
  if (!info.isDirectory()) return [input];
  const files = await walk(input, new Set());
  if (files.length === 0) {
    throw inputError(`${input}: directory holds no ${MACRO_EXTENSIONS.join(' or ')} files`);
  }
  return files;
}

/**
 * Depth-first, names in code-unit order so output is the same on every machine. Hidden entries
 * and node_modules are skipped (a macros folder under git has .git); symlinked directories are
 * followed once, tracked by real path so a link loop cannot recurse forever.
 */
async function walk(dir: string, visited: Set<string>): Promise<string[]> {
  const real = await realpath(dir);
  if (visited.has(real)) return [];
  visited.add(real);
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch (error) {
    throw inputError(`${dir}: ${describeFsError(error as NodeJS.ErrnoException)}`);
  }
  const files: string[] = [];
  for (const name of names) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined); // a dangling link inside a folder is not the user's input
    if (info?.isDirectory()) files.push(...(await walk(path, visited)));
    else if (info?.isFile() && MACRO_EXTENSIONS.includes(extname(name).toLowerCase())) files.push(path);
  }
  return files;
}

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    throw inputError(`${file}: ${describeFsError(error as NodeJS.ErrnoException)}`);
  }
}

/** One short phrase for a file-system error, for the one-line message on stderr. */
export function describeFsError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return `cannot read (${error.code ?? error.message})`;
  }
}

/**
 * Bytes → text, refusing anything that is not text. UTF-8 (a leading BOM is dropped), or UTF-16
 * when it starts with a byte-order mark, as Windows Notepad's "Unicode" saves. A NUL byte or an
 * invalid UTF-8 sequence means a binary or wrongly encoded file: checking it would report
 * garbage, so it is an input error that says where the first bad byte is.
 */
export function decodeText(bytes: Uint8Array, name: string): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16) {
    let text: string;
    try {
      text = new TextDecoder(utf16, { fatal: true }).decode(bytes);
    } catch {
      throw inputError(`${name}: not valid ${utf16.toUpperCase()} text despite its byte-order mark`);
    }
    if (text.includes('\0')) throw inputError(`${name}: binary file (contains NUL characters)`);
    return text;
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw inputError(`${name}: binary file (NUL byte on line ${lineOfByte(bytes, nul)})`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const byte = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    throw inputError(`${name}: not UTF-8 text (byte 0x${byte} on line ${lineOfByte(bytes, at)}); save it as UTF-8`);
  }
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * Offset of the first byte that does not start or continue a well-formed UTF-8 sequence
 * (Unicode Table 3-7). Only used to say where TextDecoder's refusal comes from.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let length: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b < 0x80) length = 1;
    else if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) lo = 0xa0; // no overlong forms
      if (b === 0xed) hi = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f; // nothing past U+10FFFF
    } else return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i; // truncated at end of input
      const min = k === 1 ? lo : 0x80;
      const max = k === 1 ? hi : 0xbf;
      if (c < min || c > max) return i; // the broken sequence starts here
    }
    i += length;
  }
  return bytes.length;
}
