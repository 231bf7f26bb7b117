// What the tooltip shows for one finding: its meanings in the message's language and the
// actions that make sense for it (see view.tsx actionsOf).
import type { CompiledDictionary, Finding } from '../../core/index.ts';
import { explanationFor, plainWordsFor, startsSentence } from '../fix/suggest';
import type { TooltipModel } from './view';

export function tooltipModel(
  finding: Finding, dictionary: CompiledDictionary, language: 'et' | 'en', text: string, active: number,
): TooltipModel {
  const words = explanationFor(finding, dictionary, language);
  return {
    term: finding.term,
    text: finding.text,
    start: finding.start,
    kind: finding.kind,
    meanings: finding.meanings,
    plain: finding.kind === 'jargon' ? words : undefined,
    canExplain: words !== undefined,
    replaceWith: plainWordsFor(finding, dictionary, language, startsSentence(text, finding.start)),
    canAdd: finding.kind === 'acronym' && finding.meanings.length === 0,
    active,
    language,
  };
}
