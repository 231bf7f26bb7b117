// Where the badges live: one <selge-badges> element of ours on <html>, never inside an
// editor, with a shadow root so page CSS cannot reach them. The host is a 0×0 box at the
// viewport's corner; the badges inside are position:fixed at their fields. Where the
// browser has popovers the host is a manual popover, in the top layer above the page's own
// stacking contexts (the tooltip, shown later, goes above it). Styles go through the
// CSSOM with !important, which page CSP allows and page CSS cannot override.
import { render, type ComponentChild } from 'preact';

export const BADGES_TAG = 'selge-badges';

export interface BadgeHost {
  /** Renders into the shadow root; the host is created on the first non-null render. */
  render(content: ComponentChild): void;
  /** Whether an event target is ours (events from the shadow root are retargeted to the host). */
  contains(node: EventTarget | null): boolean;
  /** The element in our shadow root that has the focus, if any. */
  focused(): Element | null;
  query(selector: string): HTMLElement | null;
  dispose(): void;
}

function setStyles(element: HTMLElement, styles: Record<string, string>): void {
  for (const [name, value] of Object.entries(styles)) element.style.setProperty(name, value, 'important');
}

export function createBadgeHost(doc: Document): BadgeHost {
  // Left by a previous copy of this script that could not clean up.
  for (const stale of doc.querySelectorAll(BADGES_TAG)) stale.remove();
  let host: HTMLElement | undefined;
  let root: ShadowRoot | undefined;
  let mount: HTMLElement | undefined;

  const ensure = (): HTMLElement => {
    if (host?.isConnected && mount) return mount;
    if (mount) render(null, mount);
    host?.remove();
    host = doc.createElement(BADGES_TAG);
    const popover = 'popover' in host;
    if (popover) host.setAttribute('popover', 'manual');
    // `all` first: the longhands after it win.
    setStyles(host, { all: 'initial' });
    setStyles(host, {
      display: 'block',
      position: 'fixed',
      inset: 'auto',
      left: '0px',
      top: '0px',
      width: '0px',
      height: '0px',
      margin: '0',
      padding: '0',
      border: '0',
      background: 'transparent',
      overflow: 'visible',
      'z-index': '2147483647',
    });
    root = host.attachShadow({ mode: 'open' });
    mount = doc.createElement('div');
    root.append(mount);
    doc.documentElement.append(host);
    const shown = host as HTMLElement & { showPopover?: () => void };
    if (popover && typeof shown.showPopover === 'function') shown.showPopover();
    return mount;
  };

  return {
    render(content) {
      if (content === null && !mount) return;
      render(content, ensure());
    },
    contains(node) {
      return Boolean(host && node && (node === host || host.contains(node as Node) || root?.contains(node as Node)));
    },
    focused() {
      return root?.activeElement ?? null;
    },
    query(selector) {
      return root?.querySelector<HTMLElement>(selector) ?? null;
    },
    dispose() {
      if (mount) render(null, mount);
      host?.remove();
      host = undefined;
      root = undefined;
      mount = undefined;
    },
  };
}
