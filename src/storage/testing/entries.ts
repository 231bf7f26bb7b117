// Valid user entries for tests of the store, the service and the client.
import type { Entry } from '../../dictionary/schema.ts';
import { validateUserEntry } from '../../dictionary/user-entry.ts';

/** What the "Add meaning…" form sends for `term`. */
export function formEntry(term: string, expansion = `${term} expansion`, explanation = `What ${term} means, in one sentence.`) {
  return { term, senses: [{ en: { expansion, explanation } }] };
}

/** `formEntry(term)` with the user defaults filled in, as the store keeps it. */
export function userEntry(term: string, expansion?: string): Entry {
  const result = validateUserEntry(formEntry(term, expansion));
  if (!result.ok) throw new Error(`test entry ${term} is invalid: ${JSON.stringify(result.problems)}`);
  return result.entry;
}

/** Distinct acronym-shaped terms: XAA, XAB, … */
export function acronymTerm(index: number): string {
  const a = String.fromCharCode(65 + Math.floor(index / 26 / 26) % 26);
  const b = String.fromCharCode(65 + Math.floor(index / 26) % 26);
  const c = String.fromCharCode(65 + (index % 26));
  return `X${a}${b}${c}`;
}
