import { describe, expect, it } from 'vitest';
import { check } from '../core/index.ts';
import { testDictionary } from '../core/testing/dictionary.ts';
import { applyPreferences } from './preferences';

const report = () => check('Meie NPS ja CSAT on head, CRM-iga ka. NPS kasvas.', { dictionary: testDictionary, language: 'et' });

describe('the user\'s choices applied to a report', () => {
  it('leaves a report alone when nothing is allowed or ignored', () => {
    const before = report();
    expect(applyPreferences(before, new Set(), new Set())).toBe(before);
  });

  it('leaves out every use of an ignored term and counts the questions again', () => {
    const before = report();
    expect(before.questions).toBe(3);
    const after = applyPreferences(before, new Set(), new Set(['nps']));
    expect(after.findings.map((f) => f.term)).not.toContain('NPS');
    expect(after.questions).toBe(2);
    expect(after.verdict).toBe('fail');
  });

  it('marks an always-allowed term familiar whatever its case, and may turn the verdict', () => {
    const after = applyPreferences(report(), new Set(['nps', 'csat']), new Set());
    expect(after.findings.filter((f) => f.term === 'NPS').every((f) => f.familiar)).toBe(true);
    expect(after.questions).toBe(1);
    expect(after.verdict).toBe('pass');
  });
});
