import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { BUILTIN_DICTIONARY } from '../src/background/builtin-dictionary';
import { answer } from '../src/background/messages';

export default defineBackground(() => {
  const { version } = browser.runtime.getManifest();
  // Later: merge the user's and the team's dictionaries over the built-in one here.
  const sources = { version, dictionary: () => BUILTIN_DICTIONARY };
  // Returning undefined for foreign messages lets other listeners answer them.
  browser.runtime.onMessage.addListener((message: unknown) => answer(message, sources));
});
