import { describe, expect, it } from 'vitest';
import { check, type Report } from '../../core/index.ts';
import { testDictionary as dictionary } from '../../core/testing/dictionary.ts';
import { badgeLabel, canExplainAny, countLabel, pluralOf, rowsOf, summarize, toneOf } from './model';
import { translator } from './testing/translate';

const en = translator('en');
const et = translator('et');
const report = (text: string): Report => check(text, { dictionary });

describe('countLabel and pluralOf', () => {
  it('says Clear / Selge for nothing to ask', () => {
    expect(countLabel(0, en)).toBe('Clear');
    expect(countLabel(0, et)).toBe('Selge');
  });

  it('uses the singular for exactly one, in both languages', () => {
    expect(countLabel(1, en)).toBe('1 question');
    expect(countLabel(1, et)).toBe('1 küsimus');
    expect(countLabel(2, en)).toBe('2 questions');
    expect(countLabel(2, et)).toBe('2 küsimust');
    expect(countLabel(21, et)).toBe('21 küsimust');
    expect(countLabel(11, en)).toBe('11 questions');
  });

  it('has one singular only', () => {
    expect([0, 1, 2, 5, 21, 101].map(pluralOf)).toEqual(['other', 'one', 'other', 'other', 'other', 'other']);
  });
});

describe('toneOf', () => {
  it('is clear at zero, pass up to the threshold, fail above it (the checker rule)', () => {
    expect(toneOf(0, 1)).toBe('clear');
    expect(toneOf(1, 1)).toBe('pass');
    expect(toneOf(2, 1)).toBe('fail');
    expect(toneOf(3, 3)).toBe('pass');
    expect(toneOf(1, 0)).toBe('fail');
  });

  it('agrees with the checker verdict on real reports', () => {
    for (const text of ['Meie CRM-iga ja NPSi.', 'Meie NPS tõusis.', 'Kõik on korras.', 'The XYZQ and KPI and churn.']) {
      const r = report(text);
      const tone = toneOf(summarize(r).count, r.threshold);
      expect(tone === 'fail' ? 'fail' : 'pass').toBe(r.verdict);
    }
  });
});

describe('badgeLabel', () => {
  it('shows the count in words, and the verdict in the description', () => {
    const label = badgeLabel(2, 1, false, en);
    expect(label).toMatchObject({ text: '2 questions', tone: 'fail', count: 2 });
    expect(label.description).toBe('2 questions: your customer may have to ask what these mean. Click for the list.');
    expect(badgeLabel(1, 1, false, et).description).toBe('1 küsimus: klient peaks aru saama. Klõpsa, et näha loetelu.');
    expect(badgeLabel(0, 1, false, et)).toMatchObject({ text: 'Selge', tone: 'clear' });
  });

  it('shows only the number, or a check mark, when compact', () => {
    expect(badgeLabel(3, 1, true, en).text).toBe('3');
    expect(badgeLabel(0, 1, true, en).text).toBe('✓');
    // The description keeps the words for the hover text and screen readers.
    expect(badgeLabel(3, 1, true, en).description).toMatch(/^3 questions: /);
  });
});

describe('rowsOf', () => {
  it('lists each unexplained term once, in order of first use, with its forms and first meaning', () => {
    const r = report('Meie CRM-iga ja NPSi tulemused. NPS tõusis, CRM ka.');
    const rows = rowsOf(r);
    expect(rows.map((row) => row.term)).toEqual(['CRM', 'NPS']);
    expect(rows.map((row) => row.forms)).toEqual([['CRM-iga'], ['NPSi']]);
    expect(rows.map((row) => row.uses)).toEqual([2, 2]);
    expect(rows[0]!.meaning?.expansion).toBe('kliendisuhete juhtimine');
    // Jumping goes to the first use.
    expect(rows.map((row) => row.first.text)).toEqual(['CRM-iga', 'NPSi']);
    expect(rows[1]!.first.start).toBe(16);
  });

  it('leaves out explained uses and familiar terms', () => {
    const r = report('Tere! Meie CRM-iga ja NPSi tulemused on head. Net Promoter Score (NPS) tõusis.');
    const rows = rowsOf(r);
    expect(rows.map((row) => [row.term, row.uses])).toEqual([['CRM', 1], ['NPS', 1]]);
    expect(rowsOf(report('Our NPS (Net Promoter Score) rose.'))).toEqual([]);
    const familiar = check('Send an SMS with the PIN.', { dictionary, includeFamiliar: true });
    expect(familiar.findings.length).toBeGreaterThan(0);
    expect(rowsOf(familiar)).toEqual([]);
  });

  it('has no meaning for an unknown acronym; jargon keeps its kind', () => {
    const rows = rowsOf(report('The XYZQ and KPI and churn.'));
    expect(rows.map((row) => [row.term, row.kind, row.meaning?.expansion])).toEqual([
      ['XYZQ', 'acronym', undefined], ['KPI', 'acronym', 'key performance indicator'], ['churn', 'jargon', 'churn'],
    ]);
    expect(canExplainAny(rows)).toBe(true);
    expect(canExplainAny(rows.filter((row) => row.term === 'XYZQ'))).toBe(false);
    expect(canExplainAny([])).toBe(false);
  });
});

describe('summarize', () => {
  it('counts what the checker counts', () => {
    for (const text of ['Meie CRM-iga ja NPSi. NPS, CRM.', 'The XYZQ and KPI and churn.', 'Kõik on korras.', 'Our NPS (Net Promoter Score) rose.']) {
      const r = report(text);
      expect(summarize(r).count).toBe(r.questions);
    }
  });

  it('stays right when the caller left out ignored terms without recounting', () => {
    const r = report('Meie CRM-iga ja NPSi.');
    const withoutNps = { ...r, findings: r.findings.filter((f) => f.term !== 'NPS') };
    expect(withoutNps.questions).toBe(2);
    const summary = summarize(withoutNps);
    expect(summary.count).toBe(1);
    expect(summary.rows.map((row) => row.term)).toEqual(['CRM']);
    expect(toneOf(summary.count, summary.threshold)).toBe('pass');
    expect(summary.language).toBe('et');
  });
});
