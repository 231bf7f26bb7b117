// check(text, options) → Report: scan once, decide which uses are explained, count the
// distinct questions a reader would ask, and apply the "mida-see-tähendab?" threshold.

import { isLetterAt, isHyphenAt } from './chars.ts';
import { ClosingBrackets } from './closers.ts';
import { explainedAfter, longFormBefore, mayBeExplainedAfter, mayFollowLongForm, type ExplanationInput } from './explanation.ts';
import { languageOfTokens } from './language.ts';
import { prepareDictionary, type PreparedDictionary } from './prepare.ts';
import { scan, type Occurrences } from './scan.ts';
import { Scratch } from './scratch.ts';
import { sequential } from './sequential.ts';
import { findSkipZones } from './skip-zones.ts';
import { tokenize } from './tokens.ts';
import type { CheckOptions, CompiledDictionary, Language, Report } from './types.ts';

export const DEFAULT_THRESHOLD = 1;

/** How far before a definition's "(" or marker jargon still counts as part of the long form. */
const LONG_FORM_REACH = 120;

export function check(input: string, options: CheckOptions): Report {
  if (typeof input !== 'string') throw new TypeError('Selge: check() needs the text as a string.');
  const dict = prepareDictionary(options.dictionary);
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (!Number.isInteger(threshold) || threshold < 0) {
    throw new RangeError(`Selge: threshold must be a whole number ≥ 0, got ${String(threshold)}.`);
  }
  const languageOption = options.language ?? 'auto';
  if (languageOption !== 'auto' && languageOption !== 'et' && languageOption !== 'en') {
    throw new RangeError(`Selge: language must be "auto", "et" or "en", got ${String(languageOption)}.`);
  }
  const text = sequential(input);
  const tokens = tokenize(text, findSkipZones(text), dict.termStarts);
  const language: Language = languageOption === 'auto' ? languageOfTokens(text, tokens) : languageOption;
  const occurrences = scan(text, tokens, dict, language);
  const explanations = new Explanations(text, occurrences, dict);
  const firstUses = new FirstUses(dict.entries.length);

  // Familiar findings are dropped in place, not copied to a second array of the same length.
  // Safe while the loop runs: the explanation tests of use k read findings[k] (and the
  // parallel arrays) only, and slots are overwritten only below k.
  const { findings, entries } = occurrences;
  let kept = 0;
  let questions = 0;
  for (let k = 0; k < findings.length; k++) {
    const finding = findings[k]!;
    const { familiar } = finding;
    // An entry is one question however it is written; an unknown acronym is its own.
    const entry = entries[k]!;
    const first = firstUses.get(entry, finding.term);
    let explained: boolean;
    if (first === UNSEEN) {
      explained = explanations.explainedHere(k);
      firstUses.set(entry, finding.term, explained);
      if (!explained && !familiar) questions++;
    } else {
      // After a proper first use, later uses are fine; otherwise each use may still explain itself.
      explained = first === EXPLAINED || explanations.explainedHere(k);
    }
    if (familiar && !options.includeFamiliar) continue;
    finding.explained = explained;
    findings[kept++] = finding;
  }
  if (kept < findings.length) findings.length = kept;
  return { language, questions, threshold, verdict: questions > threshold ? 'fail' : 'pass', findings };
}

/** A factory over one compiled dictionary, for callers that check many texts. */
export function createChecker(dictionary: CompiledDictionary) {
  prepareDictionary(dictionary);
  return (text: string, options: Omit<CheckOptions, 'dictionary'> = {}): Report =>
    check(text, { ...options, dictionary });
}

const UNSEEN = 0;
const EXPLAINED = 1;
const UNEXPLAINED = 2;

/**
 * Whether the first use of each term was explained (UNSEEN until it is met). Dictionary
 * entries are counted by index in a typed array; unknown acronyms, which have no index, by
 * their letters.
 */
const firstUsesScratch = new Scratch((size) => new Uint8Array(size));
const longFormsScratch = new Scratch((size) => new Int32Array(size));
const inDefinitionScratch = new Scratch((size) => new Uint8Array(size));

class FirstUses {
  private readonly byEntry: Uint8Array;
  private byTerm: Map<string, number> | null = null;

  constructor(entries: number) {
    this.byEntry = firstUsesScratch.take(entries, UNSEEN);
  }

  get(entry: number, term: string): number {
    if (entry >= 0) return this.byEntry[entry]!;
    return this.byTerm?.get(term) ?? UNSEEN;
  }

  set(entry: number, term: string, explained: boolean): void {
    const verdict = explained ? EXPLAINED : UNEXPLAINED;
    if (entry >= 0) this.byEntry[entry] = verdict;
    else (this.byTerm ??= new Map()).set(term, verdict);
  }
}

const NOT_YET = -2;
const NO_EXPANSIONS: string[][] = [];

/**
 * What the explanation tests read about each occurrence of one check, built at most once:
 * the explained test and jargonInsideDefinitions both ask for an acronym's long form, and
 * the two halves of the explained test share one input.
 */
class Explanations {
  private readonly closers: ClosingBrackets;
  private readonly longForms: Int32Array;
  /** 1 for jargon that is part of an acronym's long form (see jargonInsideDefinitions). */
  private readonly inDefinition: Uint8Array;
  private lastIndex = -1;
  private lastInput: ExplanationInput | null = null;

  constructor(
    private readonly text: string,
    private readonly occurrences: Occurrences,
    private readonly dict: PreparedDictionary,
  ) {
    this.closers = new ClosingBrackets(text);
    this.longForms = longFormsScratch.take(occurrences.findings.length, NOT_YET);
    this.inDefinition = jargonInsideDefinitions(text, occurrences, this);
  }

  /** Is occurrence k explained where it stands (by its own words or as part of a definition)? */
  explainedHere(k: number): boolean {
    return this.inDefinition[k] === 1 || this.explainedAfter(k) || this.longForm(k) !== -1;
  }

  /** The explanation input of occurrence k (the last one asked for is kept). */
  input(k: number): ExplanationInput {
    if (k !== this.lastIndex || this.lastInput === null) {
      this.lastInput = explanationInput(this.text, this.occurrences, k, this.dict, this.closers);
      this.lastIndex = k;
    }
    return this.lastInput;
  }

  /** explainedAfter of occurrence k. */
  explainedAfter(k: number): boolean {
    // Most terms have no bracket or marker after them: answered without building an input.
    if (!mayBeExplainedAfter(this.text, afterOf(this.text, this.occurrences, k))) return false;
    return explainedAfter(this.input(k));
  }

  /** longFormBefore of occurrence k. */
  longForm(k: number): number {
    let end = this.longForms[k]!;
    if (end === NOT_YET) {
      end = mayFollowLongForm(this.text, this.occurrences.findings[k]!.start) ? longFormBefore(this.input(k)) : -1;
      this.longForms[k] = end;
    }
    return end;
  }
}

/**
 * Indices of jargon occurrences that are words of an acronym's long form: in "your customer
 * success manager (CSM)" the reader is being told what CSM means, and "customer success" is
 * part of that answer, not a new question.
 */
function jargonInsideDefinitions(text: string, occurrences: Occurrences, explanations: Explanations): Uint8Array {
  const covered = inDefinitionScratch.take(occurrences.findings.length, 0);
  const { findings, letters } = occurrences;
  for (let k = 1; k < findings.length; k++) {
    if (letters[k] === null || letters[k - 1] !== null) continue;
    const definitionEnd = explanations.longForm(k);
    if (definitionEnd === -1) continue;
    for (let j = k - 1; j >= 0; j--) {
      const jargon = findings[j]!;
      if (letters[j] !== null || jargon.end > definitionEnd || jargon.start < definitionEnd - LONG_FORM_REACH) break;
      if (/[.!?\n]/.test(text.slice(jargon.end, definitionEnd))) break;
      covered[j] = 1;
    }
  }
  return covered;
}

function explanationInput(
  text: string,
  occurrences: Occurrences,
  k: number,
  dict: PreparedDictionary,
  closers: ClosingBrackets,
): ExplanationInput {
  const { start, end } = occurrences.findings[k]!;
  const entry = occurrences.entries[k]!;
  return {
    text,
    start,
    end,
    after: afterOf(text, occurrences, k),
    letters: occurrences.letters[k]!,
    expansions: entry >= 0 ? dict.expansions(entry) : NO_EXPANSIONS,
    closers,
  };
}

/** Where the text after occurrence k starts (ExplanationInput.after). */
function afterOf(text: string, occurrences: Occurrences, k: number): number {
  const end = occurrences.findings[k]!.end;
  return occurrences.letters[k] === null ? end : compoundEnd(text, end);
}

/** End of the compound an acronym opens ("RMA-number", "ERP-süsteemiga"), or `end` itself. */
function compoundEnd(text: string, end: number): number {
  if (!isHyphenAt(text, end) || !isLetterAt(text, end + 1)) return end;
  let i = end + 1;
  while (i < text.length && isLetterAt(text, i)) i++;
  return i;
}
