// Node-only loading of the built-in dictionary: reads and validates the pack files, compiles
// them, and caches the compiled JSON under node_modules/.cache/selge/ keyed by a hash of the
// pack files and the compiler sources, so the CLI normally starts without loading compromise.

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledDictionary } from '../core/types.ts';
import type { Capitals, Pack } from './schema.ts';
import { LIMITS } from './text.ts';
import { DictionaryError, validateCapitals, validatePack, type Problem, type Result } from './validate.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
/** Repository root (this file is src/dictionary/load-node.ts). */
export const REPO_ROOT = resolve(HERE, '..', '..');
export const DICTIONARY_DIR = join(REPO_ROOT, 'dictionaries');
export const CAPITALS_FILE = 'capitals.json';
const DEFAULT_CACHE_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'selge');
/** Sources whose change must invalidate the cache. */
const COMPILER_SOURCES = ['compile.ts', 'paradigms.ts', 'schema.ts', 'text.ts', 'validate.ts'];

/** The pack files in `dir`, sorted: every `*.json` except capitals.json. */
export function packFileNames(dir = DICTIONARY_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && name !== CAPITALS_FILE)
    .sort();
}

function readJson(path: string, fileName: string): Result<unknown> {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    return { ok: false, problems: [{ file: fileName, path: '', message: `cannot be read (${(error as Error).message})` }] };
  }
  if (size > LIMITS.fileBytes) {
    return {
      ok: false,
      problems: [{ file: fileName, path: '', message: `is ${size} bytes; the limit for a dictionary file is ${LIMITS.fileBytes}` }],
    };
  }
  try {
    return { ok: true, value: JSON.parse(readFileSync(path, 'utf8')) as unknown };
  } catch (error) {
    return { ok: false, problems: [{ file: fileName, path: '', message: `is not valid JSON (${(error as Error).message})` }] };
  }
}

/**
 * Read and validate every pack in `dir`. Throws a `DictionaryError` listing all problems in all
 * files (not just the first) when anything is wrong.
 */
export function loadPacks(dir = DICTIONARY_DIR): Pack[] {
  const problems: Problem[] = [];
  const packs: Pack[] = [];
  for (const name of packFileNames(dir)) {
    const data = readJson(join(dir, name), name);
    if (!data.ok) {
      problems.push(...data.problems);
      continue;
    }
    const pack = validatePack(data.value, name);
    if (!pack.ok) {
      problems.push(...pack.problems);
      continue;
    }
    if (`${pack.value.pack}.json` !== name) {
      problems.push({
        file: name,
        path: 'pack',
        message: `is "${pack.value.pack}" but the file is named "${name}"; a built-in pack's name must match its file name`,
      });
      continue;
    }
    packs.push(pack.value);
  }
  if (problems.length > 0) throw new DictionaryError(problems, `The dictionary packs in ${dir} have problems`);
  return packs;
}

/** Read and validate `capitals.json` in `dir`; undefined when the file does not exist. */
export function loadCapitals(dir = DICTIONARY_DIR): Capitals | undefined {
  const path = join(dir, CAPITALS_FILE);
  try {
    statSync(path);
  } catch {
    return undefined;
  }
  const data = readJson(path, CAPITALS_FILE);
  if (!data.ok) throw new DictionaryError(data.problems);
  const capitals = validateCapitals(data.value, CAPITALS_FILE);
  if (!capitals.ok) throw new DictionaryError(capitals.problems);
  return capitals.value;
}

/** Hash of every dictionary file, the compiler sources and compromise's version (hex, 16 characters). */
export function dictionaryHash(dir = DICTIONARY_DIR): string {
  const hash = createHash('sha256');
  const files = [...packFileNames(dir), CAPITALS_FILE];
  for (const name of files) {
    hash.update(`file:${name}\n`);
    try {
      hash.update(readFileSync(join(dir, name)));
    } catch {
      hash.update('(missing)');
    }
  }
  for (const name of COMPILER_SOURCES) {
    hash.update(`src:${name}\n`);
    try {
      hash.update(readFileSync(join(HERE, name)));
    } catch {
      hash.update('(missing)');
    }
  }
  // compromise decides the English inflections, so its version is part of the key too.
  hash.update('compromise:');
  try {
    hash.update(readFileSync(join(REPO_ROOT, 'node_modules', 'compromise', 'package.json')));
  } catch {
    hash.update('(missing)');
  }
  return hash.digest('hex').slice(0, 16);
}

export interface LoadOptions {
  /** Folder with the packs; default `<repo>/dictionaries`. */
  dir?: string;
  /** Cache folder; default `<repo>/node_modules/.cache/selge`. `false` disables the cache. */
  cacheDir?: string | false;
}

/**
 * The compiled built-in dictionary. On a cache hit this reads one JSON file; otherwise it
 * validates and compiles the packs (loading compromise) and writes the cache.
 */
export async function loadBuiltinDictionary(options: LoadOptions = {}): Promise<CompiledDictionary> {
  const dir = options.dir ?? DICTIONARY_DIR;
  const cacheDir = options.cacheDir ?? DEFAULT_CACHE_DIR;
  const cacheFile = cacheDir === false ? undefined : join(cacheDir, `dictionary-${dictionaryHash(dir)}.json`);

  if (cacheFile) {
    try {
      const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as CompiledDictionary;
      if (cached.format === 'selge-compiled/1') return cached;
    } catch {
      // no cache yet, or a damaged one: compile below
    }
  }

  const { compileDictionary } = await import('./compile.ts');
  const capitals = loadCapitals(dir);
  const dictionary = compileDictionary(loadPacks(dir), capitals ? { capitals } : {});

  if (cacheFile && cacheDir !== false) {
    try {
      writeCache(cacheDir, cacheFile, JSON.stringify(dictionary));
    } catch {
      // A read-only node_modules must not stop the CLI; it just compiles every time.
    }
  }
  return dictionary;
}

function writeCache(cacheDir: string, cacheFile: string, json: string): void {
  mkdirSync(cacheDir, { recursive: true });
  const temp = `${cacheFile}.${process.pid}.tmp`;
  writeFileSync(temp, json);
  renameSync(temp, cacheFile); // atomic: a concurrent reader never sees half a file
  for (const name of readdirSync(cacheDir)) {
    const path = join(cacheDir, name);
    if (/^dictionary-[0-9a-f]+\.json$/u.test(name) && path !== cacheFile) rmSync(path, { force: true });
  }
}
