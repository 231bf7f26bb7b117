// Finds the fields to check on a page from the active site adapters. Selector lists are
// joined once into FieldRules; everything else is a matches()/closest() call, so the rules
// stay data and this file stays free of site knowledge.
import type { SiteAdapter } from './sites/adapter';

export type FieldKind =
  /** contenteditable: read through a text map, painted with the Highlight API. */
  | 'rich'
  /** textarea / input: read from .value, painted with boxes over the field. */
  | 'plain';

export interface FieldRules {
  fields: string;
  skipFields: string;
  skipInside: string;
}

/** A selector that matches nothing, for empty lists (`:not(*)` is valid everywhere). */
const NOTHING = ':not(*)';

const join = (lists: ReadonlyArray<readonly string[]>): string => lists.flat().join(', ') || NOTHING;

/** The union of the adapters' rules: every active adapter's fields, skips and skipped parts. */
export function rulesFor(adapters: readonly SiteAdapter[]): FieldRules {
  return {
    fields: join(adapters.map((adapter) => adapter.fields)),
    skipFields: join(adapters.map((adapter) => adapter.skipFields)),
    skipInside: join(adapters.map((adapter) => adapter.skipInside)),
  };
}

export function kindOf(element: Element): FieldKind {
  return element.localName === 'textarea' || element.localName === 'input' ? 'plain' : 'rich';
}

/** Whether `element` is a field to check on its own (not part of a larger editor). */
export function isField(element: Element, rules: FieldRules): element is HTMLElement {
  if (!element.matches(rules.fields)) return false;
  // closest(): an opt-out, a disabled fieldset or a combobox wrapper covers what is inside.
  if (element.closest(rules.skipFields)) return false;
  // A field inside a skipped part of an editor (a widget, a quote) is not the message.
  if (element.parentElement?.closest(rules.skipInside)) return false;
  if (kindOf(element) === 'rich') {
    const html = element as HTMLElement;
    // Only editor roots: an editable element inside another editable one is part of it.
    if (!html.isContentEditable || html.parentElement?.isContentEditable) return false;
  }
  return true;
}

/** Every field under `root`, in document order. */
export function findFields(root: ParentNode, rules: FieldRules): HTMLElement[] {
  return [...root.querySelectorAll(rules.fields)].filter((element) => isField(element, rules)) as HTMLElement[];
}

/** The field an event target belongs to (the target itself, or the editor root around it). */
export function fieldAt(target: EventTarget | null, rules: FieldRules): HTMLElement | undefined {
  if (!target || !(target as Node).nodeType) return undefined;
  let element: Element | null =
    (target as Node).nodeType === 1 ? (target as Element) : (target as Node).parentElement;
  // Climb to the outermost editable element: the editor root.
  while (element?.parentElement && (element.parentElement as HTMLElement).isContentEditable) {
    element = element.parentElement;
  }
  return element && isField(element, rules) ? element : undefined;
}

/** What `whenFieldAppears` needs from the page: timers (as in clock.ts) and a scope to end it. */
export interface FieldWatchDeps {
  timers: { setTimeout(handler: () => void, ms: number): number; clearTimeout(id: number): void };
  onDispose(cleanup: () => void): unknown;
}

/**
 * Calls `start` once, as soon as `doc` holds a field: at once if it already does, else when
 * the DOM changes to hold one (looked for `delayMs` after the first change of a batch, the
 * observer itself does no work) or one is focused. For frames: mail and help-desk apps have
 * iframes that never hold an editor (script loaders, previews), and each would otherwise ask
 * the background for its own copy of the dictionary.
 */
export function whenFieldAppears(doc: Document, rules: FieldRules, deps: FieldWatchDeps, start: () => void, delayMs = 250): void {
  let done = false;
  let timer: number | undefined;
  const stop = () => {
    done = true;
    observer.disconnect();
    doc.removeEventListener('focusin', onFocus, true);
    if (timer !== undefined) deps.timers.clearTimeout(timer);
    timer = undefined;
  };
  const found = () => {
    if (done) return;
    stop();
    start();
  };
  const look = () => {
    timer = undefined;
    if (findFields(doc, rules).length > 0) found();
  };
  const onFocus = (event: Event) => {
    if (fieldAt(event.target, rules)) found();
  };
  // On the document, not its root element: a document.write() (how TinyMCE fills its frame
  // in Firefox) replaces the root element.
  const observer = new MutationObserver(() => {
    if (timer === undefined && !done) timer = deps.timers.setTimeout(look, delayMs);
  });
  deps.onDispose(stop);
  if (findFields(doc, rules).length > 0) {
    found();
    return;
  }
  observer.observe(doc, { childList: true, subtree: true });
  doc.addEventListener('focusin', onFocus, true);
}
