// Where the next closing bracket is, for one text. check() asks about the terms in text
// order, so each answer is kept until a question comes from past it: all the bracket
// look-ups of one check read the text about once, however many terms there are. (A search
// per term would read from each "(" to its ")" — to the end of the text when a long paste
// leaves a bracket open — or, bounded to a window, copy that window for every term.)

export class ClosingBrackets {
  /** Per closer (")" then "]"): where the last search started, and what it found (-1: none). */
  private readonly searchedFrom = [-1, -1];
  private readonly found = [-1, -1];

  constructor(private readonly text: string) {}

  /** The first `closer` in text[from, limit), or -1. */
  within(closer: ')' | ']', from: number, limit: number): number {
    const k = closer === ')' ? 0 : 1;
    const searchedFrom = this.searchedFrom[k]!;
    let found = this.found[k]!;
    if (from < searchedFrom) {
      // A question from behind the last one (rare): read only up to the limit, keep nothing.
      const end = Math.min(limit, this.text.length);
      const code = closer.charCodeAt(0);
      for (let i = from; i < end; i++) if (this.text.charCodeAt(i) === code) return i;
      return -1;
    }
    // No closer lies in [searchedFrom, found), so the answer holds for any `from` up to found.
    if (searchedFrom === -1 || (found !== -1 && from > found)) {
      this.searchedFrom[k] = from;
      found = this.found[k] = this.text.indexOf(closer, from);
    }
    return found !== -1 && found < limit ? found : -1;
  }
}
