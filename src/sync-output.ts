/**
 * Standard output and standard error, written synchronously with `fs.writeSync`.
 *
 * Node makes `process.stdout` for a pipe (how CI runners read a step's output) a `net.Socket`:
 * the net module and a libuv pipe load at the first write, several ms of a cold `build`
 *, and a write may still be queued when the process ends. A CLI writes a
 * few kilobytes once; written here, they are out, in order, when `write` returns, so the process
 * can end at once. Two cases hand over to Node's stream: a terminal (`isTTY`, colours and
 * columns belong to it) stays with Node, and a full non-blocking pipe (`EAGAIN`) passes the rest
 * of the output to the stream, which waits for the reader. A reader that went away (`EPIPE`,
 * as with `| head`) ends the output quietly instead of failing the command.
 */
import { fstatSync, type Stats, statSync, writeSync } from 'node:fs';

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
 * `tty.isatty(fd)`, without loading node:tty (and node:net, which it needs) for the pipes, files
 * and `/dev/null` a CI step has: only a character device other than the null device can be a
 * terminal.
 */
export function isTerminal(fd: number): boolean {
  try {
    const stats = fstatSync(fd);
    if (!stats.isCharacterDevice() || stats.rdev === nullDevice()?.rdev) return false;
  } catch {
    return false;
  }
  return process.getBuiltinModule('node:tty').isatty(fd);
}

function nullDevice(): Stats | undefined {
  try {
    return statSync('/dev/null');
  } catch {
    return undefined; // Windows: no /dev/null; node:tty decides
  }
}

/** An output on file descriptor `fd` (1 or 2). */
export function createSyncOutput(fd: number, options: SyncOutputOptions): SyncOutput {
  const write = options.write ?? writeSync;
  // Asked on first use: a run that prints nothing on standard error never looks at it.
  let terminal = options.isTTY;
  const isTTY = (): boolean => (terminal ??= isTerminal(fd));
  let stream: ReturnType<SyncOutputOptions['stream']> | undefined;
  let closed = false;
  return {
    get isTTY() {
      return isTTY();
    },
    get settled() {
      return stream === undefined;
    },
    write(chunk: string): boolean {
      if (stream !== undefined || isTTY()) return (stream ??= options.stream()).write(chunk);
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
