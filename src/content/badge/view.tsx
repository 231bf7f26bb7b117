// The badges and the panel, drawn in our own shadow root. Styled inline (CSSOM, which page
// CSP allows; a <style> element may be blocked). Every button cancels its mousedown, so a
// click never takes the focus or the caret from the editor; a badge focused from the
// keyboard opens its panel with Enter or Space like any button.
import { useEffect, useRef } from 'preact/hooks';
import type { Language } from '../../core/index.ts';
import type { BadgeLabel, Row, Tone, Translate } from './model';
import { BADGE_HEIGHT, type BadgeSpot, type PanelSpot } from './place';

export interface BadgeItem {
  id: number;
  label: BadgeLabel;
  spot: BadgeSpot;
  expanded: boolean;
  /**
   * Out of sight (its field emptied, scrolled away, or blurred with nothing to say): kept in
   * the page with display:none rather than removed, because in Chromium any node leaving the
   * document ends the open typing step of the native undo (see mirror.ts).
   */
  hidden?: boolean;
}

export interface PanelModel {
  /** The badge it belongs to. */
  id: number;
  rows: Row[];
  language: Language;
  spot: PanelSpot;
  canExplain: boolean;
  /** Opened from the keyboard: the first button takes the focus. */
  focusFirst: boolean;
  /** Counts the openings: each one (of any badge's panel) is new, for the focus above. */
  opening: number;
  /**
   * Closed: the last panel stays in the page with display:none, like a hidden badge. It
   * closes on the first key typed while it is open, and taking it out then would end
   * Chromium's open typing step of the native undo at that key (see mirror.ts).
   */
  hidden?: boolean;
}

export interface LayerProps {
  badges: readonly BadgeItem[];
  panel: PanelModel | undefined;
  t: Translate;
  onToggle(id: number, byKeyboard: boolean): void;
  onChoose(id: number, row: Row): void;
  onExplainAll(id: number): void;
  onClose(): void;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

const TONES: Record<Tone, { color: string; background: string; border: string }> = {
  clear: { color: '#166534', background: '#f0fdf4', border: '#86efac' },
  pass: { color: '#374151', background: '#ffffff', border: '#d1d5db' },
  fail: { color: '#9a3412', background: '#fff7ed', border: '#c2410c' },
};

const keepFocus = (event: Event) => event.preventDefault();

function badgeStyle(item: BadgeItem) {
  const tone = TONES[item.label.tone];
  return {
    position: 'fixed',
    left: `${item.spot.right}px`,
    top: `${item.spot.bottom}px`,
    transform: 'translate(-100%, -100%)',
    'box-sizing': 'border-box',
    display: 'flex',
    'align-items': 'center',
    'justify-content': 'center',
    height: `${BADGE_HEIGHT}px`,
    'min-width': `${BADGE_HEIGHT}px`,
    margin: '0',
    padding: item.spot.compact ? '0 5px' : '0 8px',
    border: `1px solid ${tone.border}`,
    'border-radius': `${BADGE_HEIGHT / 2}px`,
    background: tone.background,
    color: tone.color,
    font: `600 11px/1 ${FONT}`,
    'white-space': 'nowrap',
    cursor: 'pointer',
    'box-shadow': item.expanded ? '0 0 0 2px #93c5fd' : '0 1px 3px rgba(0,0,0,.15)',
    opacity: '0.95',
    'pointer-events': 'auto',
    'user-select': 'none',
    ...(item.hidden ? { display: 'none' } : {}),
  };
}

function Badge({ item, onToggle }: { item: BadgeItem; onToggle: LayerProps['onToggle'] }) {
  const text = item.label.tone === 'clear' && !item.spot.compact ? `✓ ${item.label.text}` : item.label.text;
  return (
    <button
      type="button"
      data-selge-badge={item.hidden ? undefined : item.id}
      hidden={item.hidden}
      data-tone={item.label.tone}
      data-count={item.label.count}
      aria-label={item.label.description}
      aria-haspopup="dialog"
      aria-expanded={item.expanded ? 'true' : 'false'}
      title={item.label.description}
      style={badgeStyle(item)}
      onMouseDown={keepFocus}
      // A click from Enter or Space has no pointer position (detail 0).
      onClick={(event) => {
        event.preventDefault();
        onToggle(item.id, event.detail === 0);
      }}
    >
      {text}
    </button>
  );
}

const panelStyle = (spot: PanelSpot) => ({
  position: 'fixed',
  left: `${spot.left}px`,
  top: `${spot.y}px`,
  transform: spot.up ? 'translateY(-100%)' : 'none',
  'box-sizing': 'border-box',
  width: `${spot.width}px`,
  'max-height': `${spot.maxHeight}px`,
  display: 'flex',
  'flex-direction': 'column',
  margin: '0',
  padding: '8px 0',
  background: '#ffffff',
  color: '#1f2937',
  border: '1px solid #d1d5db',
  'border-radius': '8px',
  'box-shadow': '0 6px 20px rgba(0,0,0,.18)',
  font: `13px/1.4 ${FONT}`,
  'text-align': 'left',
  'pointer-events': 'auto',
});

const plainButton = {
  font: 'inherit',
  color: 'inherit',
  background: 'transparent',
  border: '0',
  margin: '0',
  cursor: 'pointer',
  'text-align': 'left',
};

const rowStyle = {
  ...plainButton,
  display: 'block',
  width: '100%',
  'box-sizing': 'border-box',
  padding: '5px 12px',
};

const actionStyle = (enabled: boolean) => ({
  font: 'inherit',
  'font-weight': '600',
  padding: '4px 10px',
  margin: '0',
  border: '1px solid #c2410c',
  'border-radius': '6px',
  background: '#fff7ed',
  color: '#1f2937',
  cursor: enabled ? 'pointer' : 'default',
  opacity: enabled ? '1' : '0.5',
});

function RowButton({ row, language, t, onChoose }: { row: Row; language: Language; t: Translate; onChoose(): void }) {
  return (
    <button
      type="button"
      data-action="choose"
      data-term={row.term}
      title={t('panelShow')}
      style={rowStyle}
      onMouseDown={keepFocus}
      onClick={(event) => {
        event.preventDefault();
        onChoose();
      }}
    >
      <span style={{ 'font-weight': '700' }} data-part="term">{row.term}</span>
      {row.forms.length > 0 ? <span style={{ color: '#6b7280' }} data-part="forms"> · {row.forms.join(', ')}</span> : null}
      {row.uses > 1 ? <span style={{ color: '#6b7280' }} data-part="uses"> ×{row.uses}</span> : null}
      {row.meaning ? (
        <span lang={language} data-part="meaning" style={{ display: 'block' }}>
          {row.meaning.expansion}
          {row.meaning.explanation && row.meaning.explanation !== row.meaning.expansion ? (
            <span style={{ display: 'block', color: '#6b7280', 'font-size': '12px' }}>{row.meaning.explanation}</span>
          ) : null}
        </span>
      ) : (
        <span data-part="meaning" data-unknown="" style={{ display: 'block', color: '#6b7280', 'font-style': 'italic' }}>{t('panelUnknown')}</span>
      )}
    </button>
  );
}

function Panel({ panel, t, onChoose, onExplainAll, onClose }: { panel: PanelModel } & Pick<LayerProps, 't' | 'onChoose' | 'onExplainAll' | 'onClose'>) {
  const card = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Opened from the keyboard: the focus moves into the panel (Tab goes on from there).
    if (panel.hidden || !panel.focusFirst || !card.current) return;
    const first = card.current.querySelector<HTMLButtonElement>('button[data-action=choose]')
      ?? card.current.querySelector<HTMLButtonElement>('button[data-action=close]');
    first?.focus();
  }, [panel.opening, panel.hidden]);
  return (
    <div
      role="dialog"
      aria-label={t('panelTitle')}
      data-selge-panel={panel.hidden ? undefined : panel.id}
      hidden={panel.hidden}
      style={{ ...panelStyle(panel.spot), ...(panel.hidden ? { display: 'none' } : {}) }}
      ref={card}
    >
      <div style={{ display: 'flex', 'align-items': 'center', padding: '0 8px 4px 12px' }}>
        <div style={{ 'font-weight': '700', flex: '1' }}>{t('panelTitle')}</div>
        <button
          type="button"
          data-action="close"
          aria-label={t('panelClose')}
          title={t('panelClose')}
          style={{ ...plainButton, padding: '0 4px', 'font-size': '16px', 'line-height': '1', color: '#6b7280' }}
          onMouseDown={keepFocus}
          onClick={(event) => {
            event.preventDefault();
            onClose();
          }}
        >
          ×
        </button>
      </div>
      <div role="list" style={{ overflow: 'auto', 'min-height': '0', flex: '1 1 auto' }}>
        {panel.rows.length === 0 ? (
          <div data-part="empty" style={{ padding: '5px 12px', color: '#6b7280' }}>{t('panelEmpty')}</div>
        ) : (
          panel.rows.map((row) => (
            <div role="listitem" key={row.term}>
              <RowButton row={row} language={panel.language} t={t} onChoose={() => onChoose(panel.id, row)} />
            </div>
          ))
        )}
      </div>
      <div style={{ padding: '8px 12px 0', 'border-top': '1px solid #e5e7eb', 'margin-top': '4px' }}>
        <button
          type="button"
          data-action="explain-all"
          disabled={!panel.canExplain}
          style={actionStyle(panel.canExplain)}
          onMouseDown={keepFocus}
          onClick={(event) => {
            event.preventDefault();
            if (panel.canExplain) onExplainAll(panel.id);
          }}
        >
          {t('panelExplainAll')}
        </button>
      </div>
    </div>
  );
}

export function Layer({ badges, panel, t, onToggle, onChoose, onExplainAll, onClose }: LayerProps) {
  return (
    <div data-selge-badges="">
      {badges.map((item) => <Badge key={item.id} item={item} onToggle={onToggle} />)}
      {panel ? <Panel panel={panel} t={t} onChoose={onChoose} onExplainAll={onExplainAll} onClose={onClose} /> : null}
    </div>
  );
}
