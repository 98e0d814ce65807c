import { spawnSync } from 'node:child_process';
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createSyncOutput, isTerminal, quietOnBrokenPipe } from '../src/sync-output.ts';
import { hasTool } from './helpers/tools.ts';
import { BIN } from './helpers/cli.ts';
import { makeTempDir, removeTempDir } from './helpers/temp.ts';

const syncOutputSuite = suite('createSyncOutput');

/** A file descriptor that takes at most `max` bytes per call, then fails with `failWith` once `failAfter` bytes went out. */
function fakeFd(options: { max?: number; failAfter?: number; failWith?: string } = {}) {
  const written: Buffer[] = [];
  let total = 0;
  const calls: number[] = [];
  const write = (fd: number, bytes: Uint8Array, offset: number, length: number): number => {
    calls.push(fd);
    if (options.failWith !== undefined && total >= (options.failAfter ?? 0)) throw Object.assign(new Error(options.failWith), { code: options.failWith });
    const n = Math.min(length, options.max ?? length);
    written.push(Buffer.from(bytes.subarray(offset, offset + n)));
    total += n;
    return n;
  };
  return { write, calls, text: () => Buffer.concat(written).toString('utf8') };
}

function fakeStream() {
  const chunks: string[] = [];
  let made = 0;
  const stream = { write: (chunk: string | Uint8Array) => chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')) > 0 };
  return { make: () => (made++, stream), chunks, made: () => made };
}

syncOutputSuite('writes every byte to the descriptor, in order, across partial writes and split UTF-8', () => {
  const fd = fakeFd({ max: 3 });
  const stream = fakeStream();
  const output = createSyncOutput(1, { write: fd.write, isTTY: false, stream: stream.make });
  assert.is(output.write('größe 😀\n'), true);
  assert.is(output.write('two'), true);
  assert.is(fd.text(), 'größe 😀\ntwo');
  assert.ok(fd.calls.every((n) => n === 1), 'always file descriptor 1');
  assert.is(output.settled, true);
  assert.is(stream.made(), 0, "Node's stream is never made");
});

syncOutputSuite('a full non-blocking pipe (EAGAIN): the rest and every later write go to the stream, in order', () => {
  const fd = fakeFd({ max: 4, failAfter: 8, failWith: 'EAGAIN' });
  const stream = fakeStream();
  const output = createSyncOutput(2, { write: fd.write, isTTY: false, stream: stream.make });
  output.write('0123456789abc');
  output.write('next');
  assert.is(fd.text(), '01234567');
  assert.equal(stream.chunks, ['89abc', 'next']);
  assert.is(output.settled, false, 'the stream may still hold bytes: the process must not end at once');
});

syncOutputSuite('a reader that went away (EPIPE): the output ends quietly and nothing more is tried', () => {
  const fd = fakeFd({ failAfter: 0, failWith: 'EPIPE' });
  const output = createSyncOutput(1, { write: fd.write, isTTY: false, stream: fakeStream().make });
  assert.is(output.write('lost'), false);
  assert.is(output.write('lost too'), false);
  assert.is(fd.calls.length, 1);
  assert.is(output.settled, true);
});

syncOutputSuite('any other write error is thrown', () => {
  const fd = fakeFd({ failAfter: 0, failWith: 'EIO' });
  const output = createSyncOutput(1, { write: fd.write, isTTY: false, stream: fakeStream().make });
  assert.throws(() => output.write('x'), (error: NodeJS.ErrnoException) => error.code === 'EIO');
});

syncOutputSuite("a terminal is left to Node's stream from the first write", () => {
  const fd = fakeFd();
  const stream = fakeStream();
  const output = createSyncOutput(1, { write: fd.write, isTTY: true, stream: stream.make });
  assert.is(output.isTTY, true);
  output.write('hello');
  assert.equal(stream.chunks, ['hello']);
  assert.is(fd.calls.length, 0);
  assert.is(output.settled, false);
});

syncOutputSuite.run();

// ---

const binSuite = suite('dist/cli.cjs output');
const corpus = fileURLToPath(new URL('../../shared/corpus/filevault-test-packages/tags.zip', import.meta.url));

binSuite('a reader that stops early (| head -c 1) ends the output quietly: exit code of the command, no EPIPE crash', () => {
  // 230 KB of JSON, more than a pipe holds: the writer meets the closed pipe.
  const run = spawnSync('bash', ['-c', 'node "$0" inspect "$1" --json | head -c 1; echo " ${PIPESTATUS[0]}"', BIN, corpus], { encoding: 'utf8', timeout: 60_000 });
  assert.is(run.stderr, '');
  assert.is(run.stdout, '{ 0\n');
});

binSuite('output to a pipe arrives whole before the process ends', () => {
  const run = spawnSync(process.execPath, [BIN, 'inspect', corpus, '--json'], { encoding: 'utf8', timeout: 60_000, maxBuffer: 16 * 1024 * 1024 });
  assert.is(run.status, 0, run.stderr);
  assert.is((JSON.parse(run.stdout) as { ok: boolean }).ok, true);
  assert.ok(run.stdout.endsWith('}\n'));
});

binSuite.run();

// ---

const quietSuite = suite('quietOnBrokenPipe');

quietSuite("a stream's EPIPE is swallowed; any other error still surfaces", () => {
  const stream = quietOnBrokenPipe(new PassThrough());
  stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
  assert.throws(() => stream.emit('error', Object.assign(new Error('write EIO'), { code: 'EIO' })), /write EIO/);
});

quietSuite.run();

// ---

const isTerminalSuite = suite('isTerminal');
const probe = `import(${JSON.stringify(new URL('../src/sync-output.ts', import.meta.url).href)}).then((m) => process.stderr.write(String(m.isTerminal(1))))`;

isTerminalSuite('a file, /dev/null, a pipe and a closed descriptor are not terminals', () => {
  const dir = makeTempDir();
  try {
    const file = join(dir, 'out.txt');
    writeFileSync(file, '');
    for (const path of [file, '/dev/null']) {
      const fd = openSync(path, 'r');
      try {
        assert.is(isTerminal(fd), false, path);
      } finally {
        closeSync(fd);
      }
    }
  } finally {
    removeTempDir(dir);
  }
  const piped = spawnSync(process.execPath, ['--import', 'tsx', '-e', probe], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  assert.is(piped.stderr, 'false');
  assert.is(isTerminal(9999), false);
});

isTerminalSuite('a pseudo-terminal is a terminal (script(1) gives the child one)', () => {
  if (!hasTool('script')) return;
  const command = `${process.execPath} --import tsx -e ${JSON.stringify(probe)} 2>&1`;
  const run = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', cwd: new URL('..', import.meta.url).pathname, timeout: 30_000 });
  assert.is(run.stdout.trim(), 'true');
});

isTerminalSuite.run();
