// Randomised browser scenarios take their seed from SELGE_SEED, or a fresh one per run (CI runs
// the whole browser suite SELGE_REPEAT times, see .ci/run, each repetition with a new seed).
// The seed is printed, and every failure names it: SELGE_SEED=<seed> replays the same run.

export function scenarioSeed(): number {
  const given = process.env.SELGE_SEED;
  if (given !== undefined && given !== '') {
    const seed = Number(given);
    if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`SELGE_SEED must be a non-negative integer, not ${JSON.stringify(given)}`);
    return seed;
  }
  return Math.floor(Math.random() * 2 ** 31);
}

/** "repetition 2 of 3" when CI repeats the suite, else "". */
export function repetitionLabel(): string {
  const r = process.env.SELGE_REPETITION;
  const of = process.env.SELGE_REPEAT;
  return r && of ? `repetition ${r} of ${of}` : '';
}
