/**
 * Entry point: picks the subcommand from a dispatch table, runs it, and turns errors into
 * exit codes. A new subcommand is one more row in COMMANDS.
 *
 * Exit codes: 0 pass, 1 some message fails, 2 usage or input error (one line on stderr).
 */
import { readFileSync } from 'node:fs';
import { CHECK_HELP, runCheck } from './check-command.ts';
import { DICT_HELP, runDict } from './dict-command.ts';
import { CliError } from './errors.ts';
import { processIo, type Io } from './io.ts';

interface Command {
  summary: string;
  help: string;
  run(argv: readonly string[], io: Io): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  check: {
    summary: 'check messages for acronyms and jargon a customer may not understand',
    help: CHECK_HELP,
    run: runCheck,
  },
  dict: {
    summary: 'list the entries the checker knows, or validate a team or user dictionary (JSON or CSV)',
    help: DICT_HELP,
    run: runDict,
  },
};

/** Own keys only: `selge constructor` must not find Object.prototype.constructor. */
function commandNamed(name: string): Command | undefined {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
}

function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const rows = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return `Usage: selge <command> [options]

Commands:
${rows.join('\n')}

Options:
  -h, --help      show this help (selge <command> --help for a command's options)
  -V, --version   print the version

Examples:
  npx selge check --lang et macros/
  npx selge check --dict team.csv macros/
  npx selge dict list --pack cx
  npx selge dict validate team.csv
`;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined) {
      throw new CliError('usage', `missing command (commands: ${Object.keys(COMMANDS).join(', ')}; see selge --help)`);
    }
    if (first === '-h' || first === '--help') {
      io.stdout(mainHelp());
      return 0;
    }
    if (first === '-V' || first === '--version') {
      io.stdout(`selge ${version()}\n`);
      return 0;
    }
    if (first === 'help') {
      const topic = rest[0] === undefined ? undefined : commandNamed(rest[0]);
      if (rest[0] !== undefined && !topic) throw new CliError('usage', `unknown command '${rest[0]}'`);
      io.stdout(topic?.help ?? mainHelp());
      return 0;
    }
    const command = commandNamed(first);
    if (!command) {
      throw new CliError('usage', first.startsWith('-') ? `unknown option ${first} (see selge --help)` : `unknown command '${first}' (commands: ${Object.keys(COMMANDS).join(', ')})`);
    }
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      // One line, always: scripts and CI logs read stderr line by line.
      io.stderr(`selge: ${error.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return 2;
    }
    // A bug, not the user's fault; still exit 2 (never 0/1, which mean a verdict) with one line.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`selge: internal error: ${message.split('\n')[0]}\n`);
    if (process.env.SELGE_DEBUG && error instanceof Error) io.stderr(`${error.stack}\n`);
    return 2;
  }
}

/** Called by bin.mjs. Sets exitCode rather than calling exit() so piped stdout is flushed. */
export async function runFromProcess(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2), processIo());
}
