// User and team dictionaries at run time: JSON and CSV import, the user defaults, hostile input,
// "never half-saved", and the CSV ↔ JSON round trip.

import { describe, expect, it } from 'vitest';
import type { Entry, Pack } from './schema.ts';
import {
  DEFAULT_SOURCE,
  formatUserProblem,
  packNameFromFile,
  packToCsv,
  parseUserDictionary,
  USER_LIMITS,
  validateUserEntry,
  type UserDictionaryFormat,
  type UserProblem,
} from './user.ts';

const HEADER = 'term,kind,familiarity,expansion_en,expansion_et,explanation_en,explanation_et,plain_en,plain_et,source';

/** The pack, or a failed expectation showing the problems. */
function ok(text: string, format: UserDictionaryFormat, file = `team.${format}`): Pack {
  const result = parseUserDictionary(text, format, file);
  if (!result.ok) expect.fail(`expected a valid dictionary, got:\n${result.problems.map(formatUserProblem).join('\n')}`);
  return result.pack;
}

/** The problems (and that no pack came with them). */
function problems(text: string, format: UserDictionaryFormat, file = `team.${format}`): UserProblem[] {
  const result = parseUserDictionary(text, format, file);
  expect(result.ok, 'expected problems').toBe(false);
  expect(result).not.toHaveProperty('pack');
  return result.ok ? [] : result.problems;
}

function lines(text: string, format: UserDictionaryFormat, file = `team.${format}`): string[] {
  return problems(text, format, file).map(formatUserProblem);
}

const TKP_SENSE = {
  et: { expansion: 'tagasihelistamise palve', explanation: 'Klient palus, et me talle tagasi helistaksime.', plain: 'palusite tagasihelistamist' },
  en: { expansion: 'callback request', explanation: 'The customer asked us to call them back.', plain: 'you asked us to call you back' },
};
const TKP: Entry = { term: 'TKP', kind: 'acronym', familiarity: 'field', senses: [TKP_SENSE], source: 'Our support team, 2024' };

describe('parseUserDictionary: JSON', () => {
  it('accepts a full pack as it is', () => {
    const pack: Pack = { pack: 'team', title: { et: 'Meie tiim', en: 'Our team' }, entries: [TKP] };
    expect(ok(JSON.stringify(pack, null, 2), 'json')).toEqual(pack);
  });

  it('accepts a bare list of entries, naming the pack after the file and filling in the defaults', () => {
    const text = JSON.stringify([
      { term: 'TKP', senses: [{ en: { expansion: 'callback request', explanation: 'The customer asked us to call them back.' } }] },
      { term: 'pilet', senses: [{ et: { expansion: 'pöördumine', explanation: 'Küsimus või mure meie süsteemis.', plain: 'teie küsimus' } }] },
    ]);
    const pack = ok(text, 'json', 'C:\\Users\\mari\\Minu sõnastik.json');
    expect(pack.pack).toBe('minu-sonastik');
    expect(pack.title).toEqual({ et: 'minu-sonastik', en: 'minu-sonastik' });
    const callback = { expansion: 'callback request', explanation: 'The customer asked us to call them back.', plain: 'callback request' };
    expect(pack.entries).toEqual([
      // kind from the shape of the term, familiarity "field", the default source, plain = expansion, et copied from en
      { term: 'TKP', kind: 'acronym', familiarity: 'field', source: DEFAULT_SOURCE, senses: [{ en: callback, et: callback }] },
      // jargon matches its term exactly
      {
        term: 'pilet',
        kind: 'jargon',
        familiarity: 'field',
        source: DEFAULT_SOURCE,
        forms: { en: [{ exact: 'pilet' }] },
        senses: [{ et: { expansion: 'pöördumine', explanation: 'Küsimus või mure meie süsteemis.', plain: 'teie küsimus' }, en: { expansion: 'pöördumine', explanation: 'Küsimus või mure meie süsteemis.', plain: 'teie küsimus' } }],
      },
    ]);
  });

  it('treats null and "" like a field left out where a default applies', () => {
    const pack = ok(JSON.stringify([{ ...TKP, kind: null, familiarity: '', source: '', uncertain: null }]), 'json');
    expect(pack.entries[0]).toMatchObject({ kind: 'acronym', familiarity: 'field', source: DEFAULT_SOURCE });
    expect(pack.entries[0]).not.toHaveProperty('uncertain');
  });

  it('names a pack without "pack" after the file, and refuses a bad pack name on its line', () => {
    expect(ok(JSON.stringify({ entries: [TKP] }), 'json', 'support-team.json').pack).toBe('support-team');
    expect(lines(`{\n  "entries": [],\n  "pack": "Our Team"\n}`, 'json')).toEqual([expect.stringMatching(/^team\.json:3: pack: must be lowercase letters/)]);
  });

  it('gives the line where each bad entry starts', () => {
    const text = `[\n  ${JSON.stringify(TKP)},\n  {\n    "term": "SLA",\n    "senses": []\n  },\n\n  { "term": "KPI", "senses": [{ "en": { "expansion": "key performance indicator" } }] }\n]`;
    expect(lines(text, 'json')).toEqual([
      'team.json:3: entry "SLA": senses: must have at least one sense.',
      'team.json:8: entry "KPI": senses[0].en.explanation: is missing (write it, or leave all English texts of this sense empty to use the Estonian ones).',
    ]);
  });

  it('names an entry without a readable term by its index', () => {
    expect(problems('[{"senses": []}]', 'json')).toContainEqual({ file: 'team.json', line: 1, entry: 0, field: 'term', message: 'is missing' });
  });

  it('reports a JSON syntax error with its line and column', () => {
    expect(lines('{\n  "pack": "team",\n  "entries": [\n    {,\n  ]\n}', 'json')).toEqual([expect.stringMatching(/^team\.json:4: is not valid JSON \(.* at line 4, column 6\)\.$/)]);
    expect(lines('[\n', 'json')).toEqual([expect.stringMatching(/^team\.json:2: is not valid JSON/)]);
  });

  it('refuses a single entry that is not in a list, and anything that is not a pack or a list', () => {
    expect(lines(JSON.stringify(TKP), 'json')).toEqual([expect.stringMatching(/^team\.json:1: is a single entry; put it in a list/)]);
    expect(lines('"TKP"', 'json')).toEqual([expect.stringMatching(/^team\.json:1: must be a pack/)]);
  });
});

describe('parseUserDictionary: CSV', () => {
  it('reads one row per sense; rows with the same term are one entry, and later rows may leave entry cells empty', () => {
    const csv = [
      `${HEADER},variants,uncertain`,
      'CS,acronym,field,customer service,klienditeenindus,The team that answers your questions.,"Meeskond, kes vastab teie küsimustele.",,,https://example.com/cs,C.S.|C-S,Two common meanings.',
      'TKP,,,callback request,tagasihelistamise palve,The customer asked us to call them back.,"Klient palus, et me talle tagasi helistaksime.",you asked us to call you back,palusite tagasihelistamist,Our support team; 2024,,',
      'CS,,,customer success,kliendiedu,Helping you get the most out of the product.,Teie toetamine toote parimal kasutamisel.,,,,,',
    ].join('\n');
    const pack = ok(csv, 'csv');
    expect(pack.pack).toBe('team');
    expect(pack.entries.map((e) => [e.term, e.senses.length, e.variants, e.source])).toEqual([
      ['CS', 2, ['C.S.', 'C-S'], 'https://example.com/cs'],
      ['TKP', 1, undefined, 'Our support team; 2024'],
    ]);
    expect(pack.entries[0]!.senses[1]!.en).toEqual({ expansion: 'customer success', explanation: 'Helping you get the most out of the product.', plain: 'customer success' });
    expect(pack.entries[0]!.uncertain).toBe('Two common meanings.');
  });

  it('handles a BOM, CRLF, semicolons (Estonian Excel), header names in any case and quoted cells', () => {
    const csv = `\uFEFF${HEADER.toUpperCase().replaceAll(',', ';')};Forms_ET;forms-en\r\npilet;jargon;field;ticket;pilet;"A request; in our system.";Pöördumine meie süsteemis.;;;Our helpdesk tool;piletid | piletit;tickets\r\n`;
    const pack = ok(csv, 'csv', 'tiim.csv');
    expect(pack.entries).toEqual([
      {
        term: 'pilet',
        kind: 'jargon',
        familiarity: 'field',
        senses: [
          {
            et: { expansion: 'pilet', explanation: 'Pöördumine meie süsteemis.', plain: 'pilet' },
            en: { expansion: 'ticket', explanation: 'A request; in our system.', plain: 'ticket' },
          },
        ],
        source: 'Our helpdesk tool',
        forms: { et: ['piletid', 'piletit'], en: [{ exact: 'tickets' }] },
      },
    ]);
  });

  it('counts lines with CRLF and quoted newlines so each problem points at its row', () => {
    const csv = [
      HEADER,
      'AB,,,"first\r\nline",x,Explained.,Seletatud.,,,',
      'CD,,,cd,cd,<b>bold</b>,Seletatud.,,,',
    ].join('\r\n');
    expect(lines(csv, 'csv')).toEqual([
      'team.csv:2: entry "AB": expansion_en: contains a control character (such as a newline or tab); use one line of plain text.',
      'team.csv:4: entry "CD": explanation_en: contains \'<\' or \'>\'; HTML or other markup is not allowed in dictionary text.',
    ]);
  });

  it('needs the header: says which columns are missing or unknown, with a guess for typos', () => {
    const [missing, unknown] = lines('Term,kind,familiarity,expansion_en,expanson_et,explanation_en,explanation_et,plain_en,plain_et,colour\nTKP,,,,,,,,,\n', 'csv');
    expect(missing).toBe(
      'team.csv:1: the header row lacks the columns "expansion_et", "source"; the header must have term,kind,familiarity,expansion_en,expansion_et,explanation_en,explanation_et,plain_en,plain_et,source.',
    );
    expect(unknown).toMatch(/^team\.csv:1: the header row has unknown columns "expanson_et", "colour" \(did you mean "expansion_et" for "expanson_et"\?\); the columns are /);
    expect(lines(`${HEADER},term\n`, 'csv')).toEqual([expect.stringMatching(/^team\.csv:1: the header row has the column "term" more than once/)]);
    expect(lines('', 'csv')).toEqual([expect.stringMatching(/^team\.csv:1: is empty; the first row must be the header/)]);
    expect(lines(`${HEADER}\n`, 'csv')).toEqual(['team.csv:2: has a header but no rows.']);
  });

  it('refuses rows with the wrong number of cells and unclosed quotes', () => {
    expect(lines(`${HEADER}\nTKP,acronym,field,callback, request,x,Explained.,Seletatud.,,,\nAB,,,"open,x\n`, 'csv')).toEqual([
      expect.stringMatching(/^team\.csv:2: has 11 cells but the header has 10/),
      expect.stringMatching(/^team\.csv:3: has a quoted cell that is never closed/),
    ]);
  });

  it('refuses rows of one term that disagree, and repeated rows', () => {
    const csv = [
      HEADER,
      'TKP,acronym,field,callback request,x,Explained.,Seletatud.,,,',
      'TKP,jargon,,other meaning,y,Explained again.,Seletatud uuesti.,,,',
      'TKP,,,callback request,x,Explained.,Seletatud.,,,',
    ].join('\n');
    expect(lines(csv, 'csv')).toEqual([
      'team.csv:3: entry "TKP": kind: is "jargon" but line 2 says "acronym"; the rows of one term must agree (or leave the cell empty in later rows).',
      'team.csv:4: entry "TKP": repeats the row on line 2 (same term, same texts); delete one of them.',
    ]);
  });

  it('maps the fields of later senses to their own row', () => {
    const csv = [HEADER, 'CS,,,customer service,klienditeenindus,Explained.,Seletatud.,,,', 'CS,,,customer success,kliendiedu,,Seletatud.,,,'].join('\n');
    expect(lines(csv, 'csv')).toEqual([
      'team.csv:3: entry "CS": explanation_en: is missing (write it, or leave all English texts of this sense empty to use the Estonian ones).',
    ]);
  });

  it('refuses a row without a term or without any text', () => {
    const csv = [HEADER, ',acronym,field,x,y,Explained.,Seletatud.,,,', 'AB,,,,,,,,,https://example.com'].join('\n');
    expect(lines(csv, 'csv')).toEqual([
      'team.csv:2: term: is missing (every row needs the term it explains).',
      'team.csv:3: entry "AB": has no text in either language; give at least the expansion and explanation in English or Estonian.',
    ]);
  });
});

describe('parseUserDictionary: hostile input', () => {
  it('refuses a file over the size limit before parsing it', () => {
    const huge = `${HEADER}\n"${'x'.repeat(10 * 1024 * 1024)}`; // an unclosed quote papaparse would chew on for a while
    const started = performance.now();
    expect(problems(huge, 'csv')).toEqual([
      { file: 'team.csv', line: 1, field: '', message: `is ${(10 * 1024 * 1024 + HEADER.length + 2).toLocaleString('en-US')} bytes; a user or team dictionary may be at most 2,000,000 bytes (2000 entries)` },
    ]);
    expect(problems(`[${'"ä",'.repeat(700_000)}"x"]`, 'json')[0]!.message).toMatch(/^is 3,500,005 bytes/); // counted in UTF-8, not characters
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses HTML and script in any text, in JSON and CSV', () => {
    const entry = { ...TKP, senses: [{ ...TKP_SENSE, en: { ...TKP_SENSE.en, plain: '<img src=x onerror=alert(1)>' } }] };
    expect(lines(JSON.stringify([entry]), 'json')).toEqual([
      'team.json:1: entry "TKP": senses[0].en.plain: contains \'<\' or \'>\'; HTML or other markup is not allowed in dictionary text.',
    ]);
    expect(lines(`${HEADER}\nTKP,,,callback,x,<script>alert(1)</script>,Seletatud.,,,\n`, 'csv')).toEqual([
      expect.stringMatching(/^team\.csv:2: entry "TKP": explanation_en: contains '<' or '>'/),
    ]);
  });

  it('refuses control and invisible characters, naming them in the term without printing them', () => {
    expect(lines(JSON.stringify([{ ...TKP, source: 'Our team\u0007 notes' }]), 'json')).toEqual([expect.stringMatching(/^team\.json:1: entry "TKP": source: contains a control character/)]);
    const [line] = lines(`${HEADER}\nT\u202eKP,,,callback,x,Explained.,Seletatud.,,,\n`, 'csv');
    expect(line).toMatch(/^team\.csv:2: entry "T\\u202eKP": term: contains an invisible formatting character/);
    expect(lines(`${HEADER}\nTKP,,,callback,x,Explained.\uFEFF,Seletatud.,,,\n`, 'csv')).toEqual([expect.stringMatching(/^team\.csv:2: entry "TKP": explanation_en: contains an invisible/)]);
  });

  it('refuses cells that start like a spreadsheet formula (CSV injection), in CSV and JSON', () => {
    const csv = [
      HEADER,
      `TKP,,,callback,x,Explained.,Seletatud.,,,"=cmd|' /C calc'!A0"`,
      'SLA,,,+SUM(A1:A9),x,Explained.,Seletatud.,,,',
      'KPI,,,kpi,x,@foo,Seletatud.,,,',
      'NPS,,,nps,x,Explained.,-2+3,,,',
    ].join('\n');
    expect(problems(csv, 'csv').map((p) => [p.line, p.entry, p.field, p.message.slice(0, 16)])).toEqual([
      [2, 'TKP', 'source', 'starts with "=",'],
      [3, 'SLA', 'expansion_en', 'starts with "+",'],
      [4, 'KPI', 'explanation_en', 'starts with "@",'],
      [5, 'NPS', 'explanation_et', 'starts with "-",'],
    ]);
    expect(lines(JSON.stringify([{ ...TKP, source: '=HYPERLINK("https://evil.example")' }]), 'json')).toEqual([
      'team.json:1: entry "TKP": source: starts with "=", which spreadsheet programs run as a formula (CSV injection); reword it so it starts with a letter or digit.',
    ]);
  });

  it('refuses duplicate terms within the file, naming both lines', () => {
    expect(lines(`[\n${JSON.stringify(TKP)},\n${JSON.stringify({ ...TKP, term: 'tkp', familiarity: 'everyone' })}\n]`, 'json')).toEqual([
      'team.json:3: entry "tkp": term: term "tkp" is also used by the entry on line 2 ("TKP", term); each term and surface form may belong to only one entry.',
    ]);
    const csv = [
      `${HEADER},variants`,
      'CSAT,,,csat,x,Explained.,Seletatud.,,,,C-SAT',
      'C-SAT,,,other,y,Explained.,Seletatud.,,,,',
      'NPS,,,third,z,Explained.,Seletatud.,,,,NPS score|CSat',
    ].join('\n');
    expect(lines(csv, 'csv')).toEqual([
      'team.csv:3: entry "C-SAT": term: surface form "C-SAT" is also used by the entry on line 2 ("CSAT", variants); each term and surface form may belong to only one entry.',
      'team.csv:4: entry "NPS": variants: acronym "CSat" differs only in capitalisation from "CSAT" in the entry on line 2 ("CSAT", term); text in capitals would match both.',
    ]);
  });

  it('refuses a key written twice in one JSON object, which JSON.parse would silently resolve', () => {
    expect(lines('[{\n "term": "TKP",\n "term": "SLA",\n "senses": [] }]', 'json')).toContainEqual(
      'team.json:3: entry "SLA": term: is written twice in one object (also on line 2); JSON would keep only the last, so remove one.',
    );
  });

  it('refuses unknown fields, including __proto__, and survives deep nesting', () => {
    expect(lines(`[{"__proto__": {"x": 1}, ${JSON.stringify(TKP).slice(1)}]`, 'json')).toEqual([
      'team.json:1: entry "TKP": __proto__: is not a known field (check the spelling).',
    ]);
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(lines(deep, 'json')).toEqual(['team.json:1: entry 0: must be an entry: an object such as { "term": …, "senses": [ … ] }.']);
  });

  it(`refuses more than ${USER_LIMITS.entries} entries`, () => {
    const many = Array.from({ length: USER_LIMITS.entries + 1 }, (_, i) => ({ term: `T${i}` }));
    expect(lines(JSON.stringify(many), 'json')).toEqual([`team.json:1: entries: has ${USER_LIMITS.entries + 1} entries; the limit is ${USER_LIMITS.entries}.`]);
  });

  it('lists at most a hundred problems and counts the rest', () => {
    const found = problems(JSON.stringify(Array.from({ length: 150 }, () => ({ term: 'Churn!' }))), 'json');
    expect(found).toHaveLength(USER_LIMITS.problems + 1);
    expect(found.at(-1)).toEqual({ file: 'team.json', field: '', message: expect.stringMatching(/^has \d+ more problems; fix these first$/) });
  });
});

describe('never half-saved', () => {
  it('gives no pack at all when one entry of many is bad, only its problems', () => {
    const good = Array.from({ length: 20 }, (_, i) => ({ ...TKP, term: `TK${String.fromCharCode(65 + i)}` }));
    const result = parseUserDictionary(JSON.stringify([...good, { ...TKP, term: 'BAD', source: 'ftp://example.com/x' }]), 'json', 'team.json');
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ entry: 'BAD', field: 'source' })] });

    const rows = good.map((e) => `${e.term},,,callback,x,Explained.,Seletatud.,,,`);
    const csv = parseUserDictionary([HEADER, ...rows, 'BAD,,,callback,x,Explained.,<i>x</i>,,,'].join('\n'), 'csv', 'team.csv');
    expect(csv).toEqual({ ok: false, problems: [expect.objectContaining({ line: 22, entry: 'BAD', field: 'explanation_et' })] });
  });
});

describe('CSV ↔ JSON', () => {
  const csv = [
    `${HEADER},variants,uncertain,forms_en,forms_et`,
    'CS,acronym,field,customer service,klienditeenindus,The team that answers your questions.,"Meeskond, kes vastab teie küsimustele.",support team,klienditugi,https://example.com/cs,C-S,"Two meanings, both common.",,',
    'CS,acronym,field,customer success,kliendiedu,Helping you get the most out of the product.,Teie toetamine toote parimal kasutamisel.,customer success,kliendiedu,https://example.com/cs,C-S,"Two meanings, both common.",,',
    'pilet,jargon,field,ticket,pilet,A request in our system.,Pöördumine meie süsteemis.,your request,teie pöördumine,Our helpdesk tool,,,tickets,piletid|piletit',
  ].join('\r\n');
  const json = {
    pack: 'example',
    title: { et: 'example', en: 'example' },
    entries: [
      {
        term: 'CS',
        kind: 'acronym',
        familiarity: 'field',
        variants: ['C-S'],
        senses: [
          {
            et: { expansion: 'klienditeenindus', explanation: 'Meeskond, kes vastab teie küsimustele.', plain: 'klienditugi' },
            en: { expansion: 'customer service', explanation: 'The team that answers your questions.', plain: 'support team' },
          },
          {
            et: { expansion: 'kliendiedu', explanation: 'Teie toetamine toote parimal kasutamisel.', plain: 'kliendiedu' },
            en: { expansion: 'customer success', explanation: 'Helping you get the most out of the product.', plain: 'customer success' },
          },
        ],
        source: 'https://example.com/cs',
        uncertain: 'Two meanings, both common.',
      },
      {
        term: 'pilet',
        kind: 'jargon',
        familiarity: 'field',
        senses: [
          {
            et: { expansion: 'pilet', explanation: 'Pöördumine meie süsteemis.', plain: 'teie pöördumine' },
            en: { expansion: 'ticket', explanation: 'A request in our system.', plain: 'your request' },
          },
        ],
        source: 'Our helpdesk tool',
        forms: { en: [{ exact: 'tickets' }], et: ['piletid', 'piletit'] },
      },
    ],
  };

  it('reads the same pack from the CSV and from the equivalent JSON', () => {
    expect(ok(csv, 'csv', 'example.csv')).toEqual(ok(JSON.stringify(json), 'json', 'example.json'));
    expect(ok(csv, 'csv', 'example.csv')).toEqual(json);
  });

  it('writes a pack back to CSV that reads as the same pack', () => {
    const pack = ok(JSON.stringify(json), 'json', 'example.json');
    const written = packToCsv(pack);
    expect(written.split('\r\n')[0]).toBe(`${HEADER},variants,uncertain,forms_en,forms_et`);
    expect(ok(written, 'csv', 'example.csv')).toEqual(pack);
  });

  it('refuses to write entries CSV cannot hold', () => {
    const pack: Pack = { ...json, entries: [{ ...(json.entries[1] as Entry), forms: { en: [{ verb: 'escalate' }] } }] } as Pack;
    expect(() => packToCsv(pack)).toThrow(/has inflected forms .* keep this entry in a JSON pack/);
  });
});

describe('validateUserEntry (the popup form)', () => {
  it('accepts a light entry and returns it with its defaults', () => {
    expect(validateUserEntry({ term: 'TKP', senses: [{ et: { expansion: 'tagasihelistamise palve', explanation: 'Klient palus tagasi helistada.' } }] })).toEqual({
      ok: true,
      entry: {
        term: 'TKP',
        kind: 'acronym',
        familiarity: 'field',
        source: DEFAULT_SOURCE,
        senses: [
          {
            et: { expansion: 'tagasihelistamise palve', explanation: 'Klient palus tagasi helistada.', plain: 'tagasihelistamise palve' },
            en: { expansion: 'tagasihelistamise palve', explanation: 'Klient palus tagasi helistada.', plain: 'tagasihelistamise palve' },
          },
        ],
      },
    });
  });

  it('names every bad field, and returns nothing else', () => {
    const result = validateUserEntry({ term: 'Tkp', kind: 'acronym', senses: [{ en: { expansion: '<b>x</b>', explanation: '=1+1' } }], colour: 'red' });
    expect(result).toEqual({
      ok: false,
      problems: [
        { entry: 'Tkp', file: '', field: 'senses[0].en.expansion', message: expect.stringMatching(/contains '<' or '>'/) },
        { entry: 'Tkp', file: '', field: 'colour', message: 'is not a known field (check the spelling)' },
        { entry: 'Tkp', file: '', field: 'term', message: expect.stringMatching(/looks like an ordinary capitalised word/) },
        { entry: 'Tkp', file: '', field: 'senses[0].en.explanation', message: expect.stringMatching(/^starts with "="/) },
      ],
    });
    expect(formatUserProblem((result as { problems: UserProblem[] }).problems[1]!)).toBe('entry "Tkp": colour: is not a known field (check the spelling).');
  });

  it('says when the kind it refuses a term for was only guessed', () => {
    const result = validateUserEntry({ term: 'CSAT', variants: ['customer satisfaction'], senses: [TKP_SENSE] });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]!.message).toMatch(/kind was taken as "acronym" from the term's shape/);
  });

  it('refuses what is not an entry', () => {
    for (const data of [null, 'TKP', [], 42]) expect(validateUserEntry(data).ok).toBe(false);
  });
});

describe('packNameFromFile', () => {
  it.each([
    ['team.json', 'team'],
    ['dir/Minu Sõnastik (1).csv', 'minu-sonastik-1'],
    ['2024.csv', 'user-2024'],
    ['.csv', 'user'],
    ['!!!.json', 'user'],
    [`${'a'.repeat(40)}.json`, 'a'.repeat(32)],
  ])('%s → %s', (file, name) => {
    expect(packNameFromFile(file)).toBe(name);
  });
});
