// One user or team dictionary entry: the pack rules of schema.ts and validate.ts, plus the
// defaults that let a user entry be lighter than a built-in one. Browser-safe (no node:
// modules, no compromise), so the popup's "Add meaning…" form can import this file alone.
//
// Defaults (documented in dictionaries/README.md, "User and team dictionaries"):
// - `familiarity` left out → "field" (flagged when unexplained, the safe choice);
// - `kind` left out → "acronym" when the term looks like one (CSAT, SaaS, T2, e.g.), else "jargon";
// - `source` left out → DEFAULT_SOURCE;
// - jargon without `forms` → the term itself, matched exactly (`{ "en": [{ "exact": term }] }`);
// - a sense's `plain` left out → that language's `expansion`;
// - a sense with one language only → the other language gets a copy of it.
// "Left out" also covers null and "" (an empty CSV cell): empty means missing everywhere.
// Everything else follows the built-in rules, plus one rule of its own: no text may start with
// = + - @, which spreadsheets run as formulas when the dictionary is exported to CSV.

import type { Kind } from '../core/types.ts';
import type { Entry } from './schema.ts';
import { LIMITS, acronymShapeReason } from './text.ts';
import { clip, validateEntry, type EntryPlace, type Problem, type Result } from './validate.ts';

export const USER_LIMITS = {
  /** A whole user or team dictionary file, in UTF-8 bytes; checked before parsing. */
  fileBytes: LIMITS.fileBytes,
  entries: LIMITS.entriesPerPack,
  /** CSV data rows (one per sense): every entry with the most senses. */
  csvRows: LIMITS.entriesPerPack * LIMITS.sensesPerEntry,
  /** Problems reported for one file; the rest are counted. */
  problems: 100,
} as const;

/** The `source` of a user entry that gives none. */
export const DEFAULT_SOURCE = 'No source given (user dictionary)';

/** A problem in a user or team dictionary, for people: `team.csv:4: entry "TKP": explanation_en: is missing.` */
export interface UserProblem {
  /** File name as given by the caller; "" for an entry from the popup form. */
  file: string;
  /** 1-based line: where the entry starts (JSON), the row (CSV). Always set by parseUserDictionary. */
  line?: number;
  /** The entry's term, or its zero-based index when the term cannot be read. */
  entry?: string | number;
  /** What is wrong where: a JSON path (`senses[0].en.explanation`), a CSV column (`explanation_en`), or "". */
  field: string;
  /** What is wrong, as a fragment following the field: "is missing". */
  message: string;
}

export type UserEntryResult = { ok: true; entry: Entry } | { ok: false; problems: UserProblem[] };

/** `file:line: entry "TERM": field: what is wrong.`, leaving out the parts a problem does not have. */
export function formatUserProblem(problem: UserProblem): string {
  const head: string[] = [];
  const { file, line } = problem;
  if (file) head.push(line !== undefined ? `${file}:${line}` : file);
  else if (line !== undefined) head.push(`line ${line}`);
  if (problem.entry !== undefined) head.push(typeof problem.entry === 'number' ? `entry ${problem.entry}` : `entry "${problem.entry}"`);
  if (problem.field) head.push(problem.field);
  const sentence = problem.message.endsWith('.') ? problem.message : `${problem.message}.`;
  return head.length > 0 ? `${head.join(': ')}: ${sentence}` : sentence;
}

/** UTF-8 length without allocating a copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The problem for a file over USER_LIMITS.fileBytes; the CLI reports it from the file size without reading. */
export function tooLargeProblem(file: string, bytes: number): UserProblem {
  return {
    file,
    line: 1,
    field: '',
    message: `is ${bytes.toLocaleString('en-US')} bytes; a user or team dictionary may be at most ${USER_LIMITS.fileBytes.toLocaleString('en-US')} bytes (${USER_LIMITS.entries} entries)`,
  };
}

/** The kind a term's shape suggests: "acronym" for CSAT, SaaS, T2, e.g. (and jne when familiar), else "jargon". */
export function guessKind(term: string, familiar = false): Kind {
  if (term.length > LIMITS.term) return 'jargon';
  return acronymShapeReason(term, familiar) === undefined ? 'acronym' : 'jargon';
}

/** Cells a spreadsheet runs as formulas (OWASP "CSV injection"); tab and CR are control characters anyway. */
const FORMULA_START = /^[=+\-@]/u;

interface Defaulted {
  value: unknown;
  /** Paths filled in by a default; problems there repeat a problem elsewhere. */
  defaulted: string[];
  /** Problems the defaults themselves found. */
  problems: Array<{ path: string; message: string }>;
}

const isRecord = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
const blank = (x: unknown): boolean => x === undefined || x === null || x === '';
const DEFAULTABLE = ['kind', 'familiarity', 'source', 'uncertain', 'variants', 'forms'] as const;
const TEXTS = ['expansion', 'explanation', 'plain'] as const;

/**
 * `raw` with the user defaults filled in, as a new object (`raw` is not changed). Anything that
 * is not the right shape is left as it is, for the schema to report.
 */
export function withUserDefaults(raw: unknown): Defaulted {
  if (!isRecord(raw)) return { value: raw, defaulted: [], problems: [] };
  // Spread copies an own "__proto__" key from JSON.parse as data, so the schema still sees it.
  const entry: Record<string, unknown> = { ...raw };
  const defaulted: string[] = [];
  const problems: Defaulted['problems'] = [];
  for (const key of DEFAULTABLE) if (Object.hasOwn(entry, key) && blank(entry[key])) delete entry[key];

  const term = typeof entry.term === 'string' ? entry.term : undefined;
  if (!Object.hasOwn(entry, 'familiarity')) {
    entry.familiarity = 'field';
    defaulted.push('familiarity');
  }
  if (!Object.hasOwn(entry, 'kind')) {
    entry.kind = term !== undefined ? guessKind(term, entry.familiarity === 'everyone') : 'jargon';
    defaulted.push('kind');
  }
  if (!Object.hasOwn(entry, 'source')) {
    entry.source = DEFAULT_SOURCE;
    defaulted.push('source');
  }
  if (entry.kind === 'jargon' && !Object.hasOwn(entry, 'forms')) {
    if (term !== undefined) entry.forms = { en: [{ exact: term }] };
    defaulted.push('forms');
  }
  if (Array.isArray(entry.senses)) {
    entry.senses = entry.senses.map((sense: unknown, i) => senseDefaults(sense, `senses[${i}]`, defaulted, problems));
  }
  return { value: entry, defaulted, problems };
}

function senseDefaults(sense: unknown, path: string, defaulted: string[], problems: Defaulted['problems']): unknown {
  if (!isRecord(sense)) return sense;
  const out: Record<string, unknown> = { ...sense };
  for (const lang of ['en', 'et'] as const) {
    const block = out[lang];
    if (!isRecord(block)) continue;
    const copy: Record<string, unknown> = { ...block };
    for (const key of TEXTS) if (Object.hasOwn(copy, key) && blank(copy[key])) delete copy[key];
    if (!Object.hasOwn(copy, 'plain') && typeof copy.expansion === 'string') {
      copy.plain = copy.expansion;
      defaulted.push(`${path}.${lang}.plain`);
    }
    out[lang] = copy;
  }
  const absent = (lang: 'en' | 'et') => blank(out[lang]) || (isRecord(out[lang]) && Object.keys(out[lang]).length === 0);
  if (absent('en') && absent('et')) {
    problems.push({ path, message: 'has no text in either language; give at least the expansion and explanation in English or Estonian' });
    defaulted.push(`${path}.en`, `${path}.et`);
  } else if (absent('en')) {
    out.en = { ...(out.et as object) };
    defaulted.push(`${path}.en`);
  } else if (absent('et')) {
    out.et = { ...(out.en as object) };
    defaulted.push(`${path}.et`);
  }
  return out;
}

/** Text values that start like a spreadsheet formula, by path. Depth-limited: entries are shallow. */
export function formulaProblems(value: unknown): Array<{ path: string; message: string }> {
  const out: Array<{ path: string; message: string }> = [];
  const walk = (x: unknown, path: string, depth: number) => {
    if (depth > 6 || out.length >= USER_LIMITS.problems) return;
    if (typeof x === 'string') {
      if (FORMULA_START.test(x)) {
        out.push({
          path,
          message: `starts with "${x[0]}", which spreadsheet programs run as a formula (CSV injection); reword it so it starts with a letter or digit`,
        });
      }
    } else if (Array.isArray(x)) {
      x.forEach((item, i) => walk(item, `${path}[${i}]`, depth + 1));
    } else if (isRecord(x)) {
      for (const key of Object.keys(x)) {
        const step = /^[A-Za-z_$][\w$]*$/u.test(key) ? (path ? `.${key}` : key) : `[${JSON.stringify(clip(key))}]`;
        walk(x[key], `${path}${step}`, depth + 1);
      }
    }
  };
  walk(value, '', 0);
  return out;
}

function under(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

/**
 * One user entry, with defaults, checked by the pack rules and the formula rule. Problems use the
 * pack `Problem` shape (file, index, term, JSON path); parseUserDictionary turns them into lines.
 */
export function checkUserEntry(raw: unknown, place: EntryPlace = {}): Result<Entry> {
  if (!isRecord(raw)) {
    // valibot would take an array for an object and list every field as missing.
    const problem: Problem = { file: place.file ?? '', ...(place.index !== undefined ? { index: place.index } : {}), path: '', message: 'must be an entry: an object such as { "term": …, "senses": [ … ] }' };
    return { ok: false, problems: [problem] };
  }
  const { value, defaulted, problems: own } = withUserDefaults(raw);
  const result = validateEntry(value, place);
  const formula = formulaProblems(value);
  if (result.ok && formula.length === 0 && own.length === 0) return result;

  const term = isRecord(value) && typeof value.term === 'string' ? clip(value.term) : undefined;
  const base: Omit<Problem, 'path' | 'message'> = {
    file: place.file ?? '',
    ...(place.index !== undefined ? { index: place.index } : {}),
    ...(term !== undefined ? { term } : {}),
  };
  const formulaPaths = new Set(formula.map((p) => p.path));
  let problems: Problem[] = [
    ...own.map((p) => ({ ...base, ...p })),
    ...(result.ok ? [] : result.problems.filter((p) => !formulaPaths.has(p.path))),
    ...formula.map((p) => ({ ...base, ...p })),
  ];
  // A problem in a filled-in field repeats the problem in the field it was filled from.
  const kept = problems.filter((p) => !defaulted.some((d) => under(p.path, d)));
  if (kept.length > 0) problems = kept;
  // A language half filled in: say how to get the other language's text instead.
  problems = problems.map((p) => {
    const half = /^senses\[\d+\]\.(en|et)\.(expansion|explanation)$/u.exec(p.path);
    if (!half || p.message !== 'is missing') return p;
    const [mine, other] = half[1] === 'en' ? ['English', 'Estonian'] : ['Estonian', 'English'];
    return { ...p, message: `is missing (write it, or leave all ${mine} texts of this sense empty to use the ${other} ones)` };
  });
  if (defaulted.includes('kind') && isRecord(value) && typeof value.term === 'string') {
    const hint = ` (kind was taken as "${String(value.kind)}" from the term's shape; give "kind" to say otherwise)`;
    problems = problems.map((p) => (under(p.path, 'variants') || p.path === 'term' ? { ...p, message: p.message.replace(/\.?$/u, hint) } : p));
  }
  return { ok: false, problems };
}

/** A pack `Problem` as a `UserProblem`, with the line and field the caller maps it to. */
export function toUserProblem(problem: Problem, line?: number, field = problem.path): UserProblem {
  const entry = problem.term ?? problem.index;
  return {
    file: problem.file,
    ...(line !== undefined ? { line } : {}),
    ...(entry !== undefined ? { entry } : {}),
    field,
    message: problem.message,
  };
}

/**
 * The popup's "Add meaning…" form: one entry, in the JSON entry shape (`term`, `kind`?,
 * `familiarity`?, `senses`, `source`?, …), checked by the same rules and defaults as an imported
 * user dictionary. On success the entry has its defaults filled in and can be stored as it is;
 * on failure nothing is returned but the problems, each named by field.
 */
export function validateUserEntry(data: unknown): UserEntryResult {
  const result = checkUserEntry(data);
  if (result.ok) return { ok: true, entry: result.value };
  return { ok: false, problems: result.problems.map((p) => toUserProblem(p)) };
}
