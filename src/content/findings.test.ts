import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding, Report } from '../core/index.ts';
import { followEdit, unexplained } from './findings';

const finding = (text: string, explained: boolean, familiar: boolean): Finding => ({
  start: 0, end: text.length, text, term: text, kind: 'acronym', explained, familiar, meanings: [],
});

describe('unexplained', () => {
  it('keeps only the uses a reader would ask about', () => {
    const report: Report = {
      language: 'et', questions: 2, threshold: 1, verdict: 'fail',
      findings: [finding('CRM-iga', false, false), finding('NPS', true, false), finding('OÜ', false, true), finding('NPSi', false, false)],
    };
    expect(unexplained(report).map((f) => f.text)).toEqual(['CRM-iga', 'NPSi']);
  });
});

describe('followEdit', () => {
  const text = 'Meie CRM-iga ja NPSi.';
  const found = [
    { ...finding('CRM-iga', false, false), start: 5, end: 12 },
    { ...finding('NPSi', false, false), start: 16, end: 20 },
  ];
  const spans = (findings: Finding[], inText: string) => findings.map((f) => inText.slice(f.start, f.end));

  it('shifts findings after the edit and keeps those before it', () => {
    const after = 'Meie CRM-iga ning NPSi.';
    expect(spans(followEdit(text, after, found), after)).toEqual(['CRM-iga', 'NPSi']);
    const typedAtStart = 'Tere! Meie CRM-iga ja NPSi.';
    expect(spans(followEdit(text, typedAtStart, found), typedAtStart)).toEqual(['CRM-iga', 'NPSi']);
  });

  it('drops findings the edit touches', () => {
    expect(spans(followEdit(text, 'Meie CRM-iga ja NPSid.', found), 'Meie CRM-iga ja NPSid.')).toEqual(['CRM-iga']);
    expect(followEdit(text, 'Meie CR-iga ja NPSi.', found).map((f) => f.text)).toEqual(['NPSi']);
    expect(followEdit(text, '', found)).toEqual([]);
  });

  it('keeps everything when nothing changed', () => {
    expect(followEdit(text, text, found)).toEqual(found);
  });

  it('only ever keeps a finding on the same characters (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), fc.array(fc.tuple(fc.nat(), fc.nat())), (before, after, pairs) => {
        const findings = pairs
          .map(([a, b]) => [a % (before.length + 1), b % (before.length + 1)].sort((x, y) => x - y) as [number, number])
          .filter(([start, end]) => start < end)
          .map(([start, end]) => ({ ...finding(before.slice(start, end), false, false), start, end }));
        return followEdit(before, after, findings).every((f) => after.slice(f.start, f.end) === f.text);
      }),
    );
  });
});
