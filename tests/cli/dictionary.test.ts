import { describe, expect, it } from 'vitest';
import { check } from '../../src/core/index.ts';
import type { CompiledDictionary, CompiledEntry } from '../../src/core/types.ts';
import { loadDictionary, mergeDictionaries } from '../../src/cli/dictionary.ts';
import { CliError } from '../../src/cli/errors.ts';

const FIXTURES = 'tests/cli/fixtures';

function entry(term: string, meaning: string, kind: CompiledEntry['kind'] = 'acronym'): CompiledEntry {
  const text = { expansion: meaning, explanation: '', plain: meaning };
  return { term, kind, familiar: false, senses: [{ et: text, en: text }], expansions: [[meaning]] };
}

function dictionary(parts: Partial<CompiledDictionary>): CompiledDictionary {
  return { format: 'selge-compiled/1', entries: [], acronyms: {}, dotted: {}, words: {}, phrases: {}, capitals: [], ...parts };
}

describe('mergeDictionaries', () => {
  const base = dictionary({
    entries: [entry('CRM', 'built-in CRM'), entry('SaaS', 'software as a service'), entry('churn', 'leaving', 'jargon')],
    acronyms: { CRM: 0, 'C.R.M': 0, SaaS: 1 },
    words: { churn: 2, churned: 2 },
    capitals: ['kohe', 'tkp'],
  });

  it('keeps built-in entries the team does not touch, at the same index', () => {
    const merged = mergeDictionaries(base, dictionary({ entries: [entry('TKP', 'callback request')], acronyms: { TKP: 0 } }));
    expect(merged.entries).toHaveLength(4);
    expect(merged.acronyms).toEqual({ 'C.R.M': 0, CRM: 0, SaaS: 1, TKP: 3 });
    expect(merged.words).toEqual(base.words);
    // The team made TKP an acronym, so it is no longer an ordinary word written in capitals.
    expect(merged.capitals).toEqual(['kohe']);
  });

  it('lets a team entry redefine a built-in term, dropping the old entry\'s other surface forms', () => {
    const merged = mergeDictionaries(base, dictionary({ entries: [entry('CRM', 'our customer register')], acronyms: { CRM: 0 } }));
    expect(merged.acronyms).toEqual({ CRM: 3, SaaS: 1 });
  });

  it('lets a team surface form win over a built-in one that differs only in case', () => {
    const merged = mergeDictionaries(base, dictionary({ entries: [entry('SAAS', 'our SAAS')], acronyms: { SAAS: 0 } }));
    expect(merged.acronyms).toEqual({ 'C.R.M': 0, CRM: 0, SAAS: 3 });
  });

  it('does not change its inputs', () => {
    const copy = structuredClone(base);
    mergeDictionaries(base, dictionary({ entries: [entry('CRM', 'x')], acronyms: { CRM: 0 } }));
    expect(base).toEqual(copy);
  });
});

describe('loadDictionary', () => {
  it('layers a team pack over the built-in dictionary', async () => {
    const merged = await loadDictionary([`${FIXTURES}/team.json`]);
    const report = check('Teie TKP on CRM-is kirjas.', { dictionary: merged, language: 'et' });
    const meanings = Object.fromEntries(report.findings.map((finding) => [finding.term, finding.meanings[0]?.expansion]));
    expect(meanings).toEqual({ TKP: 'tagasihelistamise palve', CRM: 'meie kliendiregister' });
  });

  async function messageOf(files: string[]): Promise<string> {
    const error = await loadDictionary(files).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).not.toContain('\n');
    return (error as Error).message;
  }

  it('names the file and the problem for a bad pack', async () => {
    expect(await messageOf([`${FIXTURES}/invalid-dict.json`])).toMatch(/^tests\/cli\/fixtures\/invalid-dict\.json, entry 0 "TKP", field senses: /);
    expect(await messageOf([`${FIXTURES}/broken-json.json`])).toMatch(/^tests\/cli\/fixtures\/broken-json\.json: not valid JSON \(.* at line 4, column 1\)$/);
    expect(await messageOf([`${FIXTURES}/binary.png`])).toMatch(/^tests\/cli\/fixtures\/binary\.png: binary file/);
    expect(await messageOf([`${FIXTURES}/nope.json`])).toBe('tests/cli/fixtures/nope.json: no such file or directory');
    expect(await messageOf([FIXTURES])).toBe('tests/cli/fixtures: is a directory, not a dictionary file');
  });
});
