import { describe, expect, it } from 'vitest';
import { testDictionary } from '../core/testing/dictionary.ts';
import { createMemoryArea, SYNC_QUOTAS } from '../storage/memory-area.ts';
import { createProblemLog } from '../storage/problems.ts';
import { formEntry } from '../storage/testing/entries.ts';
import { createUserStore } from '../storage/user-store.ts';
import { createDictionaryService } from './dictionary-service.ts';
import {
  ADD_MEANING, ALLOW, answer, badgeText, COUNT, DICTIONARY, FORGET_IGNORED, IGNORE, IGNORED, PING, PROBLEMS, UNALLOW, type AnswerSources,
} from './messages';
import { answerSources } from './sources.ts';

function background() {
  const local = createMemoryArea();
  const problems = createProblemLog(local);
  const store = createUserStore({ local, sync: createMemoryArea(SYNC_QUOTAS), problems });
  const service = createDictionaryService({ builtin: testDictionary, store, problems, local });
  const badges: Array<[number, string]> = [];
  const sources = answerSources(service, '1.2.3', async (tabId, text) => void badges.push([tabId, text]));
  return { sources, badges, local };
}

const tab = { tab: { id: 7 } };

describe('answer', () => {
  it('answers a ping with the version', async () => {
    expect(await answer({ type: PING }, background().sources)).toEqual({ ok: true, version: '1.2.3' });
  });

  it('answers the dictionary request with the merged dictionary, the familiar list and the revision', async () => {
    const { sources } = background();
    const reply = await answer({ type: DICTIONARY }, sources);
    expect(reply).toMatchObject({ ok: true, allowed: [], revision: expect.any(Number) });
    expect(reply && 'dictionary' in reply && reply.dictionary.entries.map((e) => e.term)).toEqual(testDictionary.entries.map((e) => e.term));
  });

  it('allows and unallows a term', async () => {
    const { sources } = background();
    expect(await answer({ type: ALLOW, term: 'SLA' }, sources)).toEqual({ ok: true });
    expect(await answer({ type: DICTIONARY }, sources)).toMatchObject({ allowed: ['SLA'] });
    expect(await answer({ type: UNALLOW, term: 'sla' }, sources)).toEqual({ ok: true });
    expect(await answer({ type: DICTIONARY }, sources)).toMatchObject({ allowed: [] });
  });

  it('adds a meaning, or answers with the problems', async () => {
    const { sources } = background();
    expect(await answer({ type: ADD_MEANING, entry: formEntry('TKP', 'callback request') }, sources)).toEqual({ ok: true });
    const reply = await answer({ type: DICTIONARY }, sources);
    expect(reply && 'dictionary' in reply && reply.dictionary.entries.at(-1)?.senses[0]?.en.expansion).toBe('callback request');
    expect(await answer({ type: ADD_MEANING, entry: { term: 'TKP' } }, sources)).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^entry "TKP": senses: is missing/)],
    });
  });

  it('remembers ignored terms per message', async () => {
    const { sources } = background();
    expect(await answer({ type: IGNORE, key: 'gmail:r-1', term: 'NPS' }, sources)).toEqual({ ok: true, terms: ['NPS'] });
    expect(await answer({ type: IGNORED, key: 'gmail:r-1' }, sources)).toEqual({ ok: true, terms: ['NPS'] });
    expect(await answer({ type: IGNORED, key: 'gmail:r-2' }, sources)).toEqual({ ok: true, terms: [] });
  });

  it('forgets a message\'s ignored terms when its field was emptied, and only that message\'s', async () => {
    const { sources, local } = background();
    await answer({ type: IGNORE, key: 'zendesk:t-12', term: 'NPS' }, sources);
    await answer({ type: IGNORE, key: 'gmail:r-1', term: 'SLA' }, sources);
    expect(await answer({ type: FORGET_IGNORED, key: 'zendesk:t-12' }, sources)).toEqual({ ok: true });
    expect(await answer({ type: IGNORED, key: 'zendesk:t-12' }, sources)).toEqual({ ok: true, terms: [] });
    expect(await answer({ type: IGNORED, key: 'gmail:r-1' }, sources)).toEqual({ ok: true, terms: ['SLA'] });
    // A message with nothing ignored: nothing to forget, still fine.
    expect(await answer({ type: FORGET_IGNORED, key: 'zendesk:t-13' }, sources)).toEqual({ ok: true });
    expect((local.dump()['selge:ignored'] as { messages: object }).messages).toEqual({ 'gmail:r-1': expect.anything() });
  });

  it('sets the badge of the sender’s tab', async () => {
    const { sources, badges } = background();
    expect(await answer({ type: COUNT, count: 3 }, sources, tab)).toEqual({ ok: true });
    expect(await answer({ type: COUNT, count: 0 }, sources, tab)).toEqual({ ok: true });
    expect(await answer({ type: COUNT, count: null }, sources, { tab: { id: 9 } })).toEqual({ ok: true });
    expect(await answer({ type: COUNT, count: 120 }, sources, tab)).toEqual({ ok: true });
    expect(badges).toEqual([[7, '3'], [7, ''], [9, ''], [7, '99+']]);
    expect(badgeText(99)).toBe('99');
  });

  it('lists problems for the popup', async () => {
    const { sources, local } = background();
    await local.set({ 'selge:user': 'garbage' });
    expect(await answer({ type: PROBLEMS }, sources)).toEqual({
      ok: true,
      problems: [expect.objectContaining({ code: 'stored-data', message: expect.stringMatching(/kept in a backup/) })],
    });
  });

  it('answers bad input with what is wrong and changes nothing', async () => {
    const { sources, badges, local } = background();
    const cases: Array<[unknown, RegExp, object?]> = [
      [{ type: ALLOW }, /^selge\/allow: needs "term" as non-empty text$/],
      [{ type: ALLOW, term: '  ' }, /^selge\/allow: needs "term"/],
      [{ type: ALLOW, term: 'x'.repeat(200) }, /^selge\/allow: the term is longer than 80 characters$/],
      [{ type: UNALLOW, term: 5 }, /^selge\/unallow: needs "term"/],
      [{ type: ADD_MEANING }, /^selge\/add-meaning: needs "entry": an object/],
      [{ type: ADD_MEANING, entry: [formEntry('TKP')] }, /^selge\/add-meaning: needs "entry"/],
      [{ type: IGNORE, term: 'NPS' }, /^selge\/ignore: needs "key"/],
      [{ type: IGNORE, key: 'k' }, /^selge\/ignore: needs "term"/],
      [{ type: IGNORE, key: 'k'.repeat(400), term: 'NPS' }, /^selge\/ignore: the message key is longer than 300 characters$/],
      [{ type: IGNORED }, /^selge\/ignored: needs "key"/],
      [{ type: FORGET_IGNORED }, /^selge\/forget-ignored: needs "key" as non-empty text$/],
      [{ type: FORGET_IGNORED, key: ' ' }, /^selge\/forget-ignored: needs "key" as non-empty text$/],
      [{ type: FORGET_IGNORED, key: ['k'] }, /^selge\/forget-ignored: needs "key" as non-empty text$/],
      [{ type: FORGET_IGNORED, key: 'k'.repeat(400) }, /^selge\/forget-ignored: the message key is longer than 300 characters$/],
      [{ type: COUNT, count: -1 }, /^selge\/count: needs "count" as a whole number ≥ 0, or null$/, tab],
      [{ type: COUNT, count: '3' }, /^selge\/count: needs "count"/, tab],
      [{ type: COUNT }, /^selge\/count: needs "count"/, tab],
      [{ type: COUNT, count: 2 }, /^selge\/count: comes from a content script in a tab; this sender has no tab$/, {}],
    ];
    for (const [message, error, sender] of cases) {
      expect(await answer(message, sources, sender)).toEqual({ ok: false, error: expect.stringMatching(error) });
    }
    expect(badges).toEqual([]);
    expect(Object.keys(local.dump()).filter((k) => k === 'selge:user' || k === 'selge:ignored')).toEqual([]);
  });

  it('turns a failing source into an error reply, never a rejection', async () => {
    const { sources } = background();
    const broken: AnswerSources = { ...sources, setBadge: () => Promise.reject(new Error('No tab with id: 7.')) };
    expect(await answer({ type: COUNT, count: 1 }, broken, tab)).toEqual({ ok: false, error: 'selge/count: No tab with id: 7.' });
    const throwing: AnswerSources = { ...sources, dictionary: () => { throw new Error('boom'); } };
    expect(await answer({ type: DICTIONARY }, throwing)).toEqual({ ok: false, error: 'selge/dictionary: boom' });
  });

  it('leaves foreign messages to other listeners', () => {
    const { sources } = background();
    for (const message of [undefined, null, 'selge/ping', { type: 'other' }, { kind: PING }, { type: 'selge/unknown' }]) {
      expect(answer(message, sources)).toBeUndefined();
    }
  });
});
