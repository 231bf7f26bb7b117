// Where the tooltip lives: one <selge-tooltip> element of ours (see ui-host.ts), fixed to
// the viewport near the word.
import { h, render } from 'preact';
import type { Rect } from '../overlay';
import { createUiElement, LAYER_STYLES, setStyles, showUiElement, type UiElement } from '../ui-host';
import { Tooltip, type FormEvent, type TooltipModel, type Translate } from './view';

export const TOOLTIP_TAG = 'selge-tooltip';
const GAP = 6;
const MARGIN = 4;

export interface TooltipHandlers {
  onAction(index: number): void;
  onForm(event: FormEvent): void;
}

/**
 * Keys typed into our form must not reach the page: the page would see them as typed on our
 * host element, and a web mail's own shortcuts ("c" composes, "#" deletes) would fire.
 */
const KEPT_INSIDE = ['keydown', 'keypress', 'keyup', 'input', 'beforeinput', 'paste', 'copy', 'cut'];

export interface TooltipHost {
  show(model: TooltipModel, anchor: Rect, handlers: TooltipHandlers): void;
  /** Puts the keyboard focus in the "Add meaning…" form's first empty field. */
  focusForm(): void;
  hide(): void;
  readonly open: boolean;
  /** Whether an event target or point is ours. */
  contains(node: EventTarget | null): boolean;
  containsPoint(x: number, y: number): boolean;
  dispose(): void;
}

export function createTooltipHost(doc: Document, t: Translate): TooltipHost {
  // Left by a previous copy of this script that could not clean up.
  for (const stale of doc.querySelectorAll(TOOLTIP_TAG)) stale.remove();
  let element: UiElement | undefined;
  let host: HTMLElement | undefined;
  let mount: HTMLElement | undefined;
  let open = false;

  const ensure = (): HTMLElement => {
    if (host?.isConnected && mount) return mount;
    const created = createUiElement(doc, TOOLTIP_TAG, [LAYER_STYLES]);
    if (!created.popover) setStyles(created.host, { display: 'none' });
    for (const type of KEPT_INSIDE) created.root.addEventListener(type, (event) => event.stopPropagation());
    element = created;
    host = created.host;
    mount = created.mount;
    return mount;
  };

  const showHost = (visible: boolean) => {
    if (element) showUiElement(element, visible);
  };

  const place = (anchor: Rect) => {
    const view = doc.defaultView!;
    const card = mount!.firstElementChild as HTMLElement | null;
    const width = card?.offsetWidth ?? 0;
    const height = card?.offsetHeight ?? 0;
    let top = anchor.top + anchor.height + GAP;
    if (top + height > view.innerHeight - MARGIN && anchor.top - GAP - height >= MARGIN) top = anchor.top - GAP - height;
    const left = Math.max(MARGIN, Math.min(anchor.left, view.innerWidth - width - MARGIN));
    setStyles(host!, { left: `${left}px`, top: `${Math.max(MARGIN, top)}px` });
  };

  return {
    show(model, anchor, handlers) {
      const target = ensure();
      render(h(Tooltip, { model, t, onAction: handlers.onAction, onForm: handlers.onForm }), target);
      showHost(true);
      open = true;
      place(anchor);
    },
    hide() {
      if (!open) return;
      open = false;
      // Hidden, not unmounted: the next show renders over it. Unmounting would take nodes
      // out of the page, and in Chromium that ends the open typing step of the native undo
      // (see mirror.ts); the tooltip closes as the user starts typing.
      showHost(false);
    },
    focusForm() {
      const inputs = [...(mount?.querySelectorAll('input') ?? [])];
      const active = host?.shadowRoot?.activeElement;
      if (active && inputs.includes(active as HTMLInputElement)) return;
      (inputs.find((i) => i.value === '') ?? inputs[0])?.focus({ preventScroll: true });
    },
    get open() {
      return open;
    },
    contains(node) {
      return Boolean(host && node && (node === host || host.contains(node as Node)));
    },
    containsPoint(x, y) {
      if (!open || !host) return false;
      const rect = (mount?.firstElementChild as HTMLElement | null)?.getBoundingClientRect();
      return Boolean(rect && x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom);
    },
    dispose() {
      if (mount) render(null, mount);
      host?.remove();
      host = undefined;
      element = undefined;
      mount = undefined;
      open = false;
    },
  };
}
