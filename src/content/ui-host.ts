// Our own UI on a page (the tooltip, the badges): one custom element of ours on <html>, never
// inside an editor, with a shadow root so page CSS cannot reach what is inside. Where the
// browser has popovers the element is a manual popover, in the top layer above the page's
// stacking contexts. Styles go through the CSSOM with !important, which page CSP allows and
// page CSS cannot override.

export function setStyles(element: HTMLElement, styles: Record<string, string>): void {
  for (const [name, value] of Object.entries(styles)) element.style.setProperty(name, value, 'important');
}

/**
 * What both hosts need to sit above the page as an empty, transparent anchor at the viewport's
 * corner (the UA styles of a popover would centre it with a border and a background).
 */
export const LAYER_STYLES: Readonly<Record<string, string>> = {
  position: 'fixed',
  inset: 'auto',
  left: '0px',
  top: '0px',
  margin: '0',
  padding: '0',
  border: '0',
  background: 'transparent',
  overflow: 'visible',
  'z-index': '2147483647',
};

export interface UiElement {
  host: HTMLElement;
  root: ShadowRoot;
  /** Where Preact renders. */
  mount: HTMLElement;
  /** Whether the host is a popover (shown with showPopover, not with display). */
  popover: boolean;
}

/** Creates and appends our host element; `styles` are applied in order (put `all` first). */
export function createUiElement(doc: Document, tag: string, styles: ReadonlyArray<Record<string, string>>): UiElement {
  const host = doc.createElement(tag);
  const popover = 'popover' in host;
  if (popover) host.setAttribute('popover', 'manual');
  for (const group of styles) setStyles(host, group);
  const root = host.attachShadow({ mode: 'open' });
  const mount = doc.createElement('div');
  root.append(mount);
  doc.documentElement.append(host);
  return { host, root, mount, popover };
}

/** Shows or hides a host from createUiElement, as a popover where there are popovers. */
export function showUiElement(element: UiElement, visible: boolean): void {
  const host = element.host as HTMLElement & { showPopover?: () => void; hidePopover?: () => void };
  if (element.popover && typeof host.showPopover === 'function') {
    const isOpen = host.matches(':popover-open');
    if (visible && !isOpen) host.showPopover();
    if (!visible && isOpen) host.hidePopover!();
  } else {
    setStyles(host, { display: visible ? 'block' : 'none' });
  }
}
