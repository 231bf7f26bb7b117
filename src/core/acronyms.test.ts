// What counts as an acronym, and what its surface form and base term are.
import { describe, expect, it } from 'vitest';
import { check } from './check.ts';
import { testDictionary as dictionary } from './testing/dictionary.ts';

function found(text: string, includeFamiliar = true): string[] {
  return check(text, { dictionary, includeFamiliar }).findings.map((f) => `${f.text}=${f.term}`);
}

describe('acronym shapes', () => {
  it.each([
    ['Our CX is good.', ['CX=CX']],
    ['NPS and CSAT scores', ['NPS=NPS', 'CSAT=CSAT']],
    ['ÕÄ ja ŠŽ', ['ÕÄ=ÕÄ', 'ŠŽ=ŠŽ']],
    ['B2B sales, T2 team, 2FA code', ['B2B=B2B', 'T2=T2', '2FA=2FA']],
    ['our R&D and P&L', ['R&D=R&D', 'P&L=P&L']],
    ['SaaS and PhD and mRNA', ['SaaS=SaaS', 'PhD=PhD', 'mRNA=mRNA']],
    ['all KPIs and the KPI\'s owner', ['KPIs=KPI', "KPI's=KPI"]],
    ['C-SAT went up', ['C-SAT=CSAT']],
    ['the N.P.S. figure', ['N.P.S.=NPS']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('Estonian case endings', () => {
  it.each([
    ['CRM-iga', 'CRM-iga=CRM'],
    ['CRMiga', 'CRMiga=CRM'],
    ['CRMis', 'CRMis=CRM'],
    ['NPSi', 'NPSi=NPS'],
    ['KPI-d', 'KPI-d=KPI'],
    ['VDdest', 'VDdest=VD'],
    ['KOVidel', 'KOVidel=KOV'],
    ["SMS'e", "SMS'e=SMS"],
    ['SMS’e', 'SMS’e=SMS'],
    ['CEM- iga', 'CEM- iga=CEM'],
    ['CRM-ile', 'CRM-ile=CRM'],
    ['KPI-dega', 'KPI-dega=KPI'],
    ['CRM-igi', 'CRM-igi=CRM'],
    ['SaaS-i', 'SaaS-i=SaaS'],
    ['3Gst', '3Gst=3G'],
  ])('%s', (word, expected) => {
    expect(found(`Meie ${word} toimib.`)).toEqual([expected]);
  });

  it('yields the acronym of a compound, not the compound', () => {
    expect(found('ERP-süsteemiga ja PIN-kood ning MRT-uuringul')).toEqual(['ERP=ERP', 'PIN=PIN', 'MRT=MRT']);
  });

  it('does not take an ordinary word after "hyphen + space" for an ending', () => {
    expect(found('CRM- ja ERP-süsteemid')).toEqual(['CRM=CRM', 'ERP=ERP']);
  });
});

describe('not acronyms', () => {
  it.each([
    ['roman numerals', 'Peatükk II, IV ja XI; Henry VIII, chapter XL'],
    ['words in capitals, alone', 'TÄHTIS: palun vastake. URGENT. KOHE! PLEASE.'],
    ['a shouted sentence', 'PALUN VASTAKE KOHE SELLELE KIRJALE'],
    ['a shouted English sentence', 'PLEASE DO NOT REPLY TO THIS MESSAGE'],
    ['identifiers and order codes', 'Order ABC-12345, ref INV2024-0001, SKU_ID, code AB123456'],
    ['URLs', 'see https://example.com/CRM/NPS?x=KPI and www.CX.ee/UX'],
    ['e-mail addresses', 'write to CRM.team@FIRMA.ee or NPS@example.com'],
    ['quoted lines', 'Tere!\n> Teie CRM ja NPS\n  > KPI\nAitäh'],
    ['placeholders and tags', 'Hi {{NAME}}, your ${ORDER} and #SALE and @CX'],
    ['CamelCase names', 'HubSpot, OpenAI, LinkedIn, YouTube, FedEx, McDonald'],
    ['an IBAN printed in groups', 'Maksa arvele EE38 2200 2210 2014 5685, aitäh.'],
    ['a surname in capitals on a signature line', 'Lugupidamisega\nKätlin TAMM\nKlienditugi'],
    ['single capitals and normal words', 'A customer and I. Tere Mari!'],
  ])('%s', (_label, text) => {
    expect(found(text)).toEqual([]);
  });

  it('keeps an acronym the dictionary knows even in a shouted sentence', () => {
    expect(found('PLEASE CHECK THE CRM NOW')).toEqual(['CRM=CRM']);
  });

  it('keeps a short unknown acronym next to one shouted word', () => {
    expect(found('URGENT: XYZ is down')).toEqual(['XYZ=XYZ']);
  });
});

describe('familiar terms', () => {
  it('reports them only when asked, and never counts them as questions', () => {
    const text = 'Saatsime SMS-i USA-sse kell 9 a.m., PIN-kood ja U.S. office.';
    expect(check(text, { dictionary }).findings).toEqual([]);
    const all = check(text, { dictionary, includeFamiliar: true });
    expect(all.findings.map((f) => [f.text, f.familiar])).toEqual([
      ['SMS-i', true], ['USA-sse', true], ['a.m.', true], ['PIN', true], ['U.S.', true],
    ]);
    expect(all.questions).toBe(0);
  });
});

describe('look-alikes of familiar abbreviations', () => {
  it('does not take a case ending on a number for an abbreviation', () => {
    expect(found('Alates 12-st maist ja 2024-st.')).toEqual([]);
  });

  it('takes "No." only with its full stop', () => {
    expect(found('No, there is no charge.')).toEqual([]);
    expect(found('Invoice No. 5')).toEqual(['No=No.']);
  });
});

describe('jargon', () => {
  it('finds dictionary words in their listed forms and multi-word terms', () => {
    expect(found('Eskaleerisime pileti. The customer journey and churn.')).toEqual([
      'Eskaleerisime=eskaleerima', 'customer journey=customer journey', 'churn=churn',
    ]);
  });

  it('does not fire inside unrelated words', () => {
    expect(found('churning butter; eskaleerimatu')).toEqual([]);
  });
});
