import { describe, expect, it } from 'vitest';
import * as core from './index.ts';
import { testDictionary as dictionary } from './testing/dictionary.ts';

describe('public API', () => {
  it('exports exactly the pinned names', () => {
    expect(Object.keys(core).sort()).toEqual(['DEFAULT_THRESHOLD', 'check', 'createChecker', 'detectLanguage']);
  });

  it('returns a report and findings of exactly the documented shape', () => {
    const report = core.check('Meie CRM-iga on mure.', { dictionary });
    expect(Object.keys(report).sort()).toEqual(['findings', 'language', 'questions', 'threshold', 'verdict']);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toEqual({
      start: 5,
      end: 12,
      text: 'CRM-iga',
      term: 'CRM',
      kind: 'acronym',
      explained: false,
      familiar: false,
      meanings: [{ expansion: 'kliendisuhete juhtimine', explanation: 'kliendisuhete juhtimine, selgitatud.' }],
    });
    expect(report).toMatchObject({ language: 'et', questions: 1, threshold: 1, verdict: 'pass' });
  });

  it('createChecker binds a dictionary and gives the same report as check()', () => {
    const text = 'Our NPS and CSAT went up.';
    expect(core.createChecker(dictionary)(text, { language: 'en' })).toEqual(core.check(text, { dictionary, language: 'en' }));
  });

  it('refuses a value that is not a compiled dictionary, and bad options, with a clear error', () => {
    expect(() => core.check('x', { dictionary: {} as never })).toThrow(/compiled Selge dictionary/);
    expect(() => core.check('x', { dictionary, threshold: -1 })).toThrow(/threshold/);
    expect(() => core.check('x', { dictionary, threshold: 1.5 })).toThrow(/threshold/);
    expect(() => core.check('x', { dictionary, language: 'fi' as never })).toThrow(/language/);
  });
});
