// "Ignore in this message" and the findings the tooltip offers, without a browser.
import { describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../core/index.ts';
import { findingsOf, trackedCheck, type TrackedField } from './tracked';

const nps = (start: number): Finding => ({
  start, end: start + 3, text: 'NPS', term: 'NPS', kind: 'acronym', explained: false, familiar: false, meanings: [],
});
const check = (text: string): Report => {
  const findings: Finding[] = [];
  for (let at = text.indexOf('NPS'); at >= 0; at = text.indexOf('NPS', at + 1)) findings.push(nps(at));
  return { language: 'en', questions: findings.length ? 1 : 0, threshold: 1, verdict: 'pass', findings };
};
const field = (): TrackedField => ({
  field: {} as HTMLElement, kind: 'plain', text: '', report: undefined, ignored: new Set(), composing: false,
  recheck: () => undefined,
});
const none = () => new Set<string>();
const keep = () => undefined;

describe('trackedCheck', () => {
  it('records the last text and report, and leaves ignored terms out', () => {
    const state = field();
    const run = trackedCheck(state, check, none, keep);
    expect(run('Our NPS').findings).toHaveLength(1);
    expect(findingsOf(state, '', 'Our NPS')).toEqual([nps(4)]);
    state.ignored.add('nps');
    expect(run('Our NPS and NPS').findings).toEqual([]);
    expect(findingsOf(state, '', 'Our NPS and NPS')).toEqual([]);
  });

  it('tells when the field goes from text to blank, and only then', () => {
    const state = field();
    const emptied: string[] = [];
    const run = trackedCheck(state, check, none, (s) => {
      emptied.push(s.text);
      s.ignored.clear();
    });
    state.ignored.add('nps');
    // Empty from the start (a reload restored the ignores): nothing is forgotten.
    run('');
    run(' \n');
    expect(emptied).toEqual([]);
    run('NPS');
    expect(run('NPS is ours').findings).toEqual([]);
    run('  ');
    // Told once, with the text that was there, before the blank check is recorded.
    expect(emptied).toEqual(['NPS is ours']);
    run('');
    expect(emptied).toHaveLength(1);
    expect(run('NPS').findings).toHaveLength(1);
  });

  it('counts always-allowed terms as familiar: no underline, no question', () => {
    const state = field();
    const report = trackedCheck(state, check, () => new Set(['nps']), keep)('Our NPS');
    expect(report.findings.map((f) => f.familiar)).toEqual([true]);
    expect(report.questions).toBe(0);
    expect(findingsOf(state, '', 'Our NPS')).toEqual([]);
  });

  it('moves findings along with typing done since the last check', () => {
    const state = field();
    trackedCheck(state, check, none, keep)('Our NPS');
    expect(findingsOf(state, '', 'Hi! Our NPS')).toEqual([nps(8)]);
  });
});
