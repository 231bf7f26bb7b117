/**
 * The dictionary the CLI checks with: the built-in one (compiled and cached by
 * src/dictionary/load-node.ts), with team packs from --dict layered over it.
 *
 * "Over" means a team pack may redefine a built-in term: each --dict pack is validated and
 * compiled on its own, then merged into the compiled dictionary so its entries win wherever
 * they share a term or a surface form. Compiling the team pack together with the built-in packs
 * instead would refuse every such overlap as a duplicate, and would recompile the whole
 * built-in dictionary on every run.
 */
import { readFile } from 'node:fs/promises';
import type { CompiledDictionary } from '../core/types.ts';
import { loadBuiltinDictionary } from '../dictionary/load-node.ts';
import type { Pack } from '../dictionary/schema.ts';
import { formatProblem, validatePack, type Problem } from '../dictionary/validate.ts';
import { inputError, type CliError } from './errors.ts';
import { lineStarts, positionAt } from './format.ts';
import { decodeText } from './read-input.ts';

export async function loadDictionary(dictFiles: readonly string[]): Promise<CompiledDictionary> {
  // Team packs first: a broken --dict file is the likeliest problem and the cheapest to find.
  const packs = [];
  for (const file of dictFiles) packs.push(await readPack(file));

  let dictionary: CompiledDictionary;
  try {
    dictionary = await loadBuiltinDictionary();
  } catch (error) {
    throw dictionaryError(error, { prefix: 'built-in dictionary: ' });
  }
  if (packs.length === 0) return dictionary;

  // Only now: the compiler loads compromise, which a run without --dict never needs.
  const { compileDictionary } = await import('../dictionary/compile.ts');
  for (const { file, pack } of packs) {
    let team: CompiledDictionary;
    try {
      team = compileDictionary([pack]);
    } catch (error) {
      throw dictionaryError(error, { file, compiledAs: `${pack.pack}.json` });
    }
    dictionary = mergeDictionaries(dictionary, team);
  }
  return dictionary;
}

async function readPack(file: string): Promise<{ file: string; pack: Pack }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file or directory' : code === 'EISDIR' ? 'is a directory, not a dictionary file' : `cannot read (${code})`;
    throw inputError(`${file}: ${reason}`);
  }
  const text = decodeText(bytes, file); // binary or not UTF-8: an input error of its own
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw inputError(`${file}: not valid JSON (${jsonErrorWhere(error as Error, text)})`);
  }
  const result = validatePack(data, file);
  if (!result.ok) throw problemsError(result.problems);
  return { file, pack: result.value };
}

/**
 * `base` with `over` layered on top. Entries are appended (indices into `base` stay valid); a
 * base entry whose term `over` redefines loses all its surface forms, and any surface form
 * `over` uses points to `over`'s entry. Acronym keys compare case-insensitively, as the
 * compiler does; capitals that `over` defines as acronyms stop being plain capitals.
 */
export function mergeDictionaries(base: CompiledDictionary, over: CompiledDictionary): CompiledDictionary {
  const offset = base.entries.length;
  const redefined = new Set(over.entries.map((entry) => entry.term.toLowerCase()));
  const dropped = new Set(base.entries.flatMap((entry, index) => (redefined.has(entry.term.toLowerCase()) ? [index] : [])));

  const layer = (ours: Record<string, number>, theirs: Record<string, number>, fold: (key: string) => string) => {
    const shadowed = new Set(Object.keys(theirs).map(fold));
    const merged: Record<string, number> = {};
    for (const [key, index] of Object.entries(ours)) {
      if (!dropped.has(index) && !shadowed.has(fold(key))) merged[key] = index;
    }
    for (const [key, index] of Object.entries(theirs)) merged[key] = index + offset;
    return sortKeys(merged);
  };
  const same = (key: string) => key;
  const upper = (key: string) => key.toUpperCase();
  const overAcronyms = new Set(
    [...Object.keys(over.acronyms), ...Object.entries(over.words).filter(([, index]) => over.entries[index]?.kind === 'acronym').map(([key]) => key)].map((key) =>
      key.toLowerCase(),
    ),
  );

  return {
    format: base.format,
    entries: [...base.entries, ...over.entries],
    acronyms: layer(base.acronyms, over.acronyms, upper),
    dotted: layer(base.dotted, over.dotted, same),
    words: layer(base.words, over.words, same),
    phrases: layer(base.phrases, over.phrases, same),
    capitals: [...new Set([...base.capitals, ...over.capitals])].filter((word) => !overAcronyms.has(word)).sort(),
  };
}

/** Same key order as the compiler writes, so merged output is as deterministic as compiled. */
function sortKeys(map: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** One line: the first problem, and how many more there are. */
function problemsError(problems: readonly Problem[]): CliError {
  const [first, ...rest] = problems;
  const more = rest.length === 0 ? '' : ` (and ${rest.length} more ${rest.length === 1 ? 'problem' : 'problems'})`;
  // formatProblem ends with a full stop; the count reads better after it than inside it.
  return inputError(`${first ? formatProblem(first) : 'invalid dictionary'}${more}`);
}

/**
 * A DictionaryError from the loader or compiler, as one line. The compiler names a pack's file
 * after the pack ("team.json"); `compiledAs` maps that back to the path the user typed.
 */
function dictionaryError(error: unknown, where: { prefix?: string; file?: string; compiledAs?: string }): CliError {
  const problems = (error as { problems?: Problem[] }).problems;
  if (!Array.isArray(problems)) throw error; // not a dictionary problem but a bug: main reports it as one
  const named = problems.map((problem) => (where.file !== undefined && problem.file === where.compiledAs ? { ...problem, file: where.file } : problem));
  const message = problemsError(named).message;
  return inputError(`${where.prefix ?? ''}${message}`);
}

/** JSON.parse says "at position 38"; a person editing the file wants line and column. */
function jsonErrorWhere(error: Error, text: string): string {
  const message = error.message.split('\n')[0]!;
  const at = /at position (\d+)/.exec(message);
  if (!at) return message;
  const { line, column } = positionAt(text, lineStarts(text), Number(at[1]));
  return `${message.slice(0, at.index).replace(/ in JSON $/, '').trimEnd()} at line ${line}, column ${column}`;
}
