import { describe, expect, it, vi } from 'vitest';
import type { CompiledDictionary } from '../core/index.ts';
import { createDictionaryClient } from './dictionary-client';

const dictionary = {
  format: 'selge-compiled/1', entries: [], acronyms: {}, dotted: {}, words: {}, phrases: {}, capitals: [],
} satisfies CompiledDictionary;

describe('createDictionaryClient', () => {
  it('asks the background once and keeps the answer', async () => {
    const sendMessage = vi.fn(async () => ({ ok: true, dictionary }));
    const client = createDictionaryClient({ sendMessage });
    const [first, second] = await Promise.all([client.get(), client.get()]);
    expect(await client.get()).toBe(first);
    expect(second).toBe(first);
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(sendMessage).toHaveBeenCalledWith({ type: 'selge/dictionary' });
  });

  it('asks again after a failure (a service worker still starting, a foreign answer)', async () => {
    const sendMessage = vi
      .fn<(message: unknown) => Promise<unknown>>()
      .mockRejectedValueOnce(new Error('Could not establish connection'))
      .mockResolvedValueOnce(undefined)
      .mockResolvedValueOnce({ ok: true, dictionary });
    const client = createDictionaryClient({ sendMessage });
    await expect(client.get()).rejects.toThrow('Could not establish connection');
    await expect(client.get()).rejects.toThrow('the background sent no dictionary');
    expect(await client.get()).toBe(dictionary);
    expect(sendMessage).toHaveBeenCalledTimes(3);
  });
});
