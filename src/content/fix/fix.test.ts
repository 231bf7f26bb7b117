// The arithmetic of a fix: what is inserted, where, and where the caret goes afterwards.
import { describe, expect, it } from 'vitest';
import type { CompiledDictionary, Finding } from '../../core/index.ts';
import { TextMapBuilder } from '../text-map';
import { insertAfter, intended, pointAt, replaceWord, shiftOffset } from './edit';
import { bracketed, explanationFor, plainWordsFor, startsSentence, withoutGloss } from './suggest';

const finding = (over: Partial<Finding>): Finding => ({
  start: 5, end: 8, text: 'NPS', term: 'NPS', kind: 'acronym', explained: false, familiar: false,
  meanings: [{ expansion: 'soovitusindeks (Net Promoter Score)', explanation: '…' }], ...over,
});

const dictionary = {
  format: 'selge-compiled/1',
  entries: [{
    term: 'eskaleerima', kind: 'jargon', familiar: false, expansions: [],
    senses: [{
      et: { expansion: 'edasi saatma', explanation: '…', plain: 'edasi suunama' },
      en: { expansion: 'escalate', explanation: '…', plain: 'pass on' },
    }],
  }],
  acronyms: {}, dotted: {}, words: {}, phrases: {}, capitals: [],
} as CompiledDictionary;

describe('what Explain here inserts', () => {
  it('takes the expansion without its own gloss in brackets', () => {
    expect(withoutGloss('soovitusindeks (Net Promoter Score)')).toBe('soovitusindeks');
    expect(withoutGloss('Net Promoter Score')).toBe('Net Promoter Score');
    expect(withoutGloss('(only brackets)')).toBe('(only brackets)');
    expect(bracketed(explanationFor(finding({}), dictionary, 'et')!)).toBe(' (soovitusindeks)');
  });

  it('takes the plain words for jargon, in the message language', () => {
    const jargon = finding({ term: 'eskaleerima', text: 'eskaleerin', kind: 'jargon', meanings: [{ expansion: 'escalate', explanation: '…' }] });
    expect(explanationFor(jargon, dictionary, 'et')).toBe('edasi suunama');
    expect(explanationFor(jargon, dictionary, 'en')).toBe('pass on');
  });

  it('takes the first of several wordings', () => {
    const sla = finding({ term: 'SLA', text: 'SLA', meanings: [{ expansion: 'teenusetaseme leping; teenusetasemelepe', explanation: '…' }] });
    expect(bracketed(explanationFor(sla, dictionary, 'et')!)).toBe(' (teenusetaseme leping)');
  });

  it('has nothing for an acronym without meanings', () => {
    expect(explanationFor(finding({ meanings: [] }), dictionary, 'en')).toBeUndefined();
  });
});

describe('what Replace with plain words types', () => {
  const jargon = (text: string) => finding({ term: 'eskaleerima', text, kind: 'jargon', meanings: [] });

  it('types the plain words over a word in its base form, in the message language', () => {
    expect(plainWordsFor(jargon('eskaleerima'), dictionary, 'et', false)).toBe('edasi suunama');
    expect(plainWordsFor(jargon('eskaleerima'), dictionary, 'en', false)).toBe('pass on');
  });

  it('keeps a capital letter the word had', () => {
    expect(plainWordsFor(jargon('Eskaleerima'), dictionary, 'et', false)).toBe('Edasi suunama');
  });

  it('offers nothing for an inflected form it cannot match', () => {
    expect(plainWordsFor(jargon('eskaleerisin'), dictionary, 'et', false)).toBeUndefined();
  });

  it('offers nothing when the dictionary has no plain words for the term', () => {
    expect(plainWordsFor(finding({ meanings: [] }), dictionary, 'en', false)).toBeUndefined();
  });

  it('knows where a sentence starts', () => {
    expect(startsSentence('NPS', 0)).toBe(true);
    expect(startsSentence('Tere. NPS', 6)).toBe(true);
    expect(startsSentence('Tere!\nNPS', 6)).toBe(true);
    expect(startsSentence('Meie NPS', 5)).toBe(false);
  });
});

describe('where it goes', () => {
  const insertion = insertAfter(finding({}), ' (x)');
  const replacement = replaceWord(finding({}), 'soovitusindeks');

  it('inserts right after the first use, only while the word is still there', () => {
    expect(intended('Meie NPS on hea', insertion)).toBe('Meie NPS (x) on hea');
    expect(intended('Meie CRM on hea', insertion)).toBeUndefined();
    expect(intended('Meie  NPS on hea', insertion)).toBeUndefined();
  });

  it('replaces exactly the word, only while the word is still there', () => {
    expect(intended('Meie NPS on hea', replacement)).toBe('Meie soovitusindeks on hea');
    expect(intended('Meie CRM on hea', replacement)).toBeUndefined();
  });

  it('moves a caret at or after the insert point past the insert', () => {
    expect(shiftOffset(3, insertion)).toBe(3);
    expect(shiftOffset(8, insertion)).toBe(12);
    expect(shiftOffset(15, insertion)).toBe(19);
  });

  it('keeps a caret before a replaced word, moves one inside or after it along', () => {
    expect(shiftOffset(5, replacement)).toBe(5);
    expect(shiftOffset(6, replacement)).toBe(19);
    expect(shiftOffset(8, replacement)).toBe(19);
    expect(shiftOffset(15, replacement)).toBe(26);
  });

  it('maps text offsets to DOM points, preferring the text before a line break', () => {
    const builder = new TextMapBuilder<string>();
    builder.node('a', 'Tere');
    builder.boundary();
    builder.node('b', 'NPS');
    const map = builder.build(); // "Tere\nNPS"
    expect(pointAt(map, 4)).toEqual({ node: 'a', offset: 4 });
    expect(pointAt(map, 5)).toEqual({ node: 'b', offset: 0 });
    expect(pointAt(map, 8)).toEqual({ node: 'b', offset: 3 });
    expect(pointAt(map, 0)).toEqual({ node: 'a', offset: 0 });
  });
});
