// The two browsers' registrations and tab injections against fakes that keep state the way
// the browsers do (one registration per id; tabs with a marker or without).
import { describe, expect, it } from 'vitest';
import { chromeInjector, chromeRegistrar, SCRIPT_ID, type ChromeScripting } from './site-access-chrome';
import { firefoxInjector, firefoxRegistrar, type FirefoxContentScripts, type FirefoxTabs } from './site-access-firefox';

type Script = Parameters<ChromeScripting['registerContentScripts']>[0][number];

function fakeChrome(tabs: Array<{ id: number; url: string; marked: boolean }>) {
  const scripts = new Map<string, Script>();
  const calls: string[] = [];
  const scripting: ChromeScripting = {
    getRegisteredContentScripts: async ({ ids }) => [...scripts.values()].filter((s) => ids.includes(s.id)),
    async registerContentScripts(list) {
      for (const s of list) {
        if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        scripts.set(s.id, s);
      }
    },
    async updateContentScripts(list) {
      for (const s of list) {
        if (!scripts.has(s.id)) throw new Error(`No script with ID '${s.id}'`);
        scripts.set(s.id, { ...scripts.get(s.id), ...s });
      }
    },
    async unregisterContentScripts({ ids }) {
      ids.forEach((id) => scripts.delete(id));
    },
    async executeScript(injection) {
      const tab = tabs.find((t) => t.id === injection.target.tabId)!;
      if ('func' in injection) return [{ result: tab.marked }];
      calls.push(`js ${tab.id} ${injection.files.join()} allFrames=${injection.target.allFrames}`);
      tab.marked = true;
      return [{}];
    },
    async insertCSS(injection) {
      calls.push(`css ${injection.target.tabId} ${injection.files.join()}`);
    },
  };
  const query = async ({ url }: { url: string[] }) =>
    tabs.filter((t) => url.some((pattern) => t.url.startsWith(pattern.replace('*', '')))).map(({ id }) => ({ id }));
  return { scripting, scripts, calls, tabs: { query } };
}

describe('Chrome MV3', () => {
  it('registers, updates and removes one registration under a stable id, like the manifest entry', async () => {
    const chrome = fakeChrome([]);
    const registrar = chromeRegistrar(chrome.scripting);
    await registrar.set(['https://a.test/*']);
    expect(chrome.scripts.get(SCRIPT_ID)).toEqual({
      id: SCRIPT_ID,
      matches: ['https://a.test/*'],
      js: ['content-scripts/content.js'],
      css: ['content-scripts/content.css'],
      allFrames: true,
      matchOriginAsFallback: true,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    });
    await registrar.set(['https://a.test/*', 'https://b.test/*']);
    expect(chrome.scripts.get(SCRIPT_ID)?.matches).toEqual(['https://a.test/*', 'https://b.test/*']);
    await registrar.set([]);
    expect(chrome.scripts.size).toBe(0);
    await registrar.set([]);
    expect(chrome.scripts.size).toBe(0);
  });

  it('starts the script and its CSS in open tabs of the site that have no Selge yet', async () => {
    const chrome = fakeChrome([
      { id: 1, url: 'https://a.test/form', marked: false },
      { id: 2, url: 'https://a.test/other', marked: true },
      { id: 3, url: 'https://c.test/', marked: false },
    ]);
    await chromeInjector(chrome.scripting, chrome.tabs).inject(['https://a.test/*']);
    expect(chrome.calls).toEqual([
      'css 1 content-scripts/content.css',
      'js 1 content-scripts/content.js allFrames=true',
    ]);
  });
});

describe('Firefox MV2', () => {
  function fakeFirefox(tabs: Array<{ id: number; url: string; marked: boolean }>) {
    const live = new Set<string[]>();
    const options: unknown[] = [];
    const calls: string[] = [];
    const contentScripts: FirefoxContentScripts = {
      async register(details) {
        options.push(details);
        const matches = details.matches;
        live.add(matches);
        return { unregister: async () => void live.delete(matches) };
      },
    };
    const tabsArea: FirefoxTabs = {
      query: async ({ url }) =>
        tabs.filter((t) => url.some((pattern) => t.url.startsWith(pattern.replace('*', '')))).map(({ id }) => ({ id })),
      async executeScript(tabId, details) {
        const tab = tabs.find((t) => t.id === tabId)!;
        if (details.code) return [tab.marked];
        calls.push(`js ${tabId} ${details.file} allFrames=${details.allFrames} aboutBlank=${details.matchAboutBlank}`);
        tab.marked = true;
        return [];
      },
      async insertCSS(tabId, details) {
        calls.push(`css ${tabId} ${details.file}`);
      },
    };
    return { contentScripts, tabs: tabsArea, live, options, calls };
  }

  it('keeps exactly one live registration for the current sites', async () => {
    const firefox = fakeFirefox([]);
    const registrar = firefoxRegistrar(firefox.contentScripts);
    await registrar.set(['https://a.test/*']);
    expect(firefox.options).toEqual([
      {
        matches: ['https://a.test/*'],
        js: [{ file: '/content-scripts/content.js' }],
        css: [{ file: '/content-scripts/content.css' }],
        allFrames: true,
        matchAboutBlank: true,
        runAt: 'document_idle',
      },
    ]);
    await registrar.set(['https://a.test/*', 'https://b.test/*']);
    expect([...firefox.live]).toEqual([['https://a.test/*', 'https://b.test/*']]);
    await registrar.set([]);
    expect(firefox.live.size).toBe(0);
  });

  it('starts the script and its CSS in open tabs of the site that have no Selge yet', async () => {
    const firefox = fakeFirefox([
      { id: 1, url: 'https://a.test/form', marked: false },
      { id: 2, url: 'https://a.test/other', marked: true },
      { id: 3, url: 'https://c.test/', marked: false },
    ]);
    await firefoxInjector(firefox.tabs).inject(['https://a.test/*']);
    expect(firefox.calls).toEqual([
      'css 1 /content-scripts/content.css',
      'js 1 /content-scripts/content.js allFrames=true aboutBlank=true',
    ]);
  });
});
