// Estonian or English? A stop-word vote over the first words, plus the letters õ ä ö ü,
// which English never uses. It reads the tokens the checker has already made, so it costs
// a table read per word; no network, no model files.

import { equalsFolded, foldedHash } from './fold.ts';
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

// The stop words in an open-addressed table of hashes (typed arrays, a quarter full): a
// token that is no stop word costs one multiply and one read of an empty slot, with no Map
// look-up or list walk. Words that share a hash take a slot each, so every one is compared.
const SLOT_BITS = 10;
const SLOTS = 1 << SLOT_BITS;
const slotHashes = new Int32Array(SLOTS);
/** 0 for an empty slot, else 1 + the index of the word in stopKeys. */
const slotWords = new Int16Array(SLOTS);
const stopKeys: string[] = [];
/** Per word in stopKeys: 1 for Estonian, 0 for English. */
const stopIsEstonian: number[] = [];

function firstSlot(hash: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> (32 - SLOT_BITS);
}

for (const [list, language] of [[ESTONIAN, 'et'], [ENGLISH, 'en']] as const) {
  for (const key of list.split(' ')) {
    const hash = foldedHash(key);
    let slot = firstSlot(hash);
    while (slotWords[slot] !== 0) slot = (slot + 1) & (SLOTS - 1);
    stopKeys.push(key);
    stopIsEstonian.push(language === 'et' ? 1 : 0);
    slotHashes[slot] = hash;
    slotWords[slot] = stopKeys.length;
  }
}
if (stopKeys.length * 4 > SLOTS) throw new Error('Selge: the stop-word table is too small for its words.');

/** Two hundred words decide the language of any message; a 1 MB paste is not read to the end. */
const WORDS_READ = 200;

export function languageOfTokens(text: string, tokens: Tokens): Language {
  const { flags, hashes, starts, ends } = tokens;
  const table = slotWords;
  const estonianLetter = ESTONIAN_LETTER; // a local: an imported binding is a load per use
  let et = 0;
  let en = 0;
  const n = Math.min(tokens.count, WORDS_READ);
  for (let k = 0; k < n; k++) {
    if ((flags[k]! & estonianLetter) !== 0) et += 1;
    const hash = hashes[k]!;
    for (let slot = firstSlot(hash); table[slot] !== 0; slot = (slot + 1) & (SLOTS - 1)) {
      if (slotHashes[slot] !== hash) continue;
      const word = table[slot]! - 1;
      if (equalsFolded(text, starts[k]!, ends[k]!, stopKeys[word]!)) {
        if (stopIsEstonian[word] === 1) et += 2;
        else en += 2;
      }
    }
  }
  return et > en ? 'et' : 'en';
}

export function detectLanguage(text: string): Language {
  return languageOfTokens(text, tokenize(text, findSkipZones(text)));
}
