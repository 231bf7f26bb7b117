// The view rendered by Preact into a linkedom document: the words, the list and what each
// button calls back.
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { check } from '../../core/index.ts';
import { testDictionary as dictionary } from '../../core/testing/dictionary.ts';
import { badgeLabel, canExplainAny, rowsOf, type Row } from './model';
import { badgeSpot, panelSpot } from './place';
import { translator } from './testing/translate';
import { Layer, type BadgeItem, type LayerProps, type PanelModel } from './view';

const en = translator('en');
const et = translator('et');

function setup() {
  const { document, window } = parseHTML('<!doctype html><html><body><div id="mount"></div></body></html>');
  const mount = document.getElementById('mount') as unknown as HTMLElement;
  const calls: string[] = [];
  const props = (overrides: Partial<LayerProps>): LayerProps => ({
    badges: [],
    panel: undefined,
    t: en,
    onToggle: (id, byKeyboard) => calls.push(`toggle ${id} ${byKeyboard ? 'keyboard' : 'mouse'}`),
    onChoose: (id, row: Row) => calls.push(`choose ${id} ${row.term}@${row.first.start}`),
    onExplainAll: (id) => calls.push(`explain-all ${id}`),
    onClose: () => calls.push('close'),
    ...overrides,
  });
  const show = (overrides: Partial<LayerProps>) => render(h(Layer, props(overrides)), mount);
  const click = (element: Element | null, detail = 1) => {
    if (!element) throw new Error('nothing to click');
    const down = new window.Event('mousedown', { bubbles: true, cancelable: true });
    element.dispatchEvent(down);
    const clicked = new window.Event('click', { bubbles: true, cancelable: true }) as Event & { detail: number };
    Object.defineProperty(clicked, 'detail', { value: detail });
    element.dispatchEvent(clicked);
    return { mousedownCancelled: down.defaultPrevented };
  };
  return { mount, calls, show, click, cleanup: () => render(null, mount) };
}

let current: ReturnType<typeof setup> | undefined;
afterEach(() => current?.cleanup());

const spot = badgeSpot({ left: 100, top: 100, right: 600, bottom: 400 })!;
const item = (count: number, threshold = 1, t = en, id = 1): BadgeItem => ({ id, label: badgeLabel(count, threshold, false, t), spot, expanded: false });
const panelFor = (text: string, id = 1): PanelModel => {
  const report = check(text, { dictionary });
  const rows = rowsOf(report);
  return { id, rows, language: report.language, spot: panelSpot(spot, { width: 1000, height: 800 }), canExplain: canExplainAny(rows), focusFirst: false, opening: 1 };
};

describe('badge', () => {
  it('shows the count and verdict in the UI language', () => {
    current = setup();
    current.show({ badges: [item(2)] });
    const badge = current.mount.querySelector('[data-selge-badge]')!;
    expect(badge.textContent).toBe('2 questions');
    expect(badge.getAttribute('data-tone')).toBe('fail');
    expect(badge.getAttribute('aria-label')).toBe('2 questions: your customer may have to ask what these mean. Click for the list.');
    expect(badge.getAttribute('aria-expanded')).toBe('false');

    current.show({ badges: [item(1, 1, et)], t: et });
    expect(current.mount.querySelector('[data-selge-badge]')!.textContent).toBe('1 küsimus');
    expect(current.mount.querySelector('[data-selge-badge]')!.getAttribute('data-tone')).toBe('pass');
    current.show({ badges: [item(0, 1, et)], t: et });
    expect(current.mount.querySelector('[data-selge-badge]')!.textContent).toBe('✓ Selge');
  });

  it('is drawn up and left of its spot, so it sits inside the corner', () => {
    current = setup();
    current.show({ badges: [item(2)] });
    const style = (current.mount.querySelector('[data-selge-badge]') as HTMLElement).style;
    expect(style.getPropertyValue('left')).toBe(`${spot.right}px`);
    expect(style.getPropertyValue('top')).toBe(`${spot.bottom}px`);
    expect(style.getPropertyValue('transform')).toBe('translate(-100%, -100%)');
  });

  it('hides a badge out of sight in place, as the same element, instead of taking it out of the page', () => {
    current = setup();
    current.show({ badges: [item(2)] });
    const element = current.mount.querySelector('button')!;
    current.show({ badges: [{ ...item(2), hidden: true }] });
    // The same node, still in the page: removing one would end Chromium's open undo step.
    expect(current.mount.querySelector('button')).toBe(element);
    expect(element.hasAttribute('hidden')).toBe(true);
    expect(element.style.getPropertyValue('display')).toBe('none');
    expect(current.mount.querySelector('[data-selge-badge]'), 'a hidden badge is not one of the shown ones').toBeNull();
    current.show({ badges: [item(1)] });
    expect(current.mount.querySelector('[data-selge-badge]')).toBe(element);
    expect(element.hasAttribute('hidden')).toBe(false);
    expect(element.style.getPropertyValue('display')).toBe('flex');
  });

  it('toggles on click without taking the focus (mousedown cancelled), and tells a keyboard click apart', () => {
    current = setup();
    current.show({ badges: [item(2, 1, en, 7)] });
    const badge = current.mount.querySelector('[data-selge-badge]');
    expect(current.click(badge).mousedownCancelled).toBe(true);
    current.click(badge, 0);
    expect(current.calls).toEqual(['toggle 7 mouse', 'toggle 7 keyboard']);
  });
});

describe('panel', () => {
  it('lists each unexplained term with its forms and first meaning, and unknown acronyms as unknown', () => {
    current = setup();
    current.show({ badges: [item(3)], panel: panelFor('Our XYZQ-s and the KPI. Ask about KPIs and churn.') });
    const rows = [...current.mount.querySelectorAll('[data-action=choose]')];
    expect(rows.map((row) => row.getAttribute('data-term'))).toEqual(['XYZQ', 'KPI', 'churn']);
    const part = (row: Element, name: string) => row.querySelector(`[data-part=${name}]`)?.textContent ?? null;
    expect(part(rows[0]!, 'forms')).toBe(' · XYZQ-s');
    expect(part(rows[0]!, 'meaning')).toBe('unknown');
    expect(rows[0]!.querySelector('[data-unknown]')).not.toBeNull();
    expect(part(rows[1]!, 'forms')).toBe(' · KPIs');
    expect(part(rows[1]!, 'uses')).toBe(' ×2');
    expect(part(rows[1]!, 'meaning')).toBe('key performance indicatorkey performance indicator, explained.');
    expect(rows[1]!.querySelector('[data-part=meaning]')!.getAttribute('lang')).toBe('en');
    expect(part(rows[2]!, 'forms')).toBeNull();
    expect(current.mount.querySelector('[role=dialog]')!.getAttribute('aria-label')).toBe('Your customer may ask');
  });

  it('calls back for a chosen term (its first use) and for Explain all, keeping the focus', () => {
    current = setup();
    const panel = panelFor('Meie CRM-iga ja NPSi. NPS tõusis.', 4);
    current.show({ badges: [{ ...item(2, 1, et, 4), expanded: true }], panel, t: et });
    expect(current.mount.querySelector('[data-selge-badge]')!.getAttribute('aria-expanded')).toBe('true');
    const nps = current.mount.querySelector('[data-term=NPS]');
    expect(current.click(nps).mousedownCancelled).toBe(true);
    const explainAll = current.mount.querySelector('[data-action=explain-all]');
    expect(explainAll!.textContent).toBe('Selgita kõik');
    expect(current.click(explainAll).mousedownCancelled).toBe(true);
    current.click(current.mount.querySelector('[data-action=close]'));
    expect(current.calls).toEqual(['choose 4 NPS@16', 'explain-all 4', 'close']);
  });

  it('offers no Explain all when no term has a meaning, and says when there is nothing to explain', () => {
    current = setup();
    current.show({ badges: [item(1)], panel: panelFor('Our XYZQ is late.') });
    const explainAll = current.mount.querySelector('[data-action=explain-all]')!;
    expect(explainAll.hasAttribute('disabled')).toBe(true);
    current.click(explainAll);
    expect(current.calls).toEqual([]);

    current.show({ badges: [item(0)], panel: panelFor('All is fine.') });
    expect(current.mount.querySelectorAll('[data-action=choose]').length).toBe(0);
    expect(current.mount.querySelector('[data-part=empty]')!.textContent).toBe('Nothing to explain.');
  });

  it('closes in place, as the same element, and opens again there', () => {
    current = setup();
    const panel = panelFor('Our XYZQ and the KPI.');
    current.show({ badges: [item(2)], panel });
    const element = current.mount.querySelector('[data-selge-panel]')!;
    const rows = [...element.querySelectorAll('[data-action=choose]')];
    current.show({ badges: [item(3)], panel: { ...panel, hidden: true } });
    // Still in the page: removing it, on the first key typed while it was open, would end
    // Chromium's open undo step at that key.
    expect(current.mount.querySelector('[role=dialog]')).toBe(element);
    expect(element.hasAttribute('hidden')).toBe(true);
    expect((element as HTMLElement).style.getPropertyValue('display')).toBe('none');
    expect(current.mount.querySelector('[data-selge-panel]'), 'a hidden panel is not the open one').toBeNull();
    expect([...element.querySelectorAll('[data-action=choose]')]).toEqual(rows);
    current.show({ badges: [item(2)], panel: { ...panel, opening: 2 } });
    expect(current.mount.querySelector('[data-selge-panel]')).toBe(element);
    expect(element.hasAttribute('hidden')).toBe(false);
    expect((element as HTMLElement).style.getPropertyValue('display')).toBe('flex');
  });
});
