import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/fs/write-file-atomic.ts';
import { InputError } from '../../src/errors.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';

const writeFileAtomicSuite = suite('writeFileAtomic', { dir: '' });

writeFileAtomicSuite.before.each((context) => {
  context.dir = makeTempDir();
});

writeFileAtomicSuite.after.each((context) => removeTempDir(context.dir));

const bytes = (s: string) => new TextEncoder().encode(s);
const CHILD = new URL('./write-file-atomic-child.ts', import.meta.url).pathname;

writeFileAtomicSuite('writes a new file, creating its folder, and leaves no temporary file', async ({ dir }) => {
  const file = join(dir, 'out', 'a.zip');
  assert.is(await writeFileAtomic(file, bytes('one')), 'written');
  assert.is(readFileSync(file, 'utf8'), 'one');
  assert.equal(readdirSync(join(dir, 'out')), ['a.zip']);
  assert.is(statSync(file).mode & 0o777, 0o644);
});

writeFileAtomicSuite('the same bytes again leave the file alone', async ({ dir }) => {
  const file = join(dir, 'a.zip');
  await writeFileAtomic(file, bytes('one'));
  assert.is(await writeFileAtomic(file, bytes('one')), 'unchanged');
});

// A file with a secret in it (build's zip with the client secret) is never readable by others, not even
// for an instant: the temporary file gets the mode when it is created, before its bytes.
writeFileAtomicSuite('mode 0600: the temporary file already has it before it is placed', async ({ dir }) => {
  const file = join(dir, 'a.zip');
  let tempModes: number[] = [];
  const beforePlace = async () => {
    tempModes = readdirSync(dir).filter((name) => name.endsWith('.tmp')).map((name) => statSync(join(dir, name)).mode & 0o777);
  };
  assert.is(await writeFileAtomic(file, bytes('secret'), { mode: 0o600, beforePlace }), 'written');
  assert.equal(tempModes, [0o600]);
  assert.is(statSync(file).mode & 0o777, 0o600);
});

writeFileAtomicSuite('the same bytes under a wider mode than asked are written anew with the mode asked; a narrower one is left alone', async ({ dir }) => {
  const file = join(dir, 'a.zip');
  writeFileSync(file, 'secret', { mode: 0o644 });
  chmodSync(file, 0o644);
  assert.is(await writeFileAtomic(file, bytes('secret'), { mode: 0o600 }), 'replaced');
  assert.is(statSync(file).mode & 0o777, 0o600);
  assert.equal(readdirSync(dir), ['a.zip']);
  chmodSync(file, 0o400);
  assert.is(await writeFileAtomic(file, bytes('secret'), { mode: 0o600 }), 'unchanged');
  assert.is(statSync(file).mode & 0o777, 0o400);
});

// A build killed between writing its temporary file and placing it left the zip (with the client
// secret) under a hidden name that no run removed.
writeFileAtomicSuite('a writer killed before placing its file: the next write removes its temporary file, not a running writer\'s', async ({ dir }) => {
  const file = join(dir, 'a.zip');
  const child = spawnSync(process.execPath, ['--import', 'tsx', CHILD, file, 'secret-bytes'], { timeout: 60_000 });
  assert.is(child.signal, 'SIGKILL', String(child.stderr));
  const [leftover] = readdirSync(dir);
  assert.match(leftover!, /^\.a\.zip\.\d+-[0-9a-f]{12}\.tmp$/);
  assert.is(statSync(join(dir, leftover!)).mode & 0o777, 0o600);
  // A temporary file of a writer that still runs (this process) stays.
  const running = `.a.zip.${process.pid}-0123456789ab.tmp`;
  writeFileSync(join(dir, running), 'in progress');
  assert.is(await writeFileAtomic(file, bytes('next')), 'written');
  assert.equal(readdirSync(dir).sort(), [running, 'a.zip'].sort());
});

writeFileAtomicSuite('other bytes without force: bad input, the file untouched', async ({ dir }) => {
  const file = join(dir, 'a.zip');
  writeFileSync(file, 'precious');
  try {
    await writeFileAtomic(file, bytes('new'), { label: 'dist/a.zip' });
    assert.unreachable('should throw');
  } catch (error) {
    assert.instance(error, InputError);
    assert.is((error as Error).message, 'dist/a.zip exists with other content; pass --force to replace it');
  }
  assert.is(readFileSync(file, 'utf8'), 'precious');
  assert.equal(readdirSync(dir), ['a.zip']);
});

writeFileAtomicSuite('other bytes with force replace the file', async ({ dir }) => {
  const file = join(dir, 'a.zip');
  writeFileSync(file, 'old');
  assert.is(await writeFileAtomic(file, bytes('new'), { force: true }), 'replaced');
  assert.is(readFileSync(file, 'utf8'), 'new');
});

writeFileAtomicSuite('a folder in the way is bad input', async ({ dir }) => {
  const file = join(dir, 'a.zip');
  mkdirSync(file);
  try {
    await writeFileAtomic(file, bytes('x'));
    assert.unreachable('should throw');
  } catch (error) {
    assert.instance(error, InputError);
    assert.match((error as Error).message, /a\.zip is a folder, not a file/);
  }
});

/** Two writers that both pass the existence check before either places its file. */
function twoRacers(file: string, first: string, second: string, force = false): Promise<PromiseSettledResult<string>[]> {
  let arrived = 0;
  let release: () => void = () => undefined;
  const bothChecked = new Promise<void>((resolve) => (release = resolve));
  const beforePlace = async () => {
    arrived += 1;
    if (arrived === 2) release();
    await bothChecked;
  };
  return Promise.allSettled([writeFileAtomic(file, bytes(first), { beforePlace, force, label: 'a.zip' }), writeFileAtomic(file, bytes(second), { beforePlace, force, label: 'a.zip' })]);
}

function outcomes(results: PromiseSettledResult<string>[]): string[] {
  return results.map((result) => (result.status === 'fulfilled' ? result.value : `${(result.reason as InputError).code}: ${(result.reason as Error).message}`));
}

writeFileAtomicSuite('two writers of other bytes to one new name: the first placed wins, the other gets the exists error', async ({ dir }) => {
  const file = join(dir, 'a.zip');
  const results = outcomes(await twoRacers(file, 'first', 'second'));
  const winner = results.indexOf('written');
  assert.ok(winner >= 0, results.join(' / '));
  assert.is(results[1 - winner], 'E_EXISTS: a.zip exists with other content; pass --force to replace it');
  assert.is(readFileSync(file, 'utf8'), winner === 0 ? 'first' : 'second');
  assert.equal(readdirSync(dir), ['a.zip']);
});

writeFileAtomicSuite('two writers of the same bytes: one writes, the other finds them unchanged', async ({ dir }) => {
  const file = join(dir, 'a.zip');
  assert.equal(outcomes(await twoRacers(file, 'same', 'same')).sort(), ['unchanged', 'written']);
  assert.is(readFileSync(file, 'utf8'), 'same');
  assert.equal(readdirSync(dir), ['a.zip']);
});

writeFileAtomicSuite('with force, the last placed replaces the other (that is what --force asks for)', async ({ dir }) => {
  const file = join(dir, 'a.zip');
  assert.equal(outcomes(await twoRacers(file, 'first', 'second', true)), ['written', 'written']);
  assert.ok(['first', 'second'].includes(readFileSync(file, 'utf8')));
  assert.equal(readdirSync(dir), ['a.zip']);
});

// whyKeep: the caller's judgement of an existing file (build: its own earlier build, issue 12 point 4).
const ownEarlier = async (existing: Uint8Array) => (new TextDecoder().decode(existing).startsWith('ours') ? undefined : 'was not written by us');

writeFileAtomicSuite('whyKeep accepts the existing file: replaced without force, no temporary file left', async ({ dir }) => {
  const file = join(dir, 'a.zip');
  writeFileSync(file, 'ours, older');
  assert.is(await writeFileAtomic(file, bytes('ours, newer'), { whyKeep: ownEarlier }), 'replaced');
  assert.is(readFileSync(file, 'utf8'), 'ours, newer');
  assert.equal(readdirSync(dir), ['a.zip']);
});

writeFileAtomicSuite('whyKeep refuses: exists error with its reason, the file untouched', async ({ dir }) => {
  const file = join(dir, 'a.zip');
  writeFileSync(file, 'precious');
  try {
    await writeFileAtomic(file, bytes('ours'), { whyKeep: ownEarlier, label: 'dist/a.zip' });
    assert.unreachable();
  } catch (error) {
    assert.is(`${(error as InputError).code}: ${(error as Error).message}`, 'E_EXISTS: dist/a.zip exists and was not written by us; pass --force to replace it');
  }
  assert.is(readFileSync(file, 'utf8'), 'precious');
  assert.equal(readdirSync(dir), ['a.zip']);
});

writeFileAtomicSuite('a racer replaces the checked file before ours is placed: the racer keeps its file, ours is refused', async ({ dir }) => {
  const file = join(dir, 'a.zip');
  writeFileSync(file, 'ours, older');
  const racer = async () => {
    rmSync(file);
    writeFileSync(file, 'precious, from a racer');
  };
  try {
    await writeFileAtomic(file, bytes('ours, newer'), { whyKeep: ownEarlier, label: 'a.zip', beforePlace: racer });
    assert.unreachable();
  } catch (error) {
    assert.is((error as Error).message, 'a.zip exists with other content; pass --force to replace it');
  }
  assert.is(readFileSync(file, 'utf8'), 'precious, from a racer');
  assert.equal(readdirSync(dir), ['a.zip']);
});

writeFileAtomicSuite('the checked file removed before ours is placed: ours is written', async ({ dir }) => {
  const file = join(dir, 'a.zip');
  writeFileSync(file, 'ours, older');
  assert.is(await writeFileAtomic(file, bytes('ours, newer'), { whyKeep: ownEarlier, beforePlace: async () => rmSync(file) }), 'written');
  assert.is(readFileSync(file, 'utf8'), 'ours, newer');
  assert.equal(readdirSync(dir), ['a.zip']);
});

writeFileAtomicSuite.run();
