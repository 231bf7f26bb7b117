// The user's choices in the real browsers, against the built extension: "Always allow" and
// "Add meaning…" reach the dictionary the background answers with (and check() finds the
// meaning), "Ignore in this message" is remembered, the toolbar badge shows a tab's count,
// everything survives an extension reload and a browser restart on the same profile, and a
// damaged stored value does not take the rest of the user's data with it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { check, type CompiledDictionary } from '../../src/core/index.ts';
import { SESSIONS, type ExtensionSession } from './support/extension-session';

interface Api {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { local: { get(key: string | null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
  tabs: { getCurrent(): Promise<{ id: number }> };
  action?: { getBadgeText(details: { tabId: number }): Promise<string> };
  browserAction?: { getBadgeText(details: { tabId: number }): Promise<string> };
}

/** Runs in the extension page: sends one message to the background. */
function send(message: unknown): Promise<unknown> {
  const api = (globalThis as unknown as { browser?: Api; chrome?: Api });
  return (api.browser ?? api.chrome)!.runtime.sendMessage(message);
}

/** Runs in the extension page: storage.local as it is. */
function readLocal(): Promise<Record<string, unknown>> {
  const api = (globalThis as unknown as { browser?: Api; chrome?: Api });
  return (api.browser ?? api.chrome)!.storage.local.get(null);
}

/** Runs in the extension page: writes storage.local directly, as a damaged profile might hold it. */
function writeLocal(items: Record<string, unknown>): Promise<void> {
  const api = (globalThis as unknown as { browser?: Api; chrome?: Api });
  return (api.browser ?? api.chrome)!.storage.local.set(items);
}

/** Runs in the extension page (opened in a tab): reports a count from this tab and reads its badge. */
async function countAndBadge(count: number | null): Promise<{ reply: unknown; badge: string }> {
  const api = (globalThis as unknown as { browser?: Api; chrome?: Api });
  const ext = (api.browser ?? api.chrome)!;
  const reply = await ext.runtime.sendMessage({ type: 'selge/count', count });
  const tab = await ext.tabs.getCurrent();
  const badge = await (ext.action ?? ext.browserAction)!.getBadgeText({ tabId: tab.id });
  return { reply, badge };
}

interface DictionaryReply {
  ok: true;
  dictionary: CompiledDictionary;
  allowed: string[];
  revision: number;
}

const TKP = {
  term: 'TKP',
  senses: [{ et: { expansion: 'tagasihelistamise palve', explanation: 'Klient palus, et me talle tagasi helistaksime.' } }],
};

/** What check() says TKP means in an Estonian sentence, with the dictionary the background answers. */
function meaningOfTkp(dictionary: CompiledDictionary): string | undefined {
  const report = check('Registreerisin teie TKP ja helistame homme.', { dictionary, language: 'et' });
  return report.findings.find((f) => f.term === 'TKP')?.meanings[0]?.expansion;
}

describe.each(SESSIONS)('%s: the user’s choices persist', (_name, launch) => {
  let session: ExtensionSession;
  const dictionary = async () => (await session.inExtension(send, { type: 'selge/dictionary' })) as DictionaryReply;

  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
  });
  afterEach(() => {
    expect(session.errors.take()).toEqual([]);
  });

  it('"Always allow" reaches the dictionary reply and raises the revision the content scripts watch', async () => {
    const before = await dictionary();
    expect(before.ok).toBe(true);
    expect(before.allowed).toEqual([]);
    expect(await session.inExtension(send, { type: 'selge/allow', term: 'SLA' })).toEqual({ ok: true });
    const after = await dictionary();
    expect(after.allowed).toEqual(['SLA']);
    expect(after.revision).toBeGreaterThan(before.revision);
    expect((await session.inExtension(readLocal, null))['selge:revision']).toBe(after.revision);
  });

  it('"Add meaning…" reaches the merged dictionary, where check() finds the meaning', async () => {
    expect(meaningOfTkp((await dictionary()).dictionary)).toBeUndefined();
    expect(await session.inExtension(send, { type: 'selge/add-meaning', entry: TKP })).toEqual({ ok: true });
    expect(meaningOfTkp((await dictionary()).dictionary)).toBe('tagasihelistamise palve');
    const refused = await session.inExtension(send, { type: 'selge/add-meaning', entry: { term: 'QBR' } });
    expect(refused).toEqual({ ok: false, problems: [expect.stringMatching(/^entry "QBR": senses: is missing/)] });
  });

  it('"Ignore in this message" is remembered per message; bad input is answered, not thrown', async () => {
    expect(await session.inExtension(send, { type: 'selge/ignore', key: 'gmail:draft-1', term: 'NPS' })).toEqual({ ok: true, terms: ['NPS'] });
    expect(await session.inExtension(send, { type: 'selge/ignored', key: 'gmail:draft-1' })).toEqual({ ok: true, terms: ['NPS'] });
    expect(await session.inExtension(send, { type: 'selge/ignore', key: '', term: 'NPS' })).toEqual({
      ok: false, error: 'selge/ignore: needs "key" as non-empty text',
    });
  });

  it('shows a tab’s count on the toolbar badge', async () => {
    expect(await session.inExtension(countAndBadge, 3)).toEqual({ reply: { ok: true }, badge: '3' });
    expect(await session.inExtension(countAndBadge, null)).toEqual({ reply: { ok: true }, badge: '' });
  });

  it('keeps everything when the background starts again (extension reload, service worker restart) and after a browser restart', async () => {
    const expectKept = async () => {
      const reply = await dictionary();
      expect(reply.allowed).toEqual(['SLA']);
      expect(meaningOfTkp(reply.dictionary)).toBe('tagasihelistamise palve');
      expect(await session.inExtension(send, { type: 'selge/ignored', key: 'gmail:draft-1' })).toEqual({ ok: true, terms: ['NPS'] });
    };
    const revision = (await dictionary()).revision;
    await session.restartBackground();
    await expectKept();
    expect((await dictionary()).revision).toBeGreaterThanOrEqual(revision);
    await session.restart();
    await expectKept();
  });

  it('keeps a damaged stored value in a backup and loads every valid piece', async () => {
    const stored = (await session.inExtension(readLocal, null))['selge:user'] as { entries: unknown[] };
    const damaged = { version: 1, savedAt: 1, allowed: ['SLA', 42, 'CSAT'], entries: [...stored.entries, { term: 'BROKEN' }] };
    await session.inExtension(writeLocal, { 'selge:user': damaged });
    await session.restartBackground();
    const reply = await dictionary();
    expect(reply.allowed).toEqual(['SLA', 'CSAT']);
    expect(meaningOfTkp(reply.dictionary)).toBe('tagasihelistamise palve');
    const local = await session.inExtension(readLocal, null);
    const backups = Object.entries(local).filter(([key]) => key.startsWith('selge:backup:selge:user:'));
    expect(backups.map(([, value]) => value)).toEqual([damaged]);
    const problems = (await session.inExtension(send, { type: 'selge/problems' })) as { problems: Array<{ code: string; details: string[] }> };
    const stored2 = problems.problems.find((p) => p.code === 'stored-data');
    expect(stored2?.details.join('\n')).toMatch(/allowed\[1\][\s\S]*entries\[1\]/);
  });
});
