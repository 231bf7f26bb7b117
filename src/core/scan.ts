// One left-to-right pass over the word tokens that finds every acronym-like token and every
// dictionary term, with its surface span (ending included). Each token is looked at a
// bounded number of times, so the pass is linear in the length of the text. It builds the
// report's Finding objects itself (check() only decides `explained` and drops familiar
// ones): one object per use of a term, which matters when a paste holds 100 000 of them.
//
// The pass is a class rather than a function with helpers inside it: helpers declared in a
// function are new closures on every call (and, under tsx, each gets its name set on every
// call), which cost as much as scanning a short message.

import { isApostropheAt, isBlankAt, isDigitAt, isHyphenAt, isLetterAt, isUpperAt } from './chars.ts';
import { isCaseEnding, MAX_ENDING_LENGTH } from './endings.ts';
import { equalsFolded, pairHash } from './fold.ts';
import { acronymShape, lettersOf, shapesOf, type RememberedShapes } from './acronym-shapes.ts';
import { lookupWord, type PreparedDictionary } from './prepare.ts';
import { looksLikeWord } from './shape.ts';
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

/**
 * tokens.ts's flags again, as a const enum: its members are number literals in the emitted
 * code, where an imported binding is a memory load (and a check) at every use, several per
 * token in the loop below. Checked against tokens.ts when the module loads.
 */
const enum Flag {
  HAS_DIGIT = 1,
  HAS_UPPER = 2,
  MULTI_UPPER = 4,
  FIRST_UPPER = 8,
}
if (Flag.HAS_DIGIT !== HAS_DIGIT || Flag.HAS_UPPER !== HAS_UPPER || Flag.MULTI_UPPER !== MULTI_UPPER || Flag.FIRST_UPPER !== FIRST_UPPER) {
  throw new Error('Selge: scan.ts token flags out of step with tokens.ts.');
}

/** Characters that mark a token as code, a placeholder or a tag, not prose: {{NAME}}, $VAR, #TAG. */
const MARKUP_BEFORE = asciiSet('{$%#@\\<_');
const MARKUP_AFTER = asciiSet('}%_>');
/** Connectors that hold an identifier together: ABC-12345, ORDER_ID, TCP/IP-2024. */
const ID_JOINERS = asciiSet('-_/.:#');
/** capsKind() answers: not yet known, not all capitals, capitals spelled out, a word in capitals. */
const UNKNOWN_CAPS = 0;
const NOT_CAPS = 1;
const CAPS_LETTERS = 2;
const CAPS_WORD = 3;

export function scan(text: string, tokens: Tokens, dict: PreparedDictionary, language: Language): Occurrences {
  return new Scanner(text, tokens, dict, language).run();
}

class Scanner {
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly hashes: Int32Array;
  private readonly flags: Int32Array;
  private readonly n: number;
  private readonly candidates: Int32Array;
  private readonly candidateCount: number;
  private readonly findings: Finding[] = [];
  private readonly entries: number[] = [];
  private readonly letters: (string | null)[] = [];
  /** The last identifier run (see identifierEnd), remembered so a long chain is walked once. */
  private chunkFirst = -1;
  private chunkLast = -1;
  private chunkIsIdentifier = false;
  private capsKinds: Int8Array | null = null;
  private readonly shapes: RememberedShapes;

  constructor(
    private readonly text: string,
    tokens: Tokens,
    private readonly dict: PreparedDictionary,
    private readonly language: Language,
  ) {
    this.starts = tokens.starts;
    this.ends = tokens.ends;
    this.hashes = tokens.hashes;
    this.flags = tokens.flags;
    this.n = tokens.count;
    this.candidates = tokens.candidates;
    this.candidateCount = tokens.candidateCount;
    this.shapes = shapesOf(dict);
  }

  run(): Occurrences {
    const { candidates, candidateCount } = this;
    // Only the tokenizer's candidates can start a finding; the others are plain words.
    let next = 0;
    for (let c = 0; c < candidateCount; c++) {
      const i = candidates[c]!;
      // Tokens swallowed by the last finding ("CRM-iga", a phrase's words) are not read again.
      if (i >= next) next = this.step(i);
    }
    return { findings: this.findings, entries: this.entries, letters: this.letters };
  }

  /** Looks at token i (a candidate): adds what starts there, and returns the token to go on from. */
  private step(i: number): number {
    const { text, starts, ends, hashes, flags, n, dict } = this;
    const s = starts[i]!;
    const e = ends[i]!;
    const f = flags[i]!;
    const hash = hashes[i]!;
    // The tokenizer's test is the same but for one filter of words and phrase starts together;
    // the two filters here turn away the tokens that it let through by a shared bit.
    if (isPlain(f) && !dict.filter.has(hash) && !dict.phraseStarts.has(hash) && !mayJoin(text, s, e, f)) return i + 1;

    const before = s > 0 ? text.charCodeAt(s - 1) : 32;
    const after = e < text.length ? text.charCodeAt(e) : 32;
    if ((before < 128 && MARKUP_BEFORE[before] === 1) || (after < 128 && MARKUP_AFTER[after] === 1)) return i + 1;

    // Multi-word terms first, longest match wins: "customer journey", "CSAT score". Most
    // words start no phrase: one bit test on the word alone before the pair's.
    if (i + 1 < n && dict.phraseStarts.has(hash) && dict.phraseFilter.has(pairHash(hash, hashes[i + 1]!))) {
      const next = this.matchPhrase(i);
      if (next !== -1) return next;
    }

    // Dotted abbreviations: U.S., a.m., e.g., s.t, N.P.S.
    if (after === 46 /* . */ && e - s <= 2 && isLetterAt(text, e + 1) && this.adjacent(i + 1, 1)) {
      const next = this.matchDotted(i);
      if (next !== -1) return next;
    }

    // Joined acronyms the dictionary spells with a joiner: C-SAT, R&D, P&L, AT&T.
    if ((f & Flag.HAS_UPPER) !== 0 && (after === 45 /* - */ || after === 38 /* & */) && this.adjacent(i + 1, 1) && isUpperAt(text, starts[i + 1]!)) {
      const next = this.matchJoined(i);
      if (next !== -1) return next;
    }

    // Only two or more capitals, or a capital with a digit, can make an acronym. Everything
    // else is a word: a table look-up.
    if (isPlain(f)) {
      const w = lookupWord(dict, text, s, e, hash);
      if (w >= 0 && !this.endingOfNumber(s)) this.addJargon(s, e, w);
      return i + 1;
    }
    return this.matchAcronym(i);
  }

  /** Is token k directly after token k-1 with exactly `gap` characters between? */
  private adjacent(k: number, gap: number): boolean {
    return k < this.n && this.starts[k]! === this.ends[k - 1]! + gap;
  }

  private tokenText(k: number): string {
    return this.text.slice(this.starts[k]!, this.ends[k]!);
  }

  /** Token k has capitals enough to be an acronym: adds what it is and returns the token after it. */
  private matchAcronym(i: number): number {
    const { text, dict } = this;
    const s = this.starts[i]!;
    const e = this.ends[i]!;
    const shape = acronymShape(this.shapes, dict, text, s, e, this.hashes[i]!);
    if (!shape.isAcronym) {
      // Capitals that do not make an acronym ("McDonald") may still be jargon in capitals.
      const w = lookupWord(dict, text, s, e, this.hashes[i]!);
      if (w >= 0) this.addJargon(s, e, w);
      return i + 1;
    }

    const identifierEnd = this.identifierEnd(i);
    if (identifierEnd !== -1) return identifierEnd + 1;

    if (shape.unknownCapitals && (shape.capitalWord || this.isShouted(i) || this.isSurnameInSignature(i))) {
      const w = lookupWord(dict, text, s, e, this.hashes[i]!);
      if (w >= 0) this.addJargon(s, e, w);
      return i + 1;
    }
    const end = shape.head.length < shape.token.length ? e : this.attachEnding(i, e);
    // Usually the acronym stands as written: its surface is the token's remembered string.
    this.addAcronym(s, end, shape.head, shape.entry, shape.letters, end === e ? shape.token : undefined);
    return this.nextAfter(i);
  }

  /**
   * Joined acronyms (token k, "-" or "&", token k+1): adds the finding when the dictionary
   * knows the joined form or it is two short capital runs joined by "&", and returns the
   * token after it; -1 when there is none.
   */
  private matchJoined(k: number): number {
    const { text, dict } = this;
    const joiner = text[this.ends[k]!]!;
    // The filter turns away most pairs ("AB-CD" in a code) without building the joined form.
    const maybeKnown = dict.joinedFilter.has(pairHash(this.hashes[k]!, this.hashes[k + 1]!));
    const unknownAmp = joiner === '&' && isShortCaps(this.tokenText(k)) && isShortCaps(this.tokenText(k + 1));
    if (!maybeKnown && !unknownAmp) return -1;
    const joined = this.tokenText(k) + joiner + this.tokenText(k + 1);
    const known = maybeKnown ? dict.acronyms.get(joined) : undefined;
    if (known === undefined && !unknownAmp) return -1;
    this.addAcronym(this.starts[k]!, this.attachEnding(k + 1, this.ends[k + 1]!), joined, known ?? -1, lettersOf(joined));
    return this.nextAfter(k + 1);
  }

  private nextAfter(k: number): number {
    // Skip tokens swallowed by an attached ending ("CRM-iga", "CEM- iga", "SMS'e").
    const lastEnd = this.findings[this.findings.length - 1]!.end;
    let j = k + 1;
    while (j < this.n && this.starts[j]! < lastEnd) j++;
    return j;
  }

  /** `surface`: text.slice(start, end) when the caller has it already (one string less). */
  private add(
    start: number, end: number, term: string, entryIndex: number, kind: Kind, lettersRead: string | null, surface?: string,
  ): void {
    const { dict } = this;
    const known = entryIndex >= 0;
    this.findings.push({
      start,
      end,
      text: surface ?? this.text.slice(start, end),
      term,
      kind,
      explained: false,
      familiar: known ? dict.entries[entryIndex]!.familiar ?? false : false,
      meanings: known ? dict.meanings(entryIndex, this.language) : [],
    });
    this.entries.push(entryIndex);
    this.letters.push(lettersRead);
  }

  private addJargon(start: number, end: number, entryIndex: number): void {
    const entry = this.dict.entries[entryIndex]!;
    this.add(start, end, entry.term, entryIndex, entry.kind, null);
  }

  private addAcronym(start: number, end: number, head: string, entryIndex: number, letters: string, surface?: string): void {
    const entry = entryIndex >= 0 ? this.dict.entries[entryIndex] : undefined;
    this.add(start, end, entry ? entry.term : head, entryIndex, entry ? entry.kind : 'acronym', letters, surface);
  }

  /** Extends an acronym ending at token k over "-iga", "- iga" (typo) or "'e" when that follows. */
  private attachEnding(k: number, end: number): number {
    const { text, starts, ends } = this;
    // Every ending is joined on by a hyphen or an apostrophe right after the acronym; most
    // acronyms have a space or a sign there, which one character read tells.
    const hyphen = isHyphenAt(text, end);
    if (!hyphen && !isApostropheAt(text, end)) return end;
    const next = k + 1;
    if (next >= this.n) return end;
    // Every ending is a few ASCII lowercase letters: anything else is ruled out unread.
    const from = starts[next]!;
    const to = ends[next]!;
    if (to - from > MAX_ENDING_LENGTH || !isAsciiLowercase(text, from, to)) return end;
    // How the ending is joined on, tested before the ending itself is sliced and looked up.
    const joined =
      this.adjacent(next, 1) ||
      (hyphen && isBlankAt(text, end + 1) && this.adjacent(next, 2) && !(to - from === 1 && text.charCodeAt(from) === 115 /* s */));
    if (!joined) return end;
    const candidate = text.slice(from, to);
    return isCaseEnding(candidate) || candidate === 's' ? to : end;
  }

  /** Adds the longest phrase starting at token k and returns the token after it, or -1. */
  private matchPhrase(k: number): number {
    const { text, starts, ends, n } = this;
    const candidates = this.dict.phrases.get(pairHash(this.hashes[k]!, this.hashes[k + 1]!));
    if (candidates === undefined) return -1;
    for (const { words, gaps, hashes: wordHashes, entry } of candidates) {
      // A candidate whose words' hashes differ from the tokens' cannot match: integer
      // compares before any character is read.
      if (k + words.length > n || !this.hashesMatch(k, wordHashes)) continue;
      let ok = equalsFolded(text, starts[k]!, ends[k]!, words[0]!);
      for (let r = 1; r < words.length && ok; r++) {
        const t = k + r;
        ok = t < n && this.gapMatches(ends[t - 1]!, starts[t]!, gaps[r - 1]!) && equalsFolded(text, starts[t]!, ends[t]!, words[r]!);
      }
      if (ok) {
        const last = k + words.length - 1;
        this.addJargon(starts[k]!, ends[last]!, entry);
        return last + 1;
      }
    }
    return -1;
  }

  private hashesMatch(k: number, wordHashes: number[]): boolean {
    for (let r = 0; r < wordHashes.length; r++) if (this.hashes[k + r] !== wordHashes[r]) return false;
    return true;
  }

  /**
   * Does the text between two words stand for the dictionary's separator? The same
   * characters always do; a space in the dictionary also matches a line break, a double
   * space or a hyphen ("customer-journey"), never sentence punctuation.
   */
  private gapMatches(from: number, to: number, gap: string): boolean {
    const { text } = this;
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
  private matchDotted(k: number): number {
    const { text, starts, ends, n, dict } = this;
    const parts = [this.tokenText(k)];
    let last = k;
    while (
      last + 1 < n && text[ends[last]!] === '.' && this.adjacent(last + 1, 1) &&
      ends[last + 1]! - starts[last + 1]! <= 2 && isLetterAt(text, starts[last + 1]!)
    ) {
      last++;
      parts.push(this.tokenText(last));
    }
    if (parts.length < 2) return -1;
    const start = starts[k]!;
    let end = ends[last]!;
    if (text[end] === '.') end++;
    const key = parts.join('.').toLowerCase();
    const entry = dict.dotted.get(key);
    if (entry !== undefined) {
      const e = dict.entries[entry]!;
      this.add(start, end, e.term, entry, e.kind, parts.join(''));
      return last + 1;
    }
    const joined = parts.join('');
    if (parts.every((p) => p.length === 1 && isUpperAt(p, 0))) {
      const known = dict.acronyms.get(joined);
      this.addAcronym(start, end, joined, known ?? -1, joined);
    }
    // Unknown lowercase dotted forms (v.a, jms.) are ordinary abbreviations: nothing to report.
    return last + 1;
  }

  private joinerAt(p: number): boolean {
    const c = this.text.charCodeAt(p);
    return c < 128 && ID_JOINERS[c] === 1;
  }

  /**
   * When token k is part of an ID or code (a run of tokens joined by identifier joiners),
   * the run's last token; otherwise -1. The last run is remembered: every token of a long
   * "AB-AB-AB-…" chain asks about the same run, and walking it again each time would make
   * the pass quadratic.
   */
  private identifierEnd(k: number): number {
    if (k >= this.chunkFirst && k <= this.chunkLast) return this.chunkIsIdentifier ? this.chunkLast : -1;
    const { starts, ends, n } = this;
    // Most acronyms stand alone: no joiner on either side and too few digits to be a code.
    const joinedBefore = k > 0 && this.adjacent(k, 1) && this.joinerAt(starts[k]! - 1);
    const joinedAfter = k + 1 < n && this.adjacent(k + 1, 1) && this.joinerAt(ends[k]!);
    if (!joinedBefore && !joinedAfter && (this.flags[k]! & Flag.HAS_DIGIT) === 0) return -1;
    let first = k;
    while (first > 0 && this.adjacent(first, 1) && this.joinerAt(ends[first - 1]!)) first--;
    let last = k;
    while (last + 1 < n && this.adjacent(last + 1, 1) && this.joinerAt(ends[last]!)) last++;
    let digits = 0;
    let underscore = false;
    for (let t = first; t <= last; t++) {
      // Only the tokens the tokenizer flagged as holding a digit are read for them.
      if ((this.flags[t]! & Flag.HAS_DIGIT) !== 0) for (let p = starts[t]!; p < ends[t]!; p++) if (isDigitAt(this.text, p)) digits++;
      if (t < last && this.text.charCodeAt(ends[t]!) === 95 /* _ */) underscore = true;
    }
    // An IBAN or account number printed in groups ("EE38 2200 2210 …"): a code with digits
    // followed, after one space, by a group of three or more digits.
    const groupNext = last + 1 < n && this.adjacent(last + 1, 1) && this.text.charCodeAt(ends[last]!) === 32 && this.isDigitGroup(last + 1);
    this.chunkFirst = first;
    this.chunkLast = last;
    this.chunkIsIdentifier = digits >= 3 || underscore || (digits > 0 && groupNext);
    return this.chunkIsIdentifier ? last : -1;
  }

  private isDigitGroup(k: number): boolean {
    if (this.ends[k]! - this.starts[k]! < 3) return false;
    for (let p = this.starts[k]!; p < this.ends[k]!; p++) if (!isDigitAt(this.text, p)) return false;
    return true;
  }

  /** A case ending on a number ("12-st", "2024-ks") is not the abbreviation it spells. */
  private endingOfNumber(start: number): boolean {
    return start >= 2 && isHyphenAt(this.text, start - 1) && isDigitAt(this.text, start - 2);
  }

  /**
   * "Kätlin TAMM" on a line of its own: a surname in capitals after a first name, as in
   * signatures (shared/notes/estonian.md: names in capitals are not acronyms).
   */
  private isSurnameInSignature(k: number): boolean {
    const { text, starts, ends, flags } = this;
    if (k === 0 || (flags[k - 1]! & Flag.FIRST_UPPER) === 0 || (flags[k - 1]! & Flag.MULTI_UPPER) !== 0) return false;
    if (ends[k]! - starts[k]! < 3 || !this.adjacent(k, 1) || text[ends[k - 1]!] !== ' ') return false;
    const lineStart = text.lastIndexOf('\n', starts[k - 1]!) + 1;
    if (text.slice(lineStart, starts[k - 1]!).trim() !== '') return false;
    const lineEnd = text.indexOf('\n', ends[k]!);
    return text.slice(ends[k]!, lineEnd === -1 ? text.length : lineEnd).trim() === '';
  }

  /**
   * A capitalised word in a shouted line ("PALUN VASTAKE KOHE", "PLEASE DO NOT REPLY") is a
   * word, not an acronym: true when most neighbouring all-caps tokens on the line are words.
   */
  private isShouted(k: number): boolean {
    const { starts, ends, n } = this;
    let run = 1;
    let wordish = 0;
    for (let dir = -1; dir <= 1; dir += 2) {
      let t = k;
      for (let steps = 0; steps < 6; steps++) {
        const nextT = t + dir;
        if (nextT < 0 || nextT >= n) break;
        const gapFrom = dir > 0 ? ends[t]! : ends[nextT]!;
        const gapTo = dir > 0 ? starts[nextT]! : starts[t]!;
        if (!this.sameLineGap(gapFrom, gapTo)) break;
        const caps = this.capsKind(nextT);
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
  private capsKind(k: number): number {
    const capsKinds = (this.capsKinds ??= new Int8Array(this.n));
    let kind = capsKinds[k]!;
    if (kind === UNKNOWN_CAPS) {
      const w = this.tokenText(k);
      if (!isAllCapsWord(w)) kind = NOT_CAPS;
      else {
        const wl = w.toLowerCase();
        kind = this.dict.capitals.has(wl) || looksLikeWord(wl) ? CAPS_WORD : CAPS_LETTERS;
      }
      capsKinds[k] = kind;
    }
    return kind;
  }

  private sameLineGap(from: number, to: number): boolean {
    if (to - from > 4) return false;
    for (let p = from; p < to; p++) {
      const c = this.text.charCodeAt(p);
      if (c === 10 /* \n */ || c === 13 /* \r */) return false;
    }
    return true;
  }
}

/** Too few capitals for an acronym: two or more, or one with a digit, can make one. */
function isPlain(flags: number): boolean {
  return (flags & Flag.MULTI_UPPER) === 0 && ((flags & Flag.HAS_UPPER) === 0 || (flags & Flag.HAS_DIGIT) === 0);
}

/**
 * Could token text[start, end) begin a dotted abbreviation ("a.m.", "U.S.") or a joined
 * acronym ("C-SAT", "R&D")? The cheap part of those tests in the scanner's loop.
 */
function mayJoin(text: string, start: number, end: number, flags: number): boolean {
  const after = text.charCodeAt(end);
  if (after === 46 /* . */) return end - start <= 2;
  return (after === 45 /* - */ || after === 38 /* & */) && (flags & Flag.HAS_UPPER) !== 0;
}

/** A 128-entry table with 1 at each listed ASCII character: one array read per test. */
function asciiSet(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const ch of chars) table[ch.charCodeAt(0)] = 1;
  return table;
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
