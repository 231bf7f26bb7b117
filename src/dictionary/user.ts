// Importing a user or team dictionary at run time (the popup's import, `selge dict validate`,
// `selge check --dict`): JSON or CSV text → a validated Pack, or only problems, each with the
// file, line, entry, field and what is wrong. Never half a pack: one bad entry and the whole
// file is refused. Browser-safe (no node: modules); it loads compromise through compile.ts,
// which checks the entries against each other exactly as the build does.
//
// The rules are the pack rules with the user defaults of user-entry.ts. The limits:
// USER_LIMITS.fileBytes (checked before parsing), 2,000 entries, 16,000 CSV rows.

import { compileDictionary } from './compile.ts';
import { lineFinder } from '../text/lines.ts';
import { scanJson } from './json-scan.ts';
import type { Entry, Pack } from './schema.ts';
import { csvPlace, readCsv } from './user-csv.ts';
import { checkUserEntry, tooLargeProblem, toUserProblem, USER_LIMITS, utf8Length, type UserProblem } from './user-entry.ts';
import { clip, DictionaryError, validatePack } from './validate.ts';

export { formatUserProblem, validateUserEntry, tooLargeProblem, USER_LIMITS, DEFAULT_SOURCE, type UserProblem, type UserEntryResult } from './user-entry.ts';
export { packToCsv, CSV_COLUMNS, CSV_OPTIONAL_COLUMNS } from './user-csv.ts';

export type UserDictionaryFormat = 'json' | 'csv';
export type UserDictionaryResult = { ok: true; pack: Pack } | { ok: false; problems: UserProblem[] };

const PACK_NAME = /^[a-z][a-z0-9-]*$/u;
const PACK_NAME_MAX = 32;

/** A pack name from a file name: "Minu sõnastik.csv" → "minu-sonastik"; "2024.json" → "user-2024"; "" → "user". */
export function packNameFromFile(fileName: string): string {
  const base = fileName.split(/[\\/]/u).pop() ?? '';
  const stem = base.replace(/\.[^.]*$/u, '');
  let name = stem
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  if (name === '') return 'user';
  if (!/^[a-z]/u.test(name)) name = `user-${name}`;
  return name.slice(0, PACK_NAME_MAX).replace(/-+$/u, '');
}

/**
 * Parse and validate a user or team dictionary.
 * - JSON: a pack (`{ "pack", "title"?, "entries" }`) or a bare list of entries. A missing
 *   `pack` is made from the file name (packNameFromFile), a missing `title` from the pack name.
 * - CSV: a header row, then one row per sense (see user-csv.ts). The pack is named after the file.
 * A leading byte-order mark is ignored; line numbers are 1-based and count \n, \r\n and \r.
 */
export function parseUserDictionary(text: string, format: UserDictionaryFormat, fileName: string): UserDictionaryResult {
  const bytes = utf8Length(text);
  if (bytes > USER_LIMITS.fileBytes) return { ok: false, problems: [tooLargeProblem(fileName, bytes)] };
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (format === 'json') return finish(fileName, parseJson(body, fileName));
  if (format === 'csv') return finish(fileName, parseCsv(body, fileName));
  return { ok: false, problems: [{ file: fileName, line: 1, field: '', message: `has an unknown format "${String(format)}"; use json or csv` }] };
}

type Parsed = { pack: Pack; problems: UserProblem[] };

function finish(file: string, parsed: Parsed): UserDictionaryResult {
  if (parsed.problems.length === 0) return { ok: true, pack: parsed.pack };
  const sorted = parsed.problems.map((p, i) => ({ p, i })).sort((a, b) => (a.p.line ?? 0) - (b.p.line ?? 0) || a.i - b.i).map(({ p }) => p);
  if (sorted.length <= USER_LIMITS.problems) return { ok: false, problems: sorted };
  const rest = sorted.length - USER_LIMITS.problems;
  return {
    ok: false,
    problems: [...sorted.slice(0, USER_LIMITS.problems), { file, field: '', message: `has ${rest} more ${rest === 1 ? 'problem' : 'problems'}; fix these first` }],
  };
}

const isRecord = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);

function parseJson(text: string, file: string): Parsed {
  const lineAt = lineFinder(text);
  const fallbackName = packNameFromFile(file);
  const empty: Pack = { pack: fallbackName, title: { et: fallbackName, en: fallbackName }, entries: [] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { pack: empty, problems: [jsonSyntaxProblem(error, text, file, lineAt)] };
  }
  const scan = scanJson(text);
  const problems: UserProblem[] = [];
  const problem = (line: number, field: string, message: string, entry?: string | number) =>
    problems.push({ file, line, ...(entry !== undefined ? { entry } : {}), field, message });

  let name = fallbackName;
  let title = empty.title;
  let rawEntries: unknown[] = [];
  if (Array.isArray(data)) {
    rawEntries = data;
  } else if (isRecord(data) && !Object.hasOwn(data, 'entries') && Object.hasOwn(data, 'term')) {
    problem(1, '', 'is a single entry; put it in a list ([ { "term": … } ]) or in the "entries" of a pack');
  } else if (isRecord(data)) {
    const keyLine = (key: string) => lineAt(scan.topKeys.get(key) ?? 0);
    const given: Record<string, unknown> = { ...data };
    if (given.pack === undefined || given.pack === null || given.pack === '') given.pack = fallbackName;
    const validName = typeof given.pack === 'string' && PACK_NAME.test(given.pack) && given.pack.length <= PACK_NAME_MAX;
    if (given.title === undefined || given.title === null) {
      const t = validName ? (given.pack as string) : fallbackName;
      given.title = { et: t, en: t };
    }
    if (!Object.hasOwn(given, 'entries')) problem(1, 'entries', 'is missing: a pack needs "entries", a list of entries');
    else if (!Array.isArray(given.entries)) problem(keyLine('entries'), 'entries', 'must be a list of entries');
    else rawEntries = given.entries;
    // Pack-level fields by the pack rules; the entries are checked below with the user rules.
    const head = validatePack({ ...given, entries: [] }, file);
    if (!head.ok) for (const p of head.problems) problem(keyLine(p.path.split(/[.[]/u)[0] ?? ''), p.path, p.message);
    else {
      name = head.value.pack;
      title = head.value.title;
    }
  } else {
    problem(1, '', 'must be a pack ({ "pack", "title", "entries" }) or a list of entries ([ { "term": … }, … ])');
  }
  if (rawEntries.length > USER_LIMITS.entries) {
    problem(1, 'entries', `has ${rawEntries.length} entries; the limit is ${USER_LIMITS.entries}`);
    return { pack: empty, problems };
  }

  const entryLine = (index: number) => lineAt(scan.entryStarts[index] ?? 0);
  const termOf = (index: number): string | number => {
    const raw = rawEntries[index];
    return isRecord(raw) && typeof raw.term === 'string' && raw.term !== '' ? clip(raw.term) : index;
  };
  for (const dup of scan.duplicateKeys) {
    problem(
      lineAt(dup.offset),
      clip(dup.key),
      `is written twice in one object (also on line ${lineAt(dup.firstOffset)}); JSON would keep only the last, so remove one`,
      dup.entry !== undefined ? termOf(dup.entry) : undefined,
    );
  }

  const valid: Entry[] = [];
  const validLines: number[] = [];
  rawEntries.forEach((raw, index) => {
    const result = checkUserEntry(raw, { file, index });
    if (result.ok) {
      valid.push(result.value);
      validLines.push(entryLine(index));
    } else {
      problems.push(...result.problems.map((p) => toUserProblem(p, entryLine(index))));
    }
  });
  problems.push(...crossEntryProblems(file, name, valid, (i, path) => ({ line: validLines[i] ?? 1, field: path })));
  return { pack: { pack: name, title, entries: valid }, problems };
}

function jsonSyntaxProblem(error: unknown, text: string, file: string, lineAt: (offset: number) => number): UserProblem {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  let offset: number | undefined;
  const position = /at position (\d+)/u.exec(message);
  const lineColumn = /line (\d+) column (\d+)/u.exec(message);
  if (position) offset = Number(position[1]);
  else if (/end of (JSON )?(input|data)/iu.test(message)) offset = text.length;
  const reason = clip(
    message
      .replace(/^JSON\.parse: /u, '')
      .replace(/\s*\(line \d+ column \d+\)/u, '')
      .replace(/\s*at line \d+ column \d+ of the JSON data/u, '')
      .replace(/\s*in JSON at position \d+/u, '')
      .replace(/\s*at position \d+/u, ''),
  );
  let line = 1;
  let where = '';
  if (offset !== undefined) {
    line = lineAt(offset);
    const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
    where = ` at line ${line}, column ${[...text.slice(lineStart, offset)].length + 1}`;
  } else if (lineColumn) {
    line = Number(lineColumn[1]);
    where = ` at line ${line}, column ${lineColumn[2]}`;
  }
  return { file, line, field: '', message: `is not valid JSON (${reason}${where})` };
}

function parseCsv(text: string, file: string): Parsed {
  const name = packNameFromFile(file);
  const read = readCsv(text, file);
  const problems = [...read.problems];
  if (read.entries.length > USER_LIMITS.entries) {
    problems.push({ file, line: read.entries[USER_LIMITS.entries]?.rows[0] ?? 1, field: 'term', message: `is entry ${USER_LIMITS.entries + 1}; the limit is ${USER_LIMITS.entries} entries` });
  }
  const valid: Entry[] = [];
  const validFrom: typeof read.entries = [];
  read.entries.slice(0, USER_LIMITS.entries).forEach((csvEntry, index) => {
    const result = checkUserEntry(csvEntry.raw, { file, index });
    if (result.ok) {
      valid.push(result.value);
      validFrom.push(csvEntry);
    } else {
      for (const p of result.problems) {
        const { line, field } = csvPlace(csvEntry, p.path);
        problems.push(toUserProblem({ ...p, term: clip(csvEntry.term) }, line, field));
      }
    }
  });
  problems.push(...crossEntryProblems(file, name, valid, (i, path) => (validFrom[i] ? csvPlace(validFrom[i], path) : { line: 1, field: path })));
  return { pack: { pack: name, title: { et: name, en: name }, entries: valid }, problems };
}

/**
 * What the compiler finds across entries (a term or surface form in two entries, acronyms that
 * differ only in case), with lines instead of entry indices. `where` maps an index into
 * `entries` and a field path to the line and field to report.
 */
function crossEntryProblems(
  file: string,
  name: string,
  entries: Entry[],
  where: (index: number, path: string) => { line: number; field: string },
): UserProblem[] {
  if (entries.length === 0) return [];
  try {
    compileDictionary([{ pack: name, title: { et: name, en: name }, entries }], {
      describePlace: (place) => {
        const at = where(place.index, place.path);
        return `the entry on line ${at.line} ("${clip(place.term)}", ${at.field})`;
      },
    });
    return [];
  } catch (error) {
    if (!(error instanceof DictionaryError)) throw error;
    return error.problems.map((p) => {
      const at = where(p.index ?? 0, p.path);
      return toUserProblem({ ...p, file }, at.line, at.field);
    });
  }
}
