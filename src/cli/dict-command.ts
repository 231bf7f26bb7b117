/**
 * `selge dict list` and `selge dict validate`: what the checker knows, and whether a user or
 * team dictionary file is acceptable, by the same rules the extension's popup applies.
 * As in `selge check`, every usage and input error (exit 2) happens before the first byte of
 * stdout.
 */
import { loadPacks } from '../dictionary/load-node.ts';
import type { Entry, Pack } from '../dictionary/schema.ts';
import { formatUserProblem, USER_LIMITS } from '../dictionary/user-entry.ts';
import { oneOf, parseStrict, type OutputFormat } from './args.ts';
import { dictionaryFormat, readDictionaryFile } from './dict-file.ts';
import { dictionaryError, loadOverlays } from './dictionary.ts';
import { usageError } from './errors.ts';
import type { Io } from './io.ts';

export const DICT_HELP = `Usage: selge dict list [--pack NAME] [--format text|json] [--dict FILE]...
       selge dict validate FILE...

list       print every entry the checker knows, one per line: pack, term, kind,
           familiarity, and each sense's English / Estonian expansion (senses separated by |)
  --pack NAME           only the entries of this pack (built-in: cx, familiar, it, support …)
  --format text|json    text, aligned, for people (default); json prints JSON Lines:
                        one object per entry per line, the entry as in its pack plus "pack"
                        (and "replacedBy" when a later --dict redefines the term)
  --dict FILE           also list a team or user dictionary, as selge check --dict layers it;
                        may be given more than once

validate   check team or user dictionary files by the rules the extension's popup uses
  FILE                  a .json file (a pack, or a list of entries) or a .csv file
                        (header: term,kind,familiarity,expansion_en,expansion_et,
                        explanation_en,explanation_et,plain_en,plain_et,source
                        [,variants,uncertain,forms_en,forms_et]); at most ${USER_LIMITS.fileBytes.toLocaleString('en-US')} bytes
  Prints FILE: OK, N entries … for a valid file, and for an invalid one a line per problem:
  FILE:LINE: entry "TERM": FIELD: what is wrong.

  -h, --help            show this help

The file formats and the defaults for user dictionaries are in dictionaries/README.md.

Exit status: 0 done / every file valid, 1 some file invalid (validate), 2 usage or input error.
`;

const FORMATS: readonly OutputFormat[] = ['text', 'json'];

export async function runDict(argv: readonly string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === '-h' || sub === '--help' || sub === 'help') {
    io.stdout(DICT_HELP);
    return 0;
  }
  if (sub === 'list') return runList(rest, io);
  if (sub === 'validate') return runValidate(rest, io);
  if (sub === undefined) throw usageError('dict: missing subcommand (list or validate; see selge dict --help)');
  throw usageError(`dict: unknown subcommand '${sub}' (list or validate; see selge dict --help)`);
}

// ---------------------------------------------------------------------------------------------
// dict list

export interface ListedEntry {
  pack: string;
  entry: Entry;
  /** The pack of a later --dict that redefines this term, so the checker uses that one instead. */
  replacedBy?: string;
}

async function runList(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseStrict(argv, {
    help: { type: 'boolean', short: 'h' },
    pack: { type: 'string' },
    format: { type: 'string' },
    dict: { type: 'string', multiple: true },
  });
  if (values.help) {
    io.stdout(DICT_HELP);
    return 0;
  }
  if (positionals.length > 0) throw usageError(`dict list: unexpected argument '${positionals[0]}' (see selge dict --help)`);
  const format = oneOf('--format', values.format ?? 'text', FORMATS);

  const overlays = await loadOverlays(values.dict ?? []);
  let builtin: Pack[];
  try {
    builtin = loadPacks();
  } catch (error) {
    throw dictionaryError(error, 'built-in dictionary: ');
  }
  const packs = [...builtin, ...overlays.map(({ pack }) => pack)];
  const known = [...new Set(packs.map((pack) => pack.pack))];
  if (values.pack !== undefined && !known.includes(values.pack)) {
    throw usageError(`--pack: no pack named '${values.pack}' (known packs: ${known.join(', ')})`);
  }

  const listed = listEntries(packs).filter((item) => values.pack === undefined || item.pack === values.pack);
  io.stdout(format === 'json' ? listed.map(renderListJson).join('') : renderListText(listed));
  return 0;
}

/** Every entry of every pack in order, marking those a later pack redefines (same term, any case). */
export function listEntries(packs: readonly Pack[]): ListedEntry[] {
  const lastPack = new Map<string, number>();
  packs.forEach((pack, p) => {
    for (const entry of pack.entries) lastPack.set(entry.term.toLowerCase(), p);
  });
  return packs.flatMap((pack, p) =>
    pack.entries.map((entry) => {
      const last = lastPack.get(entry.term.toLowerCase()) ?? p;
      return last > p ? { pack: pack.pack, entry, replacedBy: packs[last]!.pack } : { pack: pack.pack, entry };
    }),
  );
}

/** One JSON object per line: `pack` first, then the entry as in its pack, then `replacedBy` if any. */
export function renderListJson(item: ListedEntry): string {
  return `${JSON.stringify({ pack: item.pack, ...item.entry, ...(item.replacedBy ? { replacedBy: item.replacedBy } : {}) })}\n`;
}

/** The first of the ";"-separated alternatives: "first contact resolution; first call resolution" → the first. */
function firstAlternative(text: string): string {
  return text.split(';')[0]!.trim();
}

/** "customer service / klienditeenindus | customer success / kliendiedu". */
export function sensesInShort(entry: Entry): string {
  return entry.senses
    .map((sense) => {
      const en = firstAlternative(sense.en.expansion);
      const et = firstAlternative(sense.et.expansion);
      return en.toLowerCase() === et.toLowerCase() ? en : `${en} / ${et}`;
    })
    .join(' | ');
}

const length = (text: string) => [...text].length;
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - length(text)));

/** One entry per line, columns aligned: pack, term, kind, familiarity, senses in short. */
export function renderListText(items: readonly ListedEntry[]): string {
  const width = (values: string[], cap: number) => Math.min(cap, Math.max(0, ...values.map(length)));
  const packWidth = width(items.map((item) => item.pack), 16);
  const termWidth = width(items.map((item) => item.entry.term), 24);
  return items
    .map((item) => {
      const { entry } = item;
      const replaced = item.replacedBy ? `  [replaced by ${item.replacedBy}]` : '';
      return [pad(item.pack, packWidth), pad(entry.term, termWidth), pad(entry.kind, 7), pad(entry.familiarity, 8), sensesInShort(entry) + replaced].join('  ');
    })
    .map((line) => `${line.trimEnd()}\n`)
    .join('');
}

// ---------------------------------------------------------------------------------------------
// dict validate

async function runValidate(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals: files } = parseStrict(argv, { help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    io.stdout(DICT_HELP);
    return 0;
  }
  if (files.length === 0) throw usageError('dict validate: no files (give one or more .json or .csv dictionary files)');
  for (const file of files) dictionaryFormat(file); // a wrong extension is a usage error: before reading anything
  const results = [];
  for (const file of files) results.push({ file, result: await readDictionaryFile(file) });

  const lines: string[] = [];
  for (const { file, result } of results) {
    if (result.ok) {
      const count = result.pack.entries.length;
      lines.push(`${file}: OK, ${count} ${count === 1 ? 'entry' : 'entries'} (pack "${result.pack.pack}")`);
    } else {
      lines.push(...result.problems.map(formatUserProblem));
    }
  }
  io.stdout(lines.map((line) => `${line}\n`).join(''));
  return results.every(({ result }) => result.ok) ? 0 : 1;
}
