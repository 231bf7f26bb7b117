// Layering user and team dictionaries over the built-in one (moved from tests/cli/dictionary.test.ts
// when the merge became shared by the CLI and the extension).

import { describe, expect, it } from 'vitest';
import type { CompiledDictionary, CompiledEntry } from '../core/types.ts';
import { compileDictionary } from './compile.ts';
import { mergeDictionaries, overlayCompiled } from './merge.ts';
import type { Entry, Pack } from './schema.ts';
import { DictionaryError } from './validate.ts';

function entry(term: string, meaning: string, kind: CompiledEntry['kind'] = 'acronym'): CompiledEntry {
  const text = { expansion: meaning, explanation: '', plain: meaning };
  return { term, kind, familiar: false, senses: [{ et: text, en: text }], expansions: [[meaning]] };
}

function dictionary(parts: Partial<CompiledDictionary>): CompiledDictionary {
  return { format: 'selge-compiled/1', entries: [], acronyms: {}, dotted: {}, words: {}, phrases: {}, capitals: [], ...parts };
}

describe('overlayCompiled', () => {
  const base = dictionary({
    entries: [entry('CRM', 'built-in CRM'), entry('SaaS', 'software as a service'), entry('churn', 'leaving', 'jargon')],
    acronyms: { CRM: 0, 'C.R.M': 0, SaaS: 1 },
    words: { churn: 2, churned: 2 },
    capitals: ['kohe', 'tkp'],
  });

  it('keeps built-in entries the team does not touch, at the same index', () => {
    const merged = overlayCompiled(base, dictionary({ entries: [entry('TKP', 'callback request')], acronyms: { TKP: 0 } }));
    expect(merged.entries).toHaveLength(4);
    expect(merged.acronyms).toEqual({ 'C.R.M': 0, CRM: 0, SaaS: 1, TKP: 3 });
    expect(merged.words).toEqual(base.words);
    // The team made TKP an acronym, so it is no longer an ordinary word written in capitals.
    expect(merged.capitals).toEqual(['kohe']);
  });

  it("lets a team entry redefine a built-in term, dropping the old entry's other surface forms", () => {
    const merged = overlayCompiled(base, dictionary({ entries: [entry('CRM', 'our customer register')], acronyms: { CRM: 0 } }));
    expect(merged.acronyms).toEqual({ CRM: 3, SaaS: 1 });
  });

  it('lets a team surface form win over a built-in one that differs only in case', () => {
    const merged = overlayCompiled(base, dictionary({ entries: [entry('SAAS', 'our SAAS')], acronyms: { SAAS: 0 } }));
    expect(merged.acronyms).toEqual({ 'C.R.M': 0, CRM: 0, SAAS: 3 });
  });

  it('does not change its inputs', () => {
    const copy = structuredClone(base);
    overlayCompiled(base, dictionary({ entries: [entry('CRM', 'x')], acronyms: { CRM: 0 } }));
    expect(base).toEqual(copy);
  });
});

function acronym(term: string, meaning: string, extra: Partial<Entry> = {}): Entry {
  const text = { expansion: meaning, explanation: `It means ${meaning}.`, plain: meaning };
  return { term, kind: 'acronym', familiarity: 'field', senses: [{ et: text, en: text }], source: 'Test: made up for the merge tests', ...extra };
}

function pack(name: string, entries: Entry[]): Pack {
  return { pack: name, title: { et: name, en: name }, entries };
}

describe('mergeDictionaries', () => {
  const builtin = compileDictionary([pack('cx', [acronym('CRM', 'built-in CRM', { variants: ['C.R.M.'] }), acronym('NPS', 'net promoter score')])]);
  const user = pack('me', [acronym('CRM', 'my CRM'), acronym('TKP', 'my TKP')]);
  const team = pack('team', [acronym('TKP', 'team TKP'), acronym('SLA', 'team SLA')]);
  const meaning = (d: CompiledDictionary, map: 'acronyms' | 'dotted', key: string) => {
    const index = d[map][key];
    return index === undefined ? undefined : d.entries[index]?.senses[0]?.en.expansion;
  };

  it('applies overlays in order: team > user > built-in when given [user, team]', () => {
    const merged = mergeDictionaries(builtin, [user, team]);
    expect(meaning(merged, 'acronyms', 'CRM')).toBe('my CRM'); // user over built-in
    expect(meaning(merged, 'acronyms', 'TKP')).toBe('team TKP'); // team over user
    expect(meaning(merged, 'acronyms', 'SLA')).toBe('team SLA');
    expect(meaning(merged, 'acronyms', 'NPS')).toBe('net promoter score'); // untouched built-in
    // The redefined built-in CRM loses its other surface forms too.
    expect(merged.dotted['c.r.m']).toBeUndefined();
    // And the other order gives the other winner.
    expect(meaning(mergeDictionaries(builtin, [team, user]), 'acronyms', 'TKP')).toBe('my TKP');
  });

  it('never changes base or the packs, and is deterministic', () => {
    const baseCopy = structuredClone(builtin);
    const packsCopy = structuredClone([user, team]);
    const a = mergeDictionaries(builtin, [user, team]);
    const b = mergeDictionaries(structuredClone(builtin), structuredClone([user, team]));
    expect(builtin).toEqual(baseCopy);
    expect([user, team]).toEqual(packsCopy);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a).not.toBe(builtin);
    expect(mergeDictionaries(builtin, [])).toEqual(builtin);
    expect(mergeDictionaries(builtin, [])).not.toBe(builtin);
  });

  it('throws a DictionaryError naming every overlay that does not compile', () => {
    const broken = pack('broken', [acronym('AB', 'x'), acronym('AB', 'y')]);
    const alsoBroken = pack('also', [acronym('Churn', 'x')]);
    let error: unknown;
    try {
      mergeDictionaries(builtin, [broken, alsoBroken]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DictionaryError);
    expect((error as DictionaryError).problems.map((p) => p.file)).toEqual(['broken.json', 'also.json']);
  });
});
