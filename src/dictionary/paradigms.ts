// Estonian inflection paradigms for jargon surface forms. Deliberately small and explicit:
// every form is built by appending a fixed ending to a stem the pack author gives, so the
// output is easy to review and nothing ever matches "any word starting with …".
//
// Anything a paradigm cannot produce (consonant gradation, irregular forms, short illatives)
// is listed as a plain string in the entry's `forms.et` instead. See dictionaries/README.md.

/** Verb whose stem never changes: stem+ma, stem+da (eskaleeri-ma, eskaleeri-da, logi-ma, kasuta-ma). */
export interface VerbDaForm {
  paradigm: 'verb-da';
  stem: string;
}

/** Noun (or noun phrase whose last word declines) from its principal parts. */
export interface NounForm {
  paradigm: 'noun';
  /** Ainsuse nimetav: "teadmusbaas". */
  nominative: string;
  /** Ainsuse omastav: "teadmusbaasi". All other singular cases are built on it. */
  genitive: string;
  /** Ainsuse osastav: "teadmusbaasi", "piletit". */
  partitive: string;
  /** Mitmuse omastav; default from the partitive (see `pluralGenitive`). */
  genitivePlural?: string;
  /** Mitmuse osastav, not derivable by rule: ["teadmusbaase"], ["pileteid"]. Optional. */
  partitivePlural?: string[];
}

export type ParadigmForm = VerbDaForm | NounForm;

export const PARADIGM_NAMES = ['verb-da', 'noun'] as const;

/** Singular case endings added to the genitive (sse, s, st, le, l, lt, ks, ni, na, ta, ga). */
const CASE_ENDINGS = ['sse', 's', 'st', 'le', 'l', 'lt', 'ks', 'ni', 'na', 'ta', 'ga'] as const;

/**
 * Plural genitive from the singular partitive, the standard Estonian rule: a partitive in -d or
 * -t takes -e (maad → maade, piletit → piletite, kogemust → kogemuste), any other takes -de
 * (baasi → baaside, kella → kellade).
 */
export function pluralGenitive(partitive: string): string {
  return /[dt]$/u.test(partitive) ? `${partitive}e` : `${partitive}de`;
}

/** Every declined form of a noun: 14 singular cases, plural nominative, genitive, partitive and the 11 plural cases. */
export function declineNoun(noun: NounForm): string[] {
  const g = noun.genitive;
  const pg = noun.genitivePlural ?? pluralGenitive(noun.partitive);
  return [
    noun.nominative,
    g,
    noun.partitive,
    ...CASE_ENDINGS.map((e) => g + e),
    `${g}d`, // mitmuse nimetav: teadmusbaasid
    pg,
    ...(noun.partitivePlural ?? []),
    ...CASE_ENDINGS.map((e) => pg + e),
  ];
}

/**
 * Every form of a `verb-da` verb from its stem ("eskaleeri"):
 * - infinitives: eskaleerima, eskaleerimas, eskaleerimast, eskaleerimaks, eskaleerimata, eskaleerida, eskaleerides;
 * - present: eskaleeri (ei eskaleeri; käskiv), eskaleerin, eskaleerid, eskaleerib, eskaleerime, eskaleerite, eskaleerivad;
 * - past: eskaleerisin, eskaleeris, eskaleerisime, eskaleerisite, eskaleerisid;
 * - conditional: eskaleeriks, eskaleeriksin, eskaleeriksid, eskaleeriksime, eskaleeriksite;
 * - imperative and quotative: eskaleerige, eskaleerigem, eskaleerigu, eskaleerivat;
 * - participles: eskaleerinud, eskaleeriv (eskaleeriva, eskaleerivat), eskaleeritud, eskaleeritav (eskaleeritava, eskaleeritavat);
 * - impersonal: eskaleeritakse, eskaleeriti, eskaleeritaks, eskaleerita, eskaleeritagu;
 * - the action noun eskaleerimine declined like a noun (eskaleerimise, eskaleerimist, eskaleerimisi, eskaleerimisega …),
 *   plus the short illative eskaleerimisse.
 */
export function conjugateVerbDa(verb: VerbDaForm): string[] {
  const s = verb.stem;
  const endings = [
    'ma', 'mas', 'mast', 'maks', 'mata', 'da', 'des',
    '', 'n', 'd', 'b', 'me', 'te', 'vad',
    'sin', 's', 'sime', 'site', 'sid',
    'ks', 'ksin', 'ksid', 'ksime', 'ksite',
    'ge', 'gem', 'gu', 'vat',
    'nud', 'v', 'va', 'tud', 'tav', 'tava', 'tavat',
    'takse', 'ti', 'taks', 'ta', 'tagu',
  ];
  const actionNoun = declineNoun({
    paradigm: 'noun',
    nominative: `${s}mine`,
    genitive: `${s}mise`,
    partitive: `${s}mist`,
    partitivePlural: [`${s}misi`],
  });
  // Short illative of the action noun ("eskaleerimisse") is the common one; the rule above gives the long "eskaleerimisesse".
  return [...endings.map((e) => s + e), ...actionNoun, `${s}misse`];
}

/** Why a paradigm item cannot be expanded, or undefined. Field names are for the problem path. */
export function paradigmReason(item: ParadigmForm): { field: string; message: string } | undefined {
  if (item.paradigm === 'verb-da') {
    if (!/[aeiouõäöü]$/u.test(item.stem)) {
      return {
        field: 'stem',
        message: `"${item.stem}" does not end in a vowel; a verb-da stem is the infinitive without -ma ("eskaleeri" for eskaleerima)`,
      };
    }
    if (/ma$/u.test(item.stem) && /[aeiouõäöü]ma$/u.test(item.stem) && item.stem.length > 4) {
      // "eskaleerima" given as stem would produce "eskaleerimama"; catch the common slip.
      return { field: 'stem', message: `"${item.stem}" looks like the full infinitive; give the stem without -ma` };
    }
    return undefined;
  }
  if (!item.genitive.startsWith(firstWords(item.nominative))) {
    return {
      field: 'genitive',
      message: `"${item.genitive}" does not share the first words of the nominative "${item.nominative}"; only the last word of a phrase declines`,
    };
  }
  return undefined;
}

function firstWords(phrase: string): string {
  const i = phrase.lastIndexOf(' ');
  return i < 0 ? '' : phrase.slice(0, i + 1);
}

/** Expand one paradigm item to its surface forms (not yet lowercased or deduplicated). */
export function expandParadigm(item: ParadigmForm): string[] {
  return item.paradigm === 'verb-da' ? conjugateVerbDa(item) : declineNoun(item);
}
