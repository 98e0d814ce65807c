/** The PKCS#12 protection aem-ioevents writes (the table is in `pkcs12.ts`). */
export type Pkcs12Encryption = 'legacy' | 'aes256';

/** Both choices, in the order `--help` lists them: `legacy` (3DES, SHA-1 MAC) for every Java of AEM 6.x, `aes256` for modern Java. */
export const PKCS12_ENCRYPTIONS: readonly Pkcs12Encryption[] = ['legacy', 'aes256'];
