// The team dictionary an administrator sets through policy: storage.managed key
// TEAM_DICTIONARY_KEY. Chrome (public/managed_schema.json) takes it as text, JSON or CSV, as
// `selge dict validate` checks it; Firefox's policies.json (3rdparty.Extensions.<id>) may also
// give the pack object or list of entries itself. Read with the user-dictionary rules
// (parseUserDictionary): one bad entry and the whole team dictionary is refused, with problems.
import type { Pack } from '../dictionary/schema.ts';
import { formatUserProblem, parseUserDictionary } from '../dictionary/user.ts';

export const TEAM_DICTIONARY_KEY = 'teamDictionary';

export type TeamRead = { state: 'none' } | { state: 'ok'; pack: Pack } | { state: 'invalid'; problems: string[] };

/** The managed value read as a pack. */
export function readTeamDictionary(raw: unknown): TeamRead {
  if (raw === undefined || raw === null || raw === '') return { state: 'none' };
  let text: string;
  let format: 'json' | 'csv';
  if (typeof raw === 'string') {
    text = raw;
    format = /^\uFEFF?\s*[[{]/u.test(raw) ? 'json' : 'csv';
  } else if (typeof raw === 'object') {
    // Indented, so problems name useful line numbers.
    text = JSON.stringify(raw, null, 2);
    format = 'json';
  } else {
    return { state: 'invalid', problems: [`${TEAM_DICTIONARY_KEY} must be JSON or CSV text, or a pack object; it is ${typeof raw}.`] };
  }
  const result = parseUserDictionary(text, format, `team.${format}`);
  if (result.ok) return { state: 'ok', pack: result.pack };
  return { state: 'invalid', problems: result.problems.map(formatUserProblem) };
}
