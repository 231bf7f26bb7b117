// Estonian paradigms: explicit endings on author-given stems, checked against forms from
// EKI's dictionaries (ÕS / ühendsõnastik) for a few typical words.

import { describe, expect, it } from 'vitest';
import { conjugateVerbDa, declineNoun, expandParadigm, paradigmReason, pluralGenitive } from './paradigms.ts';

describe('pluralGenitive', () => {
  it.each([
    ['baasi', 'baaside'],
    ['kella', 'kellade'],
    ['piletit', 'piletite'],
    ['maad', 'maade'],
    ['kogemust', 'kogemuste'],
    ['keelt', 'keelte'],
    ['numbrit', 'numbrite'],
  ])('%s → %s', (partitive, genitive) => {
    expect(pluralGenitive(partitive)).toBe(genitive);
  });
});

describe('declineNoun', () => {
  const pilet = declineNoun({ paradigm: 'noun', nominative: 'pilet', genitive: 'pileti', partitive: 'piletit', partitivePlural: ['pileteid'] });

  it('builds singular cases on the genitive and plural cases on the plural genitive', () => {
    expect(pilet).toEqual(
      expect.arrayContaining([
        'pilet', 'pileti', 'piletit', 'piletisse', 'piletis', 'piletist', 'piletile', 'piletil', 'piletilt', 'piletiks',
        'piletini', 'piletina', 'piletita', 'piletiga', 'piletid', 'piletite', 'pileteid', 'piletitesse', 'piletites',
        'piletitest', 'piletitele', 'piletitel', 'piletitelt', 'piletiteks', 'piletiteni', 'piletitena', 'piletiteta', 'piletitega',
      ]),
    );
    expect(pilet).toHaveLength(28);
  });

  it('declines only the last word of a phrase', () => {
    const forms = declineNoun({ paradigm: 'noun', nominative: 'kliendi teekond', genitive: 'kliendi teekonna', partitive: 'kliendi teekonda' });
    expect(forms).toContain('kliendi teekonnast');
    expect(forms).toContain('kliendi teekondade');
    expect(forms).toContain('kliendi teekondadega');
  });

  it('takes an explicit plural genitive when the rule does not fit', () => {
    const forms = declineNoun({ paradigm: 'noun', nominative: 'x', genitive: 'xa', partitive: 'xat', genitivePlural: 'xade' });
    expect(forms).toContain('xade');
    expect(forms).toContain('xadega');
    expect(forms).not.toContain('xate');
  });
});

describe('conjugateVerbDa', () => {
  const forms = conjugateVerbDa({ paradigm: 'verb-da', stem: 'registreeri' });

  it('has the finite forms, infinitives, participles and impersonal forms', () => {
    expect(forms).toEqual(
      expect.arrayContaining([
        'registreerima', 'registreerida', 'registreerib', 'registreerivad', 'registreeris', 'registreerisime', 'registreerinud',
        'registreeritud', 'registreeritakse', 'registreeriti', 'registreeriks', 'registreerige', 'registreerides',
        'registreerimine', 'registreerimise', 'registreerimist', 'registreerimisi', 'registreerimisse', 'registreerimistega',
      ]),
    );
  });

  it('works for a-stems too (kasutama)', () => {
    const kasuta = conjugateVerbDa({ paradigm: 'verb-da', stem: 'kasuta' });
    expect(kasuta).toEqual(expect.arrayContaining(['kasutama', 'kasutada', 'kasutan', 'kasutas', 'kasutanud', 'kasutatud', 'kasutatakse', 'kasutamine']));
  });

  it('only ever appends endings to the stem', () => {
    for (const form of forms) expect(form.startsWith('registreeri')).toBe(true);
    expect(expandParadigm({ paradigm: 'verb-da', stem: 'registreeri' })).toEqual(forms);
  });
});

describe('paradigmReason', () => {
  it('refuses a stem that does not end in a vowel, or a full infinitive', () => {
    expect(paradigmReason({ paradigm: 'verb-da', stem: 'eskaleer' })?.field).toBe('stem');
    expect(paradigmReason({ paradigm: 'verb-da', stem: 'eskaleerima' })?.message).toMatch(/without -ma/u);
    expect(paradigmReason({ paradigm: 'verb-da', stem: 'eskaleeri' })).toBeUndefined();
  });

  it('refuses a phrase whose genitive changes the first words', () => {
    expect(paradigmReason({ paradigm: 'noun', nominative: 'kliendi teekond', genitive: 'teekonna', partitive: 'teekonda' })?.field).toBe('genitive');
  });
});
