// The tooltip's content: the term, its meanings in the message's language, and the actions.
// Styled inline (CSSOM, which page CSP allows) inside our own shadow root, so page CSS
// cannot reach it. Buttons cancel mousedown so the editor keeps the focus and the caret.
import type { Meaning } from '../../core/index.ts';

export type Translate = (key: string) => string;

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
  /** A message after a failed fix. */
  problem?: string;
  /** The button shown as focused when the tooltip is driven from the keyboard (-1: none). */
  active: number;
  /** The message's language, for the lang attribute of the meanings. */
  language: string;
}

export interface TooltipProps {
  model: TooltipModel;
  t: Translate;
  onAction(index: number): void;
}

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

/** The actions in order; index = position in the tooltip. */
export function actionsOf(model: TooltipModel): Array<'explain' | 'ignore'> {
  return model.canExplain ? ['explain', 'ignore'] : ['ignore'];
}

export function Tooltip({ model, t, onAction }: TooltipProps) {
  const actions = actionsOf(model);
  const label = (action: 'explain' | 'ignore') => t(action === 'explain' ? 'tooltipExplain' : 'tooltipIgnore');
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
      <div style={{ 'margin-top': '8px' }}>
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
      <div style={{ color: '#6b7280', 'font-size': '11px', 'margin-top': '6px' }}>{t('tooltipKeys')}</div>
    </div>
  );
}
