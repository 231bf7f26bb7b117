/**
 * `selge check`: read every input, load the dictionary, check each text, then print. The
 * order matters: any usage or input error (exit 2) happens before the first byte of stdout,
 * so a script never sees half a result.
 */
import { check, DEFAULT_THRESHOLD } from '../core/index.ts';
import type { CheckOptions, CompiledDictionary, Report } from '../core/types.ts';
import { parseCheckArgs } from './args.ts';
import { renderJson, renderText, renderTotals, type CheckedFile } from './format.ts';
import type { Io } from './io.ts';
import { MACRO_EXTENSIONS, readInputs } from './read-input.ts';

export const CHECK_HELP = `Usage: selge check [options] FILE|DIR|- ...

Finds acronyms and jargon a customer may not understand in Estonian and English messages.
A message fails the "mida-see-tähendab?" test when the reader would have to ask "what does
this mean?" about more distinct terms than the threshold allows.

Inputs:
  FILE        a message file (UTF-8, or UTF-16 with a byte-order mark)
  DIR         every ${MACRO_EXTENSIONS.join(' and ')} file under it, recursively (hidden entries skipped)
  -           standard input, shown as <stdin>

Options:
  --lang auto|et|en     language of the messages (default: auto, detected per file)
  --format text|json    text for people (default); json prints one report per file per line
  --threshold N         distinct unexplained terms a message may hold and still pass (default ${DEFAULT_THRESHOLD})
  --include-familiar    also show explained terms and terms everyone knows, marked as such
  --dict FILE           a team or user dictionary: .json (a pack like dictionaries/*.json, or
                        a list of entries) or .csv (see selge dict --help), layered over the
                        built-in dictionary; may be given more than once, a later one wins
  -h, --help            show this help

Text output: FILE:LINE:COL  TERM  unexplained — meaning, then FILE: pass|fail — N questions.
Lines and columns are 1-based; columns count Unicode characters (code points).

Exit status: 0 every message passes, 1 at least one fails, 2 usage or input error.
`;

/** What check needs from the rest of Selge; injected so the command is testable without them. */
export interface CheckDeps {
  loadDictionary(dictFiles: readonly string[]): Promise<CompiledDictionary>;
  check(text: string, options: CheckOptions): Report;
}

export async function runCheck(argv: readonly string[], io: Io, deps?: CheckDeps): Promise<number> {
  const args = parseCheckArgs(argv);
  if (args.help) {
    io.stdout(CHECK_HELP);
    return 0;
  }
  const inputs = await readInputs(args.inputs, () => io.readStdin());
  // The dictionary modules load lazily: --help and usage errors should not pay for them.
  const { loadDictionary, check: checkText } = deps ?? (await defaultDeps());
  const dictionary = await loadDictionary(args.dicts);

  const files: CheckedFile[] = inputs.map(({ name, text }) => ({
    name,
    text,
    report: checkText(text, {
      dictionary,
      language: args.lang,
      threshold: args.threshold,
      includeFamiliar: args.includeFamiliar,
    }),
  }));

  if (args.format === 'json') {
    io.stdout(files.map(renderJson).join(''));
  } else {
    io.stdout(files.map((file) => renderText(file, { includeFamiliar: args.includeFamiliar })).join(''));
    if (files.length > 1) io.stdout(renderTotals(files));
  }
  return files.some((file) => file.report.verdict === 'fail') ? 1 : 0;
}

async function defaultDeps(): Promise<CheckDeps> {
  const { loadDictionary } = await import('./dictionary.ts');
  return { check, loadDictionary };
}
