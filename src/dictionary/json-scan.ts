// Where things are in a JSON text that JSON.parse has already accepted: the offset where each
// entry starts, the offsets of the top-level keys, and keys written twice in one object (which
// JSON.parse resolves silently by keeping the last). Problems in a user dictionary can then name
// a line. Iterative, so a hostile file nested a million levels deep cannot overflow the stack.

export interface JsonScan {
  /** Offsets where each entry starts: the elements of the root array, or of the root object's "entries". */
  entryStarts: number[];
  /** Offsets of the root object's keys (the last one, as JSON.parse keeps). */
  topKeys: Map<string, number>;
  /** Keys repeated in one object: `entry` is the entry index when the object is inside an entry. */
  duplicateKeys: Array<{ key: string; offset: number; firstOffset: number; entry?: number }>;
}

interface Frame {
  type: 'object' | 'array';
  /** Object keys seen so far, with their offsets. */
  keys: Map<string, number>;
  /** Key whose value comes next (objects). */
  key: string | undefined;
  expectKey: boolean;
  /** Element count so far (arrays). */
  count: number;
  /** True for the array whose elements are the entries. */
  entries: boolean;
  /** The entry this container belongs to, if any. */
  entry: number | undefined;
}

/** Scan `text`, which must be valid JSON (call JSON.parse first). */
export function scanJson(text: string): JsonScan {
  const entryStarts: number[] = [];
  const topKeys = new Map<string, number>();
  const duplicateKeys: JsonScan['duplicateKeys'] = [];
  // Root "entries" may be written twice; JSON.parse keeps the last, so each array restarts the list.
  const stack: Frame[] = [];
  let i = 0;

  const beginValue = (at: number): number | undefined => {
    const top = stack.at(-1);
    if (!top) return undefined;
    if (top.type === 'array') {
      const index = top.count++;
      if (top.entries) {
        entryStarts.push(at);
        return index;
      }
    }
    return top.entry;
  };
  const push = (type: Frame['type'], at: number) => {
    const parent = stack.at(-1);
    const entry = beginValue(at);
    const isEntries = type === 'array' && (stack.length === 0 || (stack.length === 1 && parent?.type === 'object' && parent.key === 'entries'));
    if (isEntries) entryStarts.length = 0;
    stack.push({ type, keys: new Map(), key: undefined, expectKey: type === 'object', count: 0, entries: isEntries, entry });
  };

  while (i < text.length) {
    const c = text[i]!;
    if (c === '{' || c === '[') {
      push(c === '{' ? 'object' : 'array', i);
      i++;
    } else if (c === '}' || c === ']') {
      stack.pop();
      i++;
    } else if (c === '"') {
      const start = i;
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
      const top = stack.at(-1);
      if (top?.type === 'object' && top.expectKey) {
        const key = JSON.parse(text.slice(start, i)) as string;
        const first = top.keys.get(key);
        if (first !== undefined) duplicateKeys.push({ key, offset: start, firstOffset: first, ...(top.entry !== undefined ? { entry: top.entry } : {}) });
        top.keys.set(key, start);
        if (stack.length === 1) topKeys.set(key, start);
        top.key = key;
        top.expectKey = false;
      } else {
        beginValue(start);
      }
    } else if (c === ',') {
      const top = stack.at(-1);
      if (top?.type === 'object') top.expectKey = true;
      i++;
    } else if (c === ':' || c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else {
      // number, true, false, null
      beginValue(i);
      while (i < text.length && !/[\s,\]}]/u.test(text[i]!)) i++;
    }
  }
  return { entryStarts, topKeys, duplicateKeys };
}

