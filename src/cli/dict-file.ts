/**
 * Reading one user or team dictionary file, for `selge check --dict`, `selge dict list --dict`
 * and `selge dict validate`: the format from the extension (.json or .csv), the size limit from
 * the file system before reading, the bytes decoded as messages are (UTF-8, or UTF-16 with a
 * byte-order mark), then the same parseUserDictionary the extension's popup uses.
 *
 * Errors the file's content cannot fix (no such file, a directory, binary, not UTF-8, a wrong
 * extension) are CliErrors (exit 2); everything else is a problem in the result.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { UserDictionaryFormat, UserDictionaryResult } from '../dictionary/user.ts';
import { formatUserProblem, tooLargeProblem, USER_LIMITS, type UserProblem } from '../dictionary/user-entry.ts';
import { inputError, usageError, type CliError } from './errors.ts';
import { decodeText, describeFsError } from './read-input.ts';

/** `.json` → json, `.csv` → csv (any case); anything else is a usage error. */
export function dictionaryFormat(file: string): UserDictionaryFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.csv') return 'csv';
  throw usageError(`${file}: a dictionary file must end in .json or .csv${ext ? `, not ${ext}` : ''}`);
}

export async function readDictionaryFile(file: string): Promise<UserDictionaryResult> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    throw inputError(`${file}: ${describeFsError(error as NodeJS.ErrnoException)}`);
  }
  if (info.isDirectory()) throw inputError(`${file}: is a directory, not a dictionary file`);
  if (!info.isFile()) throw inputError(`${file}: is not a regular file`);
  const format = dictionaryFormat(file);
  if (info.size > USER_LIMITS.fileBytes) return { ok: false, problems: [tooLargeProblem(file, info.size)] };
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw inputError(`${file}: ${describeFsError(error as NodeJS.ErrnoException)}`);
  }
  const text = decodeText(bytes, file);
  // Loaded here, not at the top: it brings the compiler and compromise, which `selge check`
  // without --dict never needs.
  const { parseUserDictionary } = await import('../dictionary/user.ts');
  return parseUserDictionary(text, format, file);
}

/** One line for main's stderr: the first problem, and how many more there are. */
export function problemsError(problems: readonly UserProblem[]): CliError {
  const [first, ...rest] = problems;
  const more = rest.length === 0 ? '' : ` (and ${rest.length} more ${rest.length === 1 ? 'problem' : 'problems'}; selge dict validate lists them all)`;
  return inputError(`${first ? formatUserProblem(first) : 'invalid dictionary'}${more}`);
}
