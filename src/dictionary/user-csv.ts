// CSV user and team dictionaries: rows → raw entries with the line of every row, and a pack
// back to CSV. Browser-safe (papaparse only). The entry rules themselves are in user-entry.ts.
//
// One row is one sense. Rows with the same `term` are the senses of one entry, in row order
// (they need not be next to each other). Entry-level cells (kind, familiarity, source, variants,
// uncertain, forms_en, forms_et) may be left empty in an entry's later rows; where they are
// filled, they must agree with the first filled one.

import Papa from 'papaparse';
import type { Pack } from './schema.ts';
import { lineFinder } from '../text/lines.ts';
import { LIMITS } from './text.ts';
import { USER_LIMITS, type UserProblem } from './user-entry.ts';
import { clip, DictionaryError } from './validate.ts';

/** Columns the header must have (cells may be empty where a default applies). */
export const CSV_COLUMNS = [
  'term',
  'kind',
  'familiarity',
  'expansion_en',
  'expansion_et',
  'explanation_en',
  'explanation_et',
  'plain_en',
  'plain_et',
  'source',
] as const;
/** Columns the header may have. `variants`, `forms_en` and `forms_et` hold items separated by `|`. */
export const CSV_OPTIONAL_COLUMNS = ['variants', 'uncertain', 'forms_en', 'forms_et'] as const;

type Column = (typeof CSV_COLUMNS)[number] | (typeof CSV_OPTIONAL_COLUMNS)[number];
const ALL_COLUMNS: readonly Column[] = [...CSV_COLUMNS, ...CSV_OPTIONAL_COLUMNS];
const ENTRY_COLUMNS = ['kind', 'familiarity', 'source', 'variants', 'uncertain', 'forms_en', 'forms_et'] as const;
type EntryColumn = (typeof ENTRY_COLUMNS)[number];

/** One entry read from CSV, before the entry rules: the raw JSON-shaped entry and where its parts are. */
export interface CsvEntry {
  raw: Record<string, unknown>;
  term: string;
  /** Line of each row, which is also each sense: `rows[i]` is `senses[i]`. */
  rows: number[];
  /** Line of the row an entry-level cell was taken from. */
  cellLines: Partial<Record<EntryColumn, number>>;
  /** Line of each distinct sense, by its texts, to find repeated rows. */
  senseLines: Map<string, number>;
}

export interface CsvRead {
  entries: CsvEntry[];
  problems: UserProblem[];
}

/** `"a | b|"` → `["a", "b"]`. */
function items(cell: string): string[] {
  return cell
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Header cell → column name: trimmed, lowercase, spaces and hyphens as underscores ("Expansion EN" → expansion_en). */
function columnName(cell: string): string {
  return cell.trim().toLowerCase().replace(/[\s-]+/gu, '_');
}

/** Comma, or semicolon as a spreadsheet in an Estonian locale writes it: whichever the header row has more of. */
function delimiterOf(text: string): ',' | ';' {
  const firstLine = /^[^\r\n]*/u.exec(text)?.[0] ?? '';
  const count = (c: string) => firstLine.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** Small edit distance, for "did you mean" on misspelt column names. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const here = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = here;
    }
  }
  return row[b.length]!;
}

/**
 * Read a CSV text (BOM already removed) into raw entries. Structural problems (header, quotes,
 * cell counts, conflicting rows) are returned with their line; the entry rules run later.
 */
export function readCsv(text: string, file: string): CsvRead {
  const lineAt = lineFinder(text);
  const problems: UserProblem[] = [];
  const problem = (line: number, field: string, message: string, entry?: string) =>
    problems.push({ file, line, ...(entry !== undefined ? { entry: clip(entry) } : {}), field, message });

  let header: string[] | undefined;
  let headerOk = false;
  const byTerm = new Map<string, CsvEntry>();
  let rowCount = 0;
  let rowStart = 0;

  Papa.parse<string[]>(text, {
    delimiter: delimiterOf(text),
    step(result, parser) {
      const start = rowStart;
      rowStart = result.meta.cursor;
      const line = lineAt(start);
      const cells = result.data;
      if (cells.every((cell) => cell.trim() === '') && result.errors.length === 0) return; // blank line
      if (header === undefined) {
        header = cells.map(columnName);
        headerOk = checkHeader(header, line, problem);
        if (!headerOk) {
          parser.abort();
        }
        return;
      }
      if (++rowCount > USER_LIMITS.csvRows) {
        problem(line, '', `is row ${rowCount}; a CSV dictionary may have at most ${USER_LIMITS.csvRows} rows (one per sense)`);
        parser.abort();
        return;
      }
      if (problems.length >= USER_LIMITS.problems) {
        parser.abort();
        return;
      }
      const quote = result.errors.find((e) => e.type === 'Quotes');
      if (quote) {
        problem(
          line,
          '',
          quote.code === 'MissingQuotes'
            ? 'has a quoted cell that is never closed (a missing " ); everything after it was read as one cell'
            : 'has a malformed quoted cell (write a " inside a quoted cell as "")',
        );
        return;
      }
      if (cells.length !== header.length) {
        problem(line, '', `has ${cells.length} cells but the header has ${header.length} (a stray delimiter, or a cell with a delimiter that is not in quotes?)`);
        return;
      }
      const row = new Map<string, string>();
      header.forEach((name, i) => row.set(name, cells[i] ?? ''));
      addRow(row, line);
    },
  });
  if (header === undefined) {
    problem(1, '', `is empty; the first row must be the header: ${CSV_COLUMNS.join(',')}`);
  } else if (headerOk && byTerm.size === 0 && problems.length === 0) {
    problem(lineAt(text.length), '', 'has a header but no rows');
  }
  return { entries: [...byTerm.values()], problems };

  function addRow(row: Map<string, string>, line: number): void {
    const cell = (name: Column) => row.get(name) ?? '';
    const term = cell('term');
    if (term === '') {
      problem(line, 'term', 'is missing (every row needs the term it explains)');
      return;
    }
    let entry = byTerm.get(term);
    if (!entry) {
      entry = { raw: { term, senses: [] }, term, rows: [], cellLines: {}, senseLines: new Map() };
      byTerm.set(term, entry);
    }
    const { raw } = entry;
    for (const name of ENTRY_COLUMNS) {
      const value = cell(name);
      if (value === '') continue;
      const first = entry.cellLines[name];
      if (first === undefined) {
        entry.cellLines[name] = line;
        setEntryCell(raw, name, value);
      } else if (entryCellValue(raw, name) !== value) {
        problem(
          line,
          name,
          `is "${clip(value)}" but line ${first} says "${clip(entryCellValue(raw, name))}"; the rows of one term must agree (or leave the cell empty in later rows)`,
          term,
        );
      }
    }
    const block = (lang: 'en' | 'et') => {
      const out: Record<string, string> = {};
      for (const key of ['expansion', 'explanation', 'plain'] as const) {
        const value = cell(`${key}_${lang}` as Column);
        if (value !== '') out[key] = value;
      }
      return Object.keys(out).length > 0 ? out : undefined;
    };
    const sense: Record<string, unknown> = {};
    const en = block('en');
    const et = block('et');
    if (et) sense.et = et;
    if (en) sense.en = en;
    const key = JSON.stringify(sense);
    const same = entry.senseLines.get(key);
    if (same !== undefined) {
      problem(line, '', `repeats the row on line ${same} (same term, same texts); delete one of them`, term);
      return;
    }
    entry.senseLines.set(key, line);
    (raw.senses as unknown[]).push(sense);
    entry.rows.push(line);
  }

  function checkHeader(names: string[], line: number, report: typeof problem): boolean {
    const known = new Set<string>(ALL_COLUMNS);
    const unknown = names.filter((name) => !known.has(name));
    const missing = CSV_COLUMNS.filter((name) => !names.includes(name));
    const repeated = [...new Set(names.filter((name, i) => names.indexOf(name) !== i))];
    const list = (xs: readonly string[]) => xs.map((x) => `"${clip(x)}"`).join(', ');
    if (missing.length > 0) report(line, '', `the header row lacks the column${missing.length > 1 ? 's' : ''} ${list(missing)}; the header must have ${CSV_COLUMNS.join(',')}`);
    if (unknown.length > 0) {
      const hints = unknown.flatMap((name) => {
        const near = ALL_COLUMNS.find((col) => !names.includes(col) && distance(name, col) <= 2);
        return near ? [`"${near}" for "${clip(name)}"`] : [];
      });
      report(
        line,
        '',
        `the header row has unknown column${unknown.length > 1 ? 's' : ''} ${list(unknown)}${hints.length ? ` (did you mean ${hints.join(', ')}?)` : ''}; the columns are ${ALL_COLUMNS.join(',')}`,
      );
    }
    if (repeated.length > 0) report(line, '', `the header row has the column${repeated.length > 1 ? 's' : ''} ${list(repeated)} more than once`);
    return missing.length === 0 && unknown.length === 0 && repeated.length === 0;
  }
}

function setEntryCell(raw: Record<string, unknown>, name: EntryColumn, value: string): void {
  switch (name) {
    case 'variants':
      raw.variants = items(value);
      break;
    case 'forms_en':
      raw.forms = { ...(raw.forms as object | undefined), en: items(value).map((exact) => ({ exact })) };
      break;
    case 'forms_et':
      raw.forms = { ...(raw.forms as object | undefined), et: items(value) };
      break;
    default:
      raw[name] = value;
  }
}

/** The cell text an entry-level field was read from, for comparing later rows. */
function entryCellValue(raw: Record<string, unknown>, name: EntryColumn): string {
  const forms = raw.forms as { en?: Array<{ exact: string }>; et?: string[] } | undefined;
  switch (name) {
    case 'variants':
      return (raw.variants as string[]).join('|');
    case 'forms_en':
      return (forms?.en ?? []).map((f) => f.exact).join('|');
    case 'forms_et':
      return (forms?.et ?? []).join('|');
    default:
      return String(raw[name]);
  }
}

/** Map a JSON path inside a CSV entry to the column and line to show. */
export function csvPlace(entry: CsvEntry, path: string): { field: string; line: number } {
  const first = entry.rows[0] ?? 1;
  const sense = /^senses\[(\d+)\](?:\.(en|et)(?:\.(expansion|explanation|plain))?)?/u.exec(path);
  if (sense) {
    const line = entry.rows[Number(sense[1])] ?? entry.rows.at(-1) ?? first;
    const [, , lang, key] = sense;
    return { field: lang && key ? `${key}_${lang}` : lang ? `expansion_${lang}` : '', line };
  }
  if (path === 'senses') return { field: 'senses', line: entry.rows[LIMITS.sensesPerEntry] ?? first };
  const at = (column: EntryColumn) => entry.cellLines[column] ?? first;
  if (/^variants\b/u.test(path)) return { field: 'variants', line: at('variants') };
  if (/^forms\.et\b/u.test(path)) return { field: 'forms_et', line: at('forms_et') };
  if (/^forms\b/u.test(path)) return { field: 'forms_en', line: at('forms_en') };
  for (const column of ['kind', 'familiarity', 'source', 'uncertain'] as const) if (path === column) return { field: column, line: at(column) };
  return { field: path, line: first };
}

/**
 * A pack as CSV with every column, one row per sense, entry-level cells repeated on each row.
 * Throws a DictionaryError for entries CSV cannot hold: English forms other than `{ "exact" }`,
 * and Estonian paradigms (use a JSON pack for those).
 */
export function packToCsv(pack: Pack): string {
  const problems: Array<{ file: string; index: number; term: string; path: string; message: string }> = [];
  const rows: string[][] = [];
  pack.entries.forEach((entry, index) => {
    const en = entry.forms?.en ?? [];
    const et = entry.forms?.et ?? [];
    const enExact = en.map((f) => (typeof f === 'object' && 'exact' in f ? f.exact : undefined));
    const etExact = et.map((f) => (typeof f === 'string' ? f : undefined));
    if (enExact.includes(undefined) || etExact.includes(undefined)) {
      problems.push({ file: `${pack.pack}.json`, index, term: entry.term, path: 'forms', message: 'has inflected forms (verb, noun or paradigm), which CSV cannot hold; keep this entry in a JSON pack' });
      return;
    }
    for (const sense of entry.senses) {
      const cells: Record<Column, string> = {
        term: entry.term,
        kind: entry.kind,
        familiarity: entry.familiarity,
        expansion_en: sense.en.expansion,
        expansion_et: sense.et.expansion,
        explanation_en: sense.en.explanation,
        explanation_et: sense.et.explanation,
        plain_en: sense.en.plain,
        plain_et: sense.et.plain,
        source: entry.source,
        variants: (entry.variants ?? []).join('|'),
        uncertain: entry.uncertain ?? '',
        forms_en: (enExact as string[]).join('|'),
        forms_et: (etExact as string[]).join('|'),
      };
      rows.push(ALL_COLUMNS.map((column) => cells[column]));
    }
  });
  if (problems.length > 0) throw new DictionaryError(problems, `Pack "${pack.pack}" cannot be written as CSV`);
  return `${Papa.unparse({ fields: [...ALL_COLUMNS], data: rows }, { newline: '\r\n' })}\r\n`;
}
