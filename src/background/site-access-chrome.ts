// Site access in Chrome MV3: `scripting` registers the content script for the granted
// origins (kept across browser restarts) and starts it in tabs that are already open.
import { CONTENT_SCRIPT, type ScriptRegistrar, type TabInjector } from './site-access';
import { ALIVE_ATTRIBUTE } from '../content/alive';

/** One stable id, so a later reconcile updates or removes the same registration. */
export const SCRIPT_ID = 'selge-granted-sites';

interface Target {
  tabId: number;
  allFrames?: boolean;
}

interface RegisteredScript {
  id: string;
  matches?: string[];
  js?: string[];
  css?: string[];
  allFrames?: boolean;
  matchOriginAsFallback?: boolean;
  runAt?: 'document_idle';
  persistAcrossSessions?: boolean;
}

/** The slice of `chrome.scripting` (MV3) used here. */
export interface ChromeScripting {
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<Array<{ id: string }>>;
  registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
  updateContentScripts(scripts: RegisteredScript[]): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  executeScript(
    injection: { target: Target; files: string[] } | { target: Target; func: (attribute: string) => boolean; args: [string] },
  ): Promise<Array<{ result?: unknown }>>;
  insertCSS(injection: { target: Target; files: string[] }): Promise<void>;
}

export interface TabsQuery {
  query(filter: { url: string[] }): Promise<Array<{ id?: number }>>;
}

export function chromeRegistrar(scripting: ChromeScripting): ScriptRegistrar {
  return {
    async set(origins) {
      const existing = await scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
      if (origins.length === 0) {
        if (existing.length > 0) await scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
        return;
      }
      const script: RegisteredScript = {
        id: SCRIPT_ID,
        matches: [...origins],
        js: [...CONTENT_SCRIPT.js],
        css: [...CONTENT_SCRIPT.css],
        allFrames: CONTENT_SCRIPT.allFrames,
        // Chrome's word for the manifest's match_about_blank: about:blank and about:srcdoc
        // frames (TinyMCE's editor) are matched by the origin that made them.
        matchOriginAsFallback: CONTENT_SCRIPT.matchAboutBlank,
        runAt: 'document_idle',
        persistAcrossSessions: true,
      };
      if (existing.length > 0) await scripting.updateContentScripts([script]);
      else await scripting.registerContentScripts([script]);
    },
  };
}

/** Runs in the tab: whether a Selge content script already marked it. */
function markedBySelge(attribute: string): boolean {
  return document.documentElement.hasAttribute(attribute);
}

export function chromeInjector(scripting: ChromeScripting, tabs: TabsQuery): TabInjector {
  return {
    async inject(origins) {
      if (origins.length === 0) return;
      for (const tab of await tabs.query({ url: [...origins] })) {
        if (tab.id === undefined) continue;
        const tabId = tab.id;
        // A tab switched off and on again without a reload still runs the first script.
        const [probe] = await scripting.executeScript({
          target: { tabId },
          // Sent as source text: the function must not close over anything.
          func: markedBySelge,
          args: [ALIVE_ATTRIBUTE],
        });
        if (probe?.result === true) continue;
        const target = { tabId, allFrames: CONTENT_SCRIPT.allFrames };
        await scripting.insertCSS({ target, files: [...CONTENT_SCRIPT.css] });
        await scripting.executeScript({ target, files: [...CONTENT_SCRIPT.js] });
      }
    },
  };
}
