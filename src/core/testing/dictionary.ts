// A small hand-compiled dictionary for the core's unit tests, so they pin the checker's
// behaviour independently of the real packs and their compiler.

import type { CompiledDictionary, CompiledEntry, Sense } from '../types.ts';

function sense(en: string, et: string, enPlain = en, etPlain = et): Sense {
  return {
    en: { expansion: en, explanation: `${en}, explained.`, plain: enPlain },
    et: { expansion: et, explanation: `${et}, selgitatud.`, plain: etPlain },
  };
}

function entry(term: string, kind: CompiledEntry['kind'], familiar: boolean, senses: Sense[]): CompiledEntry {
  const expansions: string[][] = [];
  for (const s of senses) {
    for (const text of [s.en.expansion, s.et.expansion, s.en.plain, s.et.plain]) {
      const words = text.toLowerCase().split(/\s+/).filter(Boolean);
      if (!expansions.some((x) => x.join(' ') === words.join(' '))) expansions.push(words);
    }
  }
  return { term, kind, familiar, senses, expansions };
}

const entries: CompiledEntry[] = [
  entry('NPS', 'acronym', false, [sense('Net Promoter Score', 'soovitusindeks')]),
  entry('CRM', 'acronym', false, [sense('customer relationship management', 'kliendisuhete juhtimine', 'customer management', 'kliendihaldus')]),
  entry('CX', 'acronym', false, [sense('customer experience', 'kliendikogemus')]),
  entry('UX', 'acronym', false, [sense('user experience', 'kasutajakogemus')]),
  entry('CSAT', 'acronym', false, [sense('customer satisfaction', 'kliendirahulolu')]),
  entry('CS', 'acronym', false, [sense('customer service', 'klienditeenindus'), sense('customer success', 'kliendiedu')]),
  entry('KPI', 'acronym', false, [sense('key performance indicator', 'tulemuslikkuse võtmenäitaja')]),
  entry('SaaS', 'acronym', false, [sense('software as a service', 'tarkvara teenusena')]),
  entry('R&D', 'acronym', false, [sense('research and development', 'teadus- ja arendustegevus')]),
  entry('CEM', 'acronym', false, [sense('customer experience management', 'kliendikogemuse juhtimine')]),
  entry('CSM', 'acronym', false, [sense('customer success manager', 'kliendiedu juht')]),
  entry('SMS', 'acronym', true, [sense('text message', 'tekstisõnum')]),
  entry('USA', 'acronym', true, [sense('United States of America', 'Ameerika Ühendriigid')]),
  entry('U.S.', 'acronym', true, [sense('United States', 'Ühendriigid')]),
  entry('a.m.', 'acronym', true, [sense('before noon', 'enne keskpäeva')]),
  entry('PIN', 'acronym', true, [sense('personal identification number', 'PIN-kood')]),
  entry('No.', 'acronym', true, [sense('number', 'number')]),
  entry('st', 'acronym', true, [sense('that is', 'see tähendab')]),
  entry('eskaleerima', 'jargon', false, [sense('escalate', 'eskaleerima', 'pass on to a specialist', 'edasi suunama')]),
  entry('customer journey', 'jargon', false, [sense('customer journey', 'kliendi teekond', 'the steps a customer takes', 'kliendi teekond')]),
  entry('churn', 'jargon', false, [sense('churn', 'klientide lahkumine', 'customers leaving', 'klientide lahkumine')]),
];

const index = new Map(entries.map((e, i) => [e.term, i] as const));
const at = (term: string): number => index.get(term)!;

export const testDictionary: CompiledDictionary = {
  format: 'selge-compiled/1',
  entries,
  acronyms: {
    NPS: at('NPS'), CRM: at('CRM'), CX: at('CX'), UX: at('UX'), CSAT: at('CSAT'), 'C-SAT': at('CSAT'),
    CS: at('CS'), KPI: at('KPI'), SaaS: at('SaaS'), 'R&D': at('R&D'), CEM: at('CEM'), CSM: at('CSM'),
    SMS: at('SMS'), USA: at('USA'), PIN: at('PIN'),
  },
  dotted: { 'u.s': at('U.S.'), 'a.m': at('a.m.'), no: at('No.') },
  words: {
    eskaleerima: at('eskaleerima'), eskaleeris: at('eskaleerima'), eskaleerimise: at('eskaleerima'),
    eskaleerisime: at('eskaleerima'), churn: at('churn'), st: at('st'),
  },
  phrases: { 'customer journey': at('customer journey'), 'customer journeys': at('customer journey') },
  capitals: ['tähtis', 'kohe', 'palun', 'urgent', 'please', 'do', 'not', 'reply', 'help', 'the', 'check', 'and'],
};
