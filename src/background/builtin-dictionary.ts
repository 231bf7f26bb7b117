// The built-in dictionary, compiled by `npm run dict`. Only the background imports it: the
// content script asks for it by message, so pages never load 350 KB of script per frame.
import type { CompiledDictionary } from '../core/index.ts';
import compiled from '../generated/dictionary.json';

// The JSON's inferred type has `format: string`; the compiler guarantees the real shape.
export const BUILTIN_DICTIONARY = compiled as unknown as CompiledDictionary;
