// Word tokens: maximal runs of letters, digits and combining marks, outside skip zones.
// Stored as two parallel number arrays so a 1 MB paste does not allocate an object per word.

import type { Zones } from './skip-zones.ts';

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

export interface Tokens {
  starts: number[];
  ends: number[];
}

export function tokenize(text: string, zones: Zones): Tokens {
  const starts: number[] = [];
  const ends: number[] = [];
  let zone = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    while (zone < zones.length && zones[zone + 1]! <= start) zone += 2;
    if (zone < zones.length && zones[zone]! < end) {
      // Inside (or touching) a URL, e-mail or quoted line: jump past the zone.
      if (zones[zone + 1]! > WORD.lastIndex) WORD.lastIndex = zones[zone + 1]!;
      continue;
    }
    starts.push(start);
    ends.push(end);
  }
  return { starts, ends };
}
