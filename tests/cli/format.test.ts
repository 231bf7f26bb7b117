import { describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../src/core/types.ts';
import { lineStarts, positionAt, renderJson, renderText, renderTotals, type CheckedFile } from '../../src/cli/format.ts';

/** line:column of the first occurrence of `needle`. */
function where(text: string, needle: string): string {
  const offset = text.indexOf(needle);
  expect(offset).toBeGreaterThanOrEqual(0);
  const { line, column } = positionAt(text, lineStarts(text), offset);
  return `${line}:${column}`;
}

describe('positionAt', () => {
  it('is 1-based', () => {
    expect(where('CRM first', 'CRM')).toBe('1:1');
    expect(where('a\nCRM', 'CRM')).toBe('2:1');
  });

  it('numbers LF, CRLF and lone CR line endings alike', () => {
    expect(where('one\ntwo\nthree CRM', 'CRM')).toBe('3:7');
    expect(where('one\r\ntwo\r\nthree CRM', 'CRM')).toBe('3:7');
    expect(where('one\rtwo\rthree CRM', 'CRM')).toBe('3:7');
    expect(where('one\r\n\r\nCRM', 'CRM')).toBe('3:1');
    expect(where('one\n\r\nCRM', 'CRM')).toBe('3:1');
  });

  it('counts code points: an emoji is one column, not two', () => {
    expect('😀'.length).toBe(2);
    expect(where('😀 CRM', 'CRM')).toBe('1:3');
    // 👍🏽 is two code points (thumb + skin-tone modifier), as an editor's column counter sees it.
    expect(where('x\r\n👍🏽 ok 🙂 NPSi', 'NPSi')).toBe('2:9');
  });

  it('counts precomposed Estonian letters once and a tab as one column', () => {
    expect(where('Jõudsime üle\tCRM', 'CRM')).toBe('1:14');
  });

  it('finds the line at the very start and end of a line', () => {
    const text = 'ab\ncd\n';
    const starts = lineStarts(text);
    expect(positionAt(text, starts, 2)).toEqual({ line: 1, column: 3 }); // the \n itself
    expect(positionAt(text, starts, 3)).toEqual({ line: 2, column: 1 });
    expect(positionAt(text, starts, 6)).toEqual({ line: 3, column: 1 }); // end of text
  });
});

function finding(text: string, at: string, overrides: Partial<Finding> = {}): Finding {
  const start = text.indexOf(at);
  return {
    start,
    end: start + at.length,
    text: at,
    term: at,
    kind: 'acronym',
    explained: false,
    familiar: false,
    meanings: [],
    ...overrides,
  };
}

function report(findings: Finding[], overrides: Partial<Report> = {}): Report {
  return { language: 'et', questions: 2, threshold: 1, verdict: 'fail', findings, ...overrides };
}

const ET = 'Tere!\r\n🙂 Uuendasime andmed CRM-iga, NPS tuleb ka.\r\nTP ja ATM on tuttavad.\r\n';
const ET_FILE: CheckedFile = {
  name: 'macros/a.txt',
  text: ET,
  report: report([
    finding(ET, 'NPS', { meanings: [{ expansion: 'Net Promoter Score', explanation: 'Soovitusindeks.' }, { expansion: 'Teine', explanation: '' }] }),
    finding(ET, 'CRM-iga', { term: 'CRM', meanings: [{ expansion: 'Kliendisuhete juhtimine', explanation: 'Kliendiandmete süsteem.' }] }),
    finding(ET, 'TP', { explained: true, meanings: [{ expansion: 'Teeninduspunkt', explanation: '' }] }),
    finding(ET, 'ATM', { familiar: true }),
  ]),
};

describe('renderText', () => {
  it('prints unexplained findings in text order, then the verdict', () => {
    expect(renderText(ET_FILE, { includeFamiliar: false })).toBe(
      [
        'macros/a.txt:2:21  CRM (CRM-iga)  unexplained — Kliendisuhete juhtimine: Kliendiandmete süsteem.',
        'macros/a.txt:2:30  NPS  unexplained — Net Promoter Score: Soovitusindeks. (+1 more meaning)',
        'macros/a.txt: fail — 2 questions (threshold 1, Estonian)',
        '',
      ].join('\n'),
    );
  });

  it('shows explained and familiar findings, marked, with --include-familiar', () => {
    const lines = renderText(ET_FILE, { includeFamiliar: true }).split('\n');
    expect(lines).toContain('macros/a.txt:3:1  TP  explained — Teeninduspunkt');
    expect(lines).toContain('macros/a.txt:3:7  ATM  familiar — unknown acronym — no meaning in the dictionary');
    expect(lines).toHaveLength(6);
  });

  it('says so when an acronym has no meaning, and counts one question in the singular', () => {
    const text = 'Hi, your XYZQ is ready.';
    const out = renderText({ name: '<stdin>', text, report: report([finding(text, 'XYZQ')], { language: 'en', questions: 1, verdict: 'pass' }) }, { includeFamiliar: false });
    expect(out).toBe('<stdin>:1:10  XYZQ  unexplained — unknown acronym — no meaning in the dictionary\n<stdin>: pass — 1 question (threshold 1, English)\n');
  });

  it('prints only the verdict for a clean message', () => {
    expect(renderText({ name: 'ok.txt', text: 'Hello', report: report([], { language: 'en', questions: 0, verdict: 'pass' }) }, { includeFamiliar: false })).toBe(
      'ok.txt: pass — 0 questions (threshold 1, English)\n',
    );
  });
});

describe('renderTotals', () => {
  it('counts fails and passes', () => {
    const pass: CheckedFile = { name: 'b', text: '', report: report([], { verdict: 'pass', questions: 0 }) };
    expect(renderTotals([ET_FILE, pass, pass])).toBe('3 files: 1 fail, 2 pass\n');
  });
});

describe('renderJson', () => {
  it('is one line: the report with file first and line/column on each finding', () => {
    const out = renderJson(ET_FILE);
    expect(out.endsWith('\n')).toBe(true);
    expect(out.trimEnd()).not.toContain('\n');
    const parsed = JSON.parse(out);
    expect(Object.keys(parsed)[0]).toBe('file');
    expect(parsed).toMatchObject({ file: 'macros/a.txt', language: 'et', questions: 2, threshold: 1, verdict: 'fail' });
    expect(parsed.findings).toHaveLength(4); // JSON keeps every finding the core returned
    expect(parsed.findings[0]).toMatchObject({ term: 'CRM', text: 'CRM-iga', line: 2, column: 21, start: ET.indexOf('CRM-iga') });
    expect(ET.slice(parsed.findings[0].start, parsed.findings[0].end)).toBe('CRM-iga');
  });
});
