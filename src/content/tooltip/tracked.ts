// What the tooltip knows about one field: live checking fills it in after every check.
import type { Finding, Report } from '../../core/index.ts';
import { followEdit, unexplained } from '../findings';
import type { PlainField } from '../mirror';
import { readTextMap } from '../text-map';

/** What live checking tells the tooltip about one field. */
export interface TrackedField {
  field: HTMLElement;
  kind: 'rich' | 'plain';
  /** The text of the last check, and its report with ignored terms left out. */
  text: string;
  report: Report | undefined;
  /** Terms ignored in this message: until the field is cleared or the page reloaded. */
  ignored: Set<string>;
  composing: boolean;
  recheck(): void;
}

/**
 * Wraps a field's check: records the text and report the tooltip reads, and leaves out the
 * terms ignored in this message (forgotten when the field is emptied).
 */
export function trackedCheck(state: TrackedField, check: (text: string) => Report): (text: string) => Report {
  return (text) => {
    if (text.trim() === '') state.ignored.clear();
    const report = check(text);
    const kept = { ...report, findings: report.findings.filter((f) => !state.ignored.has(f.term)) };
    state.text = text;
    state.report = kept;
    return kept;
  };
}

/**
 * The field's unexplained findings, not ignored, moved along with edits made since the last
 * check (`text` is the field's text now).
 */
export function findingsOf(state: TrackedField, skipInside: string, text = currentText(state, skipInside)): Finding[] {
  if (!state.report) return [];
  const findings = unexplained(state.report).filter((f) => !state.ignored.has(f.term));
  return text === state.text ? findings : followEdit(state.text, text, findings);
}

function currentText(state: TrackedField, skipInside: string): string {
  return state.kind === 'plain' ? (state.field as PlainField).value : readTextMap(state.field, skipInside).text;
}
