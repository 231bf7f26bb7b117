// Interleaved timing: every round runs each tool once on the same text, so machine noise
// (other processes, CPU frequency, GC) falls on all tools alike. Fast tools run several
// times per sample so one sample is long enough for the timer to be meaningful.

import type { Tool } from './peers.ts';

export interface Sample {
  tool: string;
  medianMs: number;
  samples: number;
}

// Long enough that the first, cache-cold call after another tool weighs little in a sample.
const MIN_SAMPLE_MS = 10;
/** Long enough for V8 to optimise every tool's hot loops before anything is timed. */
const WARM_UP_MS = 300;

function warmUp(tool: Tool, text: string): void {
  const until = performance.now() + WARM_UP_MS;
  let calls = 0;
  while (calls < 3 || performance.now() < until) {
    tool(text);
    calls++;
  }
}

/**
 * A scavenge (minor GC) before each sample, when node runs with --expose-gc: the young
 * garbage one tool leaves behind (retext builds a syntax tree per call) is then not collected
 * on the next tool's clock. A full GC would also discard compiled code and slow every tool.
 */
export const scavenge: () => void = (() => {
  const gc = (globalThis as { gc?: (options?: { type: 'minor' }) => void }).gc;
  return gc ? () => gc({ type: 'minor' }) : () => {};
})();

function timeOnce(tool: Tool, text: string, reps: number): number {
  scavenge();
  const start = process.hrtime.bigint();
  for (let r = 0; r < reps; r++) tool(text);
  return Number(process.hrtime.bigint() - start) / 1e6 / reps;
}

/** How many calls make one sample of at least MIN_SAMPLE_MS. */
function repetitions(tool: Tool, text: string): number {
  const once = Math.max(timeOnce(tool, text, 1), 1e-4);
  return Math.max(1, Math.ceil(MIN_SAMPLE_MS / once));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function measure(tools: Record<string, Tool>, text: string, rounds: number): Sample[] {
  const names = Object.keys(tools);
  for (const name of names) warmUp(tools[name]!, text);
  const reps = Object.fromEntries(names.map((n) => [n, repetitions(tools[n]!, text)]));
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < rounds; round++) {
    // Rotate the order each round so no tool always runs right after the same neighbour.
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]!;
      times[name]!.push(timeOnce(tools[name]!, text, reps[name]!));
    }
  }
  return names.map((tool) => ({ tool, medianMs: median(times[tool]!), samples: rounds }));
}
