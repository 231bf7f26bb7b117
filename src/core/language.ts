// Estonian or English? A stop-word vote plus the letters õ ä ö ü, which English never uses.
// Cheap enough to run on every check; no network, no model files.

import type { Language } from './types.ts';

// Words frequent in one language and absent from the other (so no "on", "see", "me", "te").
const ESTONIAN = new Set(
  ('ja ning et ei ole oli kas kui ka oma mis siis aga või teie teile teid meie meil meile ' +
    'olete oleme olen tere palun aitäh tänan lugupidamisega selle seda sellest nagu veel kohe ' +
    'juba saab saate sest kuid pärast enne kõik nii seal siin kus kuidas miks mida kes ' +
    'sellega ainult väga rohkem hea head lahendus probleem küsimus vastus klient kliendi ' +
    'teenus teenuse tellimus arve ning seotud vaja võimalik kindlasti täna homme').split(' '),
);

const ENGLISH = new Set(
  ('the and is are was were to of you your we our for with this that have has be will ' +
    'can could would should please thank thanks hello hi regards dear sincerely it its ' +
    'if as at by an from about which who what when where how why all any they them their ' +
    'there here been not but or so do does did just also very more issue customer order ' +
    'invoice team help let know today tomorrow').split(' '),
);

const WORD = /\p{L}+/gu;

export function detectLanguage(text: string): Language {
  let et = 0;
  let en = 0;
  let seen = 0;
  WORD.lastIndex = 0;
  // Two hundred words decide the language of any message; do not scan a 1 MB paste.
  for (let m = WORD.exec(text); m !== null && seen < 200; m = WORD.exec(text)) {
    seen++;
    const w = m[0].toLowerCase();
    if (ESTONIAN.has(w)) et += 2;
    else if (ENGLISH.has(w)) en += 2;
    if (/[õäöü]/.test(w)) et += 1;
  }
  return et > en ? 'et' : 'en';
}
