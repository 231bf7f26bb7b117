/**
 * The dictionary the CLI checks with: the built-in one (compiled and cached by
 * src/dictionary/load-node.ts), with team and user dictionaries from --dict layered over it.
 *
 * Each --dict file (JSON or CSV) is read and validated by the same parseUserDictionary the
 * extension uses, then mergeDictionaries (src/dictionary/merge.ts) layers the packs over the
 * built-in dictionary in the order given: a later --dict wins over an earlier one, and every
 * --dict wins over the built-in dictionary for the terms and surface forms it defines.
 */
import type { CompiledDictionary } from '../core/types.ts';
import { loadBuiltinDictionary } from '../dictionary/load-node.ts';
import type { Pack } from '../dictionary/schema.ts';
import { formatProblem, type Problem } from '../dictionary/validate.ts';
import { problemsError, readDictionaryFile } from './dict-file.ts';
import { inputError, type CliError } from './errors.ts';

/** Read and validate every --dict file; the first broken one is a CliError (exit 2). */
export async function loadOverlays(dictFiles: readonly string[]): Promise<Array<{ file: string; pack: Pack }>> {
  const packs: Array<{ file: string; pack: Pack }> = [];
  for (const file of dictFiles) {
    const result = await readDictionaryFile(file);
    if (!result.ok) throw problemsError(result.problems);
    packs.push({ file, pack: result.pack });
  }
  return packs;
}

export async function loadDictionary(dictFiles: readonly string[]): Promise<CompiledDictionary> {
  // Team packs first: a broken --dict file is the likeliest problem and the cheapest to find.
  const overlays = await loadOverlays(dictFiles);

  let dictionary: CompiledDictionary;
  try {
    dictionary = await loadBuiltinDictionary();
  } catch (error) {
    throw dictionaryError(error, 'built-in dictionary: ');
  }
  if (overlays.length === 0) return dictionary;

  // Only now: the compiler loads compromise, which a run without --dict never needs.
  const { mergeDictionaries } = await import('../dictionary/merge.ts');
  try {
    return mergeDictionaries(
      dictionary,
      overlays.map(({ pack }) => pack),
    );
  } catch (error) {
    // Not expected (parseUserDictionary compiles each pack already); name the files the user typed.
    const files = new Map(overlays.map(({ file, pack }) => [`${pack.pack}.json`, file]));
    throw dictionaryError(error, '', files);
  }
}

/** A DictionaryError as one line: the first problem and how many more. Anything else is a bug and rethrown. */
export function dictionaryError(error: unknown, prefix: string, files: ReadonlyMap<string, string> = new Map()): CliError {
  const problems = (error as { problems?: Problem[] }).problems;
  if (!Array.isArray(problems)) throw error; // not a dictionary problem but a bug: main reports it as one
  const [first, ...rest] = problems.map((problem) => ({ ...problem, file: files.get(problem.file) ?? problem.file }));
  const more = rest.length === 0 ? '' : ` (and ${rest.length} more ${rest.length === 1 ? 'problem' : 'problems'})`;
  return inputError(`${prefix}${first ? formatProblem(first) : 'invalid dictionary'}${more}`);
}
