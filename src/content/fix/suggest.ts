// What "Explain here" inserts after the first use of a term, in the message's language:
// the expansion for an acronym ("NPS (Net Promoter Score)"), the plain words for jargon.
import type { CompiledDictionary, Finding, Language } from '../../core/index.ts';

/**
 * An expansion that already carries its own gloss in brackets, "soovitusindeks (Net Promoter
 * Score)", loses it: "NPS (soovitusindeks)" rather than nested brackets. The checker
 * recognises both as explaining the acronym.
 */
export function withoutGloss(expansion: string): string {
  const stripped = expansion.replace(/\s*\([^()]*\)\s*$/, '').trim();
  return stripped || expansion.trim();
}

/** The words to put in brackets after the first use, or undefined when the dictionary has none. */
export function explanationFor(finding: Finding, dictionary: CompiledDictionary, language: Language): string | undefined {
  if (finding.kind === 'jargon') {
    const entry = dictionary.entries.find((e) => e.term === finding.term && e.kind === 'jargon');
    const plain = entry?.senses[0]?.[language].plain.trim();
    if (plain) return plain;
  }
  const expansion = finding.meanings[0]?.expansion;
  return expansion ? withoutGloss(expansion) : undefined;
}

/** " (Net Promoter Score)": typed right after the word, as a writer would. */
export const bracketed = (words: string): string => ` (${words})`;
