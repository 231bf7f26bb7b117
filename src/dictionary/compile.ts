// Compiles validated packs into the runtime index the checker loads (`CompiledDictionary` in
// src/core/types.ts). Pure and deterministic: packs are ordered by name, entries keep their
// file order, every map is written with sorted keys, so the same input always gives a
// byte-identical `JSON.stringify`. All inflection happens here, never on the hot path.
//
// This is the only module that uses compromise, and only for English noun plurals and verb
// conjugations of jargon forms. Its global lexicon is never modified.

import nlp from 'compromise';
import type { CompiledDictionary, CompiledEntry, Sense } from '../core/types.ts';
import { expandParadigm } from './paradigms.ts';
import type { Capitals, EnForm, Entry, Pack } from './schema.ts';
import { dottedKey, expansionWords, isDotted, isLowercase, normaliseForm } from './text.ts';
import { DictionaryError, validateCapitals, validatePack, type Problem } from './validate.ts';

export interface CompileOptions {
  /** Ordinary words written in capitals (`dictionaries/capitals.json`); none when omitted. */
  capitals?: Capitals;
  /**
   * How a problem message names the other place in a clash. Default: `cx.json entry 5 "CSAT"
   * (term)`. User dictionaries pass one that names the line instead (`line 7 "CSAT" (term)`).
   */
  describePlace?: (place: { file: string; index: number; term: string; path: string }) => string;
}

type MapName = 'acronyms' | 'dotted' | 'words' | 'phrases';

/** Where a surface form came from, for problem messages. */
interface Origin {
  entry: number;
  file: string;
  index: number;
  term: string;
  path: string;
}

/**
 * Build the runtime index. Throws `DictionaryError` listing every problem: invalid packs,
 * duplicate terms or surface forms across entries and packs, and capitals that are acronyms.
 */
export function compileDictionary(packs: readonly Pack[], options: CompileOptions = {}): CompiledDictionary {
  const problems: Problem[] = [];
  const describe = options.describePlace ?? defaultDescribe;
  const clash = (here: Origin, what: string, other: Origin): Problem => ({
    ...place(here),
    message: `${what} is also used by ${describe(other)}; each term and surface form may belong to only one entry`,
  });

  // Re-validate: callers may build packs in code, and validation is cheap next to inflection.
  const valid: Pack[] = [];
  const names = new Map<string, number>();
  packs.forEach((raw, i) => {
    const name = typeof (raw as { pack?: unknown } | null)?.pack === 'string' ? raw.pack : `pack #${i}`;
    const file = `${name}.json`;
    const result = validatePack(raw, file);
    if (!result.ok) {
      problems.push(...result.problems);
      return;
    }
    if (names.has(name)) {
      problems.push({ file, path: 'pack', message: `"${name}" is used by two packs; pack names must be unique` });
      return;
    }
    names.set(name, i);
    valid.push(result.value);
  });
  valid.sort((a, b) => compare(a.pack, b.pack));

  const entries: CompiledEntry[] = [];
  const maps: Record<MapName, Map<string, Origin>> = {
    acronyms: new Map(),
    dotted: new Map(),
    words: new Map(),
    phrases: new Map(),
  };
  // Acronym keys by their uppercase spelling: "SAAS" in text is looked up as "SAAS", so
  // "SaaS" and "SAAS" in two different entries would be ambiguous.
  const acronymsByUpper = new Map<string, { key: string; origin: Origin }>();
  const terms = new Map<string, Origin>();
  const acronymWords = new Set<string>(); // `words` keys that come from acronym entries ("jne", "km")

  // One problem per place: a duplicated term is not reported again as a duplicated surface form.
  const reported = new Set<string>();
  const report = (origin: Origin, problem: Problem) => {
    const at = `${origin.file}#${origin.index}#${origin.path}`;
    if (reported.has(at)) return;
    reported.add(at);
    problems.push(problem);
  };

  const add = (map: MapName, key: string, origin: Origin) => {
    const other = maps[map].get(key);
    if (other) {
      if (other.entry !== origin.entry) report(origin, clash(origin, `surface form "${key}"`, other));
      return;
    }
    if (map === 'acronyms') {
      const upper = key.toUpperCase();
      const same = acronymsByUpper.get(upper);
      if (same && same.origin.entry !== origin.entry) {
        report(origin, {
          ...place(origin),
          message: `acronym "${key}" differs only in capitalisation from "${same.key}" in ${describe(same.origin)}; text in capitals would match both`,
        });
        return;
      }
      if (!same) acronymsByUpper.set(upper, { key, origin });
    }
    maps[map].set(key, origin);
  };

  for (const pack of valid) {
    const file = `${pack.pack}.json`;
    pack.entries.forEach((entry, index) => {
      const entryIndex = entries.length;
      const base = { entry: entryIndex, file, index, term: entry.term };
      const origin = (path: string): Origin => ({ ...base, path });

      const termKey = entry.term.toLowerCase();
      const sameTerm = terms.get(termKey);
      if (sameTerm) report(origin('term'), clash(origin('term'), `term "${entry.term}"`, sameTerm));
      else terms.set(termKey, origin('term'));

      const surfaces: Array<{ form: string; path: string }> = [
        { form: entry.term, path: 'term' },
        ...(entry.variants ?? []).map((form, i) => ({ form, path: `variants[${i}]` })),
      ];

      if (entry.kind === 'acronym') {
        for (const { form, path } of surfaces) {
          if (form.includes(' ')) add('phrases', normaliseForm(form), origin(path));
          else if (isDotted(form)) add('dotted', dottedKey(form), origin(path));
          else if (isLowercase(form)) {
            add('words', form, origin(path));
            acronymWords.add(form);
          } else add('acronyms', form, origin(path));
        }
      } else {
        for (const { form, path } of surfaces) addJargon(add, form, origin(path));
        entry.forms?.en?.forEach((item, i) => {
          const path = `forms.en[${i}]`;
          try {
            for (const form of englishForms(item)) addJargon(add, form, origin(path));
          } catch (error) {
            problems.push({ ...place(origin(path)), message: `could not be inflected by compromise (${String(error)})` });
          }
        });
        entry.forms?.et?.forEach((item, i) => {
          const path = `forms.et[${i}]`;
          const forms = typeof item === 'string' ? [item] : expandParadigm(item);
          for (const form of forms) addJargon(add, form, origin(path));
        });
      }

      entries.push(compileEntry(entry));
    });
  }

  let capitals: string[] = [];
  if (options.capitals !== undefined) {
    const result = validateCapitals(options.capitals);
    if (!result.ok) problems.push(...result.problems);
    else {
      result.value.words.forEach((word, i) => {
        const lower = word.toLowerCase();
        const acronym = acronymsByUpper.get(word)?.origin;
        const abbreviation = acronymWords.has(lower) ? maps.words.get(lower) : undefined;
        const other = acronym ?? abbreviation;
        if (other) {
          problems.push({
            file: 'capitals.json',
            path: `words[${i}]`,
            message: `"${word}" is an acronym or abbreviation in ${describe(other)}; a word in the capitals list is never treated as an acronym, so remove it from one of the two`,
          });
        }
      });
      capitals = [...new Set(result.value.words.map((w) => w.toLowerCase()))].sort(compare);
    }
  }

  if (problems.length > 0) throw new DictionaryError(problems, 'The dictionary could not be compiled');

  return {
    format: 'selge-compiled/1',
    entries,
    acronyms: sortedIndex(maps.acronyms),
    dotted: sortedIndex(maps.dotted),
    words: sortedIndex(maps.words),
    phrases: sortedIndex(maps.phrases),
    capitals,
  };
}

function addJargon(add: (map: MapName, key: string, origin: Origin) => void, form: string, origin: Origin): void {
  const key = normaliseForm(form);
  add(key.includes(' ') ? 'phrases' : 'words', key, origin);
}

function compileEntry(entry: Entry): CompiledEntry {
  const senses: Sense[] = entry.senses.map((s) => ({
    et: { expansion: s.et.expansion, explanation: s.et.explanation, plain: s.et.plain },
    en: { expansion: s.en.expansion, explanation: s.en.explanation, plain: s.en.plain },
  }));
  const seen = new Set<string>();
  const expansions: string[][] = [];
  for (const sense of senses) {
    for (const text of [sense.en.expansion, sense.en.plain, sense.et.expansion, sense.et.plain]) {
      for (const alternative of alternatives(text)) {
        const words = expansionWords(alternative);
        const key = words.join(' ');
        if (words.length === 0 || seen.has(key)) continue;
        seen.add(key);
        expansions.push(words);
      }
    }
  }
  return {
    term: entry.term,
    kind: entry.kind,
    familiar: entry.familiarity === 'everyone',
    senses,
    expansions,
  };
}

/**
 * The alternatives in an expansion or plain text: ";" separates alternatives ("first contact
 * resolution; first call resolution"), and a parenthesised part is an alternative of its own
 * ("soovitusindeks (Net Promoter Score)" → "soovitusindeks", "Net Promoter Score"), so a
 * message that writes either one before "(NPS)" matches a whole list.
 */
export function alternatives(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(';')) {
    const inside = [...part.matchAll(/\(([^()]*)\)/gu)].map((m) => m[1] ?? '');
    out.push(part.replace(/\([^()]*\)/gu, ' '), ...inside);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// English inflection (compromise)

interface Transforms {
  verb: { conjugate(word: string, model: unknown): Record<string, string | undefined> };
  noun: { toPlural(word: string, model: unknown): string };
}
let english: { transform: Transforms; model: unknown } | undefined;

function transforms(): { transform: Transforms; model: unknown } {
  if (!english) {
    const world = nlp.world() as { methods: { two: { transform: Transforms } }; model: unknown };
    english = { transform: world.methods.two.transform, model: world.model };
  }
  return english;
}

/**
 * Surface forms of one English form item:
 * - `{ "verb": "escalate" }` → escalate, escalates, escalated, escalating (and irregular participles);
 * - `{ "noun": "touchpoint" }` → touchpoint, touchpoints;
 * - `{ "exact": "omnichannel" }` → omnichannel;
 * - `"escalate"` → compromise's lexicon decides: verb if it reads the word as a verb, noun if as
 *   a noun, otherwise exact. Use the explicit forms when it guesses wrong ("churn" is both).
 */
export function englishForms(item: EnForm): string[] {
  const { transform, model } = transforms();
  let kind: 'verb' | 'noun' | 'exact';
  let word: string;
  if (typeof item === 'string') {
    word = item.toLowerCase();
    const doc = nlp(word);
    kind = doc.has('^#Verb') ? 'verb' : doc.has('#Noun$') ? 'noun' : 'exact';
  } else if ('verb' in item) {
    kind = 'verb';
    word = item.verb.toLowerCase();
  } else if ('noun' in item) {
    kind = 'noun';
    word = item.noun.toLowerCase();
  } else {
    kind = 'exact';
    word = item.exact.toLowerCase();
  }
  if (kind === 'exact') return [word];
  if (kind === 'noun') return [word, transform.noun.toPlural(word, model).toLowerCase()];
  const conjugated = transform.verb.conjugate(word, model);
  const forms = [word];
  for (const key of Object.keys(conjugated).sort()) {
    const form = conjugated[key];
    // FutureTense is "will escalate": the bare verb already covers it.
    if (key === 'FutureTense' || typeof form !== 'string' || form === '') continue;
    forms.push(form.toLowerCase());
  }
  return forms;
}

// ---------------------------------------------------------------------------------------------
// helpers

function sortedIndex(map: Map<string, Origin>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of [...map.keys()].sort(compare)) out[key] = (map.get(key) as Origin).entry;
  return out;
}

/** Code-unit order: locale-independent, so output does not depend on the machine. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function place(origin: Origin): Pick<Problem, 'file' | 'index' | 'term' | 'path'> {
  return { file: origin.file, index: origin.index, term: origin.term, path: origin.path };
}

function defaultDescribe(origin: { file: string; index: number; term: string; path: string }): string {
  return `${origin.file} entry ${origin.index} "${origin.term}" (${origin.path})`;
}
