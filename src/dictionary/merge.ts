// Layering user and team dictionaries over the built-in one at run time: `selge check --dict`
// and the extension. Browser-safe (no node: modules).
//
// Each overlay pack is compiled on its own and then layered over what is below it, so it may
// redefine a built-in term. Compiling it together with the built-in packs instead would refuse
// every such overlap as a duplicate, and would recompile the whole built-in dictionary.

import type { CompiledDictionary } from '../core/types.ts';
import { compileDictionary } from './compile.ts';
import type { Pack } from './schema.ts';
import { DictionaryError, type Problem } from './validate.ts';

/**
 * `base` with the overlay packs layered on top, in order: a later overlay wins over an earlier
 * one, and every overlay wins over `base`. For team > user > built-in, pass `[user, team]`.
 *
 * Returns a new dictionary; `base` and the packs are not changed (unchanged entry objects are
 * shared). Deterministic: the same inputs give a byte-identical `JSON.stringify`. Throws a
 * DictionaryError listing the problems of every overlay that does not compile (an overlay
 * from parseUserDictionary always compiles).
 */
export function mergeDictionaries(base: CompiledDictionary, overlays: readonly Pack[]): CompiledDictionary {
  const problems: Problem[] = [];
  const compiled: CompiledDictionary[] = [];
  for (const pack of overlays) {
    try {
      compiled.push(compileDictionary([pack]));
    } catch (error) {
      if (!(error instanceof DictionaryError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new DictionaryError(problems, 'A user or team dictionary could not be compiled');
  let merged: CompiledDictionary = { ...base };
  for (const over of compiled) merged = overlayCompiled(merged, over);
  return merged;
}

/**
 * `base` with the compiled dictionary `over` layered on top. Entries are appended (indices into
 * `base` stay valid); a base entry whose term `over` redefines (compared case-insensitively)
 * loses all its surface forms, and any surface form `over` uses points to `over`'s entry.
 * Acronym keys compare case-insensitively, as the compiler does; capitals that `over` defines
 * as acronyms stop being plain capitals.
 */
export function overlayCompiled(base: CompiledDictionary, over: CompiledDictionary): CompiledDictionary {
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
    [
      ...Object.keys(over.acronyms),
      ...Object.entries(over.words)
        .filter(([, index]) => over.entries[index]?.kind === 'acronym')
        .map(([key]) => key),
    ].map((key) => key.toLowerCase()),
  );

  return {
    format: base.format,
    entries: [...base.entries, ...over.entries],
    acronyms: layer(base.acronyms, over.acronyms, upper),
    dotted: layer(base.dotted, over.dotted, same),
    words: layer(base.words, over.words, same),
    phrases: layer(base.phrases, over.phrases, same),
    capitals: [...new Set([...base.capitals, ...over.capitals])].filter((word) => !overAcronyms.has(word)).sort(compare),
  };
}

/** Code-unit order, as the compiler writes keys, so merged output is as deterministic as compiled. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortKeys(map: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => compare(a, b)));
}
