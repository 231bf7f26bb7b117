// The user's choices applied to a report: terms ignored in this message are left out, terms
// the user always allows count as familiar. The question count and verdict are worked out
// again, so the badge, the toolbar count and the underlines agree with what is shown.
import type { Report } from '../core/index.ts';

/** Terms compared as the user sees them: "NPS" allowed also allows "nps". */
export const preferenceKey = (term: string): string => term.toLowerCase();

export function applyPreferences(report: Report, allowed: ReadonlySet<string>, ignored: ReadonlySet<string>): Report {
  if (allowed.size === 0 && ignored.size === 0) return report;
  const findings = [];
  const asked = new Set<string>();
  for (const finding of report.findings) {
    const key = preferenceKey(finding.term);
    if (ignored.has(key)) continue;
    const kept = allowed.has(key) && !finding.familiar ? { ...finding, familiar: true } : finding;
    if (!kept.explained && !kept.familiar) asked.add(kept.term);
    findings.push(kept);
  }
  const questions = asked.size;
  return { ...report, findings, questions, verdict: questions > report.threshold ? 'fail' : 'pass' };
}
