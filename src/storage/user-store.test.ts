import { describe, expect, it } from 'vitest';
import { BACKUP_PREFIX, IGNORED_KEY, PROBLEMS_KEY, SYNC_META_KEY, USER_KEY, syncChunkKey } from './keys.ts';
import { createMemoryArea, LOCAL_QUOTAS, SYNC_QUOTAS } from './memory-area.ts';
import { createProblemLog } from './problems.ts';
import { CHUNK_BYTES, readMirror } from './sync-mirror.ts';
import { acronymTerm, formEntry, userEntry } from './testing/entries.ts';
import { createUserStore, type UserStore } from './user-store.ts';
import { IGNORE_LIMITS } from './ignored-record.ts';

const DAY = 86_400_000;

function computer(sync = createMemoryArea(SYNC_QUOTAS, () => clock.now), clock = { now: 1_000_000 }) {
  const local = createMemoryArea(LOCAL_QUOTAS);
  const problems = createProblemLog(local, () => clock.now);
  const open = () => createUserStore({ local, sync, problems: createProblemLog(local, () => clock.now), now: () => clock.now });
  const store = createUserStore({ local, sync, problems, now: () => clock.now });
  return { local, sync, problems, store, clock, open };
}

/** Waits until `condition` holds, yielding to storage events in between (no timers). */
async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`never happened: ${what}`);
}

const codes = (store: ReturnType<typeof createProblemLog>) => store.list().map((p) => p.code);

describe('user store: allowed terms and entries', () => {
  it('keeps "Always allow" in storage.local, mirrors it to sync, and reads it back', async () => {
    const pc = computer();
    expect(await pc.store.allow('  SLA ')).toEqual({ ok: true });
    expect((pc.local.dump()[USER_KEY] as { allowed: string[] }).allowed).toEqual(['SLA']);
    const mirror = await readMirror(pc.sync);
    expect(mirror.state === 'ok' && mirror.data.allowed).toEqual(['SLA']);
    expect((await pc.open().data()).allowed).toEqual(['SLA']);
  });

  it('lands both of two quick clicks', async () => {
    const pc = computer();
    const [a, b] = await Promise.all([pc.store.allow('SLA'), pc.store.allow('CSAT')]);
    expect([a, b]).toEqual([{ ok: true }, { ok: true }]);
    expect((await pc.open().data()).allowed).toEqual(['SLA', 'CSAT']);
  });

  it('compares terms case-insensitively and unallows', async () => {
    const { store } = computer();
    await store.allow('SaaS');
    await store.allow('saas');
    expect((await store.data()).allowed).toEqual(['SaaS']);
    await store.unallow('SAAS');
    expect((await store.data()).allowed).toEqual([]);
  });

  it('refuses a bad term with the reason and changes nothing', async () => {
    const pc = computer();
    for (const bad of ['', '   ', 42, null, 'x'.repeat(81), 'a<b>']) {
      const result = await pc.store.allow(bad);
      expect(result.ok).toBe(false);
      expect(result.ok === false && result.error).toMatch(/^the term /);
    }
    expect(pc.local.dump()[USER_KEY]).toBeUndefined();
    expect(pc.sync.dump()).toEqual({});
  });

  it('adds an entry, replaces one for the same term, and lets the caller refuse a list', async () => {
    const pc = computer();
    expect(await pc.store.addEntry(userEntry('TKP', 'first'))).toEqual({ ok: true });
    expect(await pc.store.addEntry(userEntry('tkp'.toUpperCase(), 'second'))).toEqual({ ok: true });
    expect((await pc.store.data()).entries.map((e) => e.senses[0]!.en.expansion)).toEqual(['second']);
    expect(await pc.store.addEntry(userEntry('QBR'), () => ['no'])).toEqual({ ok: false, problems: ['no'] });
    expect((await pc.open().data()).entries.map((e) => e.term)).toEqual(['TKP']);
    await pc.store.removeEntry('TKP');
    expect((await pc.open().data()).entries).toEqual([]);
  });

  it('tells subscribers after each change, before the change resolves', async () => {
    const { store } = computer();
    const calls: number[] = [];
    store.subscribe(() => void calls.push(calls.length));
    await store.allow('SLA');
    expect(calls).toEqual([0]);
    await store.allow('sla'); // no change, no call
    await store.addEntry(userEntry('TKP'));
    expect(calls).toEqual([0, 1]);
  });
});

describe('user store: the sync mirror', () => {
  it('cuts a large dictionary into chunks within Chrome’s item quota and restores it on a second computer', async () => {
    const pc = computer();
    const long = 'Väga "pikk" seletus \\ ühe lausega, mis räägib 😀 asjast. '.repeat(4);
    for (let i = 0; i < 60; i++) expect(await pc.store.addEntry(userEntry(acronymTerm(i), long.slice(0, 150)))).toEqual({ ok: true });
    const items = pc.sync.dump();
    const meta = items[SYNC_META_KEY] as { chunks: number };
    expect(meta.chunks).toBeGreaterThan(3);
    for (let i = 0; i < meta.chunks; i++) {
      const key = syncChunkKey(i);
      expect(new TextEncoder().encode(key + JSON.stringify(items[key])).length).toBeLessThanOrEqual(CHUNK_BYTES);
    }
    // The second computer: same sync, empty local.
    const second = computer(pc.sync, pc.clock);
    const restored = await second.store.data();
    expect(restored.entries).toEqual((await pc.store.data()).entries);
    expect((second.local.dump()[USER_KEY] as { entries: unknown[] }).entries).toHaveLength(60);
  });

  it('removes chunks a longer earlier save left behind', async () => {
    const pc = computer();
    for (let i = 0; i < 40; i++) await pc.store.addEntry(userEntry(acronymTerm(i)));
    const before = (pc.sync.dump()[SYNC_META_KEY] as { chunks: number }).chunks;
    for (let i = 0; i < 39; i++) await pc.store.removeEntry(acronymTerm(i));
    const after = (pc.sync.dump()[SYNC_META_KEY] as { chunks: number }).chunks;
    expect(after).toBeLessThan(before);
    expect(Object.keys(pc.sync.dump()).sort()).toEqual([SYNC_META_KEY, ...Array.from({ length: after }, (_, i) => syncChunkKey(i))].sort());
  });

  it('keeps working locally when sync refuses writes per minute, and catches up later', async () => {
    const pc = computer();
    for (let i = 0; i < SYNC_QUOTAS.MAX_WRITE_OPERATIONS_PER_MINUTE! + 5; i++) {
      expect(await pc.store.allow(acronymTerm(i))).toEqual({ ok: true });
    }
    expect((await pc.open().data()).allowed).toHaveLength(125);
    expect(codes(pc.problems)).toEqual(['sync-write']);
    expect(pc.problems.list()[0]!.message).toMatch(/MAX_WRITE_OPERATIONS_PER_MINUTE/);
    // The popup reads the problem from storage.local.
    expect((pc.local.dump()[PROBLEMS_KEY] as Array<{ code: string }>).map((p) => p.code)).toEqual(['sync-write']);
    pc.clock.now += 61_000;
    await pc.store.allow('SLA');
    expect(codes(pc.problems)).toEqual([]);
    const mirror = await readMirror(pc.sync);
    expect(mirror.state === 'ok' && mirror.data.allowed).toHaveLength(126);
  });

  it('keeps data that does not fit sync on this computer and says so', async () => {
    const pc = computer();
    const long = 'Pikk seletus, mis kordub ja kordub ning täidab kiiresti kogu sünkroonimise ruumi. ';
    let i = 0;
    while (!codes(pc.problems).includes('sync-too-large')) {
      expect(await pc.store.addEntry(userEntry(acronymTerm(i++), long.repeat(2).slice(0, 160)))).toEqual({ ok: true });
    }
    expect(pc.problems.list()[0]!.message).toMatch(/more than browser sync holds/);
    expect((await pc.open().data()).entries).toHaveLength(i);
    expect(pc.sync.bytesInUse()).toBeLessThanOrEqual(SYNC_QUOTAS.QUOTA_BYTES);
  });

  it('records a quota error from the byte quota and keeps the change', async () => {
    const pc = computer();
    pc.sync.failNext(new Error('QUOTA_BYTES quota exceeded'));
    expect(await pc.store.allow('SLA')).toEqual({ ok: true });
    expect(pc.problems.list()[0]!.message).toMatch(/over its limits \(QUOTA_BYTES quota exceeded\)/);
    expect((await pc.open().data()).allowed).toEqual(['SLA']);
  });

  it('brings in a change made on another computer', async () => {
    const home = computer();
    await home.store.allow('SLA');
    const work = computer(home.sync, home.clock);
    expect((await work.store.data()).allowed).toEqual(['SLA']);
    let told = 0;
    work.store.subscribe(() => void told++);
    home.clock.now += 5_000;
    await home.store.allow('CSAT');
    await until(async () => (await work.store.data()).allowed.length === 2, 'the second computer sees CSAT');
    expect(told).toBe(1);
    expect((work.local.dump()[USER_KEY] as { allowed: string[] }).allowed).toEqual(['SLA', 'CSAT']);
  });

  it('merges instead of replacing when this computer has changes sync never got', async () => {
    const home = computer();
    await home.store.allow('SLA');
    const work = computer(home.sync, home.clock);
    await work.store.load();
    work.sync.failNext(new Error('MAX_WRITE_OPERATIONS_PER_HOUR quota exceeded'));
    await work.store.allow('KPI'); // only on work
    home.clock.now += 5_000;
    await home.store.allow('CSAT');
    await until(async () => (await work.store.data()).allowed.length === 3, 'work merges');
    expect((await work.store.data()).allowed).toEqual(['SLA', 'KPI', 'CSAT']);
    await until(async () => (await home.store.data()).allowed.length === 3, 'home gets the merge back');
  });

  it('leaves a half-arrived sync copy alone', async () => {
    const home = computer();
    await home.store.allow('SLA');
    const chunk = home.sync.dump()[syncChunkKey(0)] as string;
    await home.sync.set({ [syncChunkKey(0)]: chunk.replace('SLA', 'SLB') });
    const work = computer(home.sync, home.clock);
    expect((await work.store.data()).allowed).toEqual([]);
    expect(work.local.dump()[USER_KEY]).toBeUndefined();
    expect(home.sync.dump()[syncChunkKey(0)]).toContain('SLB');
  });
});

describe('user store: damaged or newer stored data', () => {
  it('keeps a damaged value in a backup and loads every valid piece', async () => {
    const pc = computer();
    const raw = { version: 1, savedAt: 5, allowed: ['SLA', 42, '', 'CSAT'], entries: [formEntry('TKP'), { term: 'NOPE' }, 'x'] };
    await pc.local.set({ [USER_KEY]: raw });
    const data = await pc.store.data();
    expect(data.allowed).toEqual(['SLA', 'CSAT']);
    expect(data.entries.map((e) => e.term)).toEqual(['TKP']);
    const backups = Object.entries(pc.local.dump()).filter(([key]) => key.startsWith(`${BACKUP_PREFIX}${USER_KEY}:`));
    expect(backups.map(([, value]) => value)).toEqual([raw]);
    const problem = pc.problems.list().find((p) => p.code === 'stored-data')!;
    expect(problem.details.join('\n')).toMatch(/allowed\[1\].*set aside[\s\S]*entries\[1\][\s\S]*entries\[2\]/);
    // Loading again finds clean data: no second backup, the problem stays for the popup.
    await pc.open().data();
    expect(Object.keys(pc.local.dump()).filter((key) => key.startsWith(BACKUP_PREFIX))).toHaveLength(1);
  });

  it('keeps data from a newer Selge and loads what it understands', async () => {
    const pc = computer();
    const raw = { version: 7, savedAt: 5, allowed: ['SLA'], entries: [], colours: { SLA: 'red' } };
    await pc.local.set({ [USER_KEY]: raw });
    expect((await pc.store.data()).allowed).toEqual(['SLA']);
    expect(Object.values(pc.local.dump()).filter((v) => JSON.stringify(v) === JSON.stringify(raw))).toHaveLength(1);
    expect(pc.problems.list()[0]!.message).toMatch(/kept in a backup/);
    expect(pc.problems.list()[0]!.details[0]).toMatch(/newer version of Selge \(format 7\)/);
  });

  it('keeps a value that is not a record at all', async () => {
    const pc = computer();
    await pc.local.set({ [USER_KEY]: 'garbage' });
    expect(await pc.store.data()).toEqual({ allowed: [], entries: [] });
    expect(Object.entries(pc.local.dump()).some(([key, v]) => key.startsWith(BACKUP_PREFIX) && v === 'garbage')).toBe(true);
    expect(await pc.store.allow('SLA')).toEqual({ ok: true });
  });

  it('never writes over what it could not read', async () => {
    const pc = computer();
    await pc.local.set({ [USER_KEY]: { version: 1, savedAt: 1, allowed: ['KEEP'], entries: [] } });
    const broken = { ...pc.local, get: () => Promise.reject(new Error('IO error')) };
    const store = createUserStore({ local: broken, sync: pc.sync, problems: pc.problems });
    expect(await store.allow('SLA')).toEqual({ ok: true }); // works while the browser runs
    expect((pc.local.dump()[USER_KEY] as { allowed: string[] }).allowed).toEqual(['KEEP']);
    expect(pc.problems.list()[0]!.message).toMatch(/could not read .*IO error.*left untouched/);
  });

  it('says when storage.local refuses a write, keeps the change in memory, and clears the problem once a write lands', async () => {
    const local = createMemoryArea(LOCAL_QUOTAS);
    const problems = createProblemLog(local);
    const store = createUserStore({ local, problems });
    await store.load();
    local.failNext(new Error('QUOTA_BYTES quota exceeded'));
    expect(await store.allow('SLA')).toEqual({ ok: true });
    expect((await store.data()).allowed).toEqual(['SLA']);
    expect(local.dump()[USER_KEY]).toBeUndefined();
    expect(problems.list().map((p) => p.message)).toEqual([expect.stringMatching(/could not save .*QUOTA_BYTES.*until the browser closes/)]);
    await store.allow('CSAT');
    expect(problems.list()).toEqual([]);
    expect((local.dump()[USER_KEY] as { allowed: string[] }).allowed).toEqual(['SLA', 'CSAT']);
  });
});

describe('user store: ignore in this message', () => {
  it('remembers terms per message, locally only', async () => {
    const pc = computer();
    expect(await pc.store.ignore('gmail:draft-1', 'SLA')).toEqual({ ok: true, terms: ['SLA'] });
    expect(await pc.store.ignore('gmail:draft-1', 'sla')).toEqual({ ok: true, terms: ['SLA'] });
    expect(await pc.store.ignore('gmail:draft-1', 'NPS')).toEqual({ ok: true, terms: ['SLA', 'NPS'] });
    expect(await pc.open().ignoredFor('gmail:draft-1')).toEqual({ ok: true, terms: ['SLA', 'NPS'] });
    expect(await pc.open().ignoredFor('gmail:draft-2')).toEqual({ ok: true, terms: [] });
    expect(pc.sync.dump()).toEqual({});
  });

  it('drops the oldest messages past the cap and any older than 30 days', async () => {
    const pc = computer();
    for (let i = 0; i < IGNORE_LIMITS.messages + 3; i++) {
      pc.clock.now += 1_000;
      await pc.store.ignore(`m${i}`, 'SLA');
    }
    const stored = (pc.local.dump()[IGNORED_KEY] as { messages: Record<string, unknown> }).messages;
    expect(Object.keys(stored)).toHaveLength(IGNORE_LIMITS.messages);
    expect(stored).not.toHaveProperty('m0');
    expect(stored).toHaveProperty(`m${IGNORE_LIMITS.messages + 2}`);
    pc.clock.now += 30 * DAY + 1;
    expect(await pc.store.ignoredFor('m502')).toEqual({ ok: true, terms: [] });
  });

  it('refuses a bad key or term with the reason', async () => {
    const { store } = computer();
    expect(await store.ignore('', 'SLA')).toEqual({ ok: false, error: 'the message key must be non-empty text' });
    expect(await store.ignore('k'.repeat(301), 'SLA')).toMatchObject({ ok: false, error: expect.stringMatching(/longer than 300/) });
    expect(await store.ignore('k', 7)).toMatchObject({ ok: false, error: 'the term must be text' });
    expect(await store.ignoredFor(null)).toMatchObject({ ok: false });
  });

  it('forgets one message\'s ignored terms (a new message starts in its field) and keeps the others', async () => {
    const pc = computer();
    await pc.store.allow('CSAT');
    await pc.store.ignore('zendesk:ticket-12', 'SLA');
    await pc.store.ignore('zendesk:ticket-12', 'NPS');
    await pc.store.ignore('gmail:draft-1', 'KPI');
    expect(await pc.store.forgetIgnored('zendesk:ticket-12')).toEqual({ ok: true });
    expect(await pc.store.ignoredFor('zendesk:ticket-12')).toEqual({ ok: true, terms: [] });
    // Stored too: a reload (a new store on the same storage) does not bring them back.
    const reopened = pc.open();
    expect(await reopened.ignoredFor('zendesk:ticket-12')).toEqual({ ok: true, terms: [] });
    expect(await reopened.ignoredFor('gmail:draft-1')).toEqual({ ok: true, terms: ['KPI'] });
    expect((await reopened.data()).allowed).toEqual(['CSAT']);
    expect(Object.keys((pc.local.dump()[IGNORED_KEY] as { messages: Record<string, unknown> }).messages)).toEqual(['gmail:draft-1']);
  });

  it('forgetting a message with nothing ignored writes nothing', async () => {
    const pc = computer();
    await pc.store.ignore('gmail:draft-1', 'KPI');
    const before = pc.local.dump();
    const writes = pc.local.writes;
    expect(await pc.store.forgetIgnored('gmail:draft-2')).toEqual({ ok: true });
    expect(await pc.store.forgetIgnored('gmail:draft-2')).toEqual({ ok: true });
    expect(pc.local.writes).toBe(writes);
    expect(pc.local.dump()).toEqual(before);
    expect(await pc.store.ignoredFor('gmail:draft-1')).toEqual({ ok: true, terms: ['KPI'] });
  });

  it('refuses to forget under a bad key, with the reason, and changes nothing', async () => {
    const pc = computer();
    await pc.store.ignore('gmail:draft-1', 'KPI');
    const before = pc.local.dump();
    expect(await pc.store.forgetIgnored('')).toEqual({ ok: false, error: 'the message key must be non-empty text' });
    expect(await pc.store.forgetIgnored('   ')).toEqual({ ok: false, error: 'the message key must be non-empty text' });
    expect(await pc.store.forgetIgnored(42)).toEqual({ ok: false, error: 'the message key must be non-empty text' });
    expect(await pc.store.forgetIgnored('k'.repeat(301))).toEqual({ ok: false, error: 'the message key is longer than 300 characters' });
    expect(pc.local.dump()).toEqual(before);
    expect(await pc.open().ignoredFor('gmail:draft-1')).toEqual({ ok: true, terms: ['KPI'] });
  });

  it('keeps a damaged ignore record in a backup and loads the valid messages', async () => {
    const pc = computer();
    const raw = { version: 1, messages: { good: { terms: ['SLA'], at: pc.clock.now }, bad: { terms: 'SLA', at: 1 } } };
    await pc.local.set({ [IGNORED_KEY]: raw });
    expect(await pc.store.ignoredFor('good')).toEqual({ ok: true, terms: ['SLA'] });
    expect(Object.entries(pc.local.dump()).filter(([key]) => key.startsWith(`${BACKUP_PREFIX}${IGNORED_KEY}`)).map(([, v]) => v)).toEqual([raw]);
  });
});

// Keeps the helper types honest if the factory changes shape.
export type { UserStore };
