// write-good ships no types; this is the one call the benchmark makes.
declare module 'write-good' {
  interface Suggestion {
    index: number;
    offset: number;
    reason: string;
  }
  export default function writeGood(text: string, options?: Record<string, unknown>): Suggestion[];
}
