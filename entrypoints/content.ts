import { defineContentScript } from 'wxt/utils/define-content-script';
import { markAlive } from '../src/content/alive';
import { CONTENT_MATCHES } from '../src/content/sites';

export default defineContentScript({
  matches: CONTENT_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    // Removed again when the extension is reloaded or updated and this script goes stale.
    ctx.onInvalidated(markAlive(document.documentElement));
  },
});
