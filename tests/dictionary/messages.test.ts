// Acceptance test of the dictionary + checker: 40 real-looking support and account-manager
// messages (tests/fixtures/messages/NN-*.txt, 20 Estonian, 20 English) with what a careful
// human reader would judge about each (expected.json). The expectations were written by hand
// before running the checker; a failure here means the checker or the dictionary disagrees
// with that reader, not that the expectation should be bent to match.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check, type CompiledDictionary, type Finding, type Language } from '../../src/core/index.ts';
import { loadBuiltinDictionary } from '../../src/dictionary/load-node.ts';

interface Expectation {
  language: Language;
  verdict: 'pass' | 'fail';
  questions: number;
  /** Base terms whose first use is unexplained and which are not familiar: exactly these. */
  unexplained: string[];
  /** Base terms that occur and are explained at every use. */
  explained: string[];
  /** Surface strings in the text that no finding may overlap (every occurrence). */
  notFlagged: string[];
}

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'messages');
const expectations = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<string, Expectation>;
const files = readdirSync(DIR)
  .filter((name) => name.endsWith('.txt'))
  .sort();

// A fixture without expectations, or expectations without a fixture, is a broken test set.
const unmatched = [
  ...files.filter((f) => !(f in expectations)).map((f) => `${f} has no entry in expected.json`),
  ...Object.keys(expectations)
    .filter((f) => !files.includes(f))
    .map((f) => `expected.json names ${f}, which does not exist`),
];
if (unmatched.length > 0) throw new Error(`tests/fixtures/messages: ${unmatched.join('; ')}`);

const dictionary: CompiledDictionary = await loadBuiltinDictionary();

function occurrences(text: string, surface: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(surface); i !== -1; i = text.indexOf(surface, i + 1)) at.push(i);
  return at;
}

function describeFinding(f: Finding): string {
  return `"${f.text}" (${f.term}${f.explained ? ', explained' : ''})`;
}

describe('support messages: the "mida-see-tähendab?" test as a human reader judges it', () => {
  for (const file of files) {
    const expected = expectations[file]!;

    it(file, () => {
      const text = readFileSync(join(DIR, file), 'utf8');
      const report = check(text, { dictionary, language: 'auto' });
      const findings = report.findings.filter((f) => !f.familiar);

      const unexplained = [...new Set(findings.filter((f) => !f.explained).map((f) => f.term))].sort();

      // Each expected-explained term: 'explained' when it occurs and every use is explained.
      const explained = Object.fromEntries(
        expected.explained.map((term) => {
          const uses = findings.filter((f) => f.term === term);
          const state =
            uses.length === 0
              ? 'not found'
              : uses.every((f) => f.explained)
                ? 'explained'
                : `unexplained at ${uses.filter((f) => !f.explained).map(describeFinding).join(', ')}`;
          return [term, state];
        }),
      );

      const flagged: string[] = [];
      for (const surface of expected.notFlagged) {
        const at = occurrences(text, surface);
        if (at.length === 0) flagged.push(`"${surface}" does not occur in the fixture`);
        for (const start of at) {
          const end = start + surface.length;
          for (const f of report.findings) {
            if (f.start < end && start < f.end) flagged.push(`"${surface}" overlapped by ${describeFinding(f)}`);
          }
        }
      }

      // One comparison, so a failure shows every difference for this message at once.
      expect({
        language: report.language,
        verdict: report.verdict,
        questions: report.questions,
        unexplained,
        explained,
        notFlagged: flagged,
      }).toEqual({
        language: expected.language,
        verdict: expected.verdict,
        questions: expected.questions,
        unexplained: [...expected.unexplained].sort(),
        explained: Object.fromEntries(expected.explained.map((term) => [term, 'explained'])),
        notFlagged: [],
      });
    });
  }
});
