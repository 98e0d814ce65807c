/**
 * The one reader of files a user names (`--config`, `workspace.projectFile`, `keystore.file`,
 * `ims.privateKey`, a PEM key or certificate, `--template DIR`'s `template.yaml`, `--cnd`). Whatever the
 * name points at, the read ends, and ends small:
 *
 * - the file is opened with `O_NONBLOCK`, so a FIFO without a writer never blocks the open;
 * - the opened descriptor is checked (`fstat`, no race with a rename): anything but a regular
 *   file (`/dev/zero`, `/dev/urandom`, a FIFO, a socket) is refused before one byte is read;
 * - at most `maxBytes + 1` bytes are read, so a file larger than the limit, or one that grows
 *   while it is read, is refused without being held in memory.
 *
 * Refusals are {@link InputError}s (exit 2) naming the key or flag and the file. Failures of the
 * file system itself (missing, no permission, a folder) go to the caller's `describeError`, so
 * each caller keeps its own words for them.
 */
import { constants, fstatSync, openSync, readSync, closeSync, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { InputError } from '../errors.ts';

const KIB = 1024;
const MIB = 1024 * KIB;

/**
 * The size limit of each kind of user file, in bytes. Each is far above what a real one holds:
 * a configuration or a Developer Console project JSON is a few KB, a PKCS#12 keystore or a PEM
 * key with its certificate chain a few KB, a `template.yaml` some 10 KB, a CND file (`--cnd`)
 * some 30 KB even when it holds every node type of AEM.
 */
export const USER_FILE_MAX_BYTES = Object.freeze({
  config: 1 * MIB,
  projectFile: 1 * MIB,
  key: 1 * MIB,
  template: 1 * MIB,
  cnd: 1 * MIB,
});

/** A kind of user file: it picks the size limit. */
export type UserFileKind = keyof typeof USER_FILE_MAX_BYTES;

/** What {@link readUserFile} needs to know besides the path. */
export interface ReadUserFileOptions {
  /** The key or flag and the file, as messages name them: `--config aem-ioevents.yaml`, `keystore.file keys/keystore.p12`. */
  readonly name: string;
  readonly kind: UserFileKind;
  /** The machine-readable code of the refusals. */
  readonly code: string;
  /** Turns a failure of the file system (ENOENT, EACCES, EISDIR for a folder) into the caller's `InputError`. */
  readonly describeError: (error: NodeJS.ErrnoException) => Error;
  /** What to do when it is not a regular file (default `name a file`). */
  readonly advice?: string;
}

// O_NONBLOCK does not exist on Windows, where opening a named pipe does not wait for a writer.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Reads a user-named regular file of at most its kind's limit; throws `InputError` otherwise. */
export async function readUserFile(file: string, options: ReadUserFileOptions): Promise<Buffer> {
  const { handle } = await openRegularFile(file, options);
  try {
    const limit = USER_FILE_MAX_BYTES[options.kind];
    return checkSize(await readAtMost(handle, limit + 1), options);
  } catch (error) {
    throw error instanceof InputError ? error : options.describeError(error as NodeJS.ErrnoException);
  } finally {
    await handle.close();
  }
}

/** A user-named file opened for reading, checked to be a regular file; the caller closes it. */
export interface OpenedUserFile {
  readonly handle: FileHandle;
  readonly stats: Stats;
}

/**
 * Opens a user-named file whose size has its own limits elsewhere (a package zip: the zip limits),
 * with the checks of {@link readUserFile} but the size: never blocks on a FIFO, refuses anything
 * that is not a regular file (`InputError`, exit 2).
 */
export async function openRegularFile(file: string, options: Omit<ReadUserFileOptions, 'kind'>): Promise<OpenedUserFile> {
  const handle = await open(file, OPEN_FLAGS).catch((error: NodeJS.ErrnoException) => {
    throw options.describeError(error);
  });
  try {
    const stats = await handle.stat();
    checkRegularFile(stats, file, options);
    return { handle, stats };
  } catch (error) {
    await handle.close();
    throw error instanceof InputError ? error : options.describeError(error as NodeJS.ErrnoException);
  }
}

/** {@link readUserFile} for a synchronous API (`readPkcs12Keystore({ file })`). */
export function readUserFileSync(file: string, options: ReadUserFileOptions): Buffer {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    throw options.describeError(error as NodeJS.ErrnoException);
  }
  try {
    checkRegularFile(fstatSync(fd), file, options);
    const limit = USER_FILE_MAX_BYTES[options.kind];
    return checkSize(readAtMostSync(fd, limit + 1), options);
  } catch (error) {
    throw error instanceof InputError ? error : options.describeError(error as NodeJS.ErrnoException);
  } finally {
    closeSync(fd);
  }
}

function checkRegularFile(stats: Stats, file: string, options: Omit<ReadUserFileOptions, 'kind'>): void {
  if (stats.isFile()) return;
  // A folder keeps the caller's words for it, as when reading it failed with EISDIR.
  if (stats.isDirectory()) throw options.describeError(Object.assign(new Error(`EISDIR: ${file} is a folder`), { code: 'EISDIR' }));
  throw new InputError(`${options.name} is ${describeFileType(stats)}, not a regular file; ${options.advice ?? 'name a file'}`, { code: options.code });
}

function checkSize(bytes: Buffer, options: ReadUserFileOptions): Buffer {
  const limit = USER_FILE_MAX_BYTES[options.kind];
  if (bytes.length <= limit) return bytes;
  throw new InputError(`${options.name} is larger than ${limit} bytes (${limit / MIB} MiB), the limit for this file`, { code: options.code });
}

// What a non-regular file is, for a message.
function describeFileType(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a file';
}

// The bytes read so far, never more than `cap`: each read fills the room left, and a read of
// zero bytes (the end) or a full buffer stops the loop, so it always ends.
class CappedBuffer {
  private buffer: Buffer;
  private length = 0;
  private ended = false;

  constructor(private readonly cap: number) {
    this.buffer = Buffer.allocUnsafe(Math.min(cap, 64 * KIB));
  }

  get done(): boolean {
    return this.ended || this.length >= this.cap;
  }

  /** Where the next read goes: buffer, offset, length (the file position is the offset). */
  room(): [Buffer, number, number] {
    if (this.length === this.buffer.length) {
      const larger = Buffer.allocUnsafe(Math.min(this.cap, this.buffer.length * 2));
      this.buffer.copy(larger);
      this.buffer = larger;
    }
    return [this.buffer, this.length, this.buffer.length - this.length];
  }

  advance(bytesRead: number): void {
    if (bytesRead === 0) this.ended = true;
    this.length += bytesRead;
  }

  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

async function readAtMost(handle: FileHandle, cap: number): Promise<Buffer> {
  const read = new CappedBuffer(cap);
  while (!read.done) {
    const [buffer, offset, length] = read.room();
    read.advance((await handle.read(buffer, offset, length, offset)).bytesRead);
  }
  return read.bytes();
}

function readAtMostSync(fd: number, cap: number): Buffer {
  const read = new CappedBuffer(cap);
  while (!read.done) {
    const [buffer, offset, length] = read.room();
    read.advance(readSync(fd, buffer, offset, length, offset));
  }
  return read.bytes();
}
