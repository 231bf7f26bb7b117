// The badges of a page: one per checked field, showing the "mida-see-tähendab?" verdict in
// the field's bottom-right corner, and a panel listing the terms to explain.
//
// When a badge shows: while its field has something to ask about (so a problem is seen even
// in a field the user has left), or while the field is focused and not empty (so "Clear"
// confirms a good message as it is written). An empty field gets nothing: it is a place to
// start writing, not to be judged. The badge with an open panel stays.
//
// Positions are measured once per animation frame, after a scroll anywhere (capture), a
// window resize or zoom, a field resizing (ResizeObserver), a focus change or a new report.
import { h } from 'preact';
import type { Finding, Report } from '../../core/index.ts';
import type { Frames } from '../clock';
import { guard } from '../guard';
import type { Scope } from '../scope';
import { createBadgeHost } from './host';
import { badgeLabel, canExplainAny, summarize, type FieldSummary, type Translate } from './model';
import { badgeSpot, panelSpot, visiblePart, type BadgeSpot, type Box } from './place';
import { Layer, type BadgeItem, type PanelModel } from './view';

export interface BadgeOptions {
  doc: Document;
  t: Translate;
  scope: Scope;
  frames: Frames;
  /** Explain all was pressed for this field. */
  onExplainAll(field: HTMLElement): void;
  /** A finding in the panel was chosen: open its tooltip. */
  onChoose(field: HTMLElement, finding: Finding): void;
}

export interface Badges {
  /** After every check of a field: its report (ignored terms already left out). */
  update(field: HTMLElement, report: Report): void;
  remove(field: HTMLElement): void;
  /** The count shown for the focused field, for the toolbar icon badge (null: no field focused). */
  focusedCount(): number | null;
  onFocusedCountChange(listener: (count: number | null) => void): void;
}

interface Entry {
  id: number;
  field: HTMLElement;
  summary: FieldSummary;
  /** Where its badge is now; undefined while hidden. */
  spot: BadgeSpot | undefined;
  /** The badge as last shown: drawn hidden while out of sight, never removed (see BadgeItem.hidden). */
  shown?: BadgeItem;
}

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock']);

function isEmpty(field: HTMLElement): boolean {
  const text = field.tagName === 'TEXTAREA' || field.tagName === 'INPUT' ? (field as HTMLTextAreaElement).value : field.textContent;
  return (text ?? '').trim() === '';
}

/** An element's padding box in viewport coordinates (no borders, no scrollbars), scaled as drawn. */
function innerBox(element: Element): Box {
  const rect = element.getBoundingClientRect();
  const html = element as HTMLElement;
  if (element.clientWidth === 0 && element.clientHeight === 0) return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
  // CSS transforms and `zoom` scale the drawn box but not clientWidth.
  const scaleX = html.offsetWidth ? rect.width / html.offsetWidth : 1;
  const scaleY = html.offsetHeight ? rect.height / html.offsetHeight : 1;
  const left = rect.left + element.clientLeft * scaleX;
  const top = rect.top + element.clientTop * scaleY;
  return { left, top, right: left + element.clientWidth * scaleX, bottom: top + element.clientHeight * scaleY };
}

function viewportOf(doc: Document): { width: number; height: number } {
  // Without the page's scrollbars; quirks-mode pages measure the viewport on <body>.
  const element = doc.compatMode === 'BackCompat' && doc.body ? doc.body : doc.documentElement;
  const view = doc.defaultView!;
  return { width: element.clientWidth || view.innerWidth, height: element.clientHeight || view.innerHeight };
}

/**
 * The part of the field the user can see (inside its scrolling ancestors and the window),
 * and whether a resize grip shows in its bottom-right corner.
 */
function visibleArea(field: HTMLElement, doc: Document): { box: Box; grip: boolean } | undefined {
  if (!field.isConnected) return undefined;
  const rect = field.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0) return undefined;
  const view = doc.defaultView!;
  const clips: Box[] = [];
  let style = view.getComputedStyle(field);
  if (style.visibility === 'hidden') return undefined;
  const resizable = field.tagName === 'TEXTAREA' && style.resize !== 'none' && style.resize !== '';
  // A fixed element is not clipped by its ancestors' overflow.
  let element: Element | null = style.position === 'fixed' ? null : field.parentElement;
  while (element && element !== doc.body && element !== doc.documentElement) {
    style = view.getComputedStyle(element);
    if (style.overflowX !== 'visible' || style.overflowY !== 'visible') clips.push(innerBox(element));
    if (style.position === 'fixed') break;
    element = element.parentElement;
  }
  const viewport = viewportOf(doc);
  clips.push({ left: 0, top: 0, right: viewport.width, bottom: viewport.height });
  const inner = innerBox(field);
  const box = visiblePart(inner, clips);
  if (!box) return undefined;
  return { box, grip: resizable && box.right === inner.right && box.bottom === inner.bottom };
}

export function createBadges(options: BadgeOptions): Badges {
  const { doc, t, scope, frames } = options;
  const host = createBadgeHost(doc);
  const entries = new Map<HTMLElement, Entry>();
  const byId = new Map<number, Entry>();
  const listeners = new Set<(count: number | null) => void>();
  let nextId = 1;
  /** The field the user is writing in (kept while the focus is on our badge or panel). */
  let focused: HTMLElement | null = null;
  let panel: { entry: Entry; byKeyboard: boolean } | undefined;
  /** The panel as last drawn open, drawn hidden once it closes (view.tsx: PanelModel.hidden). */
  let lastPanel: PanelModel | undefined;
  let openings = 0;
  let frame: number | undefined;
  let notified: number | null = null;

  const fieldOf = (target: EventTarget | null): HTMLElement | null => {
    if (!target || !(target as Node).nodeType) return null;
    for (const field of entries.keys()) {
      if (field === target || field.contains(target as Node)) return field;
    }
    return null;
  };

  const focusedCount = (): number | null => (focused ? entries.get(focused)?.summary.count ?? null : null);
  const notify = () => {
    const count = focusedCount();
    if (count === notified) return;
    notified = count;
    for (const listener of listeners) guard('focused count listener', listener)(count);
  };

  const shows = (entry: Entry) =>
    panel?.entry === entry || entry.summary.count > 0 || (entry.field === focused && !isEmpty(entry.field));

  const draw = () => {
    const items: BadgeItem[] = [];
    for (const entry of entries.values()) {
      const area = shows(entry) ? visibleArea(entry.field, doc) : undefined;
      entry.spot = area && badgeSpot(area.box, area.grip);
      if (!entry.spot) {
        if (entry.shown) items.push({ ...entry.shown, expanded: false, hidden: true });
        continue;
      }
      const { count, threshold } = entry.summary;
      entry.shown = { id: entry.id, label: badgeLabel(count, threshold, entry.spot.compact, t), spot: entry.spot, expanded: panel?.entry === entry };
      items.push(entry.shown);
    }
    // A panel whose badge went out of sight (scrolled away, field removed) closes.
    if (panel && !panel.entry.spot) panel = undefined;
    let panelModel: PanelModel | undefined;
    if (panel) {
      const { entry, byKeyboard } = panel;
      const { rows, language } = entry.summary;
      panelModel = {
        id: entry.id, rows, language, spot: panelSpot(entry.spot!, viewportOf(doc)), canExplain: canExplainAny(rows),
        focusFirst: byKeyboard, opening: openings,
      };
      lastPanel = panelModel;
    } else if (lastPanel) {
      panelModel = { ...lastPanel, hidden: true };
    }
    host.render(items.length === 0 ? null : h(Layer, {
      badges: items, panel: panelModel, t,
      onToggle: guard('badge toggle', toggle),
      onChoose: guard('badge choose', (id: number, row: { first: Finding }) => {
        const entry = byId.get(id);
        if (!entry) return;
        closePanel(true);
        options.onChoose(entry.field, row.first);
      }),
      onExplainAll: guard('badge explain all', (id: number) => {
        const entry = byId.get(id);
        if (!entry) return;
        closePanel(true);
        options.onExplainAll(entry.field);
      }),
      onClose: guard('badge close', () => closePanel(true)),
    }));
  };

  /** Draws now (after a click or key of the user's), dropping a pending frame. */
  const drawNow = () => {
    if (frame !== undefined) frames.cancelAnimationFrame(frame);
    frame = undefined;
    draw();
  };
  const schedule = () => {
    if (frame !== undefined) return;
    frame = frames.requestAnimationFrame(guard('badge frame', () => {
      frame = undefined;
      draw();
    }));
  };

  /**
   * Closes the panel. With `giveBack`, a focus inside our panel (it was opened from the
   * keyboard) goes back to the field, so typing and the tooltip carry on there.
   */
  function closePanel(giveBack: boolean, focusBadge = false): void {
    if (!panel) return;
    const { entry } = panel;
    const hadFocus = host.focused() !== null;
    panel = undefined;
    drawNow();
    if (!hadFocus) return;
    if (focusBadge) host.query(`[data-selge-badge="${entry.id}"]`)?.focus();
    else if (giveBack) entry.field.focus({ preventScroll: true });
  }

  function toggle(id: number, byKeyboard: boolean): void {
    const entry = byId.get(id);
    if (!entry) return;
    if (panel?.entry === entry) closePanel(false, true);
    else {
      panel = { entry, byKeyboard };
      openings++;
      drawNow();
    }
  }

  const resizes = new ResizeObserver(guard('badge resize', schedule));
  scope.onDispose(() => {
    resizes.disconnect();
    if (frame !== undefined) frames.cancelAnimationFrame(frame);
    frame = undefined;
    panel = undefined;
    lastPanel = undefined;
    entries.clear();
    byId.clear();
    listeners.clear();
    host.dispose();
  });

  const view = doc.defaultView!;
  scope.listen(doc, 'scroll', schedule, { capture: true, passive: true });
  // Zooming resizes the window in CSS pixels.
  scope.listen(view, 'resize', schedule, { passive: true });
  scope.listen(doc, 'focusin', (event) => {
    // The focus on our own badge or panel keeps the field it belongs to.
    if (host.contains(event.target)) return;
    focused = fieldOf(event.target);
    schedule();
    notify();
  }, { capture: true });
  scope.listen(doc, 'focusout', (event) => {
    // To nowhere (a click on the page's background, another window): no field is focused.
    // Otherwise the focusin that follows says where the focus went.
    if ((event as FocusEvent).relatedTarget !== null || host.contains(event.target)) return;
    focused = null;
    schedule();
    notify();
  }, { capture: true });
  scope.listen(doc, 'mousedown', (event) => {
    if (panel && !host.contains(event.target)) closePanel(false);
  }, { capture: true });
  scope.listen(doc, 'keydown', (event) => {
    const key = event as KeyboardEvent;
    if (!panel || key.isComposing) return;
    if (key.key === 'Escape') {
      key.preventDefault();
      key.stopImmediatePropagation();
      closePanel(false, true);
    } else if (!host.contains(key.target) && !MODIFIERS.has(key.key)) {
      // Typing goes on in the field: the panel gets out of the way.
      closePanel(false);
    }
  }, { capture: true });

  return {
    update(field, report) {
      if (scope.signal.aborted) return;
      let entry = entries.get(field);
      if (!entry) {
        entry = { id: nextId++, field, summary: summarize(report), spot: undefined };
        entries.set(field, entry);
        byId.set(entry.id, entry);
        resizes.observe(field);
        // Focused before we knew it.
        const active = doc.activeElement;
        if (!focused && active && (active === field || field.contains(active))) focused = field;
      } else {
        entry.summary = summarize(report);
      }
      schedule();
      notify();
    },
    remove(field) {
      const entry = entries.get(field);
      if (!entry) return;
      entries.delete(field);
      byId.delete(entry.id);
      resizes.unobserve(field);
      if (panel?.entry === entry) panel = undefined;
      if (focused === field) focused = null;
      schedule();
      notify();
    },
    focusedCount,
    onFocusedCountChange(listener) {
      listeners.add(listener);
    },
  };
}
