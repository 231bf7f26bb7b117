// The tooltip's content: the term, its meanings in the message's language, and the actions.
// Styled inline (CSSOM, which page CSP allows) inside our own shadow root, so page CSS
// cannot reach it. Buttons cancel mousedown so the editor keeps the focus and the caret.
import type { Meaning } from '../../core/index.ts';

export type Translate = (key: string, substitutions?: string | string[]) => string;

export interface TooltipModel {
  term: string;
  /** The word as written ("NPSi"), and where it starts in the field's text. */
  text: string;
  start: number;
  kind: 'acronym' | 'jargon';
  meanings: Meaning[];
  /** The plain alternative for jargon, in the message's language. */
  plain?: string;
  /** Whether "Explain here" has something to insert. */
  canExplain: boolean;
  /** What "Replace with plain words" types over this use; undefined: not offered here. */
  replaceWith?: string;
  /** Whether "Add meaning…" is offered: an acronym the dictionaries do not know. */
  canAdd: boolean;
  /** The open "Add meaning…" form. */
  form?: MeaningForm;
  /** A message after a failed fix. */
  problem?: string;
  /** The button shown as focused when the tooltip is driven from the keyboard (-1: none). */
  active: number;
  /** The message's language, for the lang attribute of the meanings. */
  language: string;
}

/** What the user typed into "Add meaning…", and what was wrong with it when saved. */
export interface MeaningForm {
  expansion: string;
  explanation: string;
  problems: string[];
  saving: boolean;
}

export type Action = 'explain' | 'replace' | 'add' | 'ignore' | 'allow';

export interface TooltipProps {
  model: TooltipModel;
  t: Translate;
  onAction(index: number): void;
  onForm(event: FormEvent): void;
}

export type FormEvent =
  | { type: 'edit'; expansion: string; explanation: string }
  | { type: 'save' }
  | { type: 'cancel' };

const card = {
  'box-sizing': 'border-box',
  'max-width': '360px',
  'min-width': '220px',
  padding: '10px 12px',
  background: '#ffffff',
  color: '#1f2937',
  border: '1px solid #d1d5db',
  'border-radius': '8px',
  'box-shadow': '0 6px 20px rgba(0,0,0,.18)',
  font: '13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
  'text-align': 'left',
};

const button = (active: boolean, primary: boolean) => ({
  font: 'inherit',
  'font-weight': primary ? '600' : '400',
  padding: '4px 10px',
  margin: '0 6px 0 0',
  border: `1px solid ${primary ? '#c2410c' : '#9ca3af'}`,
  'border-radius': '6px',
  background: primary ? '#fff7ed' : '#ffffff',
  color: '#1f2937',
  cursor: 'pointer',
  outline: active ? '2px solid #2563eb' : 'none',
  'outline-offset': '1px',
});

/**
 * The actions in order; index = position in the tooltip. The fix that explains comes first:
 * Enter on a tooltip opened from the keyboard presses it.
 */
export function actionsOf(model: TooltipModel): Action[] {
  if (model.form) return [];
  const actions: Action[] = [];
  if (model.canExplain) actions.push('explain');
  if (model.replaceWith !== undefined) actions.push('replace');
  if (model.canAdd) actions.push('add');
  actions.push('ignore', 'allow');
  return actions;
}

const LABELS: Record<Action, string> = {
  explain: 'tooltipExplain',
  replace: 'tooltipReplace',
  add: 'tooltipAddMeaning',
  ignore: 'tooltipIgnore',
  allow: 'tooltipAllow',
};

const input = {
  'box-sizing': 'border-box',
  display: 'block',
  width: '100%',
  font: 'inherit',
  padding: '3px 6px',
  margin: '2px 0 6px 0',
  border: '1px solid #9ca3af',
  'border-radius': '4px',
  background: '#ffffff',
  color: '#1f2937',
};

/**
 * "Add meaning…": what the letters stand for and, optionally, one plain sentence; saved to
 * the user's dictionary in the message's language. Enter saves, Escape cancels.
 */
function AddMeaning({ model, t, onForm }: Pick<TooltipProps, 'model' | 't' | 'onForm'>) {
  const form = model.form!;
  const keys = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      onForm({ type: 'save' });
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onForm({ type: 'cancel' });
    }
  };
  const read = (event: Event) => {
    const inputs = (event.currentTarget as HTMLElement).closest('form')!.querySelectorAll('input');
    onForm({ type: 'edit', expansion: inputs[0]!.value, explanation: inputs[1]!.value });
  };
  return (
    <form data-part="add-meaning" lang={model.language} onSubmit={(event) => { event.preventDefault(); onForm({ type: 'save' }); }}>
      <label>
        {t('tooltipFormExpansion')}
        <input name="expansion" style={input} value={form.expansion} onInput={read} onKeyDown={keys} autoComplete="off" spellcheck={false} />
      </label>
      <label>
        {t('tooltipFormExplanation')}
        <input name="explanation" style={input} value={form.explanation} onInput={read} onKeyDown={keys} autoComplete="off" />
      </label>
      {form.problems.length > 0 ? (
        <div role="alert" data-part="problem" style={{ color: '#b91c1c', margin: '4px 0' }}>
          {form.problems.map((problem) => <div>{problem}</div>)}
        </div>
      ) : null}
      <button type="submit" data-action="save" disabled={form.saving} style={button(false, true)}>{t('tooltipFormSave')}</button>
      <button type="button" data-action="cancel" style={button(false, false)} onClick={() => onForm({ type: 'cancel' })}>{t('tooltipFormCancel')}</button>
    </form>
  );
}

export function Tooltip({ model, t, onAction, onForm }: TooltipProps) {
  const actions = actionsOf(model);
  const label = (action: Action) => (action === 'replace' ? t('tooltipReplace', model.replaceWith!) : t(LABELS[action]));
  return (
    <div role="dialog" aria-label={model.term} style={card} data-selge-tooltip="" data-start={model.start}>
      <div style={{ 'font-weight': '700', 'margin-bottom': '4px' }} data-part="term">{model.term}</div>
      <div lang={model.language} data-part="meanings">
        {model.meanings.length === 0 ? (
          <div style={{ color: '#6b7280' }}>{t('tooltipUnknown')}</div>
        ) : (
          model.meanings.map((meaning) => (
            <div style={{ 'margin-bottom': '4px' }}>
              <div style={{ 'font-weight': '600' }}>{meaning.expansion}</div>
              <div>{meaning.explanation}</div>
            </div>
          ))
        )}
        {model.plain ? <div style={{ 'margin-bottom': '4px' }}>{t('tooltipPlain')} <b>{model.plain}</b></div> : null}
      </div>
      {model.problem ? (
        <div role="alert" data-part="problem" style={{ color: '#b91c1c', margin: '4px 0' }}>{model.problem}</div>
      ) : null}
      {model.form ? <AddMeaning model={model} t={t} onForm={onForm} /> : null}
      <div style={{ 'margin-top': '8px', display: 'flex', 'flex-wrap': 'wrap', gap: '6px 0' }}>
        {actions.map((action, index) => (
          <button
            type="button"
            tabIndex={-1}
            data-action={action}
            style={button(index === model.active, action === 'explain')}
            onMouseDown={(event) => event.preventDefault()}
            onClick={(event) => {
              event.preventDefault();
              onAction(index);
            }}
          >
            {label(action)}
          </button>
        ))}
      </div>
      {model.form ? null : <div style={{ color: '#6b7280', 'font-size': '11px', 'margin-top': '6px' }}>{t('tooltipKeys')}</div>}
    </div>
  );
}
