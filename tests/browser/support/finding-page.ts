// Functions run inside an editor fixture page (serialised: self-contained) that look at what
// Selge shows there, in the page and in its same-origin frames (TinyMCE's editor iframe):
// underlines (the highlight registry, or the boxes over a textarea or input) and the tooltip.

/** The page's document and its same-origin frames' (TinyMCE's editor lives in an iframe). */
export function documentsInPage(): Document[] {
  const docs: Document[] = [document];
  for (const frame of document.querySelectorAll('iframe')) {
    try {
      if (frame.contentDocument) docs.push(frame.contentDocument);
    } catch {
      // cross-origin: not ours to read
    }
  }
  return docs;
}

/** Whether the content script has marked the editor's document (and every frame's) ready. */
export function extensionReadyInPage(): boolean {
  const frame = document.querySelector('iframe') as HTMLIFrameElement | null;
  const docs = [document, ...(frame?.contentDocument ? [frame.contentDocument] : [])];
  return docs.every((doc) => doc.documentElement?.getAttribute('data-selge-state') === 'ready');
}

/** Whether `term` is underlined: a range in the highlight registry, or a textarea/input box. */
export function findingShownInPage(term: string): boolean {
  const docs: Document[] = [document];
  for (const frame of document.querySelectorAll('iframe')) if (frame.contentDocument) docs.push(frame.contentDocument);
  return docs.some((doc) => {
    const registry = (doc.defaultView as (Window & typeof globalThis) | null)?.CSS.highlights;
    const ranges = [...(registry?.get('selge-unexplained') ?? [])];
    if (ranges.some((r) => {
      // A static range painted before the last edit may point past its node's end now.
      try {
        const range = doc.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString() === term;
      } catch {
        return false;
      }
    })) return true;
    const overlay = doc.querySelector('selge-overlay')?.shadowRoot;
    return [...(overlay?.querySelectorAll(`[data-selge-box="${term}"]`) ?? [])]
      .some((box) => (box.parentElement as HTMLElement).style.display !== 'none');
  });
}

/** What is underlined now, for failure messages. */
export function underlinedInPage(): string[] {
  const docs: Document[] = [document];
  for (const frame of document.querySelectorAll('iframe')) if (frame.contentDocument) docs.push(frame.contentDocument);
  return docs.flatMap((doc) => {
    const registry = (doc.defaultView as (Window & typeof globalThis) | null)?.CSS.highlights;
    const ranges = [...(registry?.get('selge-unexplained') ?? [])].map((r) => {
      try {
        const range = doc.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      } catch {
        return '(stale range)';
      }
    });
    const overlay = doc.querySelector('selge-overlay')?.shadowRoot;
    const boxes = [...(overlay?.querySelectorAll('[data-selge-box]') ?? [])]
      .filter((box) => (box.parentElement as HTMLElement).style.display !== 'none')
      .map((box) => `box:${box.getAttribute('data-selge-box')}`);
    return [...ranges, ...boxes];
  });
}

/** Whether Selge's tooltip card is shown (or, with `false`, shown nowhere) in the page or one of its frames. */
export function tooltipShownInPage(shown = true): boolean {
  const docs: Document[] = [document];
  for (const frame of document.querySelectorAll('iframe')) if (frame.contentDocument) docs.push(frame.contentDocument);
  const open = docs.some((doc) => {
    const card = doc.querySelector('selge-tooltip')?.shadowRoot?.querySelector('[data-selge-tooltip]');
    return Boolean(card && card.getBoundingClientRect().width > 0);
  });
  return open === shown;
}

/**
 * The shown tooltip's term and text offset, and whether it is in keyboard mode (its first
 * action outlined) rather than opened by hover; null when none is shown.
 */
export function shownTooltipInPage(): { term: string; start: number; keyboard: boolean } | null {
  const docs: Document[] = [document];
  for (const frame of document.querySelectorAll('iframe')) if (frame.contentDocument) docs.push(frame.contentDocument);
  for (const doc of docs) {
    const card = doc.querySelector('selge-tooltip')?.shadowRoot?.querySelector('[data-selge-tooltip]');
    if (card && card.getBoundingClientRect().width > 0) {
      const first = card.querySelector('button[data-action]') as HTMLElement | null;
      return { term: card.querySelector('[data-part=term]')?.textContent ?? '', start: Number(card.getAttribute('data-start') ?? -1), keyboard: first?.style.outlineStyle === 'solid' };
    }
  }
  return null;
}
