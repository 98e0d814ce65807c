// A child process for the kill tests of writeFilesTogether: writes the three test files with the
// label `argv[4]` into `argv[2]` (`force` in argv[3]) and kills itself with SIGKILL right after
// the step named in argv[5]: what a `kill -9` at that instant leaves.
import { writeFilesTogether } from '../../src/crypto/write-files-together.ts';
import { fileSet } from './file-set-files.ts';

const [dir, force, label, killAfter] = process.argv.slice(2) as [string, string, string, string];
await writeFilesTogether(dir, fileSet(label), {
  force: force === 'force',
  onStep: (step) => {
    if (step === killAfter) process.kill(process.pid, 'SIGKILL');
  },
});
