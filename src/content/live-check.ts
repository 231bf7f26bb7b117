// Live checking for one page: finds the fields the site adapters describe, starts a rich
// (contenteditable) or plain (textarea/input) session for each, and follows fields as they
// come and go (a compose window opening, a reply box closing). Everything it sets up
// belongs to `scope`, which the entrypoint disposes when the extension is updated.
import browser from 'webextension-polyfill';
import { createChecker } from '../core/index.ts';
import type { Frames, Timers } from './clock';
import { createBadges } from './badge';
import { createChoices, messageKey, type UserDataPort } from './choices';
import { fieldAt, findFields, isField, kindOf, rulesFor } from './fields';
import type { Check } from './findings';
import { guard, report } from './guard';
import { createHighlightLayer, highlightApi } from './highlights';
import { createOverlay } from './overlay';
import { startPlainField } from './plain-field';
import type { PlainField } from './mirror';
import { startRichField } from './rich-field';
import { createBatchTrigger } from './scheduler';
import type { Scope } from './scope';
import type { SiteAdapter } from './sites/adapter';
import { startTooltips } from './tooltip/controller';
import { trackedCheck, type TrackedField } from './tooltip/tracked';

/** New fields are looked for this long after the page's DOM started changing. */
const SWEEP_DELAY_MS = 250;

export interface LiveCheckOptions {
  window: Window & typeof globalThis;
  adapters: readonly SiteAdapter[];
  /** The dictionary and the user's choices, kept by the background. */
  userData: UserDataPort;
  /** The page's address, for remembering ignored terms per message. */
  address(): string;
  /** Shows the focused field's question count on the toolbar icon (null: no field focused). */
  showCount(count: number | null): Promise<unknown>;
  scope: Scope;
  timers: Timers;
  frames: Frames;
}

export async function startLiveChecking(options: LiveCheckOptions): Promise<void> {
  const { scope, timers } = options;
  const doc = options.window.document;
  const rules = rulesFor(options.adapters);
  const initial = await options.userData.get();
  if (scope.signal.aborted) return;

  const sessions = new Map<HTMLElement, Scope>();
  const translate = (key: string, substitutions?: string | string[]) => browser.i18n.getMessage(key, substitutions);
  const tracked = new Map<HTMLElement, TrackedField>();
  const choices = createChoices({
    port: options.userData,
    initial,
    keyOf: (field) => messageKey(options.address(), field, [...sessions.keys()]),
    recheckAll: () => {
      for (const state of tracked.values()) state.recheck();
    },
    report,
  });
  scope.onDispose(options.userData.subscribe((change) => {
    if (change.dictionary) choices.refresh().catch((error: unknown) => report('refresh', error));
  }));
  // One checker per dictionary: it changes when the user adds a meaning.
  let checker = createChecker(initial.dictionary);
  let checkerFor = initial.dictionary;
  const check: Check = (text) => {
    if (checkerFor !== choices.dictionary()) {
      checkerFor = choices.dictionary();
      checker = createChecker(checkerFor);
    }
    return checker(text, { language: 'auto' });
  };
  const api = highlightApi(options.window);
  if (!api) report('start', 'no CSS Custom Highlight API here: editors are not underlined');
  const highlights = api && createHighlightLayer(api);
  if (highlights) scope.onDispose(highlights.dispose);
  const overlay = createOverlay(doc);
  scope.onDispose(overlay.dispose);

  // The tooltip reads each field's last report and asks for a new check after a fix.
  const tooltips = startTooltips({
    doc, dictionary: choices.dictionary, choices, skipInside: rules.skipInside, overlay, scope, timers, frames: options.frames,
    t: translate,
  });
  // After the tooltips: Escape closes an open tooltip before the panel under it.
  const badges = createBadges({
    doc, t: translate, scope, frames: options.frames,
    onExplainAll: (field) => {
      tooltips.explainAll(field).catch((error: unknown) => report('explain all', error));
    },
    onChoose: (field, finding) => tooltips.openFinding(field, finding),
  });
  badges.onFocusedCountChange((count) => {
    options.showCount(count).catch((error: unknown) => report('toolbar count', error));
  });

  const attach = (field: HTMLElement) => {
    if (sessions.has(field)) return;
    const session = scope.child();
    sessions.set(field, session);
    const kind = kindOf(field);
    if (kind === 'rich' && !highlights) return;
    const state = tooltips.track(field, kind);
    tracked.set(field, state);
    session.onDispose(() => {
      tooltips.untrack(field);
      badges.remove(field);
      tracked.delete(field);
    });
    const checkTracked = trackedCheck(state, check, choices.allowed, choices.forgetIgnored);
    const fieldCheck: Check = (text) => {
      const result = checkTracked(text);
      badges.update(field, result);
      return result;
    };
    state.recheck = kind === 'plain'
      ? startPlainField(field as PlainField, { check: fieldCheck, overlay, scope: session, timers, frames: options.frames })
      : startRichField(field, { check: fieldCheck, highlights: highlights!, skipInside: rules.skipInside, scope: session, timers });
    choices.restoreIgnored(state);
  };
  const sweep = () => {
    for (const [field, session] of sessions) {
      if (field.isConnected && isField(field, rules)) continue;
      session.dispose();
      sessions.delete(field);
    }
    for (const field of findFields(doc, rules)) attach(field);
  };

  // Fields appear and disappear with the page's own DOM changes; the observer only notes
  // that the tree changed, one sweep runs per batch of changes.
  const sweepLater = createBatchTrigger(guard('sweep', sweep), timers, SWEEP_DELAY_MS);
  scope.onDispose(sweepLater.cancel);
  const observer = new MutationObserver(() => sweepLater.note());
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  scope.onDispose(() => observer.disconnect());
  // A field focused before the next sweep found it is started at once.
  scope.listen(doc, 'focusin', (event) => {
    const field = fieldAt(event.target, rules);
    if (field) attach(field);
  }, { capture: true });
  sweep();
}
