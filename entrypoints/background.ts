import browser, { type Runtime } from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { BUILTIN_DICTIONARY } from '../src/background/builtin-dictionary';
import { createDictionaryService } from '../src/background/dictionary-service';
import { answer } from '../src/background/messages';
import { answerSources } from '../src/background/sources';
import { createProblemLog } from '../src/storage/problems';
import { createUserStore } from '../src/storage/user-store';

export default defineBackground(() => {
  const { version } = browser.runtime.getManifest();
  const { local, sync, managed } = browser.storage;
  const problems = createProblemLog(local);
  const store = createUserStore({ local, sync, problems });
  const service = createDictionaryService({ builtin: BUILTIN_DICTIONARY, store, problems, local, managed });
  // Chrome MV3 has `action`; Firefox MV2 `browserAction`.
  const action = browser.action ?? browser.browserAction;
  const setBadge = (tabId: number, text: string) => action.setBadgeText({ tabId, text });
  const sources = answerSources(service, version, setBadge);
  // Registered at once (an MV3 service worker woken by a message must find its listener);
  // undefined for foreign messages lets other listeners answer them.
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => answer(message, sources, sender));
  // Loads the user data now, so a change from sync or policy reaches open tabs soon.
  void service.start();
});
