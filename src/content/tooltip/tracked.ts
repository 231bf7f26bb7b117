// What the tooltip knows about one field: live checking fills it in after every check.
import type { Finding, Report } from '../../core/index.ts';
import { followEdit, unexplained } from '../findings';
import { applyPreferences, preferenceKey } from '../preferences';
import type { PlainField } from '../mirror';
import { readTextMap } from '../text-map';

/** What live checking tells the tooltip about one field. */
export interface TrackedField {
  field: HTMLElement;
  kind: 'rich' | 'plain';
  /** The text of the last check, and its report with ignored terms left out. */
  text: string;
  report: Report | undefined;
  /** Terms ignored in this message (preferenceKey), until the field is emptied. */
  ignored: Set<string>;
  composing: boolean;
  recheck(): void;
}

/**
 * Wraps a field's check: records the text and report the tooltip reads, leaves out the terms
 * ignored in this message and counts the terms the user always allows as familiar. When the
 * text goes from something to blank, `emptied` hears of it (choices.forgetIgnored): the check
 * already holds the field's text, so this costs no extra read of the page.
 */
export function trackedCheck(
  state: TrackedField, check: (text: string) => Report, allowed: () => ReadonlySet<string>,
  emptied: (state: TrackedField) => void,
): (text: string) => Report {
  return (text) => {
    // Emptied, not empty: a field that starts empty after a reload (its draft about to be put
    // back by the editor) keeps what restoreIgnored brings.
    if (text.trim() === '' && state.text.trim() !== '') emptied(state);
    const kept = applyPreferences(check(text), allowed(), state.ignored);
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
  const findings = unexplained(state.report).filter((f) => !state.ignored.has(preferenceKey(f.term)));
  return text === state.text ? findings : followEdit(state.text, text, findings);
}

/** The field's text now, read the way checks read it. */
export function currentText(state: TrackedField, skipInside: string): string {
  return state.kind === 'plain' ? (state.field as PlainField).value : readTextMap(state.field, skipInside).text;
}
