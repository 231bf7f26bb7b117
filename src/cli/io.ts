/**
 * The process's streams behind a small interface, so commands can be tested in-process with
 * strings instead of spawning Node for every case.
 */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** All of standard input as bytes (decoding and binary detection happen in read-input). */
  readStdin(): Promise<Uint8Array>;
}

export function processIo(): Io {
  // `selge check … | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw error;
  });
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  };
}

/** An Io that records output, for tests. */
export function memoryIo(stdin: string | Uint8Array = ''): Io & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout(text: string) {
      io.out += text;
    },
    stderr(text: string) {
      io.err += text;
    },
    async readStdin() {
      return typeof stdin === 'string' ? new TextEncoder().encode(stdin) : stdin;
    },
  };
  return io;
}
