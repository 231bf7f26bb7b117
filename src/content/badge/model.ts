// What the badge and its panel say about one field, worked out from the field's last report
// without touching the DOM: the count, the pass/fail tone, the words on the badge, and the
// rows of the panel. The count is the number of distinct terms the reader would ask about,
// which is what the checker's `questions` counts; it is recounted from the findings so it
// stays right when the caller has left out terms (Ignore in this message) without
// recounting `questions` itself.
import type { Finding, Kind, Meaning, Report } from '../../core/index.ts';
import { unexplained } from '../findings';

/** browser.i18n.getMessage: `$1` in a message is replaced by the first substitution. */
export type Translate = (key: string, substitutions?: string | string[]) => string;

/** clear: nothing to ask; pass: a few questions, within the threshold; fail: too many. */
export type Tone = 'clear' | 'pass' | 'fail';

/** One term the reader would ask about: one row of the panel. */
export interface Row {
  term: string;
  kind: Kind;
  /** The forms it is written in, in order, when they differ from the term ("NPSi"). */
  forms: string[];
  /** Its first meaning in the message's language; undefined for an unknown acronym. */
  meaning: Meaning | undefined;
  /** How many unexplained uses the message has. */
  uses: number;
  /** The first unexplained use: where "jump to it" goes. */
  first: Finding;
}

/** The panel's rows, one per term, in the order the terms first appear. */
export function rowsOf(report: Report): Row[] {
  const rows = new Map<string, Row>();
  const ordered = [...unexplained(report)].sort((a, b) => a.start - b.start);
  for (const finding of ordered) {
    let row = rows.get(finding.term);
    if (!row) {
      row = { term: finding.term, kind: finding.kind, forms: [], meaning: finding.meanings[0], uses: 0, first: finding };
      rows.set(finding.term, row);
    }
    row.uses++;
    row.meaning ??= finding.meanings[0];
    if (finding.text !== finding.term && !row.forms.includes(finding.text)) row.forms.push(finding.text);
  }
  return [...rows.values()];
}

/** Whether Explain all has anything it can insert: some term has a meaning. */
export function canExplainAny(rows: readonly Row[]): boolean {
  return rows.some((row) => row.meaning !== undefined);
}

/** The checker's verdict rule ("fail" above the threshold), with a third state for zero. */
export function toneOf(count: number, threshold: number): Tone {
  if (count === 0) return 'clear';
  return count > threshold ? 'fail' : 'pass';
}

/**
 * CLDR plural category for English and Estonian alike: only exactly one is singular
 * ("1 question", "1 küsimus"; "21 questions", "21 küsimust").
 */
export function pluralOf(count: number): 'one' | 'other' {
  return count === 1 ? 'one' : 'other';
}

/** "Clear", "1 question", "2 questions" (Selge, 1 küsimus, 2 küsimust). */
export function countLabel(count: number, t: Translate): string {
  if (count === 0) return t('badgeClear');
  return t(pluralOf(count) === 'one' ? 'badgeQuestionsOne' : 'badgeQuestionsOther', String(count));
}

export interface BadgeLabel {
  /** What the badge shows. */
  text: string;
  /** The longer sentence for its tooltip and screen readers. */
  description: string;
  tone: Tone;
  count: number;
}

/**
 * The badge's words. `compact` (a field too small for words, like a one-line input) shows
 * only the number, or a check mark when there is nothing to ask.
 */
export function badgeLabel(count: number, threshold: number, compact: boolean, t: Translate): BadgeLabel {
  const tone = toneOf(count, threshold);
  const full = countLabel(count, t);
  const verdict = t(tone === 'clear' ? 'badgeClearNote' : tone === 'pass' ? 'badgePassNote' : 'badgeFailNote');
  const text = compact ? (count === 0 ? '✓' : String(count)) : full;
  return { text, description: t('badgeDescription', [full, verdict]), tone, count };
}

/** Everything the badge of one field needs from its report. */
export interface FieldSummary {
  rows: Row[];
  count: number;
  threshold: number;
  language: Report['language'];
}

export function summarize(report: Report): FieldSummary {
  const rows = rowsOf(report);
  return { rows, count: rows.length, threshold: report.threshold, language: report.language };
}
