// Public API of the Selge checker core. Pinned by index.test.ts: change it on purpose only.

export { check, createChecker, DEFAULT_THRESHOLD } from './check.ts';
export { detectLanguage } from './language.ts';
export type {
  CheckOptions,
  CompiledDictionary,
  CompiledEntry,
  Finding,
  Kind,
  Language,
  LanguageOption,
  Meaning,
  Report,
  Sense,
  SenseText,
} from './types.ts';
