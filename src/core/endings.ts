// Estonian case endings that attach to an acronym, with a hyphen (CRM-iga), without one
// (CRMiga), after an apostrophe (SMS'e) or after the "hyphen + space" typo (CEM- iga).
// Source: EKI "Lühendite ja tähiste käänamine"; the list in shared/notes/estonian.md.
// English plural "s" is in the set too (KPIs).

const SINGULAR_CASES = ['sse', 's', 'st', 'le', 'l', 'lt', 'ks', 'ni', 'na', 'ta', 'ga'];

function buildEndings(): Set<string> {
  const endings = new Set<string>([
    // genitive, partitive
    'i', 'd', 't', 'it',
    // plural nominative, genitive, partitive
    'id', 'de', 'ide', 'te', 'sid', 'e',
  ]);
  for (const c of SINGULAR_CASES) {
    endings.add(c); // CRMis, CRMga
    endings.add('i' + c); // CRMiga, CRMist
    endings.add('de' + c); // VDdest
    endings.add('ide' + c); // KOVidel
  }
  // Clitic particles -gi/-ki may close any form: "CRM-igi", "KPI-dki".
  for (const e of [...endings]) {
    endings.add(e + 'gi');
    endings.add(e + 'ki');
  }
  endings.add('gi');
  endings.add('ki');
  return endings;
}

const ENDINGS: ReadonlySet<string> = buildEndings();

/** Longest ending we know; lets callers skip longer tails without a lookup. */
export const MAX_ENDING_LENGTH = Math.max(...[...ENDINGS].map((e) => e.length));

/** True when `tail` (lowercase) is a case ending an acronym can take. */
export function isCaseEnding(tail: string): boolean {
  return tail.length <= MAX_ENDING_LENGTH && ENDINGS.has(tail);
}
