import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { answer } from '../src/background/messages';

export default defineBackground(() => {
  const { version } = browser.runtime.getManifest();
  // Returning undefined for foreign messages lets other listeners answer them.
  browser.runtime.onMessage.addListener((message: unknown) => answer(message, version));
});
