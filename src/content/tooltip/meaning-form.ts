// The "Add meaning…" form's logic: edits kept in the model, Save checked here first (the
// expansion is needed), then sent to the user's dictionary, whose problems come back into
// the form. The tooltip stays open (pinned) until the user saves or cancels.
import type { MeaningForm, FormEvent, TooltipModel, Translate } from './view';

export const EMPTY_FORM: MeaningForm = { expansion: '', explanation: '', problems: [], saving: false };

export interface FormDeps {
  t: Translate;
  term: string;
  /** Saves an entry; resolves to its problems (none: saved). */
  save(entry: unknown): Promise<string[]>;
  /** Shows the model again; false once the tooltip moved on (nothing more to show). */
  show(model: TooltipModel): boolean;
  done(): void;
  report(what: string, error: unknown): void;
}

/** Applies one form event to `model`; returns the model to show now. */
export function formEvent(model: TooltipModel, event: FormEvent, deps: FormDeps): TooltipModel | undefined {
  const form = model.form;
  if (!form) return undefined;
  if (event.type === 'cancel') {
    deps.done();
    return undefined;
  }
  if (event.type === 'edit') return { ...model, form: { ...form, expansion: event.expansion, explanation: event.explanation } };
  const expansion = form.expansion.trim();
  if (!expansion) return { ...model, form: { ...form, problems: [deps.t('tooltipFormNeedsExpansion')] } };
  if (form.saving) return model;
  const saving = { ...model, form: { ...form, saving: true } };
  // A sentence is optional in the form; the dictionary wants one, so the expansion stands in.
  const text = { expansion, explanation: form.explanation.trim() || expansion };
  const entry = { term: deps.term, kind: 'acronym', senses: [{ [model.language]: text }] };
  const showProblems = (problems: string[]) => deps.show({ ...saving, form: { ...saving.form, problems, saving: false } });
  deps.save(entry).then(
    (problems) => (problems.length === 0 ? deps.done() : showProblems(problems)),
    (error: unknown) => {
      deps.report('add meaning', error);
      showProblems([deps.t('tooltipSaveFailed')]);
    },
  );
  return saving;
}
