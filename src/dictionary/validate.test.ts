// Validation and cross-pack rules: hostile or careless input is refused with a message that
// names the file, the entry and the field.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileDictionary } from './compile.ts';
import type { Capitals, Entry, Pack } from './schema.ts';
import { DictionaryError, formatProblem, formatProblems, validateCapitals, validateEntry, validatePack, type Problem } from './validate.ts';

const sense = () => ({
  et: { expansion: 'kliendirahulolu', explanation: 'Kui rahul klient on.', plain: 'rahulolu' },
  en: { expansion: 'customer satisfaction', explanation: 'How satisfied a customer is.', plain: 'satisfaction' },
});

const acronym = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  term: 'CSAT',
  kind: 'acronym',
  familiarity: 'field',
  senses: [sense()],
  source: 'https://www.kliendikesksus.ee/terminid/',
  ...over,
});

const jargon = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  term: 'escalate',
  kind: 'jargon',
  familiarity: 'field',
  senses: [sense()],
  source: 'Rationale: common support jargon.',
  forms: { en: [{ verb: 'escalate' }] },
  ...over,
});

const pack = (name: string, entries: unknown[]): Record<string, unknown> => ({
  pack: name,
  title: { et: 'Proov', en: 'Test' },
  entries,
});

/** Problems of a pack, or [] when it is valid. */
function packProblems(name: string, entries: unknown[]): Problem[] {
  const result = validatePack(pack(name, entries), `${name}.json`);
  return result.ok ? [] : result.problems;
}

/** Problems thrown by compileDictionary. */
function compileProblems(packs: unknown[], capitals?: Capitals): Problem[] {
  try {
    compileDictionary(packs as Pack[], capitals ? { capitals } : {});
  } catch (error) {
    if (error instanceof DictionaryError) return [...error.problems];
    throw error;
  }
  return [];
}

type Match = Omit<Partial<Problem>, 'message'> & { message?: RegExp | string };

function expectOne(problems: Problem[], match: Match): Problem {
  const { message, ...rest } = match;
  const found = problems.find(
    (p) =>
      Object.entries(rest).every(([k, v]) => (p as unknown as Record<string, unknown>)[k] === v) &&
      (message === undefined || (typeof message === 'string' ? p.message.includes(message) : message.test(p.message))),
  );
  expect(found, `expected a problem like ${JSON.stringify(match, (_, v: unknown) => (v instanceof RegExp ? String(v) : v))} in:\n${formatProblems(problems)}`).toBeDefined();
  return found as Problem;
}

describe('validateEntry', () => {
  it('accepts a good acronym and a good jargon entry', () => {
    expect(validateEntry(acronym())).toMatchObject({ ok: true });
    expect(validateEntry(jargon())).toMatchObject({ ok: true });
    expect(
      validateEntry(
        jargon({
          term: 'eskaleerima',
          forms: {
            et: [
              { paradigm: 'verb-da', stem: 'eskaleeri' },
              { paradigm: 'noun', nominative: 'teadmusbaas', genitive: 'teadmusbaasi', partitive: 'teadmusbaasi', partitivePlural: ['teadmusbaase'] },
              'eskaleerimisvõimalus',
            ],
          },
        }),
      ),
    ).toMatchObject({ ok: true });
  });

  it('returns problems naming file, entry and field', () => {
    const result = validateEntry(acronym({ term: 'CSAT', source: 'ok' }), { file: 'cx.json', index: 3 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const problem = expectOne(result.problems, { file: 'cx.json', index: 3, term: 'CSAT', path: 'source' });
    expect(formatProblem(problem)).toMatch(/^cx\.json, entry 3 "CSAT", field source: .+\.$/u);
  });
});

describe('hostile entries are refused', () => {
  it('HTML in the term', () => {
    const problems = packProblems('cx', [acronym(), acronym({ term: '<img src=x onerror=alert(1)>' })]);
    const p = expectOne(problems, { file: 'cx.json', index: 1, path: 'term', message: /HTML/u });
    expect(formatProblem(p)).toContain('entry 1 "<img src=x onerror=alert(1)>"');
  });

  it('HTML in an explanation', () => {
    const bad = sense();
    bad.en.explanation = 'Click <a href="javascript:alert(1)">here</a>.';
    expectOne(packProblems('cx', [acronym({ senses: [bad] })]), { path: 'senses[0].en.explanation', message: /markup/u });
  });

  it('control characters', () => {
    const bad = sense();
    bad.et.plain = 'rahu\u0000lolu';
    const problems = packProblems('cx', [acronym({ senses: [bad], term: 'CS\nAT' })]);
    expectOne(problems, { index: 0, path: 'senses[0].et.plain', message: /control character/u });
    const termProblem = expectOne(problems, { index: 0, path: 'term', message: /control character/u });
    expect(formatProblem(termProblem)).toContain('"CS\\u000aAT"'); // made visible, not printed raw
  });

  it('invisible and bidirectional characters, odd spaces, non-NFC text', () => {
    expectOne(packProblems('cx', [acronym({ term: 'CS\u200bAT' })]), { path: 'term', message: /invisible/u });
    expectOne(packProblems('cx', [acronym({ term: '\u202eTASC' })]), { path: 'term', message: /invisible/u });
    const nbsp = sense();
    nbsp.en.plain = 'customer\u00a0satisfaction';
    expectOne(packProblems('cx', [acronym({ senses: [nbsp] })]), { path: 'senses[0].en.plain', message: /space/u });
    const decomposed = sense();
    decomposed.et.expansion = 'ka\u0308ibemaks'; // "ä" as a + combining diaeresis
    expectOne(packProblems('cx', [acronym({ senses: [decomposed] })]), { path: 'senses[0].et.expansion', message: /NFC/u });
  });

  it('look-alike letters from other scripts in a term', () => {
    expectOne(packProblems('cx', [acronym({ term: '\u0421SAT' })]), { path: 'term', message: /Latin/u }); // Cyrillic С
  });

  it('a 100,000-character explanation', () => {
    const bad = sense();
    bad.en.explanation = 'x'.repeat(100_000);
    const p = expectOne(packProblems('cx', [acronym({ senses: [bad] })]), { path: 'senses[0].en.explanation', message: /100000 characters long; the limit is 300/u });
    expect(formatProblem(p).length).toBeLessThan(200);
  });

  it('a 10 MB term, quickly and with a short message', () => {
    const started = performance.now();
    const problems = packProblems('cx', [acronym({ term: 'A'.repeat(10_000_000) })]);
    expect(performance.now() - started).toBeLessThan(2000);
    const p = expectOne(problems, { path: 'term', message: /limit is 60/u });
    expect(formatProblem(p).length).toBeLessThan(200);
  });

  it('a missing English translation', () => {
    const { en: _en, ...onlyEt } = sense();
    const problems = packProblems('cx', [acronym({ senses: [onlyEt] })]);
    const p = expectOne(problems, { file: 'cx.json', index: 0, term: 'CSAT', path: 'senses[0].en', message: 'is missing' });
    expect(formatProblem(p)).toBe('cx.json, entry 0 "CSAT", field senses[0].en: is missing.');
  });

  it('a missing or empty explanation, and no senses at all', () => {
    const bad = sense();
    bad.et.explanation = ' ';
    expectOne(packProblems('cx', [acronym({ senses: [bad] })]), { path: 'senses[0].et.explanation', message: /empty/u });
    expectOne(packProblems('cx', [acronym({ senses: [] })]), { path: 'senses', message: /at least one sense/u });
  });

  it('a missing source, or a source that is neither a URL nor a rationale', () => {
    const { source: _s, ...noSource } = acronym();
    expectOne(packProblems('support', [noSource]), { file: 'support.json', path: 'source', message: 'is missing' });
    expectOne(packProblems('support', [acronym({ source: 'javascript:alert(1)' })]), { path: 'source', message: /not http/u });
    expectOne(packProblems('support', [acronym({ source: 'EKI' })]), { path: 'source', message: /too short/u });
  });

  it('an acronym that is not acronym-shaped', () => {
    expectOne(packProblems('it', [acronym({ term: 'Churn' })]), { path: 'term', message: /capitalised word/u });
    expectOne(packProblems('it', [acronym({ term: 'csat' })]), { path: 'term', message: /lowercase abbreviations are only allowed/u });
    expectOne(packProblems('it', [acronym({ term: 'C SAT' })]), { path: 'term', message: /no spaces/u });
    expectOne(packProblems('it', [acronym({ variants: ['C$AT'] })]), { path: 'variants[0]', message: /look like an acronym/u });
    expectOne(packProblems('it', [acronym({ variants: ['customer score'] })]), { path: 'variants[0]', message: /without an acronym/u });
    // the same lowercase form is fine for a familiar abbreviation
    expect(packProblems('familiar', [acronym({ term: 'jne', familiarity: 'everyone' })])).toEqual([]);
  });

  it('unknown fields, wrong kinds and misplaced forms', () => {
    expectOne(packProblems('cx', [acronym({ expnasion: 'x' })]), { path: 'expnasion', message: /not a known field/u });
    expectOne(packProblems('cx', [acronym({ kind: 'slang' })]), { path: 'kind', message: /"acronym" or "jargon"/u });
    expectOne(packProblems('cx', [acronym({ forms: { en: ['csat'] } })]), { path: 'forms', message: /only for jargon/u });
    expectOne(packProblems('cx', [jargon({ forms: {} })]), { path: 'forms', message: /at least one/u });
    expectOne(packProblems('cx', [jargon({ forms: { et: [{ paradigm: 'verb-ma', stem: 'x' }] } })]), { path: 'forms.et[0]', message: /"verb-da"/u });
    expectOne(packProblems('cx', [jargon({ forms: { et: [{ paradigm: 'verb-da', stem: 'eskaleerima' }] } })]), { path: 'forms.et[0].stem', message: /without -ma/u });
    expectOne(packProblems('cx', [jargon({ forms: { en: [{ verb: 'a', noun: 'b' }] } })]), { path: 'forms.en[0]', message: /exactly one/u });
  });

  it('a pack that is not a pack at all', () => {
    expectOne(packProblems('Team Terms', []), { file: 'Team Terms.json', path: 'pack', message: /lowercase letters/u });
    for (const data of [null, 42, 'x', [], { pack: 'cx' }]) {
      const bad = validatePack(data, 'cx.json');
      expect(bad.ok).toBe(false);
      if (!bad.ok) for (const p of bad.problems) expect(p.file).toBe('cx.json');
    }
  });

  it('reports every problem in a pack, not just the first', () => {
    const problems = packProblems('cx', [acronym({ term: 'Churn' }), jargon({ source: '' }), acronym({ term: 'NPS', senses: [] })]);
    expect(new Set(problems.map((p) => p.index))).toEqual(new Set([0, 1, 2]));
  });

  it('reports shape problems together with the other problems of the entry', () => {
    const problems = packProblems('cx', [acronym({ term: 'Churn', senses: [], source: '' })]);
    expect(problems.map((p) => p.path).sort()).toEqual(['senses', 'source', 'term']);
  });

  it('never throws on arbitrary JSON, and every problem has a message', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = validateEntry(value);
        if (!result.ok) for (const p of result.problems) expect(p.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (term) => {
        const result = validateEntry(acronym({ term }));
        if (!result.ok) for (const p of result.problems) expect(formatProblem(p)).toMatch(/: .+\.$/u);
      }),
      { numRuns: 300 },
    );
  });
});

describe('cross-pack rules in the compiler', () => {
  it('a duplicate term across packs names both places', () => {
    const problems = compileProblems([pack('cx', [acronym()]), pack('support', [acronym({ source: 'Rationale: duplicate on purpose.' })])]);
    const p = expectOne(problems, { file: 'support.json', index: 0, path: 'term' });
    expect(p.message).toContain('cx.json entry 0 "CSAT"');
  });

  it('a duplicate term is reported once, not again as a duplicate surface form', () => {
    const problems = compileProblems([pack('cx', [acronym()]), pack('support', [acronym()])]);
    expect(problems).toHaveLength(1);
  });

  it('a duplicate surface form across entries names both places', () => {
    const problems = compileProblems([
      pack('cx', [acronym({ variants: ['C-SAT'] })]),
      pack('it', [acronym({ term: 'CES', variants: ['C-SAT'] })]),
    ]);
    const p = expectOne(problems, { file: 'it.json', index: 0, term: 'CES', path: 'variants[0]' });
    expect(p.message).toMatch(/"C-SAT" is also used by cx\.json entry 0 "CSAT" \(variants\[0\]\)/u);
  });

  it('a generated inflection that collides with another entry', () => {
    const problems = compileProblems([
      pack('support', [jargon(), jargon({ term: 'escalation', forms: { en: [{ exact: 'escalated' }] } })]),
    ]);
    expectOne(problems, { index: 1, path: 'forms.en[0]', message: /"escalated" is also used by support\.json entry 0 "escalate"/u });
  });

  it('acronyms that differ only in capitalisation', () => {
    const problems = compileProblems([pack('it', [acronym({ term: 'SaaS' }), acronym({ term: 'SAAS' })])]);
    expectOne(problems, { index: 1, path: 'term', message: /SaaS/u });
  });

  it('duplicate pack names', () => {
    expectOne(compileProblems([pack('cx', []), pack('cx', [])]), { file: 'cx.json', path: 'pack', message: /two packs/u });
  });

  it('validates packs passed in code', () => {
    expectOne(compileProblems([pack('cx', [acronym({ term: '<b>' })])]), { file: 'cx.json', path: 'term' });
  });

  it('capitals must not contain acronyms or familiar abbreviations', () => {
    const packs = [pack('familiar', [acronym({ term: 'OK', familiarity: 'everyone' }), acronym({ term: 'tel', familiarity: 'everyone' })])];
    const problems = compileProblems(packs, { words: ['KOHE', 'OK', 'TEL'], source: 'Rationale: test list of words.' });
    expectOne(problems, { file: 'capitals.json', path: 'words[1]', message: /familiar\.json entry 0 "OK"/u });
    expectOne(problems, { file: 'capitals.json', path: 'words[2]', message: /"tel"/u });
  });

  it('capitals are checked for shape and duplicates', () => {
    const result = validateCapitals({ words: ['KOHE', 'kohe', 'KOHE', 'TÄ HTIS', '<B>'], source: 'Rationale: test list of words.' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expectOne(result.problems, { path: 'words[1]', message: /CAPITALS/u });
    expectOne(result.problems, { path: 'words[3]', message: /one word/u });
    expectOne(result.problems, { path: 'words[4]', message: /one word/u });
    const dup = validateCapitals({ words: ['KOHE', 'KOHE'], source: 'Rationale: test list of words.' });
    expect(dup.ok ? [] : dup.problems).toEqual([{ file: 'capitals.json', path: 'words[1]', message: '"KOHE" is listed twice (also at words[0])' }]);
  });

  it('throws one Error listing all problems', () => {
    try {
      compileDictionary([pack('cx', [acronym({ term: 'Churn' }), acronym({ term: 'X' })])] as unknown as Pack[]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DictionaryError);
      expect((error as Error).message).toMatch(/could not be compiled \(2\):\ncx\.json, entry 0 "Churn", field term: .*\ncx\.json, entry 1 "X", field term: /u);
    }
  });

  it('compiles a valid custom pack into the documented maps', () => {
    const entries: Entry[] = [
      acronym({ variants: ['C-SAT', 'CSAT score', 'C.S.A.T.'] }) as unknown as Entry,
      jargon() as unknown as Entry,
      acronym({ term: 'jne', familiarity: 'everyone' }) as unknown as Entry,
    ];
    const d = compileDictionary([{ pack: 'team', title: { et: 'Meeskond', en: 'Team' }, entries }]);
    expect(d.acronyms).toEqual({ 'C-SAT': 0, CSAT: 0 });
    expect(d.dotted).toEqual({ 'c.s.a.t': 0 });
    expect(d.phrases).toEqual({ 'csat score': 0 });
    expect(d.words).toEqual({ escalate: 1, escalated: 1, escalates: 1, escalating: 1, jne: 2 });
    expect(d.capitals).toEqual([]);
    expect(d.entries[2]?.familiar).toBe(true);
  });
});
