// Where the tooltip lives: one <selge-tooltip> element of ours on <html>, with a shadow root
// so page CSS cannot break it, fixed to the viewport near the word. Where the browser has
// popovers it is shown as a manual popover, in the top layer above the page's own dialogs.
import { h, render } from 'preact';
import type { Rect } from '../overlay';
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

function setStyles(element: HTMLElement, styles: Record<string, string>): void {
  for (const [name, value] of Object.entries(styles)) element.style.setProperty(name, value, 'important');
}

export function createTooltipHost(doc: Document, t: Translate): TooltipHost {
  // Left by a previous copy of this script that could not clean up.
  for (const stale of doc.querySelectorAll(TOOLTIP_TAG)) stale.remove();
  let host: HTMLElement | undefined;
  let mount: HTMLElement | undefined;
  let open = false;

  const ensure = (): HTMLElement => {
    if (host?.isConnected && mount) return mount;
    host = doc.createElement(TOOLTIP_TAG);
    const popover = 'popover' in host;
    if (popover) host.setAttribute('popover', 'manual');
    setStyles(host, {
      position: 'fixed',
      inset: 'auto',
      margin: '0',
      padding: '0',
      border: '0',
      background: 'transparent',
      overflow: 'visible',
      'z-index': '2147483647',
      left: '0px',
      top: '0px',
    });
    if (!popover) setStyles(host, { display: 'none' });
    const root = host.attachShadow({ mode: 'open' });
    for (const type of KEPT_INSIDE) root.addEventListener(type, (event) => event.stopPropagation());
    mount = doc.createElement('div');
    root.append(mount);
    doc.documentElement.append(host);
    return mount;
  };

  const showHost = (visible: boolean) => {
    if (!host) return;
    const popover = host as HTMLElement & { showPopover?: () => void; hidePopover?: () => void };
    if (typeof popover.showPopover === 'function') {
      const isOpen = host.matches(':popover-open');
      if (visible && !isOpen) popover.showPopover();
      if (!visible && isOpen) popover.hidePopover!();
    } else {
      setStyles(host, { display: visible ? 'block' : 'none' });
    }
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
      showHost(false);
      if (mount) render(null, mount);
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
      mount = undefined;
      open = false;
    },
  };
}
