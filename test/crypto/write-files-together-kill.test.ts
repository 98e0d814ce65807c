// Issue 11, point 2: a `kill -9` at any step of writeFilesTogether leaves the old set or the new
// one showing, never a mix; the next run cleans up what the killed one left and completes.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { writeFilesTogether } from '../../src/crypto/write-files-together.ts';
import { FILE_NAMES, fileSet } from './file-set-files.ts';
import { snapshot, visible } from './file-set-snapshot.ts';

const CHILD = fileURLToPath(new URL('./file-set-child.ts', import.meta.url));
const umasked = (mode: number) => (mode & ~process.umask()).toString(8);
const README = `README: file ${umasked(0o666)} keep me`;

/** Runs the child that writes the set `label` into `dir` and kills itself with SIGKILL after `step` (none: ''); says how it ended. */
function childRun(dir: string, force: boolean, label: string, step = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, force ? 'force' : '', label, step], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(signal ?? `exit ${code} ${stderr}`));
  });
}

/** The folder's expected lines: the README, `.keygen` with `current`, `sets` and a killed run's lock, links for `links`, plain files labelled `plain`. */
function expected(state: { current?: string; sets?: string[]; links?: string[]; plain?: string; locked?: boolean }): string[] {
  const { current, sets = [], links = [], plain, locked = false } = state;
  const setLines = (label: string) => [
    `.keygen/set[${label}]/: dir 700`,
    `.keygen/set[${label}]/public.crt: file ${umasked(0o644)} ${label} public`,
    `.keygen/set[${label}]/secret.key: file 600 ${label}`,
    `.keygen/set[${label}]/store.p12: file 600 ${label} store`,
  ];
  const plainFiles = plain === undefined ? [] : [`public.crt: file ${umasked(0o666)} ${plain} public`, `secret.key: file 600 ${plain}`, `store.p12: file 600 ${plain} store`];
  return [
    README,
    '.keygen/: dir 700',
    ...(current === undefined ? [] : [`.keygen/current -> set[${current}]`]),
    ...(locked ? ['.keygen/lock -> lock'] : []),
    ...sets.flatMap(setLines),
    ...links.map((name) => `${name} -> .keygen/current/${name}`),
    ...plainFiles.filter((line) => !links.some((name) => line.startsWith(`${name}:`))),
  ].sort();
}

const NONE = FILE_NAMES.map((name) => `${name}: -`);
const OLD = ['secret.key: old', 'public.crt: old public', 'store.p12: old store'];
const NEW = ['secret.key: new', 'public.crt: new public', 'store.p12: new store'];

interface KillCase {
  /** What the folder holds before: only the README, the README and keygen's 'old' set, or the README and plain 'old' files. */
  readonly before: 'empty' | 'set' | 'plain';
  readonly force: boolean;
  readonly step: string;
  readonly shows: readonly string[];
  readonly leaves: Parameters<typeof expected>[0];
}

const ALL = ['public.crt', 'secret.key', 'store.p12'];
const cases: KillCase[] = [
  { before: 'empty', force: false, step: 'cleaned', shows: NONE, leaves: {} },
  { before: 'empty', force: false, step: 'staged', shows: NONE, leaves: { sets: ['new'] } },
  { before: 'empty', force: false, step: 'linked secret.key', shows: NONE, leaves: { sets: ['new'], links: ['secret.key'] } },
  { before: 'empty', force: false, step: 'linked public.crt', shows: NONE, leaves: { sets: ['new'], links: ['secret.key', 'public.crt'] } },
  { before: 'empty', force: false, step: 'linked store.p12', shows: NONE, leaves: { sets: ['new'], links: ALL } },
  { before: 'empty', force: false, step: 'committed', shows: NEW, leaves: { current: 'new', sets: ['new'], links: ALL } },
  { before: 'set', force: true, step: 'cleaned', shows: OLD, leaves: { current: 'old', sets: ['old'], links: ALL } },
  { before: 'set', force: true, step: 'staged', shows: OLD, leaves: { current: 'old', sets: ['old', 'new'], links: ALL } },
  { before: 'set', force: true, step: 'committed', shows: NEW, leaves: { current: 'new', sets: ['old', 'new'], links: ALL } },
  { before: 'plain', force: true, step: 'staged', shows: OLD, leaves: { sets: ['new'], plain: 'old' } },
  { before: 'plain', force: true, step: 'kept', shows: OLD, leaves: { current: 'old', sets: ['old', 'new'], plain: 'old' } },
  { before: 'plain', force: true, step: 'linked secret.key', shows: OLD, leaves: { current: 'old', sets: ['old', 'new'], links: ['secret.key'], plain: 'old' } },
  { before: 'plain', force: true, step: 'linked public.crt', shows: OLD, leaves: { current: 'old', sets: ['old', 'new'], links: ['secret.key', 'public.crt'], plain: 'old' } },
  { before: 'plain', force: true, step: 'linked store.p12', shows: OLD, leaves: { current: 'old', sets: ['old', 'new'], links: ALL } },
  { before: 'plain', force: true, step: 'committed', shows: NEW, leaves: { current: 'new', sets: ['old', 'new'], links: ALL } },
];

const killSuite = suite('writeFilesTogether, killed');

for (const c of cases) {
  killSuite(`${c.before} folder${c.force ? ', --force' : ''}, kill -9 after '${c.step}': shows ${c.shows === NONE ? 'nothing' : c.shows === OLD ? 'the old set' : 'the new set'}; the next run completes`, async () => {
    const dir = makeTempDir();
    try {
      writeFileSync(join(dir, 'README'), 'keep me');
      // Written by another process, as a real earlier run would be (this process's own entries count as in use).
      if (c.before === 'set') assert.is(await childRun(dir, false, 'old'), 'exit 0 ');
      if (c.before === 'plain') {
        writeFileSync(join(dir, 'secret.key'), 'old', { mode: 0o600 });
        writeFileSync(join(dir, 'public.crt'), 'old public');
        writeFileSync(join(dir, 'store.p12'), 'old store', { mode: 0o600 });
      }
      assert.is(await childRun(dir, c.force, 'new', c.step), 'SIGKILL');
      assert.equal(visible(dir, FILE_NAMES), c.shows);
      // SIGKILL leaves the lock too; the next run takes it over (its process is gone).
      assert.equal(snapshot(dir), expected({ ...c.leaves, locked: true }));
      // The next run: without --force where nothing shows; its cleanup leaves one set, the new one.
      await writeFilesTogether(dir, fileSet('next'), { force: c.shows !== NONE });
      assert.equal(snapshot(dir), expected({ current: 'next', sets: ['next'], links: ALL }));
    } finally {
      removeTempDir(dir);
    }
  });
}

killSuite.run();
