/**
 * Every problem the user can fix (a bad flag, a missing file, a broken dictionary) is a
 * CliError: main prints its one-line message to stderr and exits 2, and nothing is written to
 * stdout because each command does all its reading and checking before it prints anything.
 */
export class CliError extends Error {
  /** Both exit 2; the kind says whose mistake it is (how the command was typed, or what it was given). */
  readonly kind: 'usage' | 'input';

  constructor(kind: 'usage' | 'input', message: string) {
    super(message);
    this.name = 'CliError';
    this.kind = kind;
  }
}

export const usageError = (message: string): CliError => new CliError('usage', message);
export const inputError = (message: string): CliError => new CliError('input', message);
