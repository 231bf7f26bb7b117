import { describe, expect, it } from 'vitest';
import { isCaseEnding } from './endings.ts';
import { isRomanNumeral, looksLikeWord, splitAcronym } from './shape.ts';
import { sameStem } from './stem.ts';
import { lettersSpell } from './letters.ts';

describe('splitAcronym', () => {
  it.each([
    ['CRMiga', 'CRM', 3], ['KPIs', 'KPI', 1], ['SaaSi', 'SaaS', 1], ['VDdest', 'VD', 4], ['B2B', 'B2B', 0], ['T2', 'T2', 0],
  ])('%s → %s + %d', (token, head, tail) => {
    expect(splitAcronym(token)).toMatchObject({ head, tailLength: tail });
  });

  it.each(['Tere', 'II', 'XIV', 'HubSpot', 'FedEx', 'A', 'A12345', 'CRMsüsteem'])('%s is not an acronym', (token) => {
    expect(splitAcronym(token)).toBeNull();
  });
});

describe('pieces', () => {
  it('knows Estonian endings and nothing else', () => {
    for (const e of ['i', 'iga', 'is', 'ist', 'd', 'de', 'dest', 'idel', 'e', 'sse', 'ks', 'ni', 'dki', 'igi']) expect(isCaseEnding(e)).toBe(true);
    for (const e of ['ja', 'süsteem', 'kood', 'x', '']) expect(isCaseEnding(e)).toBe(false);
  });

  it('roman numerals', () => {
    for (const r of ['II', 'IV', 'XI', 'XIV', 'XL']) expect(isRomanNumeral(r)).toBe(true);
    for (const r of ['IIII', 'VX', 'CD', 'XXXX']) expect(isRomanNumeral(r)).toBe(false);
  });

  it('words in capitals versus spelled acronyms', () => {
    for (const w of ['kohe', 'palun', 'urgent', 'tähtis', 'please', 'tere']) expect(looksLikeWord(w)).toBe(true);
    for (const w of ['csat', 'crm', 'kmkr', 'gdpr', 'nps', 'emta']) expect(looksLikeWord(w)).toBe(false);
  });

  it('stems tolerate case endings but not other words', () => {
    expect(sameStem('juhtimise', 'juhtimine')).toBe(true);
    expect(sameStem('lepingu', 'leping')).toBe(true);
    expect(sameStem('kasutajakogemuse', 'kasutajakogemus')).toBe(true);
    expect(sameStem('score', 'scores')).toBe(true);
    expect(sameStem('team', 'net')).toBe(false);
    expect(sameStem('kliendi', 'kasutaja')).toBe(false);
  });

  it('Schwartz–Hearst letter matching', () => {
    expect(lettersSpell('QBR', 'our Quarterly Business Review')).toBe(true);
    expect(lettersSpell('CES', 'the customer effort score')).toBe(true);
    expect(lettersSpell('NPS', 'our team')).toBe(false);
    expect(lettersSpell('UX', 'Kasutajakogemuse')).toBe(false);
  });
});
