/**
 * `aem-ioevents keygen`: the RSA key, the self-signed certificate and the PKCS#12 keystore of
 * Adobe's keystore setup page (AdobeDocs/adobeio-events `aem/aem_keystore_setup.md`), in one step.
 *
 * The order is chosen for speed and for safety: flags and existing files are checked first
 * (nothing is asked or generated in vain), RSA generation starts on the thread pool before the
 * password is read and node-forge is loaded, and the four files are written together at the end.
 */
import { relative, resolve } from 'node:path';
import { InputError } from '../errors.ts';
import type { KeyMaterial } from '../crypto/key-material.ts';
import type { KeyFilePaths } from '../crypto/write-key-material.ts';
import type { CliIo, CommandOutcome, CommandSpec } from './command.ts';

interface KeygenFlags {
  readonly out?: string;
  readonly alias?: string;
  readonly days?: number | string;
  readonly bits?: number | string;
  readonly subject?: string;
  readonly 'p12-encryption'?: string;
  readonly force: boolean;
}

/** The `keygen` command. */
export const keygenCommand: CommandSpec = {
  command: 'keygen',
  describe: 'Make the RSA key, the certificate and the PKCS#12 keystore',
  builder: (yargs) =>
    yargs
      // No yargs defaults: a flag given without its value must be an error, not the default.
      .option('out', { type: 'string', defaultDescription: 'keys', describe: 'Folder for the four files' })
      .option('alias', { type: 'string', defaultDescription: 'eventproxy', describe: 'Keystore alias, lower case' })
      // Numbers in help; a value that is not one reaches the checks as typed (usage-errors.ts).
      .option('days', { type: 'number', requiresArg: true, defaultDescription: '365', describe: 'Days of validity, 1 to 3650' })
      .option('bits', { type: 'number', requiresArg: true, defaultDescription: '2048', describe: 'RSA key size: 2048, 3072 or 4096' })
      .option('subject', { type: 'string', defaultDescription: 'CN=eventproxy', describe: 'Certificate subject, CN=…, O=… or /O=…/CN=…' })
      .option('p12-encryption', { type: 'string', defaultDescription: 'legacy', describe: 'legacy (3DES, SHA-1 MAC: every Java of AEM 6.x) or aes256 (modern Java)' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace existing key files' })
      .option('json', { type: 'boolean', default: false, describe: 'Print one JSON object' })
      .epilogue('The keystore password comes from IOEVENTS_KEYSTORE_PASSWORD, or is asked on a terminal.'),
  run: (args, io) => runKeygen(args as unknown as KeygenFlags, io),
};

async function runKeygen(flags: KeygenFlags, io: CliIo): Promise<CommandOutcome> {
  const [options, { DEFAULT_SUBJECT, parseDistinguishedName }] = await Promise.all([import('../crypto/key-options.ts'), import('../crypto/distinguished-name.ts')]);
  const alias = options.normalizeAlias(flags.alias ?? options.DEFAULT_ALIAS, '--alias');
  // As typed: yargs reads `--days 0` as the number 0; the message quotes what the user wrote.
  const days = options.normalizeDays(flags.days === undefined ? options.DEFAULT_DAYS : String(flags.days), '--days');
  const bits = options.normalizeBits(flags.bits === undefined ? 2048 : String(flags.bits), '--bits');
  const p12Encryption = options.normalizeP12Encryption(flags['p12-encryption'] ?? 'legacy', '--p12-encryption');
  const subject = flags.subject ?? DEFAULT_SUBJECT;
  parseDistinguishedName(subject, '--subject');
  // A bare `--out` arrives as '' and would write into the working directory.
  if (flags.out?.trim() === '') throw new InputError('--out needs a folder, e.g. --out keys', { code: 'E_USAGE' });
  const out = resolve(io.cwd, flags.out ?? 'keys');
  const [{ checkKeyFilesWritable, writeKeyMaterial }, passwords, { generateRsaPrivateKey }] = await Promise.all([
    import('../crypto/write-key-material.ts'),
    import('../crypto/keystore-password.ts'),
    import('../crypto/key-pair.ts'),
  ]);
  await checkKeyFilesWritable(out, { force: flags.force });
  const { hasKeystorePasswordVariable, readKeystorePassword } = passwords;
  const source = { env: io.env, promptSecret: io.promptSecret };
  // From the environment: read now. Neither variable nor terminal: fail now, saying how to give it.
  let password = hasKeystorePasswordVariable(source) || source.promptSecret === undefined ? await readKeystorePassword(source) : undefined;
  const privateKey = generateRsaPrivateKey(bits);
  privateKey.catch(() => undefined); // awaited in createKeyMaterial; no unhandled rejection if a step before it throws
  password ??= await readKeystorePassword(source); // on a terminal: asked while the key is generated
  const { createKeyMaterial } = await import('../crypto/key-material.ts');
  const material = await createKeyMaterial({ password, alias, days, bits, p12Encryption, subject, now: io.now(), privateKey });
  const files = await writeKeyMaterial(out, material, { force: flags.force });
  // Every use of these files is the JWT flow, which no longer gets tokens (issue 12, point 8).
  const { formatJwtFlowWarning } = await import('../ims/end-of-life.ts');
  return describeKeygen(material, relativeTo(io.cwd, files), formatJwtFlowWarning("keygen's key and certificate are for", io.now()));
}

/** The paths as the user would type them: relative to the working directory when inside it. */
function relativeTo(cwd: string, files: KeyFilePaths): KeyFilePaths {
  const show = (path: string): string => {
    const shown = relative(cwd, path);
    return shown === '' || shown.startsWith('..') ? path : shown;
  };
  return { privateKey: show(files.privateKey), certificate: show(files.certificate), keystore: show(files.keystore), pkcs8Base64: show(files.pkcs8Base64) };
}

function describeKeygen(material: KeyMaterial, files: KeyFilePaths, jwtWarning: string): CommandOutcome {
  const { certificate } = material;
  const warnings = [jwtWarning, ...material.warnings];
  const notAfter = certificate.notAfter.toISOString().replace(/\.000Z$/u, 'Z');
  const notBefore = certificate.notBefore.toISOString().replace(/\.000Z$/u, 'Z');
  const protection = material.p12Encryption === 'legacy' ? 'legacy: 3DES key and certificates, SHA-1 MAC' : 'aes256: AES-256 (PBES2), SHA-256 MAC';
  const nextSteps = [
    `Upload ${files.certificate} to your project's credential in the Adobe Developer Console.`,
    `Put the key into AEM: set keystore.file to ${files.keystore} for aem-ioevents build, or upload ${files.keystore} in AEM (Tools > Security > Users > eventproxy-service > Keystore > Add Private Key from Key Store file), alias ${material.alias}, the keystore password for both passwords.`,
    `Make a new key before ${notAfter.slice(0, 10)}: Adobe cannot renew an expired certificate.`,
  ];
  const json = {
    ok: true,
    files,
    keystore: { alias: material.alias, p12Encryption: material.p12Encryption, protection },
    certificate: {
      subject: certificate.subject,
      serialNumber: certificate.serialNumber,
      notBefore,
      notAfter,
      fingerprint256: certificate.fingerprint256,
      signatureAlgorithm: 'sha256WithRSAEncryption',
      keyBits: certificate.keyBits,
    },
    nextSteps,
    warnings,
  };
  const text = [
    'Wrote the key, the certificate and the keystore:',
    `  ${files.privateKey.padEnd(32)} private key, PKCS#8 PEM (mode 0600): keep it secret`,
    `  ${files.certificate.padEnd(32)} certificate, PEM`,
    `  ${files.keystore.padEnd(32)} PKCS#12 keystore, alias ${material.alias} (${protection})`,
    `  ${files.pkcs8Base64.padEnd(32)} private key, base64 PKCS#8 DER for aio.encoded.pkcs8 (mode 0600)`,
    '',
    'Certificate:',
    `  subject      ${certificate.subject} (RSA ${certificate.keyBits} bits, sha256WithRSAEncryption)`,
    `  SHA-256      ${certificate.fingerprint256}`,
    `  valid from   ${notBefore}`,
    `  expires      ${notAfter}`,
    '',
    'Next steps:',
    ...nextSteps.map((step, i) => `  ${i + 1}. ${step}`),
  ].join('\n');
  return { exitCode: 0, json, text, warnings };
}
