import { describe, expect, it } from 'vitest';
import { check, type CompiledDictionary } from '../core/index.ts';
import { testDictionary } from '../core/testing/dictionary.ts';
import type { ReadableArea } from '../storage/area.ts';
import { REVISION_KEY, USER_KEY } from '../storage/keys.ts';
import { createMemoryArea, SYNC_QUOTAS } from '../storage/memory-area.ts';
import { createProblemLog } from '../storage/problems.ts';
import { formEntry, userEntry } from '../storage/testing/entries.ts';
import { createUserStore } from '../storage/user-store.ts';
import { createDictionaryService } from './dictionary-service.ts';
import { TEAM_DICTIONARY_KEY } from './team-dictionary.ts';

const HEADER = 'term,kind,familiarity,expansion_en,expansion_et,explanation_en,explanation_et,plain_en,plain_et,source';

function setup(managed?: ReadableArea, local = createMemoryArea(), sync = createMemoryArea(SYNC_QUOTAS)) {
  const problems = createProblemLog(local);
  const store = createUserStore({ local, sync, problems });
  const service = createDictionaryService({ builtin: testDictionary, store, problems, local, ...(managed ? { managed } : {}) });
  return { local, sync, problems, store, service };
}

/** The English meaning check() reports for the first use of `term` in a sentence. */
function meaningOf(dictionary: CompiledDictionary, term: string): string | undefined {
  const report = check(`Please look at the ${term} before Monday.`, { dictionary, language: 'en' });
  return report.findings.find((f) => f.text === term)?.meanings[0]?.expansion;
}

const teamCsv = (expansion: string) =>
  `${HEADER}\nNPS,acronym,field,${expansion},${expansion},Team words.,Meeskonna sõnad.,,,Team policy\n`;

describe('dictionary service', () => {
  it('layers team over user over built-in', async () => {
    const managed = createMemoryArea();
    await managed.set({ [TEAM_DICTIONARY_KEY]: teamCsv('team score') });
    const { service } = setup(managed);
    expect(await service.addMeaning(formEntry('NPS', 'user score'))).toEqual({ ok: true });
    expect(await service.addMeaning(formEntry('TKP', 'callback request'))).toEqual({ ok: true });
    const { dictionary } = await service.snapshot();
    expect(meaningOf(dictionary, 'NPS')).toBe('team score');
    expect(meaningOf(dictionary, 'TKP')).toBe('callback request');
    expect(meaningOf(dictionary, 'CRM')).toBe('customer relationship management');
    expect(meaningOf(testDictionary, 'NPS')).toBe('Net Promoter Score');
  });

  it('uses the user meaning over the built-in one without a team dictionary', async () => {
    const { service } = setup();
    await service.addMeaning(formEntry('NPS', 'user score'));
    expect(meaningOf((await service.snapshot()).dictionary, 'NPS')).toBe('user score');
  });

  it('keeps the merged dictionary until something changes, and raises the revision on every change', async () => {
    const { service, local } = setup();
    const first = await service.snapshot();
    expect((await service.snapshot()).dictionary).toBe(first.dictionary);
    expect(await service.allow('SLA')).toEqual({ ok: true });
    const second = await service.snapshot();
    expect(second.revision).toBe(first.revision + 1);
    expect(second.allowed).toEqual(['SLA']);
    expect(local.dump()[REVISION_KEY]).toBe(second.revision);
    await service.addMeaning(formEntry('TKP'));
    const third = await service.snapshot();
    expect(third.revision).toBe(second.revision + 1);
    expect(third.dictionary).not.toBe(second.dictionary);
    expect(meaningOf(third.dictionary, 'TKP')).toBe('TKP expansion');
    await service.allow('sla'); // already allowed: no change, no new revision
    expect((await service.snapshot()).revision).toBe(third.revision);
  });

  it('never lets the revision go back when the service worker starts again', async () => {
    const first = setup();
    await first.service.allow('SLA');
    const before = (await first.service.snapshot()).revision;
    const again = setup(undefined, first.local, first.sync);
    const after = await again.service.snapshot();
    expect(after.revision).toBeGreaterThanOrEqual(before);
    await again.service.allow('CSAT');
    expect((await again.service.snapshot()).revision).toBeGreaterThan(before);
  });

  it('refuses an invalid form entry with one line per problem and saves nothing', async () => {
    const { service, local } = setup();
    const result = await service.addMeaning({ term: 'TKP', senses: [{ en: { expansion: '=1+1' } }] });
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.problems.join('\n')).toMatch(/entry "TKP": senses\[0\]\.en\.explanation: is missing[\s\S]*starts with "="/);
    expect(local.dump()[USER_KEY]).toBeUndefined();
  });

  it('refuses an entry that clashes with another user entry', async () => {
    const { service } = setup();
    expect(await service.addMeaning({ ...formEntry('TKP'), variants: ['TKPX'] })).toEqual({ ok: true });
    const result = await service.addMeaning(formEntry('TKPX'));
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.problems.join('\n')).toMatch(/TKPX/);
    expect(meaningOf((await service.snapshot()).dictionary, 'TKPX')).toBe('TKP expansion');
  });

  it('uses the entries that compile when stored ones clash, and says which were left out', async () => {
    const local = createMemoryArea();
    await local.set({ [USER_KEY]: { version: 1, savedAt: 1, allowed: [], entries: [{ ...userEntry('TKP'), variants: ['TKPX'] }, userEntry('TKPX', 'other')] } });
    const { service, problems } = setup(undefined, local);
    expect(meaningOf((await service.snapshot()).dictionary, 'TKPX')).toBe('TKP expansion');
    expect(problems.list().find((p) => p.code === 'user-dictionary')?.details).toEqual([expect.stringMatching(/"TKPX" clashes/)]);
  });

  it('ignores an invalid team dictionary with a recorded problem', async () => {
    const managed = createMemoryArea();
    await managed.set({ [TEAM_DICTIONARY_KEY]: `${HEADER}\nNPS,acronym,field,,,,,,,\n` });
    const { service } = setup(managed);
    expect(meaningOf((await service.snapshot()).dictionary, 'NPS')).toBe('Net Promoter Score');
    const problem = (await service.problems()).find((p) => p.code === 'team-dictionary');
    expect(problem?.message).toMatch(/not used/);
    expect(problem?.details.join('\n')).toMatch(/^team\.csv:2: entry "NPS"/);
  });

  it('reads a team pack given as an object (Firefox policies.json) or JSON text', async () => {
    for (const value of [{ entries: [formEntry('NPS', 'team score')] }, JSON.stringify([formEntry('NPS', 'team score')])]) {
      const managed = createMemoryArea();
      await managed.set({ [TEAM_DICTIONARY_KEY]: value });
      const { service } = setup(managed);
      expect(meaningOf((await service.snapshot()).dictionary, 'NPS')).toBe('team score');
    }
  });

  it('takes no team dictionary where storage.managed refuses (Firefox without a policy)', async () => {
    const managed: ReadableArea = { get: () => Promise.reject(new Error('Managed storage manifest not found')) };
    const { service } = setup(managed);
    expect(meaningOf((await service.snapshot()).dictionary, 'NPS')).toBe('Net Promoter Score');
    expect(await service.problems()).toEqual([]);
  });

  it('applies a policy change at once and raises the revision', async () => {
    const managed = createMemoryArea();
    const { service, local } = setup(managed);
    const before = await service.snapshot();
    await managed.set({ [TEAM_DICTIONARY_KEY]: teamCsv('team score') });
    for (let i = 0; i < 1000 && local.dump()[REVISION_KEY] === before.revision; i++) await new Promise((r) => setImmediate(r));
    const after = await service.snapshot();
    expect(after.revision).toBeGreaterThan(before.revision);
    expect(meaningOf(after.dictionary, 'NPS')).toBe('team score');
  });

  it('tells open tabs about a policy changed while the background slept', async () => {
    const managed = createMemoryArea();
    const first = setup(managed);
    const before = (await first.service.snapshot()).revision;
    const unchanged = setup(managed, first.local, first.sync);
    expect((await unchanged.service.snapshot()).revision).toBe(before);
    first.service.stop(); // both asleep: neither hears the change
    unchanged.service.stop();
    await managed.set({ [TEAM_DICTIONARY_KEY]: teamCsv('team score') });
    const changed = setup(managed, first.local, first.sync);
    expect((await changed.service.snapshot()).revision).toBe(before + 1);
  });
});
