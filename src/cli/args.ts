/**
 * Command-line parsing on top of node:util parseArgs (no dependency). parseArgs does the
 * tokenising; this file turns its multi-line errors into the one-line reasons the CLI promises
 * and checks the values parseArgs cannot (--lang, --format, --threshold).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { LanguageOption } from '../core/types.ts';
import { usageError } from './errors.ts';

export type OutputFormat = 'text' | 'json';

export interface CheckArgs {
  help: boolean;
  lang: LanguageOption;
  format: OutputFormat;
  /** Undefined when not given, so the core's own default applies. */
  threshold: number | undefined;
  includeFamiliar: boolean;
  /** User/team dictionary packs, merged over the built-in ones in the order given. */
  dicts: string[];
  /** File names, directory names and `-` for standard input, as typed. */
  inputs: string[];
}

const LANGS: readonly LanguageOption[] = ['auto', 'et', 'en'];
const FORMATS: readonly OutputFormat[] = ['text', 'json'];

const CHECK_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  lang: { type: 'string' },
  format: { type: 'string' },
  threshold: { type: 'string' },
  'include-familiar': { type: 'boolean' },
  dict: { type: 'string', multiple: true },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

export function parseCheckArgs(argv: readonly string[]): CheckArgs {
  const { values, positionals } = parseStrict(argv, CHECK_OPTIONS);
  const help = values.help ?? false;
  const args: CheckArgs = {
    help,
    lang: oneOf('--lang', values.lang ?? 'auto', LANGS),
    format: oneOf('--format', values.format ?? 'text', FORMATS),
    threshold: values.threshold === undefined ? undefined : parseThreshold(values.threshold),
    includeFamiliar: values['include-familiar'] ?? false,
    dicts: values.dict ?? [],
    inputs: positionals,
  };
  if (!help && args.inputs.length === 0) {
    throw usageError('check: no input files (give one or more files or directories, or - for standard input)');
  }
  if (args.inputs.filter((input) => input === '-').length > 1) {
    throw usageError('check: - (standard input) can be given only once');
  }
  return args;
}

/** A whole number ≥ 0. Written out by hand because Number() accepts "", "0x10", "1e3" and " 2". */
export function parseThreshold(raw: string): number {
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
    throw usageError(`--threshold must be a whole number 0 or more, got '${raw}'`);
  }
  return Number(raw);
}

export function oneOf<T extends string>(flag: string, raw: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw usageError(`${flag} must be one of ${allowed.join(', ')}, got '${raw}'`);
}

/**
 * parseArgs in strict mode, with its errors rewritten to one line. Exported for later
 * subcommands (`selge dict list|validate`) so they report errors the same way.
 */
export function parseStrict<O extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(describeParseError(error, argv));
  }
}

function describeParseError(error: unknown, argv: readonly string[]): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? 'option';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option} (see --help)`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      if (message.includes('ambiguous')) {
        // `--threshold -1`: parseArgs refuses a value that looks like a flag.
        const value = argv[argv.indexOf(option) + 1] ?? '';
        if (option === '--threshold') return `--threshold must be a whole number 0 or more, got '${value}'`;
        return `${option} got '${value}', which looks like an option; write ${option}=${value} if you mean it`;
      }
      if (message.includes('missing')) return `${option} needs a value`;
      return `${option} does not take a value`;
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument (see --help)`;
    default:
      return message.split('\n')[0] ?? 'invalid arguments';
  }
}
