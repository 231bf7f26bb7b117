// Estonian or English? A stop-word vote over the first words, plus the letters õ ä ö ü,
// which English never uses. It reads the tokens the checker has already made, so it costs
// a bit test per word; no network, no model files.

import { equalsFolded, foldedHash, HashFilter } from './fold.ts';
import { findSkipZones } from './skip-zones.ts';
import { ESTONIAN_LETTER, tokenize, type Tokens } from './tokens.ts';
import type { Language } from './types.ts';

// Words frequent in one language and absent from the other (so no "on", "see", "me", "te").
const ESTONIAN =
  'ja ning et ei ole oli kas kui ka oma mis siis aga või teie teile teid meie meil meile ' +
  'olete oleme olen tere palun aitäh tänan lugupidamisega selle seda sellest nagu veel kohe ' +
  'juba saab saate sest kuid pärast enne kõik nii seal siin kus kuidas miks mida kes ' +
  'sellega ainult väga rohkem hea head lahendus probleem küsimus vastus klient kliendi ' +
  'teenus teenuse tellimus arve seotud vaja võimalik kindlasti täna homme alates lisaks tuleb ' +
  'mille pea kuni üle peale kuna siiski ikka nüüd samuti mõni mitte kohta jaoks abil poolt ' +
  'olnud oleks saanud tehtud teha teeme võib võite võiks vaid vajadusel ette järgi tänu';

const ENGLISH =
  'the and is are was were to of you your we our for with this that have has be will ' +
  'can could would should please thank thanks hello hi regards dear sincerely it its ' +
  'if as at by an from about which who what when where how why all any they them their ' +
  'there here been not but or so do does did just also very more issue customer order ' +
  'invoice team help let know today tomorrow';

interface StopWord {
  key: string;
  language: Language;
}

const filter = new HashFilter();
const stopWords = new Map<number, StopWord[]>();
for (const [list, language] of [[ESTONIAN, 'et'], [ENGLISH, 'en']] as const) {
  for (const key of list.split(' ')) {
    const hash = foldedHash(key);
    filter.add(hash);
    stopWords.set(hash, [...(stopWords.get(hash) ?? []), { key, language }]);
  }
}

/** Two hundred words decide the language of any message; a 1 MB paste is not read to the end. */
const WORDS_READ = 200;

export function languageOfTokens(text: string, tokens: Tokens): Language {
  let et = 0;
  let en = 0;
  const n = Math.min(tokens.count, WORDS_READ);
  for (let k = 0; k < n; k++) {
    if ((tokens.flags[k]! & ESTONIAN_LETTER) !== 0) et += 1;
    const hash = tokens.hashes[k]!;
    if (!filter.has(hash)) continue;
    for (const word of stopWords.get(hash) ?? []) {
      if (equalsFolded(text, tokens.starts[k]!, tokens.ends[k]!, word.key)) {
        if (word.language === 'et') et += 2;
        else en += 2;
      }
    }
  }
  return et > en ? 'et' : 'en';
}

export function detectLanguage(text: string): Language {
  return languageOfTokens(text, tokenize(text, findSkipZones(text)));
}
