// Parts of a message that are not prose: quoted lines ("> …"), URLs and e-mail addresses.
// Nothing inside them is reported. Every scan here moves forward only or stops at a
// character it has already passed, so the whole pass stays linear in the text length.

/** Sorted, non-overlapping [start, end) pairs, flattened: [s0, e0, s1, e1, …]. */
export type Zones = number[];

/** Characters that end a URL (and U+00A0), and what is left off its end: as 128-entry tables. */
const URL_STOP = asciiSet(' \t\n\r<>"`');
const URL_TRAILING = asciiSet('.,;:!?)\'"]}');

function asciiSet(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const ch of chars) table[ch.charCodeAt(0)] = 1;
  return table;
}

function isUrlStop(c: number): boolean {
  return c < 128 ? URL_STOP[c] === 1 : c === 0xa0;
}

function isUrlTrailing(c: number): boolean {
  return c < 128 && URL_TRAILING[c] === 1;
}

function isUrlSchemeChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
}

function isEmailLocalChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ||
    c === 46 || c === 95 || c === 37 || c === 43 || c === 45
  );
}

function isHostChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 45;
}

function urlEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && !isUrlStop(text.charCodeAt(end))) end++;
  while (end > from && isUrlTrailing(text.charCodeAt(end - 1))) end--;
  return end;
}

/**
 * Lines whose first non-blank character is ">". Found from the ">" signs, which most
 * messages have none of, rather than by visiting every line.
 */
function quotedLines(text: string, out: number[]): void {
  let sign = text.indexOf('>');
  while (sign !== -1) {
    let lineStart = sign;
    while (lineStart > 0 && (text[lineStart - 1] === ' ' || text[lineStart - 1] === '\t')) lineStart--;
    if (lineStart > 0 && text[lineStart - 1] !== '\n') {
      sign = text.indexOf('>', sign + 1);
      continue;
    }
    let lineEnd = text.indexOf('\n', sign);
    if (lineEnd === -1) lineEnd = text.length;
    out.push(lineStart, lineEnd);
    sign = text.indexOf('>', lineEnd);
  }
}

function urls(text: string, out: number[]): void {
  let at = text.indexOf('://');
  while (at !== -1) {
    let start = at;
    while (start > 0 && isUrlSchemeChar(text.charCodeAt(start - 1))) start--;
    const end = start < at ? urlEnd(text, at + 3) : at + 3;
    if (start < at) out.push(start, end);
    at = text.indexOf('://', Math.max(end, at + 3));
  }
  prefixed(text, 'www.', out);
  prefixed(text, 'WWW.', out);
  mailtos(text, out);
}

/** URLs written without a scheme, from `prefix` ("www.") on. */
function prefixed(text: string, prefix: string, out: number[]): void {
  let from = text.indexOf(prefix);
  while (from !== -1) {
    const end = urlEnd(text, from);
    out.push(from, end);
    from = text.indexOf(prefix, Math.max(end, from + prefix.length));
  }
}

/** "mailto:" links. */
function mailtos(text: string, out: number[]): void {
  let from = indexOfMailto(text, 0);
  while (from !== -1) {
    const end = urlEnd(text, from);
    out.push(from, end);
    from = indexOfMailto(text, Math.max(end, from + 7));
  }
}

/**
 * text.indexOf('mailto:', from), found through its colon: V8 searches for a pattern this
 * long several times slower than for one character, and colons are rare in prose.
 */
function indexOfMailto(text: string, from: number): number {
  let colon = text.indexOf(':', from + 6);
  while (colon !== -1 && !text.startsWith('mailto', colon - 6)) colon = text.indexOf(':', colon + 1);
  return colon === -1 ? -1 : colon - 6;
}

function emails(text: string, out: number[]): void {
  let at = text.indexOf('@');
  while (at !== -1) {
    let start = at;
    while (start > 0 && isEmailLocalChar(text.charCodeAt(start - 1))) start--;
    let end = at + 1;
    let dot = false;
    while (end < text.length && isHostChar(text.charCodeAt(end))) {
      if (text.charCodeAt(end) === 46) dot = true;
      end++;
    }
    while (end > at + 1 && text[end - 1] === '.') end--;
    if (start < at && dot) out.push(start, end);
    at = text.indexOf('@', end > at ? end : at + 1);
  }
}

export function findSkipZones(text: string): Zones {
  const raw: number[] = [];
  quotedLines(text, raw);
  urls(text, raw);
  emails(text, raw);
  if (raw.length === 0) return raw;
  sortPairs(raw);
  const merged: number[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const s = raw[i]!;
    const e = raw[i + 1]!;
    const last = merged.length - 1;
    if (last > 0 && s <= merged[last]!) merged[last] = Math.max(merged[last]!, e);
    else merged.push(s, e);
  }
  return merged;
}

/** Pairs that a check sorts by insertion; a paste with more (thousands of links) goes to Array.sort. */
const FEW_PAIRS = 32;

/**
 * Sorts the flat [start, end] pairs by start, stable like Array.sort. A message has a handful
 * of zones: those are sorted in place with no pair arrays; many, as Array.sort does it, so a
 * paste of thousands of links does not cost a quadratic sort.
 */
function sortPairs(raw: number[]): void {
  if (raw.length > 2 * FEW_PAIRS) {
    const pairs: [number, number][] = [];
    for (let i = 0; i < raw.length; i += 2) pairs.push([raw[i]!, raw[i + 1]!]);
    pairs.sort((a, b) => a[0] - b[0]);
    for (let p = 0; p < pairs.length; p++) [raw[2 * p], raw[2 * p + 1]] = pairs[p]!;
    return;
  }
  for (let i = 2; i < raw.length; i += 2) {
    const s = raw[i]!;
    const e = raw[i + 1]!;
    let j = i;
    while (j > 0 && raw[j - 2]! > s) {
      raw[j] = raw[j - 2]!;
      raw[j + 1] = raw[j - 1]!;
      j -= 2;
    }
    raw[j] = s;
    raw[j + 1] = e;
  }
}
