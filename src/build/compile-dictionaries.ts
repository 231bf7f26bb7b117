// Compiles dictionaries/*.json into src/generated/dictionary.json (gitignored) for the
// extension build. Run with `npm run dict`. Exits with status 1 and a list of problems when a
// pack is invalid.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { compileDictionary } from '../dictionary/compile.ts';
import { DICTIONARY_DIR, REPO_ROOT, loadCapitals, loadPacks } from '../dictionary/load-node.ts';
import { DictionaryError } from '../dictionary/validate.ts';

const OUT_DIR = join(REPO_ROOT, 'src', 'generated');
const OUT_FILE = join(OUT_DIR, 'dictionary.json');

function main(): number {
  const started = performance.now();
  try {
    const packs = loadPacks(DICTIONARY_DIR);
    const capitals = loadCapitals(DICTIONARY_DIR);
    const compileStart = performance.now();
    const dictionary = compileDictionary(packs, capitals ? { capitals } : {});
    const compileMs = performance.now() - compileStart;
    const json = JSON.stringify(dictionary);
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(OUT_FILE, json);
    const bytes = Buffer.byteLength(json);
    const gzipped = gzipSync(json, { level: 9 }).length;
    const totalMs = performance.now() - started;
    console.log(
      [
        `Wrote ${OUT_FILE}`,
        `  packs:    ${packs.map((p) => `${p.pack} (${p.entries.length})`).join(', ')}`,
        `  entries:  ${dictionary.entries.length}`,
        `  keys:     ${Object.keys(dictionary.acronyms).length} acronyms, ${Object.keys(dictionary.dotted).length} dotted, ` +
          `${Object.keys(dictionary.words).length} words, ${Object.keys(dictionary.phrases).length} phrases, ${dictionary.capitals.length} capitals`,
        `  size:     ${bytes} bytes, ${gzipped} bytes gzipped`,
        `  time:     ${compileMs.toFixed(1)} ms compile, ${totalMs.toFixed(1)} ms with reading and validation, ` +
          `${performance.now().toFixed(0)} ms since process start (incl. loading compromise)`,
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    if (error instanceof DictionaryError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main();
