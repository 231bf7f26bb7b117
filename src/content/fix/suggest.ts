// What the fixes write, in the message's language: "Explain here" inserts the expansion after
// an acronym ("NPS (Net Promoter Score)") or the plain words after jargon; "Replace with plain
// words" types the plain words over the word.
import type { CompiledDictionary, CompiledEntry, Finding, Language } from '../../core/index.ts';

/**
 * The entry a finding came from. The last one with the term: user and team dictionaries are
 * layered after the built-in entries and win over them (src/dictionary/merge.ts).
 */
function entryOf(finding: Finding, dictionary: CompiledDictionary): CompiledEntry | undefined {
  return dictionary.entries.findLast((e) => e.term === finding.term && e.kind === finding.kind);
}

/**
 * An expansion that already carries its own gloss in brackets, "soovitusindeks (Net Promoter
 * Score)", loses it: "NPS (soovitusindeks)" rather than nested brackets. The checker
 * recognises both as explaining the acronym.
 */
export function withoutGloss(expansion: string): string {
  const stripped = expansion.replace(/\s*\([^()]*\)\s*$/, '').trim();
  return stripped || expansion.trim();
}

/**
 * The first of several wordings: packs list alternatives with "; " ("service agreement; agreed
 * response times"), and a message needs one of them.
 */
export function firstWording(text: string): string {
  return text.split(';')[0]!.trim();
}

/** The words to put in brackets after the first use, or undefined when the dictionary has none. */
export function explanationFor(finding: Finding, dictionary: CompiledDictionary, language: Language): string | undefined {
  if (finding.kind === 'jargon') {
    const entry = entryOf(finding, dictionary);
    const plain = firstWording(entry?.senses[0]?.[language].plain ?? '');
    if (plain) return plain;
  }
  const expansion = firstWording(finding.meanings[0]?.expansion ?? '');
  return expansion ? withoutGloss(expansion) : undefined;
}

/** " (Net Promoter Score)": typed right after the word, as a writer would. */
export const bracketed = (words: string): string => ` (${words})`;

/**
 * The plain words to type over the word, or undefined when there are none or they would not
 * fit. Only a word written in its base form is replaced: the plain words are a base form too,
 * and Selge cannot inflect them to match "CRM-iga" or "eskaleerisin" ("escalated").
 * `sentenceStart`: the word begins a sentence, so the plain words get a capital letter.
 */
export function plainWordsFor(
  finding: Finding, dictionary: CompiledDictionary, language: Language, sentenceStart: boolean,
): string | undefined {
  if (finding.text.toLowerCase() !== finding.term.toLowerCase()) return undefined;
  const plain = firstWording(entryOf(finding, dictionary)?.senses[0]?.[language].plain ?? '');
  if (!plain || plain.toLowerCase() === finding.text.toLowerCase()) return undefined;
  const capital = finding.kind === 'jargon' ? /^\p{Lu}/u.test(finding.text) : sentenceStart;
  return capital ? plain.charAt(0).toUpperCase() + plain.slice(1) : plain;
}

/** Whether the text before `offset` ends a sentence (or there is none): only spaces after . ! ? or a line break. */
export function startsSentence(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === ' ' || c === '\u00a0' || c === '\t') continue;
    return c === '.' || c === '!' || c === '?' || c === '\n';
  }
  return true;
}
