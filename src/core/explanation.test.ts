// When is the first use of a term explained?
import { describe, expect, it } from 'vitest';
import { check } from './check.ts';
import { testDictionary as dictionary } from './testing/dictionary.ts';

function firstExplained(text: string): boolean {
  const f = check(text, { dictionary }).findings[0];
  if (!f) throw new Error(`no finding in: ${text}`);
  return f.explained;
}

describe('explained at first use', () => {
  it.each([
    'Our Net Promoter Score (NPS) rose.',
    'Our NPS (Net Promoter Score) rose.',
    'Meie soovitusindeksi (NPS) tulemus tõusis.',
    'NPS ehk soovitusindeks tõusis.',
    'NPS, st soovitusindeks, tõusis.',
    'NPS, s.t soovitusindeks, tõusis.',
    'NPS – soovitusindeks – tõusis.',
    'We use CRM, i.e. customer relationship management, daily.',
    'The NPS (meaning how likely customers are to recommend us) rose.',
    'Kliendisuhete juhtimise (CRM) süsteem uuendati.',
    'Kasutajakogemuse (UX) uuring on valmis.',
    'Teie CSM (kliendiedu juht) helistab.',
    'Our Quarterly Business Review (QBR) is on Monday.',
    'The customer effort\nscore (CES) matters.',
    'soovitusindeks ehk NPS tõusis.',
    'Customer relationship management, or CRM, helps.',
    'Meie CRM-i (kliendihalduse) uuendus.',
    'Eskaleerisime (suunasime edasi) pileti.',
    'Klientide lahkumine (churn) kasvas.',
    'Teie NPS-tulemus (soovitusindeksi tulemus) tõusis.',
    'The NPS (a score from 0 to 10 that shows loyalty) rose.',
    'The churn (a 5-percent loss of customers each month) grew.',
  ])('%s', (text) => {
    expect(firstExplained(text)).toBe(true);
  });
});

describe('not an explanation', () => {
  it.each([
    'Our NPS (2024) rose.',
    'Our NPS (12.03.2024) rose.',
    'Our NPS (#12345) rose.',
    'Our NPS (ABC-123) rose.',
    'Our NPS (vt lisa 2) rose.',
    'Our NPS (see above) rose.',
    'Our NPS [1] rose.',
    'NPS – 45 points.',
    'NPS or CSAT, you choose.',
    'Our team (NPS) rose.',
    'Our NPS (new) rose.',
  ])('%s', (text) => {
    expect(firstExplained(text)).toBe(false);
  });
});

describe('jargon inside a definition', () => {
  it('is part of the answer, not a new question', () => {
    const r = check('Your customer journey map (CJM) is ready.', { dictionary });
    expect(r.findings.map((f) => [f.text, f.explained])).toEqual([['customer journey', true], ['CJM', true]]);
    expect(r.questions).toBe(0);
  });

  it('still counts when the acronym after it is not defined by it', () => {
    const r = check('The customer journey. CJM is ready.', { dictionary });
    expect(r.questions).toBe(2);
  });
});

describe('first use decides', () => {
  it('an explanation only after the first use leaves the first use unexplained', () => {
    const r = check('NPS rose. Later: NPS (Net Promoter Score).', { dictionary });
    expect(r.findings.map((f) => f.explained)).toEqual([false, true]);
    expect(r.questions).toBe(1);
  });

  it('after a proper first use, later uses are fine', () => {
    const r = check('Net Promoter Score (NPS) rose. NPS is 40. NPSi muutus.', { dictionary });
    expect(r.findings.map((f) => f.explained)).toEqual([true, true, true]);
    expect(r.questions).toBe(0);
  });

  it('counts distinct unexplained terms, not uses', () => {
    const r = check('CRM, CRM-iga, CRMis ja NPS.', { dictionary });
    expect(r.findings).toHaveLength(4);
    expect(r.questions).toBe(2);
  });
});

describe('the mida-see-tähendab? verdict', () => {
  it('tolerates one question and fails at two by default', () => {
    expect(check('Meie NPS tõusis.', { dictionary }).verdict).toBe('pass');
    expect(check('Meie NPS ja CSAT tõusid.', { dictionary }).verdict).toBe('fail');
  });

  it('follows the threshold option', () => {
    const r = check('NPS, CSAT ja CX.', { dictionary, threshold: 3 });
    expect(r).toMatchObject({ questions: 3, threshold: 3, verdict: 'pass' });
    expect(check('NPS.', { dictionary, threshold: 0 }).verdict).toBe('fail');
  });
});

describe('meanings follow the language', () => {
  it('gives Estonian meanings for Estonian text and English for English, all senses', () => {
    const et = check('Meie CS meeskond aitab teid kohe.', { dictionary }).findings[0]!;
    expect(et.meanings.map((m) => m.expansion)).toEqual(['klienditeenindus', 'kliendiedu']);
    const en = check('Our CS team will help you.', { dictionary }).findings[0]!;
    expect(en.meanings.map((m) => m.expansion)).toEqual(['customer service', 'customer success']);
    expect(check('Our XYZ team', { dictionary }).findings[0]!.meanings).toEqual([]);
  });
});
