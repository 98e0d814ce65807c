// A child process for the kill test of writeFileAtomic: writes argv[3] into the file argv[2] with
// mode 0600 and kills itself with SIGKILL once the temporary file is written, before it is placed:
// what a `kill -9` of build at that instant leaves.
import { writeFileAtomic } from '../../src/fs/write-file-atomic.ts';

const [file, text] = process.argv.slice(2) as [string, string];
await writeFileAtomic(file, new TextEncoder().encode(text), {
  mode: 0o600,
  beforePlace: async () => {
    process.kill(process.pid, 'SIGKILL');
  },
});
