/**
 * Rendering reports for people (text) and for tools (JSON Lines), and turning the core's
 * UTF-16 offsets into the line:column editors and terminals show.
 *
 * Columns count Unicode code points, 1-based: "ä" and "😀" are one column each, as in most
 * editors' status bars and in LSP's utf-32 position encoding. A UTF-16 count would put every
 * finding after an emoji one column too far right. (Grapheme clusters would be closer still for
 * flags and ZWJ sequences, but no editor's "go to line:column" counts those.) A tab is one
 * column. Lines end at \n, \r\n or a lone \r, so CRLF macros from Windows number like LF ones.
 */
import type { Finding, Language, Report } from '../core/types.ts';
import { lineIndexAt, lineStarts } from '../text/lines.ts';

export { lineStarts };

export interface Position {
  line: number;
  column: number;
}

/** 1-based line and code-point column of a UTF-16 offset. `starts` from lineStarts(text). */
export function positionAt(text: string, starts: readonly number[], offset: number): Position {
  const lo = lineIndexAt(starts, offset);
  let column = 1;
  for (let i = starts[lo]!; i < offset; i++) {
    const c = text.charCodeAt(i);
    // The high half of a surrogate pair counts; the low half does not.
    if (c < 0xdc00 || c > 0xdfff) column++;
  }
  return { line: lo + 1, column };
}

export interface CheckedFile {
  name: string;
  text: string;
  report: Report;
}

export interface TextOptions {
  /** Show explained and familiar findings too, marked as such. */
  includeFamiliar: boolean;
}

const LANGUAGE_NAMES: Record<Language, string> = { et: 'Estonian', en: 'English' };

/**
 * Finding lines (`file:line:col  TERM  status — meaning`) in text order, then the verdict:
 * `file: fail — 2 questions (threshold 1, Estonian)`. Ends with a newline.
 */
export function renderText(file: CheckedFile, options: TextOptions): string {
  const { name, text, report } = file;
  const starts = lineStarts(text);
  const lines: string[] = [];
  for (const finding of sortedFindings(report.findings)) {
    const status = statusOf(finding);
    if (status !== 'unexplained' && !options.includeFamiliar) continue;
    const { line, column } = positionAt(text, starts, finding.start);
    lines.push(`${name}:${line}:${column}  ${termLabel(finding)}  ${status} — ${meaningOf(finding)}`);
  }
  const questions = `${report.questions} ${report.questions === 1 ? 'question' : 'questions'}`;
  lines.push(`${name}: ${report.verdict} — ${questions} (threshold ${report.threshold}, ${LANGUAGE_NAMES[report.language] ?? report.language})`);
  return lines.join('\n') + '\n';
}

/** After several files, so a bulk run ends with the count a team lead wants. */
export function renderTotals(files: readonly CheckedFile[]): string {
  const failed = files.filter((file) => file.report.verdict === 'fail').length;
  return `${files.length} files: ${failed} fail, ${files.length - failed} pass\n`;
}

/**
 * One JSON object per file per line: the core's Report with `file` first, and each finding
 * given `line` and `column` (same convention as the text output) next to its UTF-16
 * `start`/`end`, so a tool can point at findings without re-reading the file.
 */
export function renderJson(file: CheckedFile): string {
  const { name, text, report } = file;
  const starts = lineStarts(text);
  const findings = sortedFindings(report.findings).map((finding) => ({ ...finding, ...positionAt(text, starts, finding.start) }));
  return JSON.stringify({ file: name, ...report, findings }) + '\n';
}

function sortedFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.start - b.start || a.end - b.end);
}

function statusOf(finding: Finding): 'familiar' | 'explained' | 'unexplained' {
  if (finding.familiar) return 'familiar';
  return finding.explained ? 'explained' : 'unexplained';
}

/** The base term, with the form as written when they differ: `CRM (CRM-iga)`. */
function termLabel(finding: Finding): string {
  return finding.text === finding.term ? finding.term : `${finding.term} (${finding.text})`;
}

function meaningOf(finding: Finding): string {
  const [first, ...others] = finding.meanings;
  if (!first) return finding.kind === 'acronym' ? 'unknown acronym — no meaning in the dictionary' : 'no meaning in the dictionary';
  // Packs list alternative expansions separated by ";" ("kliendisuhete juhtimine; kliendihaldus");
  // the first is the main one, and one is enough on a line. JSON keeps them all.
  const expansion = first.expansion.split(';')[0]!.trim();
  const meaning = first.explanation ? `${expansion}: ${first.explanation}` : expansion;
  if (others.length === 0) return meaning;
  return `${meaning} (+${others.length} more ${others.length === 1 ? 'meaning' : 'meanings'})`;
}
