// check(text, options) → Report: scan once, decide which uses are explained, count the
// distinct questions a reader would ask, and apply the "mida-see-tähendab?" threshold.

import { isExplained } from './explanation.ts';
import { languageOfTokens } from './language.ts';
import { prepareDictionary, type PreparedDictionary } from './prepare.ts';
import { scan, type Occurrence } from './scan.ts';
import { findSkipZones } from './skip-zones.ts';
import { tokenize } from './tokens.ts';
import type { CheckOptions, CompiledDictionary, Finding, Language, Meaning, Report } from './types.ts';

export const DEFAULT_THRESHOLD = 1;

export function check(text: string, options: CheckOptions): Report {
  if (typeof text !== 'string') throw new TypeError('Selge: check() needs the text as a string.');
  const dict = prepareDictionary(options.dictionary);
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (!Number.isInteger(threshold) || threshold < 0) {
    throw new RangeError(`Selge: threshold must be a whole number ≥ 0, got ${String(threshold)}.`);
  }
  const languageOption = options.language ?? 'auto';
  if (languageOption !== 'auto' && languageOption !== 'et' && languageOption !== 'en') {
    throw new RangeError(`Selge: language must be "auto", "et" or "en", got ${String(languageOption)}.`);
  }
  const tokens = tokenize(text, findSkipZones(text));
  const language: Language = languageOption === 'auto' ? languageOfTokens(text, tokens) : languageOption;
  const occurrences = scan(text, tokens, dict);

  // First-use state per term: dictionary entries by index, unknown acronyms by their letters.
  const firstExplained = new Map<number | string, boolean>();
  const findings: Finding[] = [];
  let questions = 0;
  for (const occ of occurrences) {
    const entry = occ.entry >= 0 ? dict.entries[occ.entry] : undefined;
    const familiar = entry?.familiar ?? false;
    const key = termKey(occ);
    const first = firstExplained.get(key);
    let explained: boolean;
    if (first === undefined) {
      explained = explainedHere(text, occ, dict);
      firstExplained.set(key, explained);
      if (!explained && !familiar) questions++;
    } else {
      // After a proper first use, later uses are fine; otherwise each use may still explain itself.
      explained = first || explainedHere(text, occ, dict);
    }
    if (familiar && !options.includeFamiliar) continue;
    findings.push({
      start: occ.start,
      end: occ.end,
      text: text.slice(occ.start, occ.end),
      term: occ.term,
      kind: occ.kind,
      explained,
      familiar,
      meanings: occ.entry >= 0 ? (dict.meanings[language][occ.entry] as Meaning[]) : [],
    });
  }
  return { language, questions, threshold, verdict: questions > threshold ? 'fail' : 'pass', findings };
}

/** A factory over one compiled dictionary, for callers that check many texts. */
export function createChecker(dictionary: CompiledDictionary) {
  prepareDictionary(dictionary);
  return (text: string, options: Omit<CheckOptions, 'dictionary'> = {}): Report =>
    check(text, { ...options, dictionary });
}

function termKey(occ: Occurrence): number | string {
  return occ.entry >= 0 ? occ.entry : occ.term;
}

function explainedHere(text: string, occ: Occurrence, dict: PreparedDictionary): boolean {
  return isExplained({
    text,
    start: occ.start,
    end: occ.end,
    letters: occ.letters,
    expansions: occ.entry >= 0 ? dict.expansions[occ.entry]! : [],
  });
}
