// Which findings get an underline, shared by both painters.
import type { Finding, Report } from '../core/index.ts';

/** Checks a field's text; the dictionary and options are bound by the caller. */
export type Check = (text: string) => Report;

/**
 * The uses a reader would have to ask about: not explained (here or at an earlier use) and
 * not familiar. Explained and familiar terms will get their own quieter style later.
 */
export function unexplained(report: Report): Finding[] {
  return report.findings.filter((finding) => !finding.explained && !finding.familiar);
}

/**
 * Moves findings along with an edit, until the next check has the real answer: the edit is
 * the changed middle between the common start and the common end of `before` and `after`.
 * Findings before it stay, findings after it shift, findings it touches are dropped. Keeps
 * textarea underlines under their words while typing instead of leaving them where the
 * words were for the idle wait.
 */
export function followEdit(before: string, after: string, findings: readonly Finding[]): Finding[] {
  if (before === after) return [...findings];
  const shortest = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < shortest - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) suffix++;
  const editEnd = before.length - suffix;
  const delta = after.length - before.length;
  const moved: Finding[] = [];
  for (const finding of findings) {
    // Touching the edit counts as inside it: typing right after "NPS" makes "NPSi".
    if (finding.end < prefix) moved.push(finding);
    else if (finding.start > editEnd) moved.push({ ...finding, start: finding.start + delta, end: finding.end + delta });
  }
  return moved;
}
