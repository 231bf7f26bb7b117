// Paints underlines in contenteditable editors with the CSS Custom Highlight API: ranges are
// registered by name and styled by a ::highlight() rule (underline.css, injected through
// the manifest so page CSP cannot block it). Not one node is added to the editor, so the
// editor's model, undo stack and autosave never see us.
//
// One Highlight per name for the whole page, rebuilt from every field's ranges when one
// field changes. The registry is shared with the page's own scripts (tests read it there).

/** Terms a reader would have to ask about: used without an explanation, not familiar. */
export const UNEXPLAINED = 'selge-unexplained';

/** What this file needs from the page's window; passed in, probed at run time. */
export interface HighlightApi {
  registry: HighlightRegistry;
  create(ranges: AbstractRange[]): Highlight;
}

/** The Highlight API of `win`, or undefined where it is missing (Firefox < 140, old Safari). */
export function highlightApi(win: Window & typeof globalThis): HighlightApi | undefined {
  const registry = win.CSS?.highlights;
  const Ctor = win.Highlight;
  if (!registry || typeof Ctor !== 'function') return undefined;
  return { registry, create: (ranges) => new Ctor(...ranges) };
}

export interface HighlightLayer {
  /** Replaces the ranges painted for `owner` (a field). */
  set(owner: object, ranges: AbstractRange[]): void;
  clear(owner: object): void;
  /** Removes our highlight from the page. */
  dispose(): void;
}

export function createHighlightLayer(api: HighlightApi, name = UNEXPLAINED): HighlightLayer {
  // Left by a previous copy of this script that could not clean up (Firefox stops a removed
  // extension's scripts outright); ours replaces it.
  api.registry.delete(name);
  const byOwner = new Map<object, AbstractRange[]>();
  let current: Highlight | undefined;

  const publish = () => {
    const all = [...byOwner.values()].flat();
    if (all.length === 0) {
      if (current && api.registry.get(name) === current) api.registry.delete(name);
      current = undefined;
      return;
    }
    // A new Highlight rather than add()/delete() on the old one: one registry call, and
    // the same calls in Chromium and in Firefox's content-script wrappers.
    current = api.create(all);
    api.registry.set(name, current);
  };

  return {
    set(owner, ranges) {
      if (ranges.length === 0 && !byOwner.has(owner)) return;
      if (ranges.length === 0) byOwner.delete(owner);
      else byOwner.set(owner, ranges);
      publish();
    },
    clear(owner) {
      if (byOwner.delete(owner)) publish();
    },
    dispose() {
      byOwner.clear();
      publish();
    },
  };
}
