import browser from 'webextension-polyfill';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { markAlive } from '../src/content/alive';
import { pageClock } from '../src/content/clock';
import { createDictionaryClient } from '../src/content/dictionary-client';
import { guard } from '../src/content/guard';
import { startLiveChecking } from '../src/content/live-check';
import { createScope } from '../src/content/scope';
import { adaptersFor, CONTENT_MATCHES } from '../src/content/sites';
import '../src/content/underline.css';

export default defineContentScript({
  matches: CONTENT_MATCHES,
  runAt: 'document_idle',
  // The ::highlight rule ships as manifest CSS (see underline.css).
  cssInjectionMode: 'manifest',
  main(ctx) {
    // Removed again when the extension is reloaded or updated and this script goes stale.
    ctx.onInvalidated(markAlive(document.documentElement));
    // Highlights, boxes, observers and listeners all hang off this scope.
    const scope = createScope();
    ctx.onInvalidated(scope.dispose);
    guard('start', () =>
      startLiveChecking({
        window,
        adapters: adaptersFor(location.hostname),
        dictionary: createDictionaryClient({ sendMessage: (message) => browser.runtime.sendMessage(message) }),
        scope,
        ...pageClock(window, () => ctx.isValid),
      }),
    )();
  },
});
