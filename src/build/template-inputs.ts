/**
 * `readTemplateInputs()`: the template context for one template, with the inputs that cost I/O or
 * are secrets read only when an entry the template keeps uses them:
 *
 * | context key               | read from                                        | used by                 |
 * | ------------------------- | ------------------------------------------------ | ----------------------- |
 * | `keystore.bytes`          | `keystore.file` (opened with its password, alias checked) | `cloudservice-6.3` with `keystore.include` |
 * | `privateKey.encodedPkcs8` | the keystore's key under `keystore.alias`, else `ims.privateKey` | `aio-aem-events`, JWT |
 *
 * Every value the template needs and the configuration does not give is named in one error.
 */
import type { IoEventsConfig } from '../config/types.ts';
import { checkCertificate, checkPrivateKey } from '../crypto/key-checks.ts';
import { readPkcs12Keystore } from '../crypto/keystore.ts';
import { readKeystoreFile, readPrivateKeyFile } from '../crypto/key-sources.ts';
import { parsePrivateKeyPem } from '../crypto/pem.ts';
import { InputError } from '../errors.ts';
import type { Template } from '../template/template.ts';
import type { TemplateContext } from '../template/template-context.ts';
import { findMissingContextKeys, listUsedContextKeys } from '../template/template-keys.ts';
import { createTemplateContext } from './template-context-from-config.ts';

/** Options of {@link readTemplateInputs}. */
export interface TemplateInputOptions {
  readonly config: IoEventsConfig;
  readonly template: Template;
  /** Folder that messages show paths relative to. */
  readonly cwd: string;
  /** The clock for the certificate's dates. */
  readonly now: Date;
}

/** The context to render with, and warnings (never a secret). */
export interface TemplateInputs {
  readonly context: TemplateContext;
  readonly warnings: readonly string[];
}

/** Reads what `template` needs from `config` and its files; throws `InputError` (exit 2) naming what is missing. */
export async function readTemplateInputs(options: TemplateInputOptions): Promise<TemplateInputs> {
  const { config, template, cwd, now } = options;
  const warnings: string[] = [];
  const wantsKeystore = config.keystore?.include === true;
  const used = listUsedContextKeys(template, { ...createTemplateContext(config, undefined), 'keystore.include': wantsKeystore });
  let keystoreBytes: Uint8Array | undefined;
  if (used.has('keystore.bytes') && wantsKeystore) {
    const keystore = await readKeystoreEntry(config, cwd);
    keystoreBytes = keystore.bytes;
    warnings.push(...checkCertificate(keystore.entry.certificate, { label: keystore.label, now }));
  } else if (wantsKeystore) {
    warnings.push(`keystore.include is ignored: template ${template.name} does not package the keystore${keystoreAdvice(used)}`);
  }
  const encodedPkcs8 = used.has('privateKey.encodedPkcs8') ? await readEncodedPkcs8(config, cwd, now, warnings) : undefined;
  const context = createTemplateContext(config, keystoreBytes, encodedPkcs8 === undefined ? {} : { encodedPkcs8 });
  const missing = findMissingContextKeys(template, context);
  if (missing.length > 0) {
    const hint = missing.some((key) => key.startsWith('workspace.')) ? '; the workspace ids can also come from workspace.projectFile, the project JSON the Adobe Developer Console downloads' : '';
    throw new InputError(`template ${template.name} needs ${missing.join(', ')}, which the configuration does not set; set ${missing.length === 1 ? 'it' : 'them'}${hint}`, { code: 'E_TEMPLATE_INPUT' });
  }
  return { context, warnings };
}

// What to do with the key instead, by what the template's kept entries use.
function keystoreAdvice(used: ReadonlySet<string>): string {
  if (used.has('privateKey.encodedPkcs8')) return ' (its configuration carries the key itself, aio.encoded.pkcs8)';
  if (used.has('keystore.alias')) return "; install the key into the service user's keystore with 'aem-ioevents deploy --keystore'";
  return ' (this variant needs no key)';
}

interface OpenedKeystore {
  readonly bytes: Buffer;
  readonly entry: ReturnType<typeof readPkcs12Keystore>;
  readonly label: string;
}

// The keystore must open with its password and hold a key entry under the alias the connector
// looks up (aem-io-events.md §1.1).
async function readKeystoreEntry(config: IoEventsConfig, cwd: string): Promise<OpenedKeystore> {
  const keystore = config.keystore!;
  const { bytes, password, label } = await readKeystoreFile({ file: keystore.file, password: keystore.password, cwd, usedBy: 'build' });
  return { bytes, entry: readPkcs12Keystore({ bytes, password, alias: keystore.alias, label }), label };
}

// aio.encoded.pkcs8: base64 of the PKCS#8 DER key (ims-jwt.md §2.4, `openssl pkcs8 -topk8 -outform DER -nocrypt | base64`).
async function readEncodedPkcs8(config: IoEventsConfig, cwd: string, now: Date, warnings: string[]): Promise<string> {
  if (config.keystore !== undefined) {
    const { entry, label } = await readKeystoreEntry(config, cwd);
    warnings.push(...checkCertificate(entry.certificate, { label, now }));
    return entry.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
  }
  const keyFile = config.ims.privateKey;
  if (keyFile === undefined) {
    throw new InputError(
      'the JWT variant writes the private key (aio.encoded.pkcs8), and the configuration has none: give keystore.file and keystore.password, or ims.privateKey; or set osgi.flow: oauth',
      { code: 'E_TEMPLATE_INPUT' },
    );
  }
  const { text, label } = await readPrivateKeyFile(keyFile, cwd);
  const privateKey = parsePrivateKeyPem(text, { label, ...(config.ims.passphrase !== undefined && { passphrase: config.ims.passphrase }) });
  checkPrivateKey(privateKey, { label });
  return privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
}
