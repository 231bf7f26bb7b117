// Is a term explained where it stands? Four shapes, in Estonian and English:
//   after:   NPS (Net Promoter Score) · CSM (kliendiedu juht) · NPS (meaning …)
//   before:  Net Promoter Score (NPS) · soovitusindeksi (NPS) · Kliendisuhete juhtimise (CRM)
//   apposed: NPS ehk soovitusindeks · NPS, st … · NPS – … · CRM, i.e. customer relationship management
//   apposed before: soovitusindeks ehk NPS · customer relationship management, or CRM
// Every look is bounded to a few hundred characters around the term, so the total cost of
// explanation checks stays linear in the length of the message.

import { isLetterAt } from './chars.ts';
import type { ClosingBrackets } from './closers.ts';
import { lettersSpellWords } from './letters.ts';
import { firstWordsIn, lastWordsBefore, type WordSpans } from './sentence-words.ts';
import { sameStem, sameStemIn } from './stem.ts';
import { WordSet } from './word-set.ts';
import { words } from './words.ts';

const WINDOW = 240;

/** What a bracket may hold that explains nothing: references, page numbers, IDs. */
const REFERENCE_WORDS = new Set(
  ('vt vaata ref lk nr lisa lisas appendix cf fig joonis tabel table ticket pilet id p pp page ' +
    'section jaotis punkt attachment manus manuses viide näiteks nt eg').split(' '),
);
const ARTICLES = new Set(['a', 'an', 'the']);
const SEE_WHAT = new Set('above below attached attachment page section appendix ticket'.split(' '));

/** Markers that introduce a meaning right after the term. `needsMatch`: "or" also lists alternatives. */
const AFTER_MARKERS: { marker: string; needsMatch: boolean }[] = [
  { marker: 'ehk', needsMatch: false },
  { marker: 'st', needsMatch: false },
  { marker: 's.t.', needsMatch: false },
  { marker: 's.t', needsMatch: false },
  { marker: 's.o.', needsMatch: false },
  { marker: 's.o', needsMatch: false },
  { marker: 'i.e.', needsMatch: false },
  { marker: 'i.e', needsMatch: false },
  { marker: 'ie', needsMatch: false },
  { marker: 'that is', needsMatch: false },
  { marker: 'meaning', needsMatch: false },
  { marker: 'which means', needsMatch: false },
  { marker: 'which stands for', needsMatch: false },
  { marker: 'stands for', needsMatch: false },
  { marker: 'mis tähendab', needsMatch: false },
  { marker: 'tähendab', needsMatch: false },
  { marker: 'mis on', needsMatch: false },
  { marker: '–', needsMatch: false },
  { marker: '—', needsMatch: false },
  { marker: '-', needsMatch: false },
  { marker: ':', needsMatch: true },
  { marker: 'or', needsMatch: true },
  { marker: 'või', needsMatch: true },
  { marker: 'aka', needsMatch: true },
];

/** AFTER_MARKERS by their first character, each list in the order above. */
const AFTER_MARKERS_BY_FIRST = new Map<string, typeof AFTER_MARKERS>();
for (const m of AFTER_MARKERS) AFTER_MARKERS_BY_FIRST.set(m.marker[0]!, [...(AFTER_MARKERS_BY_FIRST.get(m.marker[0]!) ?? []), m]);

const BEFORE_MARKERS = ['ehk', 'or', 'aka', 'i.e.', 'i.e', 'also known as', 'lühidalt', 'lühendatult', 'või'];

export interface ExplanationInput {
  text: string;
  /** Surface span of the term, ending included ("CRM-iga"). */
  start: number;
  end: number;
  /**
   * Where the text after the term starts: `end`, or the end of a compound the term opens
   * ("RMA-number (tagastusloa number)" is explained by the bracket after "number").
   */
  after: number;
  /** The letters a reader sees ("CRM"), for letter matching; null for jargon. */
  letters: string | null;
  /** Lowercase word lists of the dictionary's expansions and plain alternatives. */
  expansions: string[][];
  /** Closing brackets of `text`, shared by all the terms of one check. */
  closers: ClosingBrackets;
}

/**
 * Is the term followed by its meaning (a bracket or an appositive after it)? A term is
 * explained when this holds or when longFormBefore finds its long form before it; check()
 * asks the two apart because it needs longFormBefore on its own as well.
 */
export function explainedAfter(input: ExplanationInput): boolean {
  // Each shape starts with a cheap test of the characters right around the term, so a term
  // with no bracket or marker next to it costs a few character reads.
  const { text, after } = input;
  const at = skipBlanks(text, after, after + 3);
  const next = text[at];
  if ((next === '(' || next === '[') && bracketAfter(input)) return true;
  return next !== undefined && startsAfterMarker(text, at) && appositiveAfter(input);
}

/**
 * Where the long form that defines the term ends, when the term comes after it:
 * the "(" of "Net Promoter Score (NPS)" or the marker of "soovitusindeks ehk NPS"; -1 when
 * the term is not defined that way. The words before that point are the definition, so
 * jargon inside them ("customer success manager (CSM)") is not a question of its own.
 */
export function longFormBefore(input: ExplanationInput): number {
  const { text, start } = input;
  const at = skipBlanksBack(text, start);
  const previous = text[at - 1];
  if (previous === undefined) return -1;
  if (previous === '(') return bracketAround(input) ? at - 1 : -1;
  return endsBeforeMarker(text, at) ? appositiveBefore(input) : -1;
}

/**
 * Could the text after a term (from `after`) explain it? The first test of explainedAfter,
 * which needs no ExplanationInput: check() asks this first and builds the input, with the
 * term's expansions, only for the few terms next to a bracket or a marker.
 */
export function mayBeExplainedAfter(text: string, after: number): boolean {
  const at = skipBlanks(text, after, after + 3);
  if (at >= text.length) return false;
  const next = text.charCodeAt(at);
  return next === 40 /* ( */ || next === 91 /* [ */ || startsAfterMarker(text, at);
}

/** Could a long form end right before a term at `start`? The first test of longFormBefore. */
export function mayFollowLongForm(text: string, start: number): boolean {
  const at = skipBlanksBack(text, start);
  if (at === 0) return false;
  return text.charCodeAt(at - 1) === 40 /* ( */ || endsBeforeMarker(text, at);
}

/** First words of the markers after a term ("that" of "that is", "s" of "s.t"), and the sign markers. */
const AFTER_FIRST_WORDS = new WordSet(
  AFTER_MARKERS.map(({ marker }) => marker.split(/[ .]/)[0]!).filter((w) => /\p{L}/u.test(w)),
);
/** The sign markers after a term: - – — : */
function isAfterSign(c: number): boolean {
  return c === 45 || c === 0x2013 || c === 0x2014 || c === 58;
}
/** Last words of the markers before a term ("as" of "also known as", "e" of "i.e."). */
const BEFORE_LAST_WORDS = new WordSet(BEFORE_MARKERS.map((m) => m.split(/[ .]/).filter(Boolean).pop()!));

/**
 * Is the word after the term (past a comma) the start of a marker? `at`: where the text
 * after the term goes on past its blanks (the caller has skipped them already).
 */
function startsAfterMarker(text: string, at: number): boolean {
  let i = at;
  if (text.charCodeAt(i) === 44 /* , */) i = skipBlanks(text, i + 1, i + 4);
  if (i >= text.length) return false;
  if (isAfterSign(text.charCodeAt(i))) return true;
  if (AFTER_FIRST_WORDS.rulesOutStart(text, i)) return false;
  let j = i;
  while (j < text.length && j - i < 12 && isLetterAt(text, j)) j++;
  return AFTER_FIRST_WORDS.has(text, i, j);
}

/** Is the word before the term the end of a marker? `at`: where the blanks before the term start. */
function endsBeforeMarker(text: string, at: number): boolean {
  let j = at;
  while (j > 0 && text.charCodeAt(j - 1) === 46 /* . */) j--;
  if (BEFORE_LAST_WORDS.rulesOutEnd(text, j)) return false;
  let i = j;
  while (i > 0 && j - i < 12 && isLetterAt(text, i - 1)) i--;
  return BEFORE_LAST_WORDS.has(text, i, j);
}

/** Space, tab or no-break space: what may stand between a term and its explanation. */
function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 32 || c === 9 || c === 0xa0;
}

function skipBlanks(text: string, i: number, limit: number): number {
  while (i < limit && isSpaceAt(text, i)) i++;
  return i;
}

function skipBlanksBack(text: string, i: number): number {
  while (i > 0 && isSpaceAt(text, i - 1)) i--;
  return i;
}

function lower(list: string[]): string[] {
  return list.map((w) => w.toLowerCase());
}

/** Do the last words of `before` (spans of `text`) spell one of the expansions? */
function endsWithExpansion(text: string, before: WordSpans, expansions: string[][]): boolean {
  const { count, starts, ends } = before;
  for (const exp of expansions) {
    const m = exp.length;
    if (m === 0 || m > count) continue;
    let ok = true;
    for (let k = 0; k < m && ok; k++) ok = sameStemIn(text, starts[count - m + k]!, ends[count - m + k]!, exp[k]!);
    if (ok) return true;
  }
  return false;
}

/** How many words the longest expansion has. */
function longest(expansions: string[][]): number {
  let most = 0;
  for (const exp of expansions) if (exp.length > most) most = exp.length;
  return most;
}

/** Do the first words of `after` (spans of `text`) spell one of the expansions? */
function startsWithExpansionIn(text: string, after: WordSpans, expansions: string[][]): boolean {
  const { count, starts, ends } = after;
  for (const exp of expansions) {
    const m = exp.length;
    if (m === 0 || m > count) continue;
    let ok = true;
    for (let k = 0; k < m && ok; k++) ok = sameStemIn(text, starts[k]!, ends[k]!, exp[k]!);
    if (ok) return true;
  }
  return false;
}

/** Do the first words of `after` (lowercase) spell one of the expansions? */
function startsWithExpansion(after: string[], expansions: string[][]): boolean {
  for (const exp of expansions) {
    const m = exp.length;
    if (m === 0 || m > after.length) continue;
    let ok = true;
    for (let k = 0; k < m && ok; k++) ok = sameStem(after[k]!, exp[k]!);
    if (ok) return true;
  }
  return false;
}

/** An ordinary word: mostly lowercase letters, no digits ("Net", "kliendiedu", not "CRM-i", "2024"). */
function isOrdinaryWord(w: string): boolean {
  let lowerCount = 0;
  let upperCount = 0;
  for (const ch of w) {
    if (ch >= '0' && ch <= '9') return false;
    if (ch !== ch.toUpperCase()) lowerCount++;
    else if (ch !== ch.toLowerCase()) upperCount++;
  }
  return lowerCount >= 2 && lowerCount >= upperCount;
}

/**
 * Do these words (in brackets or after a marker) say what something means? Dates, numbers,
 * IDs and references ("vt lisa 2", "see above") do not; plain words do.
 */
function wordsExplain(found: string[], expansions: string[][]): boolean {
  // "(a temporary way around the problem)", "– an app that …": the article is not the meaning.
  while (found.length > 1 && ARTICLES.has(found[0]!.toLowerCase())) found = found.slice(1);
  if (found.length === 0) return false;
  const low = lower(found);
  if (startsWithExpansion(low, expansions)) return true;
  const first = low[0]!;
  if (REFERENCE_WORDS.has(first)) return false;
  if (first === 'see' && low[1] !== undefined && SEE_WHAT.has(low[1])) return false;
  let ordinary = 0;
  let longest = 0;
  for (const w of found) {
    if (isOrdinaryWord(w)) {
      ordinary++;
      if (w.length > longest) longest = w.length;
    }
  }
  if (ordinary * 2 < found.length) return false;
  // A meaning starts with a word, not a number or code ("NPS – 45 points" explains nothing),
  // unless a real phrase follows the number ("(a 45-minute video call where we …)").
  if (!isOrdinaryWord(found[0]!)) return ordinary >= 3;
  return ordinary >= 2 || longest >= 5;
}

function bracketAfter({ text, after, expansions, closers }: ExplanationInput): boolean {
  const open = skipBlanks(text, after, after + 3);
  if (text[open] !== '(' && text[open] !== '[') return false;
  // A bracket closed only beyond the window holds no explanation (it is an unclosed "(" in
  // a long paste, or a digression); `closers` finds the closer without reading past it twice.
  const close = closers.within(text[open] === '(' ? ')' : ']', open + 1, open + 1 + WINDOW);
  if (close === -1) return false;
  return wordsExplain(words(text.slice(open + 1, close)), expansions);
}

/** The term in brackets after its long form: "Net Promoter Score (NPS)". */
function bracketAround({ text, start, end, letters, expansions }: ExplanationInput): boolean {
  const open = skipBlanksBack(text, start) - 1;
  if (text[open] !== '(') return false;
  const after = skipBlanks(text, end, end + 3);
  if (text[after] !== ')' && text[after] !== ',' && text[after] !== ';') return false;
  return definedBy(text, open, letters, expansions);
}

/** Do the words of the sentence that ends at `at` (within a bounded window) define the term? */
function definedBy(text: string, at: number, letters: string | null, expansions: string[][]): boolean {
  // Only the last words can count: as many as the longest expansion, or as letter matching reads.
  const take = letters === null ? 0 : Math.min(letters.length + 5, letters.length * 2);
  let needed = Math.max(1, take);
  for (const exp of expansions) if (exp.length > needed) needed = exp.length;
  const before = lastWordsBefore(text, Math.max(0, at - WINDOW), at, needed);
  if (before.count === 0) return false;
  if (endsWithExpansion(text, before, expansions)) return true;
  if (letters === null) return false;
  // Letter matching reads the last `take` words (all of them for 0, as slice(-0) gives).
  const { count, starts, ends } = before;
  return lettersSpellWords(letters, text, starts, ends, take === 0 ? 0 : Math.max(0, count - take), count);
}

/** A marker that ends in a letter ("ehk", not "s.t.") must not run on into a word ("ehkki"). */
const ENDS_IN_LETTER = new Set(AFTER_MARKERS.map(({ marker }) => marker).filter((m) => /\p{L}$/u.test(m)));

function matchMarker(text: string, at: number, marker: string): number {
  if (text.length - at < marker.length) return -1;
  for (let k = 0; k < marker.length; k++) {
    if (text[at + k]!.toLowerCase() !== marker[k]) return -1;
  }
  const next = text[at + marker.length];
  if (ENDS_IN_LETTER.has(marker) && next !== undefined && /[\p{L}\p{N}]/u.test(next)) return -1;
  return at + marker.length;
}

function appositiveAfter({ text, after: end, expansions }: ExplanationInput): boolean {
  let i = skipBlanks(text, end, end + 3);
  const comma = text[i] === ',';
  if (comma) i = skipBlanks(text, i + 1, i + 4);
  // Only markers that start with the character found can match: one look-up rules out the rest.
  const first = text[i]?.toLowerCase();
  for (const { marker, needsMatch } of (first !== undefined && AFTER_MARKERS_BY_FIRST.get(first)) || []) {
    // A bare dash or colon must stand apart from the term ("NPS – …"), not join it ("NPS-i").
    if ((marker === '-' || marker === '–' || marker === '—') && i === end) continue;
    if (marker === 'st' && !comma) continue;
    const past = matchMarker(text, i, marker);
    if (past === -1) continue;
    let from = skipBlanks(text, past, past + 3);
    if (text[from] === ',') from++;
    // A marker that needs a match is answered by the first words alone: no more are read.
    if (needsMatch) return startsWithExpansionIn(text, firstWordsOfClause(text, from, longest(expansions)), expansions);
    return wordsExplain(words(text.slice(from, clauseEnd(text, from, Math.min(text.length, from + CLAUSE_REACH)))), expansions);
  }
  return false;
}

/** How far an appositive meaning is read after its marker. */
const CLAUSE_REACH = 160;

/**
 * The first `count` words of the clause after a marker (firstWordsIn up to its clauseEnd),
 * with the clause read for its end only as far as those words reach: a meaning that needs a
 * match is answered by them, and its clause often runs on to the end of a long sentence.
 */
function firstWordsOfClause(text: string, from: number, count: number): WordSpans {
  const limit = Math.min(text.length, from + CLAUSE_REACH);
  const first = firstWordsIn(text, from, limit, count);
  // No word runs across a clause's end (every stop is a sign), so when none comes before
  // the last of these words ends, they are the clause's first words as well.
  const reach = first.count === count && count > 0 ? first.ends[count - 1]! : limit;
  const stop = clauseEnd(text, from, reach);
  return stop < reach ? firstWordsIn(text, from, stop, count) : first;
}

/**
 * End of the clause that carries an appositive meaning: the next sentence mark, bracket or
 * line end before `limit`, or `limit`.
 */
function clauseEnd(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) {
    const c = text[i];
    if (c === '\n' || c === ';' || c === '(' || c === ')' || c === '!' || c === '?') return i;
    if (c === '.' && (i + 1 >= text.length || text[i + 1] === ' ' || text[i + 1] === '\n')) return i;
  }
  return limit;
}

function appositiveBefore({ text, start, letters, expansions }: ExplanationInput): number {
  const at = skipBlanksBack(text, start);
  const lookback = text.slice(Math.max(0, at - 16), at).toLowerCase();
  for (const marker of BEFORE_MARKERS) {
    if (!lookback.endsWith(marker)) continue;
    const markerStart = at - marker.length;
    const boundary = text[markerStart - 1];
    if (boundary !== undefined && /[\p{L}\p{N}]/u.test(boundary)) continue;
    let before = skipBlanksBack(text, markerStart);
    if (text[before - 1] === ',') before = skipBlanksBack(text, before - 1);
    if (definedBy(text, before, letters, expansions)) return markerStart;
  }
  return -1;
}
