import browser from 'webextension-polyfill';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { COUNT } from '../src/background/messages';
import { markAlive } from '../src/content/alive';
import { pageClock } from '../src/content/clock';
import { guard } from '../src/content/guard';
import { rulesFor, whenFieldAppears } from '../src/content/fields';
import { startLiveChecking } from '../src/content/live-check';
import { createScope } from '../src/content/scope';
import { adaptersFor, CONTENT_MATCHES, frameHostname } from '../src/content/sites';
import { createUserDataClient } from '../src/content/user-data-client';
import '../src/content/underline.css';

export default defineContentScript({
  matches: CONTENT_MATCHES,
  runAt: 'document_idle',
  // Editors in iframes: TinyMCE (classic mode) writes its editor into an about:blank
  // (Firefox) or about:srcdoc (Chromium) iframe of the page; those frames have no URL of
  // their own to match, so they are matched by the page that made them.
  allFrames: true,
  matchAboutBlank: true,
  // The ::highlight rule ships as manifest CSS (see underline.css).
  cssInjectionMode: 'manifest',
  main(ctx) {
    // Removed again when the extension is reloaded or updated and this script goes stale.
    ctx.onInvalidated(markAlive(document.documentElement));
    // Highlights, boxes, observers and listeners all hang off this scope.
    const scope = createScope();
    ctx.onInvalidated(scope.dispose);
    const adapters = adaptersFor(frameHostname(location, window.origin));
    const clock = pageClock(window, () => ctx.isValid);
    // The dictionary and the user's choices live in the background; changes arrive through storage.
    const userData = createUserDataClient(browser.runtime, browser.storage.local.onChanged);
    ctx.onInvalidated(userData.close);
    const start = guard('start', () =>
      startLiveChecking({
        window,
        adapters,
        userData,
        address: () => location.href,
        showCount: (count) => browser.runtime.sendMessage({ type: COUNT, count }),
        scope,
        ...clock,
      }),
    );
    // The top page starts at once; a frame only once it holds a field (see whenFieldAppears).
    if (window === window.top) start();
    else whenFieldAppears(document, rulesFor(adapters), { timers: clock.timers, onDispose: scope.onDispose }, start);
  },
});
