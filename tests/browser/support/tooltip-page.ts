// Page-side functions for tests of the tooltip and the textarea boxes. Each is sent to the
// page as source text, so each is self-contained (no imports, no outer variables).

export interface TooltipState {
  open: boolean;
  term: string;
  /** Where the word starts in the field's text. */
  start: number;
  meanings: string;
  problem: string;
  /** Every button, the form's included, with its middle in viewport coordinates. */
  actions: Array<{ action: string; x: number; y: number; active: boolean; label: string }>;
  /** Whether the Add meaning form is open, and whether one of its inputs has the focus. */
  form: { open: boolean; focused: boolean };
}

export function readTooltip(): TooltipState {
  const host = document.querySelector('selge-tooltip') as HTMLElement | null;
  const card = host?.shadowRoot?.querySelector('[data-selge-tooltip]') as HTMLElement | null;
  const shown = Boolean(host && card && card.getBoundingClientRect().width > 0);
  const part = (name: string) => card?.querySelector(`[data-part=${name}]`)?.textContent ?? '';
  const form = card?.querySelector('[data-part=add-meaning]');
  return {
    open: shown,
    term: part('term'),
    start: Number(card?.getAttribute('data-start') ?? -1),
    meanings: part('meanings'),
    problem: part('problem'),
    actions: [...(card?.querySelectorAll('button[data-action]') ?? [])].map((button) => {
      const rect = button.getBoundingClientRect();
      return {
        action: button.getAttribute('data-action') ?? '',
        x: rect.left + rect.width / 2,
        y: rect.top + rect.height / 2,
        active: (button as HTMLElement).style.outlineStyle === 'solid',
        label: button.textContent ?? '',
      };
    }),
    form: { open: Boolean(form), focused: Boolean(form && form.contains(host!.shadowRoot!.activeElement)) },
  };
}

export function tooltipIs(want: { open: boolean; term?: string; start?: number; problem?: boolean; meaning?: string }): boolean {
  const host = document.querySelector('selge-tooltip') as HTMLElement | null;
  const card = host?.shadowRoot?.querySelector('[data-selge-tooltip]') as HTMLElement | null;
  const shown = Boolean(host && card && card.getBoundingClientRect().width > 0);
  if (!want.open) return !shown;
  return shown &&
    (!want.term || card!.querySelector('[data-part=term]')?.textContent === want.term) &&
    (want.start === undefined || card!.getAttribute('data-start') === String(want.start)) &&
    (!want.problem || card!.querySelector('[data-part=problem]') !== null) &&
    (!want.meaning || (card!.querySelector('[data-part=meanings]')?.textContent ?? '').includes(want.meaning));
}

/** Labels of the shown textarea boxes, top to bottom, left to right. */
export function boxLabelsAre(expected: string[]): boolean {
  const host = document.querySelector('selge-overlay');
  const boxes = ([...(host?.shadowRoot?.querySelectorAll('[data-selge-box]') ?? [])] as HTMLElement[])
    .filter((box) => (box.parentElement as HTMLElement).style.display !== 'none')
    .map((box) => ({ label: box.getAttribute('data-selge-box') ?? '', rect: box.getBoundingClientRect() }))
    .sort((a, b) => a.rect.top - b.rect.top || a.rect.left - b.rect.left);
  return JSON.stringify(boxes.map((b) => b.label)) === JSON.stringify(expected);
}

/** The middle of the first textarea box labelled `label`, raised from the underline onto the word. */
export function boxPoint(label: string): { x: number; y: number } {
  const host = document.querySelector('selge-overlay');
  const box = host!.shadowRoot!.querySelector(`[data-selge-box="${label}"]`)!.getBoundingClientRect();
  return { x: box.left + box.width / 2, y: box.top - 4 };
}

export function textareaState(selector: string): { text: string; caret: number; focused: boolean } {
  const field = document.querySelector(selector) as HTMLTextAreaElement;
  return { text: field.value, caret: field.selectionStart, focused: document.activeElement === field };
}

export function textareaIs(args: { selector: string; text: string }): boolean {
  return (document.querySelector(args.selector) as HTMLTextAreaElement).value === args.text;
}

/** The words under the rich-text highlight, in document order. */
export function highlightedAre(expected: string[]): boolean {
  const highlight = CSS.highlights.get('selge-unexplained');
  const words = highlight ? [...highlight].map((r) => {
    // A static range painted before the last edit may point past its node's end now.
    try {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    } catch {
      return '(stale range)';
    }
  }) : [];
  return JSON.stringify(words) === JSON.stringify(expected);
}
