import { describe, expect, it } from 'vitest';
import { createDictionaryService } from '../background/dictionary-service';
import { answer } from '../background/messages';
import { answerSources } from '../background/sources';
import { testDictionary } from '../core/testing/dictionary';
import { createMemoryArea, SYNC_QUOTAS } from '../storage/memory-area';
import { createProblemLog } from '../storage/problems';
import { formEntry } from '../storage/testing/entries';
import { createUserStore } from '../storage/user-store';
import { createUserDataClient, type Messaging, type UserDataChange } from './user-data-client';

/** A real background on in-memory storage, and a messaging channel to it that counts messages. */
async function background() {
  const local = createMemoryArea();
  const problems = createProblemLog(local);
  const store = createUserStore({ local, sync: createMemoryArea(SYNC_QUOTAS), problems });
  const service = createDictionaryService({ builtin: testDictionary, store, problems, local });
  const sources = answerSources(service, '1.0.0', async () => undefined);
  const sent: string[] = [];
  const messaging: Messaging = {
    sendMessage(message) {
      sent.push((message as { type: string }).type);
      return answer(message, sources, { tab: { id: 1 } }) ?? Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    },
  };
  const tab = () => createUserDataClient(messaging, local.onChanged);
  // The first start raises the revision once; let that change event pass before the test.
  await service.start();
  await new Promise((resolve) => setImmediate(resolve));
  return { local, messaging, sent, tab };
}

/** Resolves with the next change a client reports. */
const nextChange = (client: ReturnType<Awaited<ReturnType<typeof background>>['tab']>) =>
  new Promise<UserDataChange>((resolve) => {
    const stop = client.subscribe((change) => {
      stop();
      resolve(change);
    });
  });

describe('createUserDataClient', () => {
  it('asks once and keeps the answer until the revision changes', async () => {
    const bg = await background();
    const client = bg.tab();
    const [a, b] = await Promise.all([client.get(), client.get()]);
    expect(b).toBe(a);
    expect(await client.get()).toBe(a);
    expect(bg.sent).toEqual(['selge/dictionary']);
    const changed = nextChange(client);
    await client.allow('SLA');
    expect(await changed).toEqual({ dictionary: true, ignored: false });
    const after = await client.get();
    expect(after.allowed).toEqual(['SLA']);
    expect(after.revision).toBeGreaterThan(a.revision);
    expect(bg.sent).toEqual(['selge/dictionary', 'selge/allow', 'selge/dictionary']);
  });

  it('tells every tab about a change made in one', async () => {
    const bg = await background();
    const [one, two] = [bg.tab(), bg.tab()];
    expect((await two.get()).dictionary.entries.some((e) => e.term === 'TKP')).toBe(false);
    const heard = nextChange(two);
    expect(await one.addMeaning(formEntry('TKP', 'callback request'))).toEqual({ ok: true });
    await heard;
    const entry = (await two.get()).dictionary.entries.find((e) => e.term === 'TKP');
    expect(entry?.senses[0]?.en.expansion).toBe('callback request');
  });

  it('returns the form’s problems from Add meaning and saves nothing', async () => {
    const bg = await background();
    const client = bg.tab();
    expect(await client.addMeaning({ term: 'TKP', senses: [] })).toEqual({ ok: false, problems: [expect.stringMatching(/senses/)] });
    await expect(client.addMeaning('TKP')).rejects.toThrow(/^selge\/add-meaning: needs "entry"/);
    expect(bg.local.dump()['selge:user']).toBeUndefined();
  });

  it('ignores terms per message and tells subscribers', async () => {
    const bg = await background();
    const client = bg.tab();
    const heard = nextChange(client);
    expect(await client.ignore('gmail:draft-1', 'NPS')).toEqual(['NPS']);
    expect(await heard).toEqual({ dictionary: false, ignored: true });
    expect(await bg.tab().ignoredFor('gmail:draft-1')).toEqual(['NPS']);
    expect(await client.ignoredFor('gmail:draft-2')).toEqual([]);
  });

  it('forgets a message\'s ignored terms, or rejects with the background\'s reason', async () => {
    const bg = await background();
    const client = bg.tab();
    await client.ignore('gmail:draft-1', 'NPS');
    await client.forgetIgnored('gmail:draft-1');
    expect(await bg.tab().ignoredFor('gmail:draft-1')).toEqual([]);
    await expect(client.forgetIgnored('')).rejects.toThrow('selge/forget-ignored: needs "key" as non-empty text');
  });

  it('rejects with the background’s reason, and asks again after a failed get', async () => {
    const bg = await background();
    const client = bg.tab();
    await expect(client.allow('')).rejects.toThrow('selge/allow: needs "term" as non-empty text');
    let down = true;
    const flaky = createUserDataClient(
      { sendMessage: (m) => (down ? Promise.reject(new Error('Could not establish connection')) : bg.messaging.sendMessage(m)) },
      bg.local.onChanged,
    );
    await expect(flaky.get()).rejects.toThrow('Could not establish connection');
    down = false;
    expect((await flaky.get()).dictionary.format).toBe('selge-compiled/1');
  });

  it('watches storage.local only when given storage.onChanged', async () => {
    const listeners: Array<(changes: Record<string, { newValue?: unknown }>, area?: string) => void> = [];
    const sent: unknown[] = [];
    const client = createUserDataClient(
      { sendMessage: async (m) => (sent.push(m), { ok: true, dictionary: testDictionary, allowed: [], revision: 1 }) },
      { addListener: (l) => void listeners.push(l), removeListener: () => undefined },
    );
    await client.get();
    const heard: UserDataChange[] = [];
    client.subscribe((c) => heard.push(c));
    listeners[0]!({ 'selge:revision': { newValue: 2 } }, 'sync');
    await client.get();
    expect(sent).toHaveLength(1);
    listeners[0]!({ 'selge:revision': { newValue: 2 } }, 'local');
    await client.get();
    expect(sent).toHaveLength(2);
    expect(heard).toEqual([{ dictionary: true, ignored: false }]);
  });
});
