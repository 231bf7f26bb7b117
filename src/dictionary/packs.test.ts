// The shipped packs in dictionaries/: they validate, compile deterministically to exactly the
// `CompiledDictionary` shape, and contain the inflections the checker relies on.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import type { CompiledDictionary } from '../core/types.ts';
import { compileDictionary } from './compile.ts';
import { CAPITALS_FILE, DICTIONARY_DIR, loadCapitals, loadPacks, packFileNames } from './load-node.ts';
import { validateCapitals, validatePack } from './validate.ts';

const packs = loadPacks();
const capitals = loadCapitals();
const compile = () => compileDictionary(packs, capitals ? { capitals } : {});

const started = performance.now();
const dictionary: CompiledDictionary = compile();
const compileMs = performance.now() - started;

const entryOf = (index: number | undefined) => (index === undefined ? undefined : dictionary.entries[index]?.term);

describe('shipped packs', () => {
  it.each(packFileNames())('%s validates', (name) => {
    const data: unknown = JSON.parse(readFileSync(join(DICTIONARY_DIR, name), 'utf8'));
    const result = validatePack(data, name);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('capitals.json validates', () => {
    const data: unknown = JSON.parse(readFileSync(join(DICTIONARY_DIR, CAPITALS_FILE), 'utf8'));
    const result = validateCapitals(data);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('has the five packs with every entry sourced', () => {
    expect(packs.map((p) => p.pack).sort()).toEqual(['business', 'cx', 'familiar', 'it', 'support']);
    for (const pack of packs) {
      for (const entry of pack.entries) expect(entry.source.length).toBeGreaterThan(9);
    }
  });

  it('compiles (time logged, not asserted)', () => {
    console.log(
      `[selge] compiled ${dictionary.entries.length} entries from ${packs.length} packs in ${compileMs.toFixed(1)} ms ` +
        `(first call, includes compromise warm-up); JSON ${JSON.stringify(dictionary).length} bytes`,
    );
    const again = performance.now();
    compile();
    console.log(`[selge] second compile ${(performance.now() - again).toFixed(1)} ms`);
    expect(dictionary.entries.length).toBeGreaterThan(60);
  });
});

describe('compiled dictionary', () => {
  it('is deterministic: two compiles give byte-identical JSON, whatever the pack order', () => {
    const a = JSON.stringify(compile());
    const b = JSON.stringify(compileDictionary([...packs].reverse(), capitals ? { capitals } : {}));
    expect(b).toBe(a);
    expect(a).toBe(JSON.stringify(dictionary));
  });

  it('has exactly the CompiledDictionary shape', () => {
    expect(Object.keys(dictionary)).toEqual(['format', 'entries', 'acronyms', 'dotted', 'words', 'phrases', 'capitals']);
    expect(dictionary.format).toBe('selge-compiled/1');
    for (const entry of dictionary.entries) {
      expect(Object.keys(entry)).toEqual(['term', 'kind', 'familiar', 'senses', 'expansions']);
      expect(['acronym', 'jargon']).toContain(entry.kind);
      expect(typeof entry.familiar).toBe('boolean');
      expect(entry.senses.length).toBeGreaterThan(0);
      for (const sense of entry.senses) {
        expect(Object.keys(sense)).toEqual(['et', 'en']);
        for (const lang of ['et', 'en'] as const) {
          expect(Object.keys(sense[lang])).toEqual(['expansion', 'explanation', 'plain']);
        }
      }
      expect(entry.expansions.length).toBeGreaterThan(0);
      for (const words of entry.expansions) {
        expect(words.length).toBeGreaterThan(0);
        for (const word of words) {
          expect(word).toBe(word.toLowerCase());
          expect(word).not.toMatch(/[\s()[\]{},.;:!?"“”„]/u);
        }
      }
    }
  });

  it('writes every map with sorted keys and valid entry indices', () => {
    for (const map of [dictionary.acronyms, dictionary.dotted, dictionary.words, dictionary.phrases]) {
      const keys = Object.keys(map);
      expect(keys).toEqual([...keys].sort());
      for (const index of Object.values(map)) {
        expect(Number.isInteger(index)).toBe(true);
        expect(dictionary.entries[index]).toBeDefined();
      }
    }
    expect(dictionary.capitals).toEqual([...dictionary.capitals].sort());
  });

  it('keys acronyms exactly as written, including variants', () => {
    for (const key of ['CSAT', 'C-SAT', 'R&D', 'SaaS', 'B2B', 'T2', '2FA', 'OÜ', 'iOS', 'VoC', 'CXM']) {
      expect(dictionary.acronyms, key).toHaveProperty([key]);
    }
    expect(entryOf(dictionary.acronyms['C-SAT'])).toBe('CSAT');
    expect(entryOf(dictionary.acronyms.LTV)).toBe('CLV');
    expect(dictionary.acronyms).not.toHaveProperty(['SAAS']);
  });

  it('keys dotted abbreviations lowercase without the final dot', () => {
    expect(entryOf(dictionary.dotted['u.s'])).toBe('U.S.');
    expect(entryOf(dictionary.dotted['a.m'])).toBe('a.m.');
    expect(entryOf(dictionary.dotted['s.t'])).toBe('s.t');
    expect(entryOf(dictionary.dotted['e.g'])).toBe('e.g.');
    expect(entryOf(dictionary.dotted['n.p.s'])).toBe('NPS');
    expect(entryOf(dictionary.dotted.etc)).toBe('etc.');
  });

  it('puts lowercase familiar abbreviations into words', () => {
    for (const word of ['jne', 'nt', 'vms', 'st', 'km', 'tel']) {
      expect(dictionary.words, word).toHaveProperty([word]);
      expect(dictionary.entries[dictionary.words[word] as number]?.familiar).toBe(true);
    }
    expect(entryOf(dictionary.words.st)).toBe('s.t');
  });

  it('puts multi-word forms into phrases, lowercase with one space', () => {
    expect(entryOf(dictionary.phrases['customer journey'])).toBe('customer journey');
    expect(entryOf(dictionary.phrases['customer journeys'])).toBe('customer journey');
    expect(entryOf(dictionary.phrases['csat score'])).toBe('CSAT');
    expect(entryOf(dictionary.phrases['knowledge bases'])).toBe('knowledge base');
    for (const key of Object.keys(dictionary.phrases)) expect(key).toMatch(/^\S+( \S+)+$/u);
  });

  it('has English inflections from compromise', () => {
    for (const word of ['escalate', 'escalates', 'escalated', 'escalating', 'escalation', 'escalations']) {
      expect(entryOf(dictionary.words[word]), word).toBe('escalate');
    }
    for (const word of ['churn', 'churns', 'churned', 'churning']) expect(entryOf(dictionary.words[word]), word).toBe('churn');
    expect(entryOf(dictionary.words.touchpoints)).toBe('touchpoint');
    expect(entryOf(dictionary.phrases['touch points'])).toBe('touchpoint');
    // not listed, so not generated: "escalatory" etc.
    expect(dictionary.words).not.toHaveProperty(['escalatory']);
  });

  it('has Estonian paradigm forms', () => {
    for (const word of [
      'eskaleerima', 'eskaleerib', 'eskaleeris', 'eskaleerisime', 'eskaleerinud', 'eskaleeritud', 'eskaleerida',
      'eskaleeritakse', 'eskaleerimine', 'eskaleerimise', 'eskaleerimisse', 'eskaleerimistega', 'eskaleerub', 'eskalatsiooni',
    ]) {
      expect(entryOf(dictionary.words[word]), word).toBe('eskaleerima');
    }
    for (const word of ['teadmusbaas', 'teadmusbaasi', 'teadmusbaasist', 'teadmusbaasis', 'teadmusbaasid', 'teadmusbaaside', 'teadmusbaase', 'teadmistebaasist']) {
      expect(entryOf(dictionary.words[word]), word).toBe('teadmusbaas');
    }
    for (const word of ['tiket', 'tiketi', 'tiketit', 'tiketite', 'tiketitega', 'tiketeid']) {
      expect(entryOf(dictionary.words[word]), word).toBe('tiket');
    }
  });

  it('never matches by bare prefix: unrelated words stay out', () => {
    for (const word of ['eskaleerimisvõimalus', 'baas', 'teadmus', 'tik', 'pilet', 'journey', 'customer']) {
      expect(dictionary.words, word).not.toHaveProperty([word]);
    }
  });

  it('lists expansions for "long form (ABBR)" matching, in both languages', () => {
    const nps = dictionary.entries[dictionary.acronyms.NPS as number];
    expect(nps?.expansions).toContainEqual(['net', 'promoter', 'score']);
    expect(nps?.expansions).toContainEqual(['soovitusindeks']);
    const crm = dictionary.entries[dictionary.acronyms.CRM as number];
    expect(crm?.expansions).toContainEqual(['kliendisuhete', 'juhtimine']);
    expect(crm?.expansions).toContainEqual(['customer', 'relationship', 'management']);
    const fcr = dictionary.entries[dictionary.acronyms.FCR as number];
    expect(fcr?.expansions).toContainEqual(['first', 'call', 'resolution']);
  });

  it('marks familiar entries and keeps senses for them', () => {
    const jne = dictionary.entries[dictionary.words.jne as number];
    expect(jne?.familiar).toBe(true);
    expect(jne?.senses[0]?.et.expansion).toBe('ja nii edasi');
    expect(dictionary.entries[dictionary.acronyms.CSAT as number]?.familiar).toBe(false);
  });

  it('has lowercase capitals that are not acronyms', () => {
    for (const word of ['tähtis', 'kohe', 'palun', 'tasuta', 'urgent', 'please', 'not', 'the']) {
      expect(dictionary.capitals).toContain(word);
    }
    for (const word of dictionary.capitals) {
      expect(word).toBe(word.toLowerCase());
      expect(dictionary.acronyms).not.toHaveProperty([word.toUpperCase()]);
    }
    expect(dictionary.capitals.length).toBeGreaterThan(150);
  });
});
