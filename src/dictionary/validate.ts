// Validation of dictionary source data with readable problems. Each problem names the file,
// the entry (index and term), the field path and what is wrong, so a pack author can fix it
// without reading this code.

import * as v from 'valibot';
import {
  CapitalsSchema,
  EntrySchema,
  PackSchema,
  entryShapeIssues,
  type Capitals,
  type Entry,
  type Pack,
} from './schema.ts';

export interface Problem {
  /** File name as given by the caller ("cx.json"), or "" when unknown. */
  file: string;
  /** Zero-based entry index inside the pack, when the problem is in an entry. */
  index?: number;
  /** The entry's term, when it could be read. */
  term?: string;
  /** Field path inside the entry (or file): "senses[0].en.explanation". "" for the whole thing. */
  path: string;
  /** What is wrong, as a sentence fragment following the field: "is missing". */
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** Where an entry sits, for problem messages. */
export interface EntryPlace {
  file?: string;
  index?: number;
}

const PARSE_CONFIG = { abortPipeEarly: true } as const;

/** One problem as a line of text: `cx.json, entry 3 "CSAT", senses[0].en: is missing.` */
export function formatProblem(problem: Problem): string {
  const parts: string[] = [];
  if (problem.file) parts.push(problem.file);
  if (problem.index !== undefined || problem.term !== undefined) {
    const idx = problem.index !== undefined ? `entry ${problem.index}` : 'entry';
    parts.push(problem.term !== undefined ? `${idx} "${clip(problem.term)}"` : idx);
  }
  const where = parts.join(', ');
  const field = problem.path ? `field ${problem.path}` : '';
  const head = [where, field].filter(Boolean).join(', ');
  const sentence = problem.message.endsWith('.') ? problem.message : `${problem.message}.`;
  return head ? `${head}: ${sentence}` : sentence;
}

/** All problems, one per line. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map(formatProblem).join('\n');
}

/** An Error carrying the problems that caused it. */
export class DictionaryError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[], headline = 'The dictionary has problems') {
    super(`${headline} (${problems.length}):\n${formatProblems(problems)}`);
    this.name = 'DictionaryError';
    this.problems = problems;
  }
}

/** Validate one entry. `place` adds the file and index to the problems. */
export function validateEntry(data: unknown, place: EntryPlace = {}): Result<Entry> {
  const result = v.safeParse(EntrySchema, data, PARSE_CONFIG);
  if (result.success) return { ok: true, value: result.output as Entry };
  const term = readableTerm(data);
  const problem = (path: string, message: string): Problem => ({
    file: place.file ?? '',
    ...(place.index !== undefined ? { index: place.index } : {}),
    ...(term !== undefined ? { term } : {}),
    path,
    message,
  });
  const problems = result.issues.map((issue) => problem(issuePath(issue), issueMessage(issue)));
  // The schema checks term shape only once every field is valid; report it now as well,
  // so the author sees all problems of the entry in one run.
  const seen = new Set(problems.map((p) => p.path));
  for (const issue of entryShapeIssues(data)) {
    const path = issue.path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
    if (!seen.has(path)) problems.push(problem(path, issue.message));
  }
  return { ok: false, problems };
}

/**
 * Validate a whole pack as read from `fileName` ("cx.json", or a path for a team pack): the
 * pack's own fields and every entry. Cross-pack rules are checked by the compiler; that a
 * built-in pack's name matches its file name is checked by `loadPacks`.
 */
export function validatePack(data: unknown, fileName: string): Result<Pack> {
  const result = v.safeParse(PackSchema, data, PARSE_CONFIG);
  if (!result.success) {
    return {
      ok: false,
      problems: result.issues.map((issue) => ({ file: fileName, path: issuePath(issue), message: issueMessage(issue) })),
    };
  }
  const problems: Problem[] = [];
  const entries: Entry[] = [];
  result.output.entries.forEach((raw, index) => {
    const entry = validateEntry(raw, { file: fileName, index });
    if (entry.ok) entries.push(entry.value);
    else problems.push(...entry.problems);
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { pack: result.output.pack, title: result.output.title, entries } };
}

/** Validate `capitals.json`. Checks against acronyms happen in the compiler. */
export function validateCapitals(data: unknown, fileName = 'capitals.json'): Result<Capitals> {
  const result = v.safeParse(CapitalsSchema, data, PARSE_CONFIG);
  if (!result.success) {
    return {
      ok: false,
      problems: result.issues.map((issue) => ({ file: fileName, path: issuePath(issue), message: issueMessage(issue) })),
    };
  }
  const seen = new Map<string, number>();
  const problems: Problem[] = [];
  result.output.words.forEach((word, i) => {
    const first = seen.get(word);
    if (first !== undefined) {
      problems.push({ file: fileName, path: `words[${i}]`, message: `"${word}" is listed twice (also at words[${first}])` });
    } else {
      seen.set(word, i);
    }
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: result.output };
}

type AnyIssue = v.BaseIssue<unknown>;

function issuePath(issue: AnyIssue): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key?: unknown }).key;
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string') out += /^[A-Za-z_$][\w$]*$/u.test(key) ? (out ? `.${key}` : key) : `[${JSON.stringify(clip(key))}]`;
  }
  return out;
}

function issueMessage(issue: AnyIssue): string {
  // valibot's own wording for object keys is technical; say it plainly.
  if ((issue.type === 'strict_object' || issue.type === 'object') && issue.path?.length) {
    if (issue.expected === 'never') return 'is not a known field (check the spelling)';
    if (issue.received === 'undefined') return 'is missing';
  }
  if (issue.input === undefined && issue.kind === 'schema') return 'is missing';
  return issue.message;
}

function readableTerm(data: unknown): string | undefined {
  // Clipped so a hostile 10 MB term does not end up in every message.
  if (data === null || typeof data !== 'object') return undefined;
  const term = (data as { term?: unknown }).term;
  return typeof term === 'string' ? clip(term) : undefined;
}

/** Keep hostile values from flooding messages: at most 60 characters, controls made visible. */
export function clip(text: string): string {
  // eslint-disable-next-line no-control-regex
  const visible = text.replace(/[\p{Cc}\p{Cf}]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return visible.length > 60 ? `${visible.slice(0, 57)}…` : visible;
}
