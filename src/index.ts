/**
 * The aem-ioevents library: the same functions the CLI calls.
 */
export * from './errors.ts';
// What a run cancelled by a signal undoes and says: a program that embeds the library calls `interrupt()` on its own signal handling.
export { interrupt, whileInProgress, type InProgress } from './interruption.ts';
export * from './config/index.ts';
export * from './ims/index.ts';

// Keys: what `keygen` makes, and the checks `build` and `verify` run on keys users bring.
export { createKeyMaterial, type KeyMaterial, type KeyMaterialOptions } from './crypto/key-material.ts';
export { checkKeyFilesWritable, KEY_FILES, keyFilePaths, type KeyFilePaths, writeKeyMaterial, type WriteKeyMaterialOptions } from './crypto/write-key-material.ts';
export { readPkcs12Keystore, type KeystoreAlias, type KeystoreKeyEntry, type ReadPkcs12KeystoreOptions } from './crypto/keystore.ts';
export { readPemKeyPair, type PemKeyPair, type ReadPemKeyPairOptions } from './crypto/key-files.ts';
export { parseCertificatesPem, parsePrivateKeyPem, type PrivateKeyPemOptions } from './crypto/pem.ts';
export { checkCertificate, checkKeyAndCertificate, checkKeyPair, checkPrivateKey, EXPIRY_WARNING_DAYS, type KeyCheckOptions, MIN_RSA_BITS } from './crypto/key-checks.ts';
export { type CertificateInfo, describeCertificate, formatInstant } from './crypto/certificate-info.ts';
export { createPkcs12Keystore, preparePkcs12Protection, type Pkcs12KeystoreOptions, type Pkcs12Protection, type Pkcs12ProtectionOptions } from './crypto/pkcs12.ts';
export { PKCS12_ENCRYPTIONS, type Pkcs12Encryption } from './crypto/pkcs12-encryption.ts';
export { generateRsaPrivateKey } from './crypto/key-pair.ts';
export { DEFAULT_ALIAS, DEFAULT_DAYS, MAX_DAYS, RSA_BITS, type RsaBits } from './crypto/key-options.ts';
export { checkKeystorePassword, KEYSTORE_PASSWORD_VARIABLE, readKeystorePassword, type KeystorePasswordSource } from './crypto/keystore-password.ts';
export { DEFAULT_SUBJECT, formatDistinguishedName, type NameAttribute, type NameAttributeType, parseDistinguishedName } from './crypto/distinguished-name.ts';

// Secrets: what the CLI blanks out of every output; library callers can do the same (option `secrets`).
export { createSecretRegistry, SECRET_VARIABLES, SecretRegistry, type SecretSink } from './secrets/secret-registry.ts';
export { MIN_REDACTED_LENGTH, redact } from './http/redact.ts';

// Build: the content package.
export { buildPackage, type BuildOptions, type BuildResult } from './build/build-package.ts';
export { DEFAULT_TEMPLATE, listBuiltInTemplates, readBuiltInTemplates, readTemplate, type Template, type NameStatus } from './template/template.ts';
export { parseTemplate } from './template/parse-template.ts';
export { renderTemplate, type RenderedTemplate, type RenderedName } from './template/render-template.ts';
export { TEMPLATE_CONTEXT_KEYS, type TemplateContext } from './template/template-context.ts';
export { createContentPackage, type ContentPackageInput } from './packaging/content-package.ts';
export { createZipArchive, type ArchiveEntry } from './packaging/archive.ts';
export { formatPackageId, getDownloadName, getPackageIdError, getPackagePath, type PackageId } from './packaging/package-id.ts';
export { renderPropertiesXml, type PackageProperties, type PackageType, type AccessControlHandling } from './packaging/package-properties.ts';
export { renderFilterXml, type WorkspaceFilter, type PathFilterSet, type PathFilter, type ImportMode } from './packaging/workspace-filter.ts';
export { getJcrNameError, isValidJcrName } from './packaging/jcr-name.ts';

// DocView: FileVault's serialization, byte for byte.
export { renderDocView } from './docview/docview-format.ts';
export { parseDocView, DocViewParseError, type ParsedDocView, type ParsedDocViewNode } from './docview/docview-parse.ts';
export { createDocViewProperty, formatDocViewProperty, parseDocViewProperty, escapeDocViewValue, type DocViewProperty, type PropertyType } from './docview/docview-property.ts';
export { KNOWN_NAMESPACES, type DocViewNode } from './docview/docview-node.ts';
export { getPlatformName, getPlatformPath, getRepositoryName, getRepositoryPath } from './docview/platform-name-format.ts';
export { decodeIso9075, encodeIso9075 } from './docview/iso9075.ts';

// Init: the starter configuration of a template and flow, and the configuration's JSON Schema.
export { initConfig, type InitConfigOptions, type InitConfigResult } from './init/init-config.ts';
export { renderStarterConfig, type StarterConfigOptions } from './init/render-starter.ts';
export { type SchemaReference } from './init/schema-reference.ts';
export { createConfigJsonSchema, CONFIG_SCHEMA_FILE, type JsonSchema } from './config/json-schema.ts';

// Verify: the configuration's credentials against IMS.
export { verifyConfiguration, type VerifyConfigurationOptions, type VerifyConfigurationResult } from './verify/verify-configuration.ts';

// Inspect: read and validate any FileVault package.
export * from './inspect/index.ts';

// Deploy: install through CRX Package Manager with an honest verdict.
export * from './deploy/index.ts';

// Check: AEM's own verdict on the installed integration.
export * from './check/index.ts';

// Up: configuration to proof in one idempotent step.
export * from './up/index.ts';

// Types that exported functions and types name, so that a TypeScript caller can name them too
// (test/package/npm-pack.test.ts walks the published declarations and fails on any left out).
export type { ConfigChoice } from './config/read-config.ts';
export type { FileSystem } from './crypto/file-set-layout.ts';
export type { WriteOutcome } from './fs/write-file-atomic.ts';
export type { HttpFetch } from './http/http-fetch.ts';
export type { HttpAnswer } from './http/send-request.ts';
export type { AnswerHeaders } from './http/http-transport.ts';
export type { RawImsAnswer } from './ims/ims-request.ts';
export type { MavenCoordinates } from './build/maven-artifact.ts';
export type { ContextValue } from './template/template-context.ts';
export type { RenderedFile, RenderedNode } from './template/render-template.ts';
export type { TemplateCheck, TemplateEntry, TemplateFile, TemplateFilter, TemplateFlow, TemplateFlowName, TemplateNode, TemplateProperty } from './template/template.ts';
export { SETUP_NOTICES, type SetupNoticeId } from './template/setup-notices.ts';
export type { ZipArchiveOptions } from './packaging/archive.ts';
export type { ParsedPathFilter, ParsedPathFilterSet, ParsedWorkspaceFilter } from './packaging/parse-filter-xml.ts';
export type { RenderDocViewOptions } from './docview/docview-format.ts';
export type { DocViewCharacterData, DocViewPosition, ParseDocViewOptions } from './docview/docview-parse.ts';
export type { RepositoryPathOptions } from './docview/platform-name-format.ts';
export type { AemConnection } from './deploy/aem-request.ts';
export type { ReadAemCredentialsOptions } from './deploy/credentials.ts';
export type { OpenFile } from './deploy/multipart.ts';
export type { ReadinessOptions } from './deploy/readiness.ts';
export type { NormalizeTargetsOptions } from './deploy/targets.ts';
// A class: waitUntilReady takes one.
export { RetryBudget, type Sleep } from './deploy/backoff.ts';
