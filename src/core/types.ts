// The shapes the checker core reads and writes. Everything here is plain JSON data so a
// compiled dictionary can be written to disk, shipped in the extension and passed between
// extension contexts without conversion.

export type Language = 'et' | 'en';
export type LanguageOption = 'auto' | Language;
export type Kind = 'acronym' | 'jargon';

/** One language's words for one sense of a term. */
export interface SenseText {
  /** What the letters stand for, or the full name of the concept ("Net Promoter Score"). */
  expansion: string;
  /** One plain sentence a customer understands. */
  explanation: string;
  /** Plain words to write instead ("customer satisfaction"). */
  plain: string;
}

/** A term can mean several things (CS = customer service / customer success). */
export interface Sense {
  et: SenseText;
  en: SenseText;
}

/** One dictionary entry as the checker sees it after compilation. */
export interface CompiledEntry {
  /** Canonical base form: "CSAT", "eskaleerima". */
  term: string;
  kind: Kind;
  /** `everyone` familiarity: never reported unless the caller asks for familiar terms. */
  familiar: boolean;
  senses: Sense[];
  /**
   * Every expansion and plain alternative of every sense, in both languages, as lowercase
   * word lists. Used to recognise "Net Promoter Score (NPS)" and "Kliendisuhete juhtimise (CRM)".
   */
  expansions: string[][];
}

/**
 * The runtime index the checker loads. Built by `src/dictionary/compile.ts` from the packs in
 * `dictionaries/`; lookups are by surface form so the hot path never inflects anything.
 */
export interface CompiledDictionary {
  format: 'selge-compiled/1';
  entries: CompiledEntry[];
  /**
   * Acronym surface forms → entry index. Keys are the forms as written in the packs
   * ("CSAT", "C-SAT", "R&D", "SaaS", "B2B"); all-uppercase lookups also try the uppercased
   * token, so keys for mixed-case forms keep their case.
   */
  acronyms: Record<string, number>;
  /** Dotted abbreviations without the final dot, lowercase ("u.s", "a.m", "s.t", "e.g") → entry. */
  dotted: Record<string, number>;
  /** Lowercase single-word surface forms of jargon, every inflection included → entry. */
  words: Record<string, number>;
  /** Lowercase multi-word surface forms, words joined by one space ("customer journey") → entry. */
  phrases: Record<string, number>;
  /** Lowercase ordinary words that people write in capitals (KOHE, PLEASE): never acronyms. */
  capitals: string[];
}

export interface CheckOptions {
  dictionary: CompiledDictionary;
  /** Language of the message; `auto` (default) detects it. Decides which explanations are returned. */
  language?: LanguageOption;
  /** How many distinct unexplained terms a message may hold and still pass (default 1). */
  threshold?: number;
  /** Also report terms every adult knows (familiarity `everyone`). Default false. */
  includeFamiliar?: boolean;
}

export interface Meaning {
  expansion: string;
  explanation: string;
}

export interface Finding {
  /** UTF-16 offsets into the checked text; `text.slice(start, end) === finding.text`. */
  start: number;
  end: number;
  /** The surface form as written: "CRM-iga". */
  text: string;
  /** The base term: "CRM". */
  term: string;
  kind: Kind;
  /** True when this use, or the first use of the same term, carries its meaning. */
  explained: boolean;
  familiar: boolean;
  /** Meanings in the report's language; empty for acronyms the dictionary does not know. */
  meanings: Meaning[];
}

export interface Report {
  language: Language;
  /** Distinct terms whose first use is unexplained and which are not familiar. */
  questions: number;
  threshold: number;
  verdict: 'pass' | 'fail';
  findings: Finding[];
}
