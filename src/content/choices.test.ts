// The page's side of the user's choices: what takes effect at once, what is saved, what is
// read back for a message after a reload. The background is played by an in-memory port.
import { describe, expect, it } from 'vitest';
import { createChecker, type CompiledDictionary } from '../core/index.ts';
import { testDictionary } from '../core/testing/dictionary.ts';
import { createChoices, messageKey, type UserDataPort } from './choices';
import { trackedCheck, type TrackedField } from './tooltip/tracked';

function memoryPort(dictionary: CompiledDictionary) {
  const saved = {
    allowed: [] as string[], entries: [] as unknown[], ignored: new Map<string, string[]>(),
    /** Every key the page asked the background to forget, in order. */
    forgotten: [] as string[],
  };
  const listeners = new Set<(change: { dictionary: boolean; ignored: boolean }) => void>();
  const port: UserDataPort = {
    get: async () => ({
      dictionary: saved.entries.length ? { ...dictionary, entries: [...dictionary.entries] } : dictionary,
      allowed: [...saved.allowed],
      revision: saved.entries.length,
    }),
    allow: async (term) => {
      if (term === 'FAIL') throw new Error('quota');
      saved.allowed.push(term);
    },
    addMeaning: async (entry) => {
      if ((entry as { term?: string }).term === '') return { ok: false, problems: ['entry: term: is missing.'] };
      saved.entries.push(entry);
      return { ok: true };
    },
    ignore: async (key, term) => {
      saved.ignored.set(key, [...(saved.ignored.get(key) ?? []), term]);
      return saved.ignored.get(key)!;
    },
    ignoredFor: async (key) => saved.ignored.get(key) ?? [],
    forgetIgnored: async (key) => {
      saved.forgotten.push(key);
      saved.ignored.delete(key);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  return { port, saved };
}

const field = (id: string): TrackedField => {
  const element = { id, getAttribute: () => null } as unknown as HTMLElement;
  return { field: element, kind: 'plain', text: '', report: undefined, ignored: new Set(), composing: false, recheck: () => undefined };
};

const setup = () => {
  const { port, saved } = memoryPort(testDictionary);
  let rechecks = 0;
  const errors: string[] = [];
  const choices = createChoices({
    port,
    keyOf: (element) => messageKey('https://mail.google.com/mail/u/0/#inbox?compose=abc', element, []),
    recheckAll: () => { rechecks++; },
    report: (what) => { errors.push(what); },
    initial: { dictionary: testDictionary, allowed: ['CSAT'] },
  });
  return { choices, saved, errors, rechecks: () => rechecks };
};

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the user\'s choices on a page', () => {
  it('starts with the allowed terms the background sent, compared case-insensitively', () => {
    const { choices } = setup();
    expect(choices.allowed().has('csat')).toBe(true);
  });

  it('Always allow is saved, then takes effect in every field at once', async () => {
    const { choices, saved, rechecks } = setup();
    await choices.allow('NPS');
    expect(saved.allowed).toEqual(['NPS']);
    expect(choices.allowed().has('nps')).toBe(true);
    expect(rechecks()).toBe(1);
  });

  it('Always allow that cannot be saved changes nothing and says so', async () => {
    const { choices, rechecks } = setup();
    await expect(choices.allow('FAIL')).rejects.toThrow('quota');
    expect(choices.allowed().has('fail')).toBe(false);
    expect(rechecks()).toBe(0);
  });

  it('Ignore takes effect in the field at once and is remembered for its message', async () => {
    const { choices, saved } = setup();
    const state = field('reply');
    choices.ignore(state, 'NPS');
    expect(state.ignored.has('nps')).toBe(true);
    await settled();
    expect([...saved.ignored.entries()]).toEqual([['https://mail.google.com/mail/u/0/#inbox?compose=abc|#reply', ['NPS']]]);
  });

  it('a field of the same message after a reload gets its ignored terms back and is checked again', async () => {
    const { choices } = setup();
    choices.ignore(field('reply'), 'NPS');
    await settled();
    const reloaded = field('reply');
    let checked = 0;
    reloaded.recheck = () => { checked++; };
    choices.restoreIgnored(reloaded);
    await settled();
    expect([...reloaded.ignored]).toEqual(['nps']);
    expect(checked).toBe(1);
    // Another field on the page is another message.
    const other = field('note');
    choices.restoreIgnored(other);
    await settled();
    expect(other.ignored.size).toBe(0);
  });

  describe('a message ends when its field is emptied', () => {
    const KEY = 'https://mail.google.com/mail/u/0/#inbox?compose=abc|#reply';
    const checker = createChecker(testDictionary);
    /** The field's checks as live checking runs them, wired to the choices. */
    const checked = (choices: ReturnType<typeof setup>['choices'], state: TrackedField) =>
      trackedCheck(state, (text) => checker(text, { language: 'en' }), choices.allowed, choices.forgetIgnored);
    const terms = (report: { findings: { term: string }[] }) => report.findings.map((f) => f.term);

    it('emptying the field forgets its ignored terms, in the page and in storage, asking once', async () => {
      const { choices, saved } = setup();
      const state = field('reply');
      const run = checked(choices, state);
      run('Our NPS and KPI.');
      choices.ignore(state, 'NPS');
      await settled();
      expect(terms(run('Our NPS and KPI.'))).toEqual(['KPI']);
      // Sent: the page empties the field; the next reply starts there.
      run('');
      expect(state.ignored.size).toBe(0);
      await settled();
      expect(saved.forgotten).toEqual([KEY]);
      expect(saved.ignored.has(KEY)).toBe(false);
      expect(terms(run('Your NPS'))).toEqual(['NPS']);
      // Emptied again with nothing ignored: nothing to forget, nothing asked.
      run(' ');
      await settled();
      expect(saved.forgotten).toEqual([KEY]);
    });

    it('a field blank when first checked keeps what restoreIgnored brings back for its draft', async () => {
      const { choices, saved } = setup();
      saved.ignored.set(KEY, ['NPS']);
      const state = field('reply');
      const run = checked(choices, state);
      state.recheck = () => void run(state.text);
      run('');
      choices.restoreIgnored(state);
      await settled();
      // Blank checks before the editor puts the draft back forget nothing.
      run('');
      expect([...state.ignored]).toEqual(['nps']);
      expect(terms(run('Our NPS and KPI.'))).toEqual(['KPI']);
      expect(saved.forgotten).toEqual([]);
      expect(saved.ignored.get(KEY)).toEqual(['NPS']);
    });

    it('a restore that answers after the draft was emptied does not bring the old terms into the new message', async () => {
      const { choices, saved } = setup();
      saved.ignored.set(KEY, ['NPS']);
      const state = field('reply');
      const run = checked(choices, state);
      let rechecks = 0;
      state.recheck = () => { rechecks++; };
      run('Our NPS, as discussed.');
      choices.restoreIgnored(state);
      run('');
      await settled();
      expect(state.ignored.size).toBe(0);
      expect(rechecks).toBe(0);
      expect(saved.forgotten).toEqual([KEY]);
      expect(terms(run('Our NPS'))).toEqual(['NPS']);
    });

    it('a failed forget is reported, not thrown into the page', async () => {
      const { port } = memoryPort(testDictionary);
      const errors: string[] = [];
      const choices = createChoices({
        port: { ...port, forgetIgnored: () => Promise.reject(new Error('Extension context invalidated.')) },
        keyOf: (element) => messageKey('https://x.zendesk.com/agent/tickets/12', element, []),
        recheckAll: () => undefined,
        report: (what) => { errors.push(what); },
        initial: { dictionary: testDictionary, allowed: [] },
      });
      const state = field('reply');
      const run = checked(choices, state);
      run('NPS');
      choices.ignore(state, 'NPS');
      run('');
      await settled();
      expect(state.ignored.size).toBe(0);
      expect(errors).toEqual(['forget ignored terms']);
    });
  });

  it('Add meaning passes the entry\'s problems on, and reloads the dictionary once saved', async () => {
    const { choices, rechecks } = setup();
    expect(await choices.addMeaning({ term: '' })).toEqual(['entry: term: is missing.']);
    expect(rechecks()).toBe(0);
    const before = choices.dictionary();
    expect(await choices.addMeaning({ term: 'TKP' })).toEqual([]);
    expect(choices.dictionary()).not.toBe(before);
    expect(rechecks()).toBe(1);
  });

  it('keys a field without id or name by its place among the page\'s fields', () => {
    const a = { id: '', getAttribute: () => null } as unknown as HTMLElement;
    const b = { id: '', getAttribute: (name: string) => (name === 'name' ? 'body' : null) } as unknown as HTMLElement;
    expect(messageKey('https://x.zendesk.com/agent/tickets/12', a, [b, a])).toBe('https://x.zendesk.com/agent/tickets/12|@1');
    expect(messageKey('https://x.zendesk.com/agent/tickets/12', b, [b, a])).toBe('https://x.zendesk.com/agent/tickets/12|#body');
  });
});
