// Every surface form the compiled dictionary holds (acronyms, variants, dotted forms, every
// declared inflection, phrases) must be found by the checker in a sentence, as its entry;
// and nothing from the familiar pack is ever flagged.
import { describe, expect, it } from 'vitest';
import { check, type CompiledDictionary } from '../../src/core/index.ts';
import { loadBuiltinDictionary, loadPacks } from '../../src/dictionary/load-node.ts';

const dictionary: CompiledDictionary = await loadBuiltinDictionary();

function foundAs(text: string, entry: number): boolean {
  const report = check(text, { dictionary, includeFamiliar: true });
  return report.findings.some((f) => f.term === dictionary.entries[entry]!.term);
}

function missing(forms: [string, number][], sentence: (form: string) => string): string[] {
  return forms.filter(([form, entry]) => !foundAs(sentence(form), entry)).map(([form]) => form);
}

describe('every compiled surface form is found in a sentence', () => {
  it('acronyms and their variants', () => {
    const forms = Object.entries(dictionary.acronyms);
    expect(forms.length).toBeGreaterThan(50);
    expect(missing(forms, (f) => `Palun vaadake ${f} üle ja andke teada.`)).toEqual([]);
    expect(missing(forms, (f) => `Please check the ${f} and let us know.`)).toEqual([]);
  });

  it('acronyms with Estonian case endings', () => {
    const forms = Object.entries(dictionary.acronyms).filter(([f]) => /[A-ZÕÄÖÜŠŽ0-9]$/.test(f));
    expect(missing(forms, (f) => `Probleem on ${f}-iga ja ${f}-ist.`)).toEqual([]);
  });

  it('dotted abbreviations', () => {
    const forms = Object.entries(dictionary.dotted);
    expect(missing(forms, (f) => `Kohtume ${f}. kell kaks.`)).toEqual([]);
  });

  it('jargon words in every declared form', () => {
    const forms = Object.entries(dictionary.words);
    expect(forms.length).toBeGreaterThan(200);
    expect(missing(forms, (f) => `Meie ${f} on täna teisiti.`)).toEqual([]);
  });

  it('multi-word terms', () => {
    const forms = Object.entries(dictionary.phrases);
    expect(missing(forms, (f) => `Our ${f} is different today.`)).toEqual([]);
  });
});

describe('the familiar pack', () => {
  const familiarTerms = new Set(loadPacks().find((p) => p.pack === 'familiar')!.entries.map((e) => e.term));

  it('is compiled as familiar', () => {
    const entries = dictionary.entries.filter((e) => familiarTerms.has(e.term));
    expect(entries.length).toBe(familiarTerms.size);
    expect(entries.every((e) => e.familiar)).toBe(true);
  });

  it('is never flagged and never counts as a question', () => {
    const forms = [
      ...Object.entries(dictionary.acronyms),
      ...Object.entries(dictionary.dotted).map(([f, e]) => [`${f}.`, e] as [string, number]),
      ...Object.entries(dictionary.words),
      ...Object.entries(dictionary.phrases),
    ].filter(([, e]) => familiarTerms.has(dictionary.entries[e]!.term));
    expect(forms.length).toBeGreaterThan(30);
    const text = forms.map(([f]) => `Meie ${f} on korras.`).join(' ');
    const report = check(text, { dictionary });
    const flagged = report.findings.filter((f) => familiarTerms.has(f.term));
    expect(flagged).toEqual([]);
    expect(check(text, { dictionary, includeFamiliar: true }).findings.filter((f) => familiarTerms.has(f.term)).length)
      .toBeGreaterThanOrEqual(forms.length);
  });
});
