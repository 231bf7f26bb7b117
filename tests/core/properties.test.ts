// Properties that must hold for any input: findings lie inside the text, are sorted, never
// overlap, and their `text` is exactly the slice they point at; the question count agrees
// with the findings. Inputs mix our own vocabulary with emoji, combining marks, RTL text,
// URLs, quotes and random Unicode, so the scanner's edge cases are reached.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, type Report } from '../../src/core/index.ts';
import { testDictionary as dictionary } from '../../src/core/testing/dictionary.ts';

const FRAGMENTS = [
  'CRM', 'NPS', 'CSAT', 'C-SAT', 'R&D', 'SaaS', 'KPI', 'XYZ', 'B2B', 'T2', 'U.S.', 'a.m.', 'N.P.S.', 'II',
  '-iga', 'iga', '-', '- ', "'e", '’s', 's', 'i', '(', ')', '[', ']', ',', '.', ' ', ' ', '\n', '\n> ', '>',
  'ehk', ' – ', 'i.e.', 'Net Promoter Score', 'soovitusindeks', 'customer journey', 'churn', 'Eskaleerisime',
  'https://a.ee/CRM', 'www.', '@', 'x@y.ee', '{{', '}}', '_', '#', '12345', 'ABC-12345', 'PALUN', 'KOHE',
  'é', 'e\u0301', 'Õ', 'ÄÖ', 'Š', '👍🏽', '🇪🇪', '\u{1D400}', 'שלום', 'مرحبا', '\u200f', '\u200d', '\u0000',
  '\uD800', '\uDC00', '\t', '\r\n', '\u00a0',
];

const message = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 60 })
  .map((parts) => parts.join(''));

function assertWellFormed(text: string, report: Report): void {
  let previousEnd = 0;
  for (const f of report.findings) {
    expect(f.start).toBeGreaterThanOrEqual(previousEnd);
    expect(f.end).toBeGreaterThan(f.start);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(f.start, f.end)).toBe(f.text);
    previousEnd = f.end;
  }
  const seen = new Set<string>();
  const unexplainedFirst = new Set<string>();
  for (const f of report.findings) {
    if (f.familiar || seen.has(f.term)) continue;
    seen.add(f.term);
    if (!f.explained) unexplainedFirst.add(f.term);
  }
  expect(report.questions).toBe(unexplainedFirst.size);
  expect(report.verdict).toBe(report.questions > report.threshold ? 'fail' : 'pass');
}

describe('checker properties', () => {
  it('holds for messages built from our vocabulary and hostile Unicode', () => {
    fc.assert(
      fc.property(message, fc.boolean(), fc.constantFrom('auto', 'et', 'en') , (text, includeFamiliar, language) => {
        assertWellFormed(text, check(text, { dictionary, includeFamiliar, language: language as 'auto' }));
      }),
      { numRuns: 2000 },
    );
  });

  it('holds for arbitrary full-Unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        assertWellFormed(text, check(text, { dictionary, includeFamiliar: true }));
      }),
      { numRuns: 1000 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(message, (text) => {
        expect(check(text, { dictionary })).toEqual(check(text, { dictionary }));
      }),
      { numRuns: 300 },
    );
  });

  it('holds for 1 MB of random Unicode mixed with acronyms', () => {
    const parts = fc.sample(fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom(...FRAGMENTS)), {
      numRuns: 200_000,
      seed: 42,
    });
    let text = '';
    for (const p of parts) {
      if (text.length >= 1_000_000) break;
      text += p;
    }
    expect(text.length).toBeGreaterThanOrEqual(1_000_000);
    const report = check(text, { dictionary, includeFamiliar: true });
    expect(report.findings.length).toBeGreaterThan(1000);
    assertWellFormed(text, report);
  });
});
