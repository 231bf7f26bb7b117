// Where the badges live: one <selge-badges> element of ours (see ui-host.ts). The host is a
// 0×0 box at the viewport's corner; the badges inside are position:fixed at their fields.
// It is shown as soon as it exists (the tooltip, shown later, goes above it in the top layer).
import { render, type ComponentChild } from 'preact';
import { createUiElement, LAYER_STYLES, showUiElement } from '../ui-host';

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
    // `all` first: the longhands after it win.
    const element = createUiElement(doc, BADGES_TAG, [{ all: 'initial' }, LAYER_STYLES, {
      display: 'block',
      width: '0px',
      height: '0px',
    }]);
    ({ host, root, mount } = element);
    showUiElement(element, true);
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
