// Typed arrays that check() reuses from call to call for its per-occurrence scratch state,
// grown as needed. check() is synchronous and keeps nothing from them after it returns.
// Allocating them per call costs more than a short message's scan (typed-array memory lies
// outside the young heap); plain arrays are no way out: V8 stores an Array made with
// new Array(n) for n above about 100 000 as a dictionary, which a paste with that many
// findings reaches.

export class Scratch<T extends Int32Array | Uint8Array> {
  private buffer: T;

  constructor(private readonly make: (size: number) => T) {
    this.buffer = make(256);
  }

  /** The buffer with its first `size` slots set to `value` (slots beyond are stale). */
  take(size: number, value: number): T {
    if (this.buffer.length < size) this.buffer = this.make(Math.max(size, this.buffer.length * 2));
    this.buffer.fill(value, 0, size);
    return this.buffer;
  }
}
