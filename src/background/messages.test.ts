import { describe, expect, it, vi } from 'vitest';
import type { CompiledDictionary } from '../core/index.ts';
import { answer, DICTIONARY, PING } from './messages';

const dictionary = {
  format: 'selge-compiled/1', entries: [], acronyms: {}, dotted: {}, words: {}, phrases: {}, capitals: [],
} satisfies CompiledDictionary;

describe('answer', () => {
  const sources = { version: '1.2.3', dictionary: vi.fn(() => dictionary) };

  it('answers a ping with the version', async () => {
    expect(await answer({ type: PING }, sources)).toEqual({ ok: true, version: '1.2.3' });
  });

  it('answers the dictionary request with the current dictionary', async () => {
    expect(await answer({ type: DICTIONARY }, sources)).toEqual({ ok: true, dictionary });
  });

  it('leaves foreign messages to other listeners', () => {
    for (const message of [undefined, null, 'selge/ping', { type: 'other' }, { kind: PING }]) {
      expect(answer(message, sources)).toBeUndefined();
    }
  });
});
