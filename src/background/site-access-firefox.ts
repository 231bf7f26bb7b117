// Site access in Firefox MV2: `contentScripts.register` for the granted origins. Those
// registrations end with the background page, so every background start registers again
// (startSiteAccess reconciles at start). Open tabs get the script through `tabs`.
import { CONTENT_SCRIPT, type ScriptRegistrar, type TabInjector } from './site-access';
import { ALIVE_ATTRIBUTE } from '../content/alive';

interface Registered {
  unregister(): Promise<void>;
}

/** The slice of Firefox's `contentScripts` used here. */
export interface FirefoxContentScripts {
  register(options: {
    matches: string[];
    js: Array<{ file: string }>;
    css: Array<{ file: string }>;
    allFrames: boolean;
    matchAboutBlank: boolean;
    runAt: 'document_idle';
  }): Promise<Registered>;
}

/** The slice of Firefox MV2's `tabs` used to start the script in open tabs. */
export interface FirefoxTabs {
  query(filter: { url: string[] }): Promise<Array<{ id?: number }>>;
  executeScript(tabId: number, details: { code?: string; file?: string; allFrames?: boolean; matchAboutBlank?: boolean; runAt?: 'document_idle' }): Promise<unknown[]>;
  insertCSS(tabId: number, details: { file: string; allFrames: boolean; matchAboutBlank: boolean }): Promise<void>;
}

// Extension files are named from the extension's root in tabs.executeScript.
const rooted = (file: string) => `/${file}`;

export function firefoxRegistrar(contentScripts: FirefoxContentScripts): ScriptRegistrar {
  let current: Registered | undefined;
  return {
    async set(origins) {
      // Registered first, then the old one dropped: no moment without the script.
      const next = origins.length
        ? await contentScripts.register({
            matches: [...origins],
            js: CONTENT_SCRIPT.js.map((file) => ({ file: rooted(file) })),
            css: CONTENT_SCRIPT.css.map((file) => ({ file: rooted(file) })),
            allFrames: CONTENT_SCRIPT.allFrames,
            matchAboutBlank: CONTENT_SCRIPT.matchAboutBlank,
            runAt: 'document_idle',
          })
        : undefined;
      const previous = current;
      current = next;
      await previous?.unregister();
    },
  };
}

export function firefoxInjector(tabs: FirefoxTabs): TabInjector {
  return {
    async inject(origins) {
      if (origins.length === 0) return;
      const { allFrames, matchAboutBlank } = CONTENT_SCRIPT;
      for (const tab of await tabs.query({ url: [...origins] })) {
        if (tab.id === undefined) continue;
        // A tab switched off and on again without a reload still runs the first script.
        const [marked] = await tabs.executeScript(tab.id, {
          code: `document.documentElement.hasAttribute(${JSON.stringify(ALIVE_ATTRIBUTE)})`,
        });
        if (marked === true) continue;
        for (const file of CONTENT_SCRIPT.css) await tabs.insertCSS(tab.id, { file: rooted(file), allFrames, matchAboutBlank });
        for (const file of CONTENT_SCRIPT.js) {
          await tabs.executeScript(tab.id, { file: rooted(file), allFrames, matchAboutBlank, runAt: 'document_idle' });
        }
      }
    },
  };
}
