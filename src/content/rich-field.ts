// Live checking of one contenteditable editor: after each pause, read the text map, check
// its text, map the findings back to StaticRanges and hand them to the highlight layer.
// Nothing is written into the editor.
import { unexplained, type Check } from './findings';
import type { Timers } from './clock';
import { guard } from './guard';
import type { HighlightLayer } from './highlights';
import type { Scope } from './scope';
import { watchField } from './scheduler';
import { endpointsFor, readTextMap, type Endpoints } from './text-map';

export interface RichFieldDeps {
  check: Check;
  highlights: HighlightLayer;
  /** The active adapters' skipInside selectors, joined. */
  skipInside: string;
  scope: Scope;
  timers: Timers;
}

/**
 * StaticRange, not Range: a live Range is updated by the browser on every mutation, and
 * editors replace their text nodes when they re-render; ranges are rebuilt per check anyway.
 */
function staticRange(endpoints: Endpoints): StaticRange {
  return new StaticRange({
    startContainer: endpoints.startNode,
    startOffset: endpoints.startOffset,
    endContainer: endpoints.endNode,
    endOffset: endpoints.endOffset,
  });
}

/** Returns a function that checks the editor again at once (after a fix, an ignore). */
export function startRichField(root: HTMLElement, deps: RichFieldDeps): () => void {
  const run = guard('check editor', () => {
    if (!root.isConnected) return;
    const map = readTextMap(root, deps.skipInside);
    const ranges: StaticRange[] = [];
    for (const finding of unexplained(deps.check(map.text))) {
      const endpoints = endpointsFor(map, finding.start, finding.end);
      if (endpoints) ranges.push(staticRange(endpoints));
    }
    deps.highlights.set(root, ranges);
  });
  watchField(root, run, deps.scope, deps.timers);
  deps.scope.onDispose(() => deps.highlights.clear(root));
  run();
  return run;
}
