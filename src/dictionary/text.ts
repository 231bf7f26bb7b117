// Text rules shared by the pack schema and the compiler. Pure functions, no platform APIs.
//
// Dictionary text ends up in underlines, popups and CLI output, so anything that could hide,
// reorder or inject content (markup, control and format characters, lone surrogates,
// non-NFC spellings that would never match typed text) is refused at build time.

/** Length limits (in UTF-16 code units, like `String.length`). Generous for real data. */
export const LIMITS = {
  /** Pack name, also the file name without `.json`. */
  packName: 32,
  packTitle: 100,
  entriesPerPack: 2000,
  term: 60,
  variantsPerEntry: 20,
  variant: 60,
  sensesPerEntry: 8,
  expansion: 160,
  explanation: 300,
  plain: 160,
  source: 500,
  uncertain: 500,
  formsPerLanguage: 40,
  form: 80,
  partitivePlurals: 6,
  capitalsWords: 2000,
  capitalWord: 30,
  /** Whole pack file on disk; checked before JSON.parse. */
  fileBytes: 2_000_000,
} as const;

const CONTROL = /\p{Cc}/u; // C0/C1 controls incl. tab and newline
const FORMAT = /\p{Cf}/u; // zero-width, bidi overrides, BOM, soft hyphen …
const SURROGATE = /\p{Cs}/u; // lone surrogates
const PRIVATE_OR_UNASSIGNED = /[\p{Co}\p{Cn}]/u;
const ODD_SPACE = /[^\S ]/u; // any whitespace other than U+0020 (NBSP, line separators …)
const MARKUP = /[<>]/u;

/**
 * Why `text` is not acceptable as a line of dictionary text, or undefined when it is.
 * Length is checked by the schema before this runs, so hostile megabyte strings never get here.
 */
export function unsafeTextReason(text: string): string | undefined {
  if (text.trim() === '') return 'is empty';
  if (CONTROL.test(text)) return 'contains a control character (such as a newline or tab); use one line of plain text';
  if (FORMAT.test(text)) return 'contains an invisible formatting character (zero-width, bidirectional or similar); retype it as plain text';
  if (SURROGATE.test(text)) return 'contains a broken Unicode character (a lone surrogate)';
  if (PRIVATE_OR_UNASSIGNED.test(text)) return 'contains a private-use or unassigned Unicode character';
  if (ODD_SPACE.test(text)) return 'contains a special space character; use ordinary spaces only';
  if (MARKUP.test(text)) return "contains '<' or '>'; HTML or other markup is not allowed in dictionary text";
  if (text !== text.trim()) return 'starts or ends with a space';
  if (text.includes('  ')) return 'contains two spaces in a row';
  if (text.normalize('NFC') !== text) return 'is not in Unicode NFC form (a letter is written as base letter plus combining mark); retype it';
  return undefined;
}

// Surface forms use Latin letters only, so look-alike letters from other scripts
// (Cyrillic "С" in "CSAT") cannot sneak in.
const LATIN = String.raw`\p{Script=Latin}`;
const WORD = String.raw`[${LATIN}0-9]+`;
/** A jargon surface form: words of Latin letters/digits joined by single spaces, hyphens or apostrophes. */
const JARGON_FORM = new RegExp(String.raw`^${WORD}(?:(?: |-|'|’)${WORD})*$`, 'u');
const HAS_LETTER = new RegExp(LATIN, 'u');

/** Why `form` cannot be a jargon surface form (term, variant or listed form), or undefined. */
export function jargonFormReason(form: string): string | undefined {
  if (!JARGON_FORM.test(form)) {
    return 'must be words of Latin letters or digits separated by single spaces, hyphens or apostrophes';
  }
  if (!HAS_LETTER.test(form)) return 'must contain at least one letter';
  return undefined;
}

// Acronyms and abbreviations: Latin letters, digits, "&", "-" and ".".
const ACRONYM_CHARS = new RegExp(String.raw`^[${LATIN}0-9&.\-]+$`, 'u');
const UPPER = /\p{Lu}/gu;

/**
 * Why `form` does not look like an acronym or abbreviation, or undefined when it does.
 * Accepted shapes:
 * - dotted abbreviations, letters/digits in groups of at most 4 separated by dots, optional
 *   final dot: "U.S.", "e.g.", "s.t", "a.m.", "N.P.S.", "etc.";
 * - capital acronyms with at least two capitals ("CSAT", "SaaS", "iOS", "OÜ"), or one capital
 *   plus a digit, "&" or "-" ("T2", "A4", "4G", "R&D", "C-SAT" has two anyway);
 * - lowercase abbreviations ("jne", "km") only when `familiar` (they are matched as words, and
 *   a lowercase field acronym would fire on ordinary words).
 */
export function acronymShapeReason(form: string, familiar: boolean): string | undefined {
  if (form.length < 2) return 'must be at least two characters long';
  if (!ACRONYM_CHARS.test(form)) {
    return 'must look like an acronym: Latin letters, digits, "&", "-" or "." only, no spaces';
  }
  if (!HAS_LETTER.test(form)) return 'must contain at least one letter';
  if (!/^[\p{L}0-9]/u.test(form)) return 'must start with a letter or digit';
  if (/[.&-]{2}/u.test(form) || /[&-]$/u.test(form)) return 'has punctuation in an odd place';
  if (form.includes('.')) {
    const groups = form.replace(/\.$/u, '').split('.');
    if (groups.some((g) => g.length === 0 || g.length > 4 || g.includes('&') || g.includes('-'))) {
      return 'must be a dotted abbreviation such as "U.S." or "e.g." (groups of 1–4 letters or digits between dots)';
    }
    return undefined;
  }
  const capitals = form.match(UPPER)?.length ?? 0;
  if (capitals >= 2) return undefined;
  if (capitals === 1 && /[0-9&-]/u.test(form)) return undefined;
  if (capitals === 0) {
    return familiar
      ? undefined
      : 'must contain capital letters ("CSAT", "SaaS"); lowercase abbreviations are only allowed with familiarity "everyone"';
  }
  return 'looks like an ordinary capitalised word, not an acronym (an acronym has at least two capitals, or a capital and a digit)';
}

/** True for forms that go to `dotted`: anything with a dot. */
export function isDotted(form: string): boolean {
  return form.includes('.');
}

/** The `dotted` key: lowercase, final dot removed ("U.S." → "u.s"). */
export function dottedKey(form: string): string {
  return form.toLowerCase().replace(/\.$/u, '');
}

/** True when the form has no capital letter (lowercase abbreviations such as "jne" go to `words`). */
export function isLowercase(form: string): boolean {
  return !/\p{Lu}/u.test(form);
}

/** Lowercase, one space between words; used for `words` and `phrases` keys. */
export function normaliseForm(form: string): string {
  return form.toLowerCase().split(' ').filter(Boolean).join(' ');
}

/** Words of an expansion or plain alternative: lowercase, punctuation and parentheses removed. */
export function expansionWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'’&-]+/gu, ' ')
    .split(' ')
    .map((w) => w.replace(/^['’&-]+|['’&-]+$/gu, ''))
    .filter((w) => w.length > 0);
}

const URL_LIKE = /^https?:\/\//iu;

/** Why `source` is not a usable source (http(s) URL or a short rationale), or undefined. */
export function sourceReason(source: string): string | undefined {
  if (URL_LIKE.test(source)) {
    if (/\s/u.test(source)) return 'is a URL with spaces in it; percent-encode them or give a rationale instead';
    try {
      new URL(source);
    } catch {
      return 'starts like a URL but is not a valid URL';
    }
    return undefined;
  }
  if (/^[a-z][a-z0-9+.-]*:/iu.test(source) && !/^[a-z][a-z0-9+.-]*: /iu.test(source)) {
    return 'is a link that is not http(s); give an https URL or a short rationale';
  }
  if (source.length < 10) return 'is too short to be a rationale; give a URL or say where the term comes from';
  return undefined;
}
