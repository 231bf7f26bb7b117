// One left-to-right pass over the word tokens that finds every acronym-like token and every
// dictionary term, with its surface span (ending included). Each token is looked at a
// bounded number of times, so the pass is linear in the length of the text. It builds the
// report's Finding objects itself (check() only decides `explained` and drops familiar
// ones): one object per use of a term, which matters when a paste holds 100 000 of them.

import { isApostropheAt, isBlankAt, isDigitAt, isHyphenAt, isLetterAt, isUpperAt } from './chars.ts';
import { isCaseEnding, MAX_ENDING_LENGTH } from './endings.ts';
import { equalsFolded, foldedHash, pairHash } from './fold.ts';
import { lookupWord, type PreparedDictionary } from './prepare.ts';
import { looksLikeWord, splitAcronym } from './shape.ts';
import { FIRST_UPPER, HAS_DIGIT, HAS_UPPER, MULTI_UPPER, type Tokens } from './tokens.ts';
import type { Finding, Kind, Language } from './types.ts';

/** Every use of a term in the text, in order; the three arrays run in parallel. */
export interface Occurrences {
  /** The findings, with `explained` still false: check() decides it. */
  findings: Finding[];
  /** Index into the dictionary's entries, or -1 for an acronym the dictionary does not know. */
  entries: number[];
  /** Letters to match a long form against ("CRM"); null for jargon. */
  letters: (string | null)[];
}

/** Characters that mark a token as code, a placeholder or a tag, not prose: {{NAME}}, $VAR, #TAG. */
const MARKUP_BEFORE = asciiSet('{$%#@\\<_');
const MARKUP_AFTER = asciiSet('}%_>');
const NOT_AN_IDENTIFIER = { isIdentifier: false, lastToken: -1 } as const;
/** capsKind() answers: not yet known, not all capitals, capitals spelled out, a word in capitals. */
const UNKNOWN_CAPS = 0;
const NOT_CAPS = 1;
const CAPS_LETTERS = 2;
const CAPS_WORD = 3;
/** Connectors that hold an identifier together: ABC-12345, ORDER_ID, TCP/IP-2024. */
const ID_JOINERS = new Set(['-', '_', '/', '.', ':', '#']);

export function scan(text: string, tokens: Tokens, dict: PreparedDictionary, language: Language): Occurrences {
  const { starts, ends, hashes, flags } = tokens;
  const n = tokens.count;
  const findings: Finding[] = [];
  const entries: number[] = [];
  const letters: (string | null)[] = [];
  const tokenText = (k: number): string => text.slice(starts[k]!, ends[k]!);
  /** Is token k directly after token k-1 with exactly `gap` characters between? */
  const adjacent = (k: number, gap: number): boolean => k < n && starts[k]! === ends[k - 1]! + gap;

  let chunk: { first: number; lastToken: number; isIdentifier: boolean } | null = null;
  let capsKinds: Int8Array | null = null;
  let i = 0;
  while (i < n) {
    const s = starts[i]!;
    const e = ends[i]!;
    const f = flags[i]!;

    const before = s > 0 ? text.charCodeAt(s - 1) : 32;
    const after = e < text.length ? text.charCodeAt(e) : 32;
    if ((before < 128 && MARKUP_BEFORE[before] === 1) || (after < 128 && MARKUP_AFTER[after] === 1)) {
      i++;
      continue;
    }

    // Multi-word terms first, longest match wins: "customer journey", "CSAT score".
    if (i + 1 < n && dict.phraseFilter.has(pairHash(hashes[i]!, hashes[i + 1]!))) {
      const next = matchPhrase(i);
      if (next !== -1) {
        i = next;
        continue;
      }
    }

    // Dotted abbreviations: U.S., a.m., e.g., s.t, N.P.S.
    if (after === 46 /* . */ && e - s <= 2 && isLetterAt(text, e + 1) && adjacent(i + 1, 1)) {
      const next = matchDotted(i);
      if (next !== -1) {
        i = next;
        continue;
      }
    }

    // Joined acronyms the dictionary spells with a joiner: C-SAT, R&D, P&L, AT&T.
    if ((f & HAS_UPPER) !== 0 && (after === 45 /* - */ || after === 38 /* & */) && adjacent(i + 1, 1) && isUpperAt(text, starts[i + 1]!)) {
      const joiner = text[e]!;
      // The filter turns away most pairs ("AB-CD" in a code) without building the joined form.
      const maybeKnown = dict.joinedFilter.has(pairHash(hashes[i]!, hashes[i + 1]!));
      const unknownAmp = joiner === '&' && isShortCaps(tokenText(i)) && isShortCaps(tokenText(i + 1));
      if (maybeKnown || unknownAmp) {
        const joined = tokenText(i) + joiner + tokenText(i + 1);
        const known = maybeKnown ? dict.acronyms.get(joined) : undefined;
        if (known !== undefined || unknownAmp) {
          addAcronym(s, attachEnding(i + 1, ends[i + 1]!), joined, known ?? -1);
          i = nextAfter(i + 1);
          continue;
        }
      }
    }

    // Only two or more capitals, or a capital with a digit, can make an acronym. Everything
    // else (most tokens) is a word: one bit test, and a table look-up on a hit.
    if ((f & MULTI_UPPER) === 0 && ((f & HAS_UPPER) === 0 || (f & HAS_DIGIT) === 0)) {
      const w = lookupWord(dict, text, s, e, hashes[i]!);
      if (w >= 0 && !endingOfNumber(s)) addJargon(s, e, w);
      i++;
      continue;
    }

    const tok = tokenText(i);
    // The dictionary's own spelling wins over splitting off an ending: "WiFi" is not WiF + i.
    // Its entry is kept, so a known acronym is looked up once, not again by lookupAcronym.
    const asWritten = entryAsWritten(i, tok);
    const split = asWritten === undefined ? splitAcronym(tok) : { head: tok, tailLength: 0, allCaps: false };
    if (split === null) {
      // Capitals that do not make an acronym ("McDonald") may still be jargon in capitals.
      const w = lookupWord(dict, text, s, e, hashes[i]!);
      if (w >= 0) addJargon(s, e, w);
      i++;
      continue;
    }

    const idChunk = identifierChunk(i);
    if (idChunk.isIdentifier) {
      i = idChunk.lastToken + 1;
      continue;
    }

    const head = split.head;
    let entry = asWritten ?? lookupAcronym(head);
    if (entry === undefined && split.allCaps) {
      const headLow = head.toLowerCase();
      if (dict.capitals.has(headLow) || looksLikeWord(headLow) || isShouted(i) || isSurnameInSignature(i)) {
        const w = lookupWord(dict, text, s, e, hashes[i]!);
        if (w >= 0) addJargon(s, e, w);
        i++;
        continue;
      }
    }
    if (entry === undefined) entry = -1;
    const end = split.tailLength > 0 ? e : attachEnding(i, e);
    // Usually the acronym stands as written: its surface is the token already sliced.
    addAcronym(s, end, head, entry, end === e ? tok : undefined);
    i = nextAfter(i);
  }
  return { findings, entries, letters };

  /** The entry of token k as the dictionary spells it ("CRM", "ServQual"), or undefined. */
  function entryAsWritten(k: number, tok: string): number | undefined {
    return dict.acronymFilter.has(hashes[k]!) ? dict.acronyms.get(tok) : undefined;
  }

  /** The entry of an acronym as written or in capitals ("Kpi" → KPI), or undefined. */
  function lookupAcronym(head: string): number | undefined {
    // An ASCII head and its capitals fold alike, so one filter miss rules out both forms.
    if (isAscii(head) && !dict.acronymFilter.has(foldedHash(head))) return undefined;
    return dict.acronyms.get(head) ?? dict.acronyms.get(head.toUpperCase());
  }

  function nextAfter(k: number): number {
    // Skip tokens swallowed by an attached ending ("CRM-iga", "CEM- iga", "SMS'e").
    const last = findings[findings.length - 1]!;
    let j = k + 1;
    while (j < n && starts[j]! < last.end) j++;
    return j;
  }

  /** `surface`: text.slice(start, end) when the caller has it already (one string less). */
  function add(
    start: number, end: number, term: string, entryIndex: number, kind: Kind, lettersRead: string | null, surface?: string,
  ): void {
    const known = entryIndex >= 0;
    findings.push({
      start,
      end,
      text: surface ?? text.slice(start, end),
      term,
      kind,
      explained: false,
      familiar: known ? dict.entries[entryIndex]!.familiar ?? false : false,
      meanings: known ? dict.meanings(entryIndex, language) : [],
    });
    entries.push(entryIndex);
    letters.push(lettersRead);
  }

  function addJargon(start: number, end: number, entryIndex: number): void {
    const entry = dict.entries[entryIndex]!;
    add(start, end, entry.term, entryIndex, entry.kind, null);
  }

  function addAcronym(start: number, end: number, head: string, entryIndex: number, surface?: string): void {
    const entry = entryIndex >= 0 ? dict.entries[entryIndex] : undefined;
    add(start, end, entry ? entry.term : head, entryIndex, entry ? entry.kind : 'acronym', lettersOf(head), surface);
  }

  /** Extends an acronym ending at token k over "-iga", "- iga" (typo) or "'e" when that follows. */
  function attachEnding(k: number, end: number): number {
    const next = k + 1;
    if (next >= n) return end;
    // Every ending is a few ASCII lowercase letters: anything else is ruled out unread.
    const from = starts[next]!;
    const to = ends[next]!;
    if (to - from > MAX_ENDING_LENGTH || !isAsciiLowercase(text, from, to)) return end;
    const candidate = text.slice(from, to);
    if (!isCaseEnding(candidate) && candidate !== 's') return end;
    if (isHyphenAt(text, end) && adjacent(next, 1)) return ends[next]!;
    if (isApostropheAt(text, end) && adjacent(next, 1)) return ends[next]!;
    if (isHyphenAt(text, end) && isBlankAt(text, end + 1) && adjacent(next, 2) && candidate !== 's') {
      return ends[next]!;
    }
    return end;
  }

  /** Adds the longest phrase starting at token k and returns the token after it, or -1. */
  function matchPhrase(k: number): number {
    const candidates = dict.phrases.get(pairHash(hashes[k]!, hashes[k + 1]!));
    if (candidates === undefined) return -1;
    for (const { words, gaps, hashes: wordHashes, entry } of candidates) {
      // A candidate whose words' hashes differ from the tokens' cannot match: integer
      // compares before any character is read.
      if (k + words.length > n || !hashesMatch(k, wordHashes)) continue;
      let ok = equalsFolded(text, starts[k]!, ends[k]!, words[0]!);
      for (let r = 1; r < words.length && ok; r++) {
        const t = k + r;
        ok = t < n && gapMatches(ends[t - 1]!, starts[t]!, gaps[r - 1]!) && equalsFolded(text, starts[t]!, ends[t]!, words[r]!);
      }
      if (ok) {
        const last = k + words.length - 1;
        addJargon(starts[k]!, ends[last]!, entry);
        return last + 1;
      }
    }
    return -1;
  }

  function hashesMatch(k: number, wordHashes: number[]): boolean {
    for (let r = 0; r < wordHashes.length; r++) if (hashes[k + r] !== wordHashes[r]) return false;
    return true;
  }

  /**
   * Does the text between two words stand for the dictionary's separator? The same
   * characters always do; a space in the dictionary also matches a line break, a double
   * space or a hyphen ("customer-journey"), never sentence punctuation.
   */
  function gapMatches(from: number, to: number, gap: string): boolean {
    const length = to - from;
    if (length === gap.length && text.startsWith(gap, from)) return true;
    if (gap !== ' ' || length < 1 || length > 3) return false;
    for (let p = from; p < to; p++) {
      if (!isBlankAt(text, p) && text[p] !== '\n' && text[p] !== '\r' && !isHyphenAt(text, p)) return false;
    }
    return true;
  }

  /**
   * Letters separated by single dots: "U.S.", "a.m.", "Ph.D.", "N.P.S.". Adds the finding
   * when there is one and returns the token after the dotted form, or -1 when there is none.
   */
  function matchDotted(k: number): number {
    const parts = [tokenText(k)];
    let last = k;
    while (
      last + 1 < n && text[ends[last]!] === '.' && adjacent(last + 1, 1) &&
      ends[last + 1]! - starts[last + 1]! <= 2 && isLetterAt(text, starts[last + 1]!)
    ) {
      last++;
      parts.push(tokenText(last));
    }
    if (parts.length < 2) return -1;
    const start = starts[k]!;
    let end = ends[last]!;
    if (text[end] === '.') end++;
    const key = parts.join('.').toLowerCase();
    const entry = dict.dotted.get(key);
    if (entry !== undefined) {
      const e = dict.entries[entry]!;
      add(start, end, e.term, entry, e.kind, parts.join(''));
      return last + 1;
    }
    const joined = parts.join('');
    if (parts.every((p) => p.length === 1 && isUpperAt(p, 0))) {
      const known = dict.acronyms.get(joined);
      addAcronym(start, end, joined, known ?? -1);
    }
    // Unknown lowercase dotted forms (v.a, jms.) are ordinary abbreviations: nothing to report.
    return last + 1;
  }

  /**
   * The run of tokens joined to token k by identifier joiners, and whether it is an ID or
   * code. The last run is remembered: every token of a long "AB-AB-AB-…" chain asks about
   * the same run, and walking it again each time would make the pass quadratic.
   */
  function identifierChunk(k: number): { isIdentifier: boolean; lastToken: number } {
    if (chunk !== null && k >= chunk.first && k <= chunk.lastToken) return chunk;
    // Most acronyms stand alone: no joiner on either side and too few digits to be a code.
    const joinedBefore = k > 0 && adjacent(k, 1) && ID_JOINERS.has(text[starts[k]! - 1]!);
    const joinedAfter = k + 1 < n && adjacent(k + 1, 1) && ID_JOINERS.has(text[ends[k]!]!);
    if (!joinedBefore && !joinedAfter && (flags[k]! & HAS_DIGIT) === 0) return NOT_AN_IDENTIFIER;
    let first = k;
    while (first > 0 && adjacent(first, 1) && ID_JOINERS.has(text[ends[first - 1]!]!)) first--;
    let last = k;
    while (last + 1 < n && adjacent(last + 1, 1) && ID_JOINERS.has(text[ends[last]!]!)) last++;
    let digits = 0;
    let underscore = false;
    for (let t = first; t <= last; t++) {
      for (let p = starts[t]!; p < ends[t]!; p++) if (isDigitAt(text, p)) digits++;
      if (t < last && text[ends[t]!] === '_') underscore = true;
    }
    // An IBAN or account number printed in groups ("EE38 2200 2210 …"): a code with digits
    // followed, after one space, by a group of three or more digits.
    const groupNext = last + 1 < n && adjacent(last + 1, 1) && text[ends[last]!] === ' ' && isDigitGroup(last + 1);
    chunk = { first, lastToken: last, isIdentifier: digits >= 3 || underscore || (digits > 0 && groupNext) };
    return chunk;
  }

  function isDigitGroup(k: number): boolean {
    if (ends[k]! - starts[k]! < 3) return false;
    for (let p = starts[k]!; p < ends[k]!; p++) if (!isDigitAt(text, p)) return false;
    return true;
  }

  /** A case ending on a number ("12-st", "2024-ks") is not the abbreviation it spells. */
  function endingOfNumber(start: number): boolean {
    return start >= 2 && isHyphenAt(text, start - 1) && isDigitAt(text, start - 2);
  }

  /**
   * "Kätlin TAMM" on a line of its own: a surname in capitals after a first name, as in
   * signatures (shared/notes/estonian.md: names in capitals are not acronyms).
   */
  function isSurnameInSignature(k: number): boolean {
    if (k === 0 || (flags[k - 1]! & FIRST_UPPER) === 0 || (flags[k - 1]! & MULTI_UPPER) !== 0) return false;
    if (ends[k]! - starts[k]! < 3 || !adjacent(k, 1) || text[ends[k - 1]!] !== ' ') return false;
    const lineStart = text.lastIndexOf('\n', starts[k - 1]!) + 1;
    if (text.slice(lineStart, starts[k - 1]!).trim() !== '') return false;
    const lineEnd = text.indexOf('\n', ends[k]!);
    return text.slice(ends[k]!, lineEnd === -1 ? text.length : lineEnd).trim() === '';
  }

  /**
   * A capitalised word in a shouted line ("PALUN VASTAKE KOHE", "PLEASE DO NOT REPLY") is a
   * word, not an acronym: true when most neighbouring all-caps tokens on the line are words.
   */
  function isShouted(k: number): boolean {
    let run = 1;
    let wordish = 0;
    for (let dir = -1; dir <= 1; dir += 2) {
      let t = k;
      for (let steps = 0; steps < 6; steps++) {
        const nextT = t + dir;
        if (nextT < 0 || nextT >= n) break;
        const gapFrom = dir > 0 ? ends[t]! : ends[nextT]!;
        const gapTo = dir > 0 ? starts[nextT]! : starts[t]!;
        if (!sameLineGap(gapFrom, gapTo)) break;
        const caps = capsKind(nextT);
        if (caps === NOT_CAPS) break;
        run++;
        if (caps === CAPS_WORD) wordish++;
        t = nextT;
      }
    }
    // Two caps tokens side by side ("URGENT: XYZ") are shouting only when the unknown one is
    // long enough to be a word; a short one next to a shouted word is still likely an acronym.
    if (run === 2) return wordish === 1 && ends[k]! - starts[k]! >= 4;
    return run >= 3 && wordish >= 1 && wordish * 2 >= run - 1;
  }

  /**
   * Is token k a word in capitals, and one a reader would say as a word? Worked out once per
   * token: in a run of capitals each token is a neighbour of up to twelve others.
   */
  function capsKind(k: number): number {
    capsKinds ??= new Int8Array(n);
    let kind = capsKinds[k]!;
    if (kind === UNKNOWN_CAPS) {
      const w = tokenText(k);
      if (!isAllCapsWord(w)) kind = NOT_CAPS;
      else {
        const wl = w.toLowerCase();
        kind = dict.capitals.has(wl) || looksLikeWord(wl) ? CAPS_WORD : CAPS_LETTERS;
      }
      capsKinds[k] = kind;
    }
    return kind;
  }

  function sameLineGap(from: number, to: number): boolean {
    if (to - from > 4) return false;
    for (let p = from; p < to; p++) {
      const c = text[p];
      if (c === '\n' || c === '\r') return false;
    }
    return true;
  }
}

/** A 128-entry table with 1 at each listed ASCII character: one array read per test. */
function asciiSet(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const ch of chars) table[ch.charCodeAt(0)] = 1;
  return table;
}

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/gu;

/** The letters and digits of an acronym head ("R&D" → "RD"); a plain ASCII head is its own. */
function lettersOf(head: string): string {
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (!alnum) return head.replace(NOT_LETTER_OR_DIGIT, '');
  }
  return head;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

function isAsciiLowercase(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

function isAllCapsWord(w: string): boolean {
  if (w.length < 2) return w === 'A' || w === 'I';
  return w === w.toUpperCase() && w !== w.toLowerCase() && !/\d/.test(w);
}

function isShortCaps(w: string): boolean {
  return w.length <= 3 && w === w.toUpperCase() && w !== w.toLowerCase();
}
