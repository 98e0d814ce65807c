/**
 * The aem-ioevents library: the same functions the CLI calls.
 */
export * from './errors.ts';
export * from './config/index.ts';
export * from './ims/index.ts';
export * from './inspect/index.ts';
export * from './deploy/index.ts';

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
