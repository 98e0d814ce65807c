/**
 * Standard output and standard error, written synchronously with `fs.writeSync`.
 *
 * Node makes `process.stdout` for a pipe (how CI runners read a step's output) a `net.Socket`:
 * the net module and a libuv pipe load at the first write, several ms of a cold `build`
 * (issue 2, point 9), and a write may still be queued when the process ends. A CLI writes a
 * few kilobytes once; written here, they are out, in order, when `write` returns, so the process
 * can end at once. Two cases hand over to Node's stream: a terminal (`isTTY`, colours and
 * columns belong to it) stays with Node, and a full non-blocking pipe (`EAGAIN`) passes the rest
 * of the output to the stream, which waits for the reader. A reader that went away (`EPIPE`,
 * as with `| head`) ends the output quietly instead of failing the command.
 */
import { fstatSync, writeSync } from 'node:fs';

/** What the CLI writes its report, warnings and errors to. */
export interface SyncOutput {
  write(chunk: string): boolean;
  readonly isTTY: boolean;
  /** True while everything written so far has reached the file descriptor (no stream took over). */
  readonly settled: boolean;
}

/** The pieces {@link createSyncOutput} uses; tests give their own. */
export interface SyncOutputOptions {
  readonly write?: (fd: number, bytes: Uint8Array, offset: number, length: number) => number;
  readonly isTTY?: boolean;
  /** Node's stream for the same descriptor (`process.stdout` or `process.stderr`), made on first need. */
  readonly stream: () => { write(chunk: string | Uint8Array): boolean };
}

/**
 * `tty.isatty(fd)`, without loading node:tty (and node:net, which it needs) for the pipes and files
 * a CI step has: only a character device can be a terminal.
 */
export function isTerminal(fd: number): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return process.getBuiltinModule('node:tty').isatty(fd);
}

/** An output on file descriptor `fd` (1 or 2). */
export function createSyncOutput(fd: number, options: SyncOutputOptions): SyncOutput {
  const write = options.write ?? writeSync;
  const isTTY = options.isTTY ?? isTerminal(fd);
  let stream: ReturnType<SyncOutputOptions['stream']> | undefined;
  let closed = false;
  return {
    isTTY,
    get settled() {
      return stream === undefined;
    },
    write(chunk: string): boolean {
      if (isTTY || stream !== undefined) return (stream ??= options.stream()).write(chunk);
      if (closed) return false;
      const bytes = Buffer.from(chunk, 'utf8');
      for (let offset = 0; offset < bytes.length; ) {
        try {
          offset += write(fd, bytes, offset, bytes.length - offset);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EPIPE') return !(closed = true);
          if (code !== 'EAGAIN') throw error;
          stream = options.stream();
          return stream.write(bytes.subarray(offset));
        }
      }
      return true;
    },
  };
}

/** Node's own stream for the descriptor, ending quietly when the reader goes away, as the synchronous path does. */
export function quietOnBrokenPipe<T extends NodeJS.WritableStream>(stream: T): T {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  return stream;
}
