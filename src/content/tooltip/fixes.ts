// The fixes the tooltip and the badge's panel make, as edits through the editor (fix/edit.ts).
// While one runs, the field's input events are ours, not the user typing: `running()` tells
// the tooltip not to close on them.
import type { CompiledDictionary, Finding } from '../../core/index.ts';
import type { Frames } from '../clock';
import { applyInPlain, applyInRich, insertAfter, type Edit, type FixOutcome } from '../fix/edit';
import { bracketed, explanationFor } from '../fix/suggest';
import type { PlainField } from '../mirror';
import { findingsOf, type TrackedField } from './tracked';

export interface Fixer {
  apply(state: TrackedField, edit: Edit): Promise<FixOutcome>;
  /** Explain here, at the first use of `finding`'s term wherever the tooltip was opened. */
  explainEdit(state: TrackedField, finding: Finding): Edit | undefined;
  /**
   * Explain all: Explain here at the first use of every term that has words to insert, last
   * first so the earlier places stay where they are. Each insert is an undo step of its own;
   * the first one the editor refuses stops the rest.
   */
  explainAll(state: TrackedField): Promise<FixOutcome>;
  running(): boolean;
}

export interface FixerOptions {
  skipInside: string;
  frames: Frames;
  dictionary: () => CompiledDictionary;
}

export function createFixer(options: FixerOptions): Fixer {
  let running = 0;
  const nextFrame = () => new Promise<void>((resolve) => {
    options.frames.requestAnimationFrame(() => resolve());
  });
  const language = (state: TrackedField) => state.report?.language ?? 'en';

  const apply = async (state: TrackedField, edit: Edit): Promise<FixOutcome> => {
    running++;
    try {
      return state.kind === 'plain'
        ? applyInPlain(state.field as PlainField, edit, state.composing)
        : await applyInRich(state.field, options.skipInside, edit, () => state.composing, nextFrame);
    } finally {
      running--;
    }
  };

  const explainEdit = (state: TrackedField, finding: Finding, findings = findingsOf(state, options.skipInside)) => {
    const words = explanationFor(finding, options.dictionary(), language(state));
    if (!words) return undefined;
    const first = findings.find((f) => f.term === finding.term) ?? finding;
    return insertAfter(first, bracketed(words));
  };

  return {
    apply,
    explainEdit: (state, finding) => explainEdit(state, finding),
    async explainAll(state) {
      const findings = findingsOf(state, options.skipInside);
      const edits = new Map<string, Edit>();
      for (const finding of findings) {
        if (edits.has(finding.term)) continue;
        const edit = explainEdit(state, finding, findings);
        if (edit) edits.set(finding.term, edit);
      }
      let outcome: FixOutcome = 'done';
      for (const edit of [...edits.values()].sort((a, b) => b.start - a.start)) {
        outcome = await apply(state, edit);
        if (outcome !== 'done') break;
      }
      state.recheck();
      return outcome;
    },
    running: () => running > 0,
  };
}
