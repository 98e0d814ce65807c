import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli.ts';
import type { CliIo } from '../../src/commands/command.ts';
import { runBin, runInProcess } from '../helpers/cli.ts';
import { KEYGEN_JWT_WARNING } from '../helpers/setup-warnings.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';

const NOW = new Date('2026-11-23T12:00:00.000Z');
const PASSWORD = 'Keystore-Pa55word!';
const env = { IOEVENTS_KEYSTORE_PASSWORD: PASSWORD };
const FILES = ['certificate_pub.crt', 'keystore.p12', 'private.key', 'private.key.pkcs8.b64'];

/** The report keygen prints for the files in `dir` (shown as `shown`), built from the certificate it wrote. */
function expectedReport(dir: string, shown: string, options: { alias?: string; protection?: string } = {}): string {
  const { alias = 'eventproxy', protection = 'legacy: 3DES key and certificates, SHA-1 MAC' } = options;
  const x509 = new X509Certificate(readFileSync(join(dir, 'certificate_pub.crt')));
  const file = (name: string) => `${shown}/${name}`.padEnd(32);
  return [
    'Wrote the key, the certificate and the keystore:',
    `  ${file('private.key')} private key, PKCS#8 PEM (mode 0600): keep it secret`,
    `  ${file('certificate_pub.crt')} certificate, PEM`,
    `  ${file('keystore.p12')} PKCS#12 keystore, alias ${alias} (${protection})`,
    `  ${file('private.key.pkcs8.b64')} private key, base64 PKCS#8 DER for aio.encoded.pkcs8 (mode 0600)`,
    '',
    'Certificate:',
    '  subject      CN=eventproxy (RSA 2048 bits, sha256WithRSAEncryption)',
    `  SHA-256      ${x509.fingerprint256}`,
    '  valid from   2026-11-23T12:00:00Z',
    '  expires      2027-11-23T12:00:00Z',
    '',
    'Next steps:',
    `  1. Upload ${shown}/certificate_pub.crt to your project's credential in the Adobe Developer Console.`,
    `  2. Put the key into AEM: set keystore.file to ${shown}/keystore.p12 for aem-ioevents build, or upload ${shown}/keystore.p12 in AEM (Tools > Security > Users > eventproxy-service > Keystore > Add Private Key from Key Store file), alias ${alias}, the keystore password for both passwords.`,
    '  3. Make a new key before 2027-11-23: Adobe cannot renew an expired certificate.',
    '',
  ].join('\n');
}

/** Fails when a secret shows in what keygen printed. */
function assertNoSecrets(printed: string, dir: string): void {
  assert.not.match(printed, PASSWORD);
  const key = readFileSync(join(dir, 'private.key'), 'utf8');
  for (const line of key.split('\n').filter((text) => !text.startsWith('-----') && text.length > 0)) assert.not.match(printed, line);
  assert.not.match(printed, readFileSync(join(dir, 'private.key.pkcs8.b64'), 'utf8').slice(0, 40));
}

const keygenSuite = suite('keygen');

keygenSuite('writes the four files and prints the report: files, fingerprint, dates, next steps', async () => {
  const cwd = makeTempDir();
  try {
    const run = await runInProcess(['keygen'], { env, cwd, now: NOW });
    assert.is(run.code, 0, run.stderr);
    assert.is(run.stderr, `warning: ${KEYGEN_JWT_WARNING}\n`);
    assert.is(run.stdout, expectedReport(join(cwd, 'keys'), 'keys'));
    assert.equal(readdirSync(join(cwd, 'keys')).sort(), ['.keygen', ...FILES]);
    assert.is(statSync(join(cwd, 'keys', 'private.key')).mode & 0o777, 0o600);
    assert.is(statSync(join(cwd, 'keys', 'private.key.pkcs8.b64')).mode & 0o777, 0o600);
    assert.is(statSync(join(cwd, 'keys', 'keystore.p12')).mode & 0o777, 0o600);
    assertNoSecrets(run.stdout + run.stderr, join(cwd, 'keys'));
  } finally {
    removeTempDir(cwd);
  }
});

keygenSuite('--json prints the same as one object, and nothing secret', async () => {
  const cwd = makeTempDir();
  try {
    const run = await runInProcess(['keygen', '--json', '--out', 'out/keys', '--alias', 'author', '--p12-encryption', 'aes256'], { env, cwd, now: NOW });
    assert.is(run.code, 0, run.stderr);
    const dir = join(cwd, 'out', 'keys');
    const x509 = new X509Certificate(readFileSync(join(dir, 'certificate_pub.crt')));
    assert.equal(JSON.parse(run.stdout), {
      ok: true,
      files: {
        privateKey: 'out/keys/private.key',
        certificate: 'out/keys/certificate_pub.crt',
        keystore: 'out/keys/keystore.p12',
        pkcs8Base64: 'out/keys/private.key.pkcs8.b64',
      },
      keystore: { alias: 'author', p12Encryption: 'aes256', protection: 'aes256: AES-256 (PBES2), SHA-256 MAC' },
      certificate: {
        subject: 'CN=eventproxy',
        serialNumber: x509.serialNumber,
        notBefore: '2026-11-23T12:00:00Z',
        notAfter: '2027-11-23T12:00:00Z',
        fingerprint256: x509.fingerprint256,
        signatureAlgorithm: 'sha256WithRSAEncryption',
        keyBits: 2048,
      },
      nextSteps: [
        "Upload out/keys/certificate_pub.crt to your project's credential in the Adobe Developer Console.",
        'Put the key into AEM: set keystore.file to out/keys/keystore.p12 for aem-ioevents build, or upload out/keys/keystore.p12 in AEM (Tools > Security > Users > eventproxy-service > Keystore > Add Private Key from Key Store file), alias author, the keystore password for both passwords.',
        'Make a new key before 2027-11-23: Adobe cannot renew an expired certificate.',
      ],
      warnings: [KEYGEN_JWT_WARNING],
    });
    assertNoSecrets(run.stdout + run.stderr, dir);
  } finally {
    removeTempDir(cwd);
  }
});

keygenSuite('a short --days warns on standard error and in the JSON', async () => {
  const cwd = makeTempDir();
  try {
    const run = await runInProcess(['keygen', '--json', '--days', '10'], { env, cwd, now: NOW });
    assert.is(run.code, 0);
    const warning = 'certificate_pub.crt: the certificate expires on 2026-12-03T12:00:00Z, in 10 days. Adobe cannot renew an expired certificate: make a new key and certificate (aem-ioevents keygen), upload certificate_pub.crt to the Adobe Developer Console and replace the key in AEM before then';
    assert.is(run.stderr, `warning: ${KEYGEN_JWT_WARNING}\nwarning: ${warning}\n`);
    assert.equal(JSON.parse(run.stdout).warnings, [KEYGEN_JWT_WARNING, warning]);
  } finally {
    removeTempDir(cwd);
  }
});

keygenSuite('paths outside the working directory are shown in full', async () => {
  const cwd = makeTempDir();
  const elsewhere = makeTempDir();
  try {
    const run = await runInProcess(['keygen', '--out', elsewhere], { env, cwd, now: NOW });
    assert.is(run.code, 0, run.stderr);
    assert.is(run.stdout, expectedReport(elsewhere, elsewhere));
  } finally {
    removeTempDir(cwd);
    removeTempDir(elsewhere);
  }
});

keygenSuite('never overwrites without --force: exit 2, the old files untouched; --force replaces them', async () => {
  const cwd = makeTempDir();
  try {
    assert.is((await runInProcess(['keygen'], { env, cwd, now: NOW })).code, 0);
    const before = FILES.map((name) => readFileSync(join(cwd, 'keys', name)));
    const again = await runInProcess(['keygen', '--json'], { env, cwd, now: NOW });
    assert.is(again.code, 2);
    const message = `'${join(cwd, 'keys')}' already holds private.key, certificate_pub.crt, keystore.p12 and private.key.pkcs8.b64; nothing was written. Use --force to replace them`;
    assert.is(again.stderr, `error: ${message}\n`);
    assert.equal(JSON.parse(again.stdout), { ok: false, error: { code: 'E_EXISTS', message } });
    assert.equal(FILES.map((name) => readFileSync(join(cwd, 'keys', name))), before);
    const forced = await runInProcess(['keygen', '--force'], { env, cwd, now: NOW });
    assert.is(forced.code, 0, forced.stderr);
    assert.not.equal(readFileSync(join(cwd, 'keys', 'private.key')), before[2]);
    assert.equal(readdirSync(join(cwd, 'keys')).sort(), ['.keygen', ...FILES]);
  } finally {
    removeTempDir(cwd);
  }
});

keygenSuite('plain files and .tmp leftovers of an earlier version: exit 2 without --force; with --force links replace them, the leftovers go, the README stays', async () => {
  const cwd = makeTempDir();
  try {
    const keys = join(cwd, 'keys');
    mkdirSync(keys);
    for (const name of FILES) writeFileSync(join(keys, name), `old ${name}`, { mode: 0o600 });
    writeFileSync(join(keys, '.private.key.0123456789ab.tmp'), 'killed new key', { mode: 0o600 });
    writeFileSync(join(keys, '.private.key.0123456789ab.tmp.old'), 'killed old key', { mode: 0o600 });
    writeFileSync(join(keys, 'README'), 'keep me');
    const refused = await runInProcess(['keygen'], { env, cwd, now: NOW });
    assert.is(refused.code, 2);
    assert.is(readFileSync(join(keys, 'private.key'), 'utf8'), 'old private.key');
    const forced = await runInProcess(['keygen', '--force'], { env, cwd, now: NOW });
    assert.is(forced.code, 0, forced.stderr);
    assert.equal(readdirSync(keys).sort(), ['.keygen', 'README', ...FILES]);
    for (const name of FILES) assert.is(readlinkSync(join(keys, name)), join('.keygen', 'current', name));
    const sets = readdirSync(join(keys, '.keygen')).sort();
    assert.is(sets.length, 2);
    assert.equal(readdirSync(join(keys, '.keygen', sets[1]!)).sort(), FILES);
    assert.is(statSync(join(keys, '.keygen', sets[1]!)).mode & 0o777, 0o700);
    assert.is(readFileSync(join(keys, 'README'), 'utf8'), 'keep me');
    assert.match(readFileSync(join(keys, 'private.key'), 'utf8'), /^-----BEGIN PRIVATE KEY-----\n/);
  } finally {
    removeTempDir(cwd);
  }
});

// [flags, message]
const badFlags: readonly [string[], string][] = [
  [['--bits', '1024'], "--bits must be 2048, 3072 or 4096, got '1024'"],
  [['--days', '0'], "--days must be a whole number of days from 1 to 3650, got '0'"],
  [['--days', 'soon'], "--days must be a whole number of days from 1 to 3650, got 'soon'"],
  [['--alias', 'EventProxy'], "--alias 'EventProxy' has upper-case letters; Java lower-cases keystore aliases, so use --alias eventproxy"],
  [['--alias', 'event proxy'], "--alias must be 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit; got 'event proxy'"],
  [['--p12-encryption', 'des'], "--p12-encryption must be legacy or aes256, got 'des'"],
  [['--subject', 'CN=a,XX=b'], "--subject: the attribute 'XX' is not supported; use CN, O, OU, L, ST, C, emailAddress"],
];

for (const [flags, message] of badFlags) {
  keygenSuite(`${flags.join(' ')}: exit 2 naming the flag, nothing written`, async () => {
    const cwd = makeTempDir();
    try {
      const run = await runInProcess(['keygen', ...flags], { env, cwd, now: NOW });
      assert.is(run.code, 2);
      assert.is(run.stderr, `error: ${message}\n`);
      assert.is(run.stdout, '');
      assert.equal(readdirSync(cwd), []);
    } finally {
      removeTempDir(cwd);
    }
  });
}

keygenSuite('an unknown flag, and flags without their values, are usage errors (exit 2)', async () => {
  const cwd = makeTempDir();
  try {
    const out = await runInProcess(['keygen', '--out'], { env, cwd, now: NOW });
    assert.is(out.stderr, 'error: --out needs a folder, e.g. --out keys\n');
    assert.is((await runInProcess(['keygen', '--subject'], { env, cwd, now: NOW })).stderr, 'error: --subject is empty; give one like CN=eventproxy\n');
    assert.is((await runInProcess(['keygen', '--bits'], { env, cwd, now: NOW })).stderr, 'error: --bits needs a value; see aem-ioevents keygen --help\n');
    for (const args of [['keygen', '--password', 'x'], ['keygen', '--days'], ['keygen', '--alias'], ['keygen', '--p12-encryption']]) {
      const run = await runInProcess(args, { env, cwd, now: NOW });
      assert.is(run.code, 2, args.join(' '));
      assert.match(run.stderr, /^error: /u);
      assert.not.match(run.stderr, 'internal error');
    }
    assert.equal(readdirSync(cwd), []);
  } finally {
    removeTempDir(cwd);
  }
});

keygenSuite('without IOEVENTS_KEYSTORE_PASSWORD and without a terminal: exit 2, says what to set, writes nothing', async () => {
  const cwd = makeTempDir();
  try {
    const run = await runInProcess(['keygen'], { env: {}, cwd, now: NOW });
    assert.is(run.code, 2);
    assert.is(run.stderr, 'error: the keystore needs a password: set IOEVENTS_KEYSTORE_PASSWORD, or run keygen on a terminal to be asked for it\n');
    assert.equal(readdirSync(cwd), []);
  } finally {
    removeTempDir(cwd);
  }
});

keygenSuite('a password AEM could not use is refused without being printed', async () => {
  const cwd = makeTempDir();
  try {
    const run = await runInProcess(['keygen'], { env: { IOEVENTS_KEYSTORE_PASSWORD: 'geheimnis€' }, cwd, now: NOW });
    assert.is(run.code, 2);
    assert.not.match(run.stderr, 'geheimnis');
    assert.match(run.stderr, 'IOEVENTS_KEYSTORE_PASSWORD contains a character outside printable ASCII');
    assert.equal(readdirSync(cwd), []);
  } finally {
    removeTempDir(cwd);
  }
});

keygenSuite('on a terminal the password is asked twice; two different answers write nothing', async () => {
  const cwd = makeTempDir();
  try {
    const questions: string[] = [];
    let stdout = '';
    let stderr = '';
    const io = (answers: string[]): CliIo => ({
      stdout: { write: (chunk: string) => (stdout += chunk) },
      stderr: { write: (chunk: string) => (stderr += chunk) },
      env: {},
      cwd,
      now: () => NOW,
      promptSecret: async (question: string) => (questions.push(question), answers.shift() ?? ''),
    });
    assert.is(await runCli(['keygen'], io(['typed-Pa55', 'other'])), 2);
    assert.is(stderr, 'error: the two keystore passwords differ; nothing was written\n');
    assert.equal(readdirSync(cwd), []);
    assert.is(await runCli(['keygen'], io(['typed-Pa55', 'typed-Pa55'])), 0);
    assert.equal(questions, ['Keystore password (for keystore.p12 and its key): ', 'Repeat the keystore password: ', 'Keystore password (for keystore.p12 and its key): ', 'Repeat the keystore password: ']);
    assert.not.match(stdout + stderr, 'typed-Pa55');
    assert.equal(readdirSync(join(cwd, 'keys')).sort(), ['.keygen', ...FILES]);
  } finally {
    removeTempDir(cwd);
  }
});

keygenSuite('an --out that is a file: exit 2, nothing written beside it', async () => {
  const cwd = makeTempDir();
  try {
    writeFileSync(join(cwd, 'keys'), 'not a folder');
    const run = await runInProcess(['keygen'], { env, cwd, now: NOW });
    assert.is(run.code, 2);
    assert.match(run.stderr, /^error: /u);
    assert.equal(readdirSync(cwd), ['keys']);
    assert.is(readFileSync(join(cwd, 'keys'), 'utf8'), 'not a folder');
  } finally {
    removeTempDir(cwd);
  }
});

keygenSuite('a folder in the way of one file: exit 2 even with --force, nothing written', async () => {
  const cwd = makeTempDir();
  try {
    mkdirSync(join(cwd, 'keys', 'keystore.p12'), { recursive: true });
    const run = await runInProcess(['keygen', '--force'], { env, cwd, now: NOW });
    assert.is(run.code, 2);
    assert.is(run.stderr, `error: '${join(cwd, 'keys', 'keystore.p12')}' is a folder; remove it or choose another output folder\n`);
    assert.equal(readdirSync(join(cwd, 'keys')), ['keystore.p12']);
    assert.is(existsSync(join(cwd, 'keys', 'private.key')), false);
  } finally {
    removeTempDir(cwd);
  }
});

keygenSuite('the bundled bin runs keygen in a child process', () => {
  const cwd = makeTempDir();
  try {
    const run = runBin(['keygen', '--json', '--bits', '3072'], { env, cwd });
    assert.is(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { ok: boolean; certificate: { keyBits: number } };
    assert.is(report.ok, true);
    assert.is(report.certificate.keyBits, 3072);
    assertNoSecrets(run.stdout + run.stderr, join(cwd, 'keys'));
  } finally {
    removeTempDir(cwd);
  }
});

keygenSuite.run();
