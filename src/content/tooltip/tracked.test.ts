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
  field: {} as HTMLElement, kind: 'plain', text: '', report: undefined, ignored: new Set(), composing: false, recheck: () => undefined,
});

describe('trackedCheck', () => {
  it('records the last text and report, and leaves ignored terms out', () => {
    const state = field();
    const run = trackedCheck(state, check);
    expect(run('Our NPS').findings).toHaveLength(1);
    expect(findingsOf(state, '', 'Our NPS')).toEqual([nps(4)]);
    state.ignored.add('NPS');
    expect(run('Our NPS and NPS').findings).toEqual([]);
    expect(findingsOf(state, '', 'Our NPS and NPS')).toEqual([]);
  });

  it('forgets ignored terms when the field is emptied', () => {
    const state = field();
    const run = trackedCheck(state, check);
    state.ignored.add('NPS');
    run('  ');
    expect(run('NPS').findings).toHaveLength(1);
  });

  it('moves findings along with typing done since the last check', () => {
    const state = field();
    trackedCheck(state, check)('Our NPS');
    expect(findingsOf(state, '', 'Hi! Our NPS')).toEqual([nps(8)]);
  });
});
