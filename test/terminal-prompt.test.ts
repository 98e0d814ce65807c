// The keystore password typed on a real terminal: python3's pty module gives the bundled bin a
// pseudo-terminal, answers the prompts and records everything the terminal showed.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BIN } from './helpers/cli.ts';
import { makeTempDir, removeTempDir } from './helpers/temp.ts';
import { hasTool } from './helpers/tools.ts';
import { readPkcs12Keystore } from '../src/crypto/keystore.ts';
import { EventEmitter } from 'node:events';
import { interrupt } from '../src/interruption.ts';
import { promptSecret } from '../src/terminal-prompt.ts';

// Waits (at most 30 s) for each expected text, then types its answer; prints the exit code and the transcript.
const DRIVER = `
import json, os, pty, select, sys, time
node, bin, cwd, steps = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
pid, fd = pty.fork()
if pid == 0:
    os.chdir(cwd)
    os.execve(node, [node, bin, 'keygen'], {'PATH': os.environ['PATH']})
seen = b''
def read_until(text, deadline):
    global seen
    while text.encode() not in seen and time.time() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                return
            if not chunk:
                return
            seen += chunk
for expect, answer in steps:
    read_until(expect, time.time() + 30)
    os.write(fd, answer.encode())
read_until('\\0never', time.time() + 30)
_, status = os.waitpid(pid, 0)
print(json.dumps({'code': os.waitstatus_to_exitcode(status), 'transcript': seen.decode('utf8', 'replace')}))
`;

function typeOnTerminal(cwd: string, steps: readonly [string, string][]): { code: number; transcript: string } {
  const result = spawnSync('python3', ['-c', DRIVER, process.execPath, BIN, cwd, JSON.stringify(steps)], { encoding: 'utf8', timeout: 120_000 });
  assert.is(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as { code: number; transcript: string };
}

const promptSuite = suite('promptSecret on a terminal');

promptSuite('asks twice without echo; Backspace corrects; the keystore opens with the typed password', () => {
  if (!hasTool('python3')) return;
  const cwd = makeTempDir();
  try {
    const typed = 'Typed-Pa55x\u007f\r'; // the x is deleted again
    const { code, transcript } = typeOnTerminal(cwd, [
      ['Keystore password', typed],
      ['Repeat the keystore password', 'Typed-Pa55\r'],
    ]);
    assert.is(code, 0, transcript);
    assert.match(transcript, 'Keystore password (for keystore.p12 and its key): \r\nRepeat the keystore password: \r\n');
    assert.not.match(transcript, 'Typed-Pa55');
    assert.match(transcript, 'Wrote the key, the certificate and the keystore:');
    const entry = readPkcs12Keystore({ file: join(cwd, 'keys', 'keystore.p12'), password: 'Typed-Pa55', alias: 'eventproxy' });
    assert.is(entry.alias, 'eventproxy');
  } finally {
    removeTempDir(cwd);
  }
});

promptSuite('Ctrl-C at the prompt cancels: exit 2, nothing written', () => {
  if (!hasTool('python3')) return;
  const cwd = makeTempDir();
  try {
    const { code, transcript } = typeOnTerminal(cwd, [['Keystore password', 'abc\u0003']]);
    assert.is(code, 2, transcript);
    assert.match(transcript, 'error: cancelled at the password prompt; nothing was written');
    assert.equal(readdirSync(cwd), []);
    assert.is(existsSync(join(cwd, 'keys')), false);
  } finally {
    removeTempDir(cwd);
  }
});

promptSuite.run();

const interruptedSuite = suite('promptSecret, interrupted');

interruptedSuite('a run ended by a signal at the prompt leaves the terminal as it found it (echo on)', () => {
  const modes: boolean[] = [];
  const input = Object.assign(new EventEmitter(), {
    isRaw: false,
    setRawMode: (mode: boolean) => modes.push(mode),
    resume: () => undefined,
    pause: () => undefined,
  }) as unknown as NodeJS.ReadStream;
  void promptSecret('Password: ', { input, output: { write: () => true } });
  assert.equal(modes, [true]);
  assert.equal(interrupt(), []);
  assert.equal(modes, [true, false]);
});

interruptedSuite.run();
