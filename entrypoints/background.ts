import browser, { type Runtime } from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { BUILTIN_DICTIONARY } from '../src/background/builtin-dictionary';
import { createDictionaryService } from '../src/background/dictionary-service';
import { answer } from '../src/background/messages';
import { answerSources } from '../src/background/sources';
import { startSiteAccess } from '../src/background/site-access';
import { chromeInjector, chromeRegistrar, type ChromeScripting } from '../src/background/site-access-chrome';
import { firefoxInjector, firefoxRegistrar, type FirefoxContentScripts, type FirefoxTabs } from '../src/background/site-access-firefox';
import { CONTENT_MATCHES } from '../src/content/sites';
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
  // Sites the user switched on (optional host permissions): the content script runs there too.
  // Chrome MV3 has `scripting` (registrations persist); Firefox MV2 `contentScripts`.
  const scripting = (browser as unknown as { scripting?: ChromeScripting }).scripting;
  const contentScripts = (browser as unknown as { contentScripts?: FirefoxContentScripts }).contentScripts;
  startSiteAccess({
    permissions: browser.permissions,
    ...(import.meta.env.MANIFEST_VERSION === 3 && scripting
      ? { registrar: chromeRegistrar(scripting), injector: chromeInjector(scripting, browser.tabs) }
      : {
          registrar: firefoxRegistrar(contentScripts!),
          injector: firefoxInjector(browser.tabs as unknown as FirefoxTabs),
        }),
    builtin: CONTENT_MATCHES,
    report: (error) => console.error('Selge: could not update the sites switched on', error),
  });
  // Loads the user data now, so a change from sync or policy reaches open tabs soon.
  void service.start();
});
